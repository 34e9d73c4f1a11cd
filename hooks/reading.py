"""Reading aids around every page, in the language being built (thin hook; the words are
in hooks/reading_labels.py, the markup in overrides/):

- `hb_text`, `hb_home` and `hb_cards` for the templates (labels, the language's home page
  and its cards page as absolute paths, which the 404 page needs);
- the running header and page numbers of a printed page: assets/hb-print.css names the
  handbook per language (site_name from mkdocs.yml) for the @page rules in handbook.css;
- "last updated": where git has no history for a page (a copy outside git), the plugin's
  fallback is the build time; with SOURCE_DATE_EPOCH set, that date is used instead, so a
  reproducible build stays reproducible;
- a 404 page per language: /404.html German, /en/404.html English, each with a language
  switcher that leads to the other language's home page, not to the page built last.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

import mkdocs.plugins
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import i18n_languages
from card_deck import current as card_deck  # the deck hooks/cards.py loaded
from reading_labels import LABELS

PRINT_CSS = "assets/hb-print.css"
NOT_FOUND = "404.html"
UPDATED = "git_revision_date_localized"  # the page.meta prefix of the date plugin
DATE_LOG = "mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.util"


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


def on_startup(*, command: str, dirty: bool) -> None:
    logger = logging.getLogger(DATE_LOG)
    if not any(isinstance(item, _FallbackOnce) for item in logger.filters):
        logger.addFilter(_FallbackOnce())


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def print_css(names: dict[str, str]) -> str:
    """Per language: the handbook's name and the words around the page number."""
    rules = [
        f"html:lang({lang}) {{ --hb-print-name: {_css_string(name)}; "
        f"--hb-print-page: {_css_string(LABELS[lang]['print_page'])}; "
        f"--hb-print-of: {_css_string(LABELS[lang]['print_of'])}; }}"
        for lang, name in names.items()
    ]
    return (
        "/* Made by hooks/reading.py from the site names in mkdocs.yml; used by the "
        "@page rules in handbook.css. */\n" + "\n".join(rules) + "\n"
    )


def _site_names(config: MkDocsConfig) -> dict[str, str]:
    i18n = config.plugins["i18n"]
    overrides = {entry.locale: entry.site_name for entry in i18n.config.languages}
    return {lang: overrides.get(lang) or config.site_name for lang in i18n_languages.model(config)}


@mkdocs.plugins.event_priority(-110)  # after i18n has chosen this build's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if not i18n_languages.url_root(config):  # the default language's build knows all names
        files.append(File.generated(config, PRINT_CSS, content=print_css(_site_names(config))))
    return files


def _base_path(config: MkDocsConfig) -> str:
    return urlsplit(config.site_url or "/").path.rstrip("/") + "/"


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    lang = i18n_languages.current(config)
    home = _base_path(config) + i18n_languages.url_root(config)
    sheet_url = card_deck().sheet_url(lang)
    env.globals.update(
        hb_text=LABELS[lang],
        hb_home=home,
        hb_cards=_base_path(config) + sheet_url if sheet_url is not None else None,
    )
    return env


@mkdocs.plugins.event_priority(-50)  # after the date plugin has read git
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and f"{UPDATED}_raw_date" in page.meta and not page.meta.get(f"{UPDATED}_hash"):
        from mkdocs_git_revision_date_localized_plugin.dates import get_date_formats

        dates = get_date_formats(
            int(epoch), locale=getattr(page.file, "locale", None) or i18n_languages.current(config)
        )
        page.meta[f"{UPDATED}_raw_date"] = dates["date"]
        page.meta[f"{UPDATED}_raw_iso_date"] = dates["iso_date"]
    return markdown


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == NOT_FOUND:
        base = _base_path(config)
        languages = i18n_languages.model(config)
        roots = {lang: languages.url_root(lang) for lang in languages}
        # The i18n plugin sets the switcher per page as an attribute of config.extra
        # (which the theme reads first) and keeps the first one under the key.
        current = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
        homes = [
            {**alternate, "link": base + roots.get(alternate["lang"], "")}
            for alternate in current or []
        ]
        config.extra.alternate = homes  # type: ignore[attr-defined]  # what the theme reads
        config.extra["alternate"] = homes
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Each language's 404 page in its own folder; the default language's stays at the
    site root (MkDocs would write every language's there, the last one winning)."""
    root = i18n_languages.url_root(config)
    if template_name != NOT_FOUND or not root:
        return output
    target = Path(config.site_dir) / root / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs then leaves the root's 404.html (the default language's) alone
