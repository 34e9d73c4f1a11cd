"""A sitemap.xml beside every page, so the language selector makes no failing requests.

mkdocs-static-i18n puts a <link rel="alternate" hreflang> to each page's translation in
the page head. Material's JavaScript fetches "sitemap.xml" relative to every such link
(it expects them to point at language roots), which would be a 404 and a console error
on every page view. A one-entry sitemap beside each page answers that request.
"""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           "<url><loc>{loc}</loc></url></urlset>\n")


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    target = Path(page.file.abs_dest_path).with_name("sitemap.xml")
    if target.parent != Path(config.site_dir):   # MkDocs writes the site root's own
        loc = (config.site_url or "/") + page.url
        target.parent.mkdir(parents=True, exist_ok=True)   # the page is written after this
        target.write_text(SITEMAP.format(loc=escape(loc)), encoding="utf-8")
    return output
