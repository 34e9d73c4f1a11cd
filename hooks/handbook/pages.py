"""What each page's own HTML gets in the build: the content policy and, on a translation
whose original's text changed since the translation was checked, a visible note.

The policy (cardkit.policy) runs on the page's own HTML only (the theme around it is ours)
and stops the build naming the file. The out-of-date translations are found once per
language pass (cardkit.translations) and listed in the build log for editors.
"""

from __future__ import annotations

import html as html_lib
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from cardkit import translations
from cardkit.languages import Languages
from cardkit.pagemeta import text_problem
from cardkit.policy import html_problems

from .state import Pass

log = get_plugin_logger("handbook")


def find_stale_translations(pass_: Pass, languages: Languages) -> None:
    if not pass_.root:
        return  # found once, in a translation's pass (the original's shows no note)
    found = translations.findings(pass_.site.docs_dir, languages)
    original_name = languages.english_name(languages.default)
    for item in found:
        log.info("translation to check: %s", translations.describe(item, original_name))
    if found:
        log.info("'make translations' lists the translations to check")
    pass_.stale = {item.src_uri: item for item in found if translations.shown_to_readers(item)}


def translation_note(page: Page, pass_: Pass, languages: Languages) -> str:
    """The note below the page's title (the page head is placed after the h1): on a page
    shown in its original (no version in this language), that it is not yet translated."""
    source_lang = getattr(page.file, "locale", None) or pass_.lang  # mkdocs-static-i18n's
    if source_lang != pass_.lang:
        return translations.fallback_html(lang=pass_.lang, original_lang=source_lang)
    item = pass_.stale.get(page.file.src_uri)
    if item is None:
        return ""
    return translations.note_html(
        item,
        lang=pass_.lang,
        original_lang=languages.default,
        page_url=page.url,
        original_url=page.url.removeprefix(pass_.root),
    )


def check_policy(html: str, page: Page, config: MkDocsConfig) -> None:
    """The page's own HTML (cardkit.policy) and its title as the theme prints it: from the
    front matter or, without one, from the first heading (whose text the theme unescapes)."""
    problems = html_problems(html)
    title = text_problem("title", html_lib.unescape(page.title or ""))  # as striptags reads it
    if title and "title" not in page.meta:
        problems.append(f"the first heading, the page's title: {title}")
    if problems:
        lines = "\n".join(f"  - {problem}" for problem in problems)
        docs = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path))
        raise PluginError(
            f"{docs}/{page.file.src_uri}: this page's HTML is not allowed in the "
            f"handbook:\n{lines}\nWrite Markdown, or harmless HTML "
            "(CONTRIBUTING.md, 'HTML in pages')."
        )
