"""A visible note on every translation whose original changed after it (by git history).

Thin adapter: hooks/translation_status.py finds the out-of-date translations; this hook
lists them in the build log for editors and puts the note at the top of each such page.
"""

from __future__ import annotations

from pathlib import Path

import mkdocs.plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import i18n_languages
import translation_status

log = mkdocs.plugins.get_plugin_logger(__name__)
STALE = "hb_stale_translations"  # on_config leaves this build's findings here, by src_uri


@mkdocs.plugins.event_priority(-110)  # after i18n has chosen the language of this build
def on_config(config: MkDocsConfig) -> None:
    config.extra[STALE] = {}
    if not i18n_languages.url_root(config):
        return  # the original language's pass shows no translation: no git call
    stale = translation_status.stale_translations(
        Path(config.docs_dir), i18n_languages.model(config)
    )
    if stale is None:
        log.info("not a git checkout: translations are not compared with their originals")
    for item in stale or []:
        log.info(
            "translation out of date: %s (%s changed in %s on %s); "
            "'make translations' lists them all",
            item.translation,
            item.original,
            item.changed_by.short,
            item.changed_by.date,
        )
    config.extra[STALE] = {item.src_uri: item for item in stale or []}


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    item = config.extra[STALE].get(page.file.src_uri)
    if item is None:
        return html
    root = i18n_languages.url_root(config)
    note = translation_status.note_html(
        item,
        lang=i18n_languages.current(config),
        original_lang=i18n_languages.model(config).default,
        page_url=page.url,
        original_url=page.url.removeprefix(root),
    )
    return note + html
