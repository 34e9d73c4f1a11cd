"""The built site through nginx (tools/preview.py, deploy/nginx.conf) and Debian's Chromium
driven by Playwright."""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from pathlib import Path

from content import ROOTS, page_url
from tools.preview import nginx  # noqa: F401 - the shipped server config, as `make preview` runs it
from tools.screenshots import CHROMIUM, CHROMIUM_ARGS


@contextmanager
def chromium():
    """Debian's Chromium; Playwright gives each launch a fresh, empty profile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def url_of(stem: str, lang: str) -> str:
    return ROOTS[lang] + page_url(stem)


# A transition still running (the search output fades in over 0.4 s) blends its text with
# the background, and axe measures the blend: a loaded machine failed colour contrast so.
# True once no finite transition or animation runs (an endless one, a pulse, never ends).
# It waits for their end itself, not a poll longer; false after a second if more started.
TRANSITIONS_DONE = """async () => {
    const running = () => document.getAnimations().filter(animation =>
        animation.playState === 'running'
        && isFinite(animation.effect.getComputedTiming().endTime));
    const ended = Promise.all(running().map(animation => animation.finished.catch(() => null)));
    await Promise.race([ended, new Promise(resolve => setTimeout(resolve, 1000))]);
    return running().length === 0;
}"""


def settle(tab) -> None:
    """Until the page's transitions have ended: what the reader sees once the page is still."""
    wait_until(tab, TRANSITIONS_DONE)


def choose_language(tab, lang: str) -> None:
    """The header's language menu, as a reader uses it: hover, then the language, once the
    menu has slid in. A press while it still moves (0.25 s; longer on a loaded machine)
    scrolled the page in Chromium, and the page then kept another section."""
    tab.hover(".md-header__option .md-select")
    settle(tab)
    tab.click(f"a.md-select__link[hreflang={lang}]")
    tab.wait_for_load_state()


def first_screen_bottom(tab, selector: str) -> float:
    """Where the element ends, in CSS pixels from the top of the screen."""
    box = tab.locator(selector).bounding_box()
    assert box is not None, selector
    return box["y"] + box["height"]


def run_axe(tab) -> list[dict]:
    settle(tab)  # measure what the reader sees once the page is still
    tab.evaluate(AXE.read_text(encoding="utf-8"))  # not a <script>: the site's policy forbids it
    found = tab.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))""")
    return [v for v in found if v["impact"] in ("serious", "critical")]


def shipped_csp() -> str:
    """The one Content-Security-Policy, as deploy/nginx.conf sends it."""
    conf = ROOT / "deploy" / "nginx.conf"
    found = re.findall(r'add_header\s+Content-Security-Policy\s+"([^"]+)"', conf.read_text())
    assert len(found) == 1, f"{conf}: expected one Content-Security-Policy line"
    return found[0]


def wait_until(tab, predicate: str, arg=None, *, timeout: float = 15.0) -> None:
    """Until predicate(arg), run in the page, is true; it may return a Promise.
    (Playwright's wait_for_function takes a returned Promise itself for true, at once;
    evaluate waits for it.)"""
    deadline = time.monotonic() + timeout
    while not tab.evaluate(predicate, arg):
        assert time.monotonic() < deadline, f"not true within {timeout} s: {predicate}"
        tab.wait_for_timeout(200)
