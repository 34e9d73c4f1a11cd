"""What each page's own HTML gets in the build: the content policy and, on a translation
whose original changed after it (by git history), a visible note at the top.

The policy (cardkit.policy) runs on the page's own HTML only (the theme around it is ours)
and stops the build naming the file. The out-of-date translations are found once per
language pass (cardkit.translations) and listed in the build log for editors.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from cardkit import translations
from cardkit.languages import Languages
from cardkit.policy import html_problems

from .state import Pass

log = get_plugin_logger("handbook")


def find_stale_translations(pass_: Pass, languages: Languages) -> None:
    if not pass_.root:
        return  # the original language's pass shows no translation: no git call
    stale = translations.stale_translations(pass_.site.docs_dir, languages)
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
    pass_.stale = {item.src_uri: item for item in stale or []}


def translation_note(html: str, page: Page, pass_: Pass, languages: Languages) -> str:
    source_lang = getattr(page.file, "locale", None) or pass_.lang  # mkdocs-static-i18n's
    if source_lang != pass_.lang:  # no version in this language: the original, with a note
        return translations.fallback_html(lang=pass_.lang, original_lang=source_lang) + html
    item = pass_.stale.get(page.file.src_uri)
    if item is None:
        return html
    note = translations.note_html(
        item,
        lang=pass_.lang,
        original_lang=languages.default,
        page_url=page.url,
        original_url=page.url.removeprefix(pass_.root),
    )
    return note + html


def check_policy(html: str, page: Page, config: MkDocsConfig) -> None:
    problems = html_problems(html)
    if problems:
        lines = "\n".join(f"  - {problem}" for problem in problems)
        docs = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path))
        raise PluginError(
            f"{docs}/{page.file.src_uri}: this page's HTML is not allowed in the "
            f"handbook:\n{lines}\nWrite Markdown, or harmless HTML "
            "(CONTRIBUTING.md, 'HTML in pages')."
        )
