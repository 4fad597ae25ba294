"""`make test`'s suite as three pytest sessions side by side: the integration tests in two halves,
the e2e fuzzers beside the shorter half, and the rest. The suite spends most of its time waiting
on the broker, the databases and the processes it starts (about two thirds of one core over a
serial run; an integration test mostly waits for containers to start, answer and stop), so
sessions side by side share the two cores instead of leaving them idle. Each line is prefixed
with its session's name; the exit status is the first failing session's. pytest-xdist is no use
here: its workers talk to the controller over a thread that the suite's eventlet monkey-patching
stalls.

    python -m tests.parallel [pytest options for every session]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO

FIRST_HALF = [
    "tests/integration/funding",
    "tests/integration/gateway",
    "tests/integration/households",
]
# the two fuzzers (minutes each) run beside the first half, which is the shortest: 9 minutes alone
FUZZERS = ["tests/e2e/test_api_schema.py", "tests/e2e/test_hostile_input.py"]
SESSIONS = {  # pytest arguments: folders and files, and `--ignore=` what another session runs
    "integration-a": [*FIRST_HALF, *FUZZERS],
    "integration-b": ["tests/integration", *(f"--ignore={path}" for path in FIRST_HALF)],
    "unit-e2e": ["tests/unit", "tests/deploy", "tests/e2e", *(f"--ignore={p}" for p in FUZZERS)],
}
WRITING = threading.Lock()
FAILURE_PREFIXES = ("FAILED ", "ERROR ")  # pytest's short summary lines (`-ra`)


def start(name: str, paths: list[str], options: list[str], run: Path) -> subprocess.Popen[str]:
    # each session its own temporary root (pytest wipes it when it starts), inside a folder of
    # this run's own: no session, and no other run on the machine, cleans away what one is using
    basetemp = run / name
    command = [sys.executable, "-m", "pytest", f"--basetemp={basetemp}", *options, *paths]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )


def relay(name: str, stream: IO[str], failures: list[str]) -> None:
    for line in stream:
        if line.startswith(FAILURE_PREFIXES):
            failures.append(f"[{name}] {line.rstrip()}")
        with WRITING:
            sys.stdout.write(f"[{name}] {line}")
            sys.stdout.flush()


def main(options: list[str]) -> int:
    run = Path(tempfile.mkdtemp(prefix="smile-tests-"))
    print(f"sessions' temporary folders: {run}", flush=True)
    running = {name: start(name, paths, options, run) for name, paths in SESSIONS.items()}
    failures: list[str] = []
    relays = [
        threading.Thread(target=relay, args=(name, process.stdout, failures), daemon=True)
        for name, process in running.items()
    ]
    for thread in relays:
        thread.start()
    codes = {name: process.wait() for name, process in running.items()}
    for thread in relays:
        thread.join()
    if failures:
        print("failures of every session:", *failures, sep="\n")
    if not any(codes.values()):
        shutil.rmtree(run, ignore_errors=True)  # kept when a session failed, for its logs
    print("sessions:", ", ".join(f"{name} exited {code}" for name, code in codes.items()))
    return next((code for code in codes.values() if code != 0), 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
