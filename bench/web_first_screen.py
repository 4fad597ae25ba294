"""The web app on a cheap phone (issue 15): the first screen's gzipped JS+CSS, and the time to a
usable case list (the first household of "my households" shown, with its link) from a cold load
(empty cache, no service worker) and from a warm one (the service worker holds the app shell).

    .venv/bin/python bench/web_first_screen.py [--runs 3] [--profile slow3g|fast3g]
        [--url URL --username U --password P]

Chromium (Debian's /usr/bin/chromium) with the CPU slowed 4x (`Emulation.setCPUThrottlingRate`)
and DevTools' "Slow 3G" profile (2 s round trip, 400 kbit/s each way; or `--profile fast3g`),
`Network.emulateNetworkConditions`, through Playwright's CDP session, signed in (the session
cookie) before the timed load. Without --url it starts the whole system as the browser tests do
and registers a coordinator with 20 households. Build the app first (make web). Figures, not a
test: it never fails on a time.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.support.waiting import wait_for

DIST = Path(__file__).resolve().parent.parent / "web" / "dist"
CHROMIUM = "/usr/bin/chromium"
PROFILES = {  # DevTools' presets: round trip (ms), bytes per second each way
    "slow3g": {"latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000},
    "fast3g": {"latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375},
}
NETWORK: dict[str, float | bool] = {"offline": False, **PROFILES["slow3g"]}
CPU_SLOWDOWN = 4
FIRST_HOUSEHOLD = "main li.card a"


def first_screen_kb() -> dict[str, float]:
    """What index.html loads first, gzipped as a server would (level 6)."""
    index = (DIST / "index.html").read_text()
    files = re.findall(r'(?:src|href)="/(assets/[^"]+\.(?:js|css))"', index)
    return {name: len(gzip.compress((DIST / name).read_bytes(), 6)) / 1024 for name in files}


NETWORK_FETCHED: list[str] = []  # the app's files fetched over the network, not from the worker
API_ASKED: Counter[str] = Counter()  # the API's paths asked over the network, with how often


def throttled_page(context: BrowserContext) -> Page:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.on("Network.responseReceived", _note_network_file)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return page


def _note_network_file(event: dict) -> None:
    response = event["response"]
    path = urlsplit(response["url"]).path
    if path.startswith("/api/") and not response["fromServiceWorker"]:
        API_ASKED[path] += 1
    if event["type"] in ("Document", "Script", "Stylesheet") and not response["fromServiceWorker"]:
        NETWORK_FETCHED.append(response["url"])


def time_to_list(page: Page, url: str) -> float:
    started = time.perf_counter()
    page.goto(f"{url}/", wait_until="commit", timeout=120_000)
    page.locator(FIRST_HOUSEHOLD).first.wait_for(state="visible", timeout=120_000)
    return time.perf_counter() - started


def signed_in_context(browser: Browser, url: str, username: str, password: str) -> BrowserContext:
    context = browser.new_context(
        base_url=url, locale="th-TH", viewport={"width": 360, "height": 740}
    )
    answer = context.request.post(
        f"{url}/api/v1/sessions", data={"username": username, "password": password}
    )
    assert answer.ok, answer.text()
    return context


def wait_for_service_worker(page: Page) -> None:
    # polled from here: Playwright's wait_for_function compiles its predicate in the page, which
    # the app's Content-Security-Policy (no eval) refuses
    controlled = "() => navigator.serviceWorker?.controller != null"
    wait_for(lambda: page.evaluate(controlled), timeout=120, what="the service worker")
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")


def measure(browser: Browser, url: str, username: str, password: str) -> tuple[float, float]:
    context = signed_in_context(browser, url, username, password)
    try:
        cold_page = throttled_page(context)
        API_ASKED.clear()
        cold = time_to_list(cold_page, url)
        asked = ", ".join(f"{path} x{count}" for path, count in sorted(API_ASKED.items()))
        print(f"  cold load asked, before the list showed: {asked}")
        wait_for_service_worker(cold_page)
        time.sleep(5)  # the precache finishes downloading the other chunks
        cold_page.close()
        NETWORK_FETCHED.clear()
        warm = time_to_list(throttled_page(context), url)
        if NETWORK_FETCHED:
            print(f"  warm load fetched over the network: {NETWORK_FETCHED}")
        return cold, warm
    finally:
        context.close()


@contextmanager
def running_system() -> Iterator[tuple[str, str, str]]:
    """The whole system as the browser tests start it, with a coordinator and 20 households."""
    from infra.config import load_config
    from tests.e2e.access_world import World, household
    from tests.e2e.conftest import launch
    from tests.e2e.test_teams import PASSWORD, Client
    from tests.support.broker import RabbitAdmin

    system_run = launch(
        Path(tempfile.mkdtemp(prefix="web-perf-")), RabbitAdmin(load_config()["RABBIT_API_URI"])
    )
    system = next(system_run)
    try:
        world = World(system, Client(system.url, system.admin_token))
        coordinator = world.person("perfcoord", "subdistrict_coordinator", "240101")
        client = world.login(coordinator)
        for _ in range(20):
            household(client, "24010101")
        yield system.url, coordinator["username"], PASSWORD
    finally:
        try:
            system_run.close()
        except requests.RequestException as error:  # a busy broker's management API: figures stand
            print(f"(stopping the system: {error})", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="slow3g")
    parser.add_argument("--url")
    parser.add_argument("--username")
    parser.add_argument("--password")
    options = parser.parse_args()
    NETWORK.update(PROFILES[options.profile])
    sizes = first_screen_kb()
    for name, size in sizes.items():
        print(f"  {name}: {size:.1f} kB gzipped")
    print(f"first screen JS+CSS: {sum(sizes.values()):.1f} kB gzipped (target <= 150 kB)")
    given = (options.url, options.username, options.password)
    with nullcontext(given) if options.url else running_system() as (url, username, password):
        report(url, username, password, options.runs)


@contextmanager
def nullcontext(value: tuple) -> Iterator[tuple]:
    yield value


def report(url: str, username: str, password: str, runs: int) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        times = [measure(browser, url, username, password) for _ in range(runs)]
        browser.close()
    cold, warm = [statistics.median(t) for t in zip(*times, strict=True)]
    rtt, speed = NETWORK["latency"], float(NETWORK["downloadThroughput"]) * 8 / 1000
    print(f"runs: {runs}; CPU {CPU_SLOWDOWN}x slower, {rtt:.0f} ms RTT, {speed:.0f} kbit/s down")
    for label, index, target in (("cold load", 0, 3), ("warm load (service worker)", 1, 1)):
        each = ", ".join(f"{run[index]:.2f}" for run in times)
        median = cold if index == 0 else warm
        print(
            f"{label} to a usable case list: {median:.2f} s median ({each}) (target <= {target} s)"
        )


if __name__ == "__main__":
    main()
