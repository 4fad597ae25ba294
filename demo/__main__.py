"""`make demo`: the system started as `make run` starts it, on the demo's own data folder, vhost
and port; on every start the demo's two provinces are loaded through the public API (a second
load finds everything there and changes nothing), and the demo accounts are printed."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from demo import system
from demo.accounts import accounts_text, write_accounts
from demo.load import run, shown_accounts
from infra.config import PROJECT_ROOT


def main() -> int:
    env = system.demo_environment()
    url = f"http://{env['GATEWAY_ADDRESS']}"
    system.ensure_vhost(env)
    system.prepare(env)
    launcher = system.start(env)
    signal.signal(signal.SIGTERM, lambda *_: launcher.send_signal(signal.SIGTERM))
    folder = Path(PROJECT_ROOT, env["DATA_DIR"])
    print(f"demo: starting the system on {url} (logs: {folder / 'system.log'})", flush=True)
    try:
        system.wait_until_healthy(url, launcher)
        seconds = run(url, env["ADMIN_PASSWORD"], say=lambda line: print(line, flush=True))
        print(f"demo: loaded in {seconds:.0f} s", flush=True)
        accounts = shown_accounts(env["ADMIN_PASSWORD"])
        path = write_accounts(folder, url, accounts)
        print(f"\n{accounts_text(url, accounts)}(also in {path})\n\n{LATER}", flush=True)
        return _wait(launcher)
    except KeyboardInterrupt:
        return _wait(launcher)
    except Exception:
        launcher.send_signal(signal.SIGTERM)
        _wait(launcher)
        raise


LATER = (
    "Plans left waiting for approval escalate an hour after they were submitted, referrals nobody"
    " accepted after two hours (PLAN_APPROVAL_HOURS, REFERRAL_ACCEPTANCE_HOURS); escalations"
    " nobody acknowledges climb after ESCALATION_HOURS. Ctrl-C stops the demo."
)


def _wait(launcher: subprocess.Popen[bytes]) -> int:
    while True:
        try:
            return launcher.wait()
        except KeyboardInterrupt:  # the launcher got Ctrl-C too and is stopping everything
            continue


if __name__ == "__main__":
    sys.exit(main())
