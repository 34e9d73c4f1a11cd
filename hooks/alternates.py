"""A sitemap.xml beside every page, so the language selector makes no failing requests.

mkdocs-static-i18n puts a <link rel="alternate" hreflang> to each page's translation in
the page head. Material's JavaScript fetches "sitemap.xml" relative to every such link
(it expects them to point at language roots), which would be a 404 and a console error
on every page view. A one-entry sitemap beside each page answers that request.

Why not a cleaner way (checked against Material 9.8.1):
- The request comes from Material's bundled JavaScript (`kt()`/`ui()` in bundle.*.min.js:
  `new URL("sitemap.xml", <each link[rel=alternate]>)`); changing it means forking the
  bundle, which the frozen Material 9.8.x must not need.
- Dropping the hreflang links would drop the language alternates the i18n plugin gives
  every page (tests/test_site.py checks them), and Material's `extra.alternate` selector
  needs them to stay on the same page when switching language.
- Left for later: hand the files to MkDocs as generated files (`File.generated` in
  on_files, MkDocs 1.6) instead of writing them beside the page here, once the card PDFs
  (issue 12, item 1) show that pattern working with mkdocs-static-i18n's second build.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<url><loc>{loc}</loc></url></urlset>\n"
)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    target = Path(page.file.abs_dest_path).with_name("sitemap.xml")
    if target.parent != Path(config.site_dir):  # MkDocs writes the site root's own
        loc = (config.site_url or "/") + page.url
        target.parent.mkdir(parents=True, exist_ok=True)  # the page is written after this
        target.write_text(SITEMAP.format(loc=escape(loc)), encoding="utf-8")
    return output
