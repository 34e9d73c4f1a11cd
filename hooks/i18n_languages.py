"""The languages of a build, as mkdocs-static-i18n configures them (used by the hooks).

The plugin builds the default language first, then each other language in the same
process; `current` is the one being built (None in the very first on_config).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def languages(config: MkDocsConfig) -> tuple[str, ...]:
    """Every language the handbook is built in, the default first."""
    i18n = config.plugins["i18n"]
    ordered = sorted(i18n.config.languages, key=lambda lang: not lang.default)
    return tuple(lang.locale for lang in ordered if lang.locale != "null")


def current(config: MkDocsConfig) -> str:
    i18n: Any = config.plugins["i18n"]  # mkdocs-static-i18n's plugin, untyped
    return i18n.current_language or i18n.default_language


def site_name(config: MkDocsConfig, lang: str) -> str:
    """The handbook's name in lang: its own site_name in the plugin, else mkdocs.yml's."""
    entry = next(entry for entry in config.plugins["i18n"].config.languages if entry.locale == lang)
    return entry.site_name or config.site_name


def url_root(config: MkDocsConfig) -> str:
    """The folder of the language being built below the site root: "" or "en/"."""
    lang = current(config)
    return "" if lang == languages(config)[0] else f"{lang}/"


def pages(config: MkDocsConfig, files: Files) -> list[Page]:
    """The pages of the language being built. An untranslated page shown in this build keeps
    its source file's language (NOTES.md), so it is left out."""
    lang = current(config)
    return [
        file.page
        for file in files.documentation_pages()
        if file.page and getattr(file, "locale", lang) == lang
    ]
