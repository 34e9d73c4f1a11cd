"""Reading aids around the pages that MkDocs' own machinery does not give per language:

- "last updated": where git has no history for a page (a copy outside git), the date
  plugin's fallback is the build time; with SOURCE_DATE_EPOCH set, that date is used
  instead, so a reproducible build stays reproducible (and it says so once, not per page);
- a sitemap.xml beside every page: mkdocs-static-i18n puts a <link rel="alternate"
  hreflang> to each page's translation in its head, and Material's JavaScript fetches
  "sitemap.xml" relative to every such link (bundle.*.min.js: `new URL("sitemap.xml",
  <link>)`, expecting language roots). A one-entry sitemap beside each page answers it
  instead of a 404 on every page view, without forking the frozen Material 9.8 bundle;
- a 404 page per language: /404.html German (MkDocs' own), /en/404.html English, each with
  a language switcher that leads to the other language's home page.
"""

from __future__ import annotations

import datetime
import logging
import os
import posixpath
from xml.sax.saxutils import escape

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .state import Pass
from .theme import base_path

NOT_FOUND = "404.html"
UPDATED = "git_revision_date_localized"  # the page.meta prefix of the date plugin
DATE_LOG = "mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.util"
SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<url><loc>{loc}</loc></url></urlset>\n"
)


class _FallbackOnce(logging.Filter):
    """Outside git the date plugin says, for every page, that it falls back to the build
    date; the first time says it all."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "Falling back to build date" not in message:
            return True
        first = message not in self.seen
        self.seen.add(message)
        return first


def quiet_date_fallback() -> None:
    logger = logging.getLogger(DATE_LOG)
    if not any(isinstance(item, _FallbackOnce) for item in logger.filters):
        logger.addFilter(_FallbackOnce())


def reproducible_date(page: Page, lang: str) -> None:
    """The "last updated" date in the reader's language: SOURCE_DATE_EPOCH's outside git;
    a page shown in its original (not yet translated) gets its git date written again in
    the language being read (the date plugin writes it in the file's)."""
    from mkdocs_git_revision_date_localized_plugin.dates import get_date_formats

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if f"{UPDATED}_raw_date" not in page.meta:
        return
    if epoch and not page.meta.get(f"{UPDATED}_hash"):
        moment = int(epoch)
    elif getattr(page.file, "locale", lang) != lang and page.meta.get(f"{UPDATED}_raw_iso_date"):
        day = datetime.date.fromisoformat(str(page.meta[f"{UPDATED}_raw_iso_date"])[:10])
        moment = int(datetime.datetime(day.year, day.month, day.day, 12).timestamp())
    else:
        return
    dates = get_date_formats(moment, locale=lang)
    page.meta[f"{UPDATED}_raw_date"] = dates["date"]
    page.meta[f"{UPDATED}_raw_iso_date"] = dates["iso_date"]


def add_sitemaps(files: Files, config: MkDocsConfig, pass_: Pass) -> None:
    """A one-entry sitemap.xml beside each page of this language (MkDocs writes the site
    root's own)."""
    for file in files.documentation_pages():
        folder = posixpath.dirname(file.dest_uri)
        if folder:  # a page shown in its original (not yet translated) too
            loc = (config.site_url or "/") + file.url.removeprefix("./")
            content = SITEMAP.format(loc=escape(loc))
            files.append(File.generated(config, f"{folder}/sitemap.xml", content=content))


def add_not_found_page(files: Files, config: MkDocsConfig, env: Environment, pass_: Pass) -> None:
    """A language's own 404 page in its folder (en/404.html). MkDocs renders the theme's
    404.html once per pass into the site root, the last pass winning: the root's stays the
    default language's (not_found_output), every other language's is rendered here, the
    way MkDocs renders it, and handed over as a generated file."""
    if not pass_.root:
        return
    assert pass_.nav is not None, "on_nav has run"
    context = get_context(pass_.nav, files, config, base_url=base_path(config))
    # Running an event inside ours makes MkDocs forget whose event is running, which it
    # records on every generated file (File.generated_by): say it again afterwards.
    running = config.plugins._current_plugin
    context = config.plugins.on_template_context(context, template_name=NOT_FOUND, config=config)
    config.plugins._current_plugin = running
    output = env.get_template(NOT_FOUND).render(context)
    files.append(File.generated(config, pass_.root + NOT_FOUND, content=output))


def not_found_context(config: MkDocsConfig, pass_: Pass) -> None:
    """The 404 page's language switcher leads to each language's home page, not to the
    page built last. The i18n plugin sets the switcher per page as an attribute of
    config.extra (which the theme reads first) and keeps the first one under the key."""
    base = base_path(config)
    languages = pass_.site.languages
    current = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    roots = {lang: languages.url_root(lang) for lang in languages}
    homes = [
        {**alternate, "link": base + roots.get(alternate["lang"], "")}
        for alternate in current or []
    ]
    config.extra.alternate = homes  # type: ignore[attr-defined]  # what the theme reads
    config.extra["alternate"] = homes


def not_found_output(output: str, template_name: str, pass_: Pass) -> str:
    """MkDocs would write every language's 404 page to the site root; only the default
    language's stays there (an empty output makes MkDocs skip it)."""
    return "" if template_name == NOT_FOUND and pass_.root else output
