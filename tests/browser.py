"""The built site through nginx (tools/preview.py, deploy/nginx.conf) and Debian's Chromium
driven by Playwright."""
from __future__ import annotations

from contextlib import contextmanager

from preview import nginx  # noqa: F401 - the shipped server config, as `make preview` runs it

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps calling hosts this network refuses.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@contextmanager
def chromium():
    """Debian's Chromium; Playwright gives each launch a fresh, empty profile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            yield browser
        finally:
            browser.close()
