"""`make screenshots`: the home page, a card's page and the cards page of the built site/,
desktop and phone, both languages, as PNG files in test-artifacts/ for reviewers.

The site is served the way the intranet serves it (tools/preview.py's nginx) and drawn by
Debian's Chromium (its headless shell). CI uploads the folder beside the built site.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tools.preview import ROOT, nginx
from tools.project import languages, load_config

# Debian's Chromium as its headless shell (package chromium-headless-shell): the same Blink
# and V8 as the browser, without the browser's windowing layers; what Playwright itself runs
# for headless Chromium. It opens a page in about a third of the browser's CPU time (make
# test opens several hundred). The browser tests launch it the same way.
CHROMIUM = "/usr/bin/chromium-headless-shell"
# Without the background-networking flags Chromium keeps calling hosts this network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SIZES = {"desktop": 1280, "phone": 375}
PAGES = {"home": "", "card": "haltungen/augenhoehe/", "cards": "karten/"}


def main() -> int:
    from playwright.sync_api import sync_playwright

    site, out = ROOT / "site", ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    langs = languages(load_config())
    with (
        tempfile.TemporaryDirectory() as folder,
        nginx(site, Path(folder)) as base,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in langs:
            root = langs.url_root(lang)
            for device, width in SIZES.items():
                view = browser.new_page(viewport={"width": width, "height": 900})
                for name, path in PAGES.items():
                    view.goto(base + root + path, wait_until="networkidle")
                    view.screenshot(path=str(out / f"{name}-{lang}-{device}.png"), full_page=True)
                view.close()
        browser.close()
    print(f"screenshots: {len(langs) * len(SIZES) * len(PAGES)} PNG files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
