"""What every browser test shares: Debian's Chromium, the phone's and the desk's widths, a page
opened on the running system, and axe-core's verdict on a page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from playwright.sync_api import Browser, Page

from infra.config import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 360, "height": 740}
DESK = {"width": 1280, "height": 900}
AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def opened(
    browser: Browser, system: Any, viewport: dict[str, int], **options: Any
) -> Iterator[Page]:
    """A page in a context of its own (its own cookies and IndexedDB: another phone), in Thai."""
    context = browser.new_context(viewport=viewport, base_url=system.url, locale="th-TH", **options)
    yield context.new_page()
    context.close()


def axe_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now (open the page with
    `bypass_csp=True`: the CSP forbids injected scripts)."""
    page.add_script_tag(path=AXE)
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        if v["impact"] in SERIOUS
    ]
