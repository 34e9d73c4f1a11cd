"""The languages of a build, as mkdocs-static-i18n configures them (used by the hooks).

The plugin builds the default language first, then each other language in the same
process; `current` is the one being built (None in the very first on_config). How files
and URLs are named per language is cardkit.languages.Languages, built here from the
plugin's own configuration.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from cardkit.languages import Languages


def _plugin(config: MkDocsConfig) -> Any:
    return config.plugins["i18n"]  # mkdocs-static-i18n's plugin, untyped


def model(config: MkDocsConfig) -> Languages:
    """Every language the handbook is built in, the default first, with its names."""
    return Languages.from_entries(_plugin(config).config.languages)


def current(config: MkDocsConfig) -> str:
    i18n = _plugin(config)
    return i18n.current_language or i18n.default_language


def site_name(config: MkDocsConfig, lang: str) -> str:
    """The handbook's name in lang: its own site_name in the plugin, else mkdocs.yml's."""
    entry = next(entry for entry in _plugin(config).config.languages if entry.locale == lang)
    return entry.site_name or config.site_name


def first_pass(config: MkDocsConfig) -> bool:
    """True in the build's first language pass (the plugin runs the others inside it)."""
    return not getattr(_plugin(config), "building", False)


def last_pass(config: MkDocsConfig) -> bool:
    """True in the build's last language pass: the plugin builds the default language, then
    each other language it builds, in its configured order (or only one language, with
    build_only_locale)."""
    i18n = _plugin(config)
    order = [i18n.default_language]
    order += [code for code in i18n.build_languages if code != i18n.default_language]
    return current(config) == order[-1]


def url_root(config: MkDocsConfig) -> str:
    """The folder of the language being built below the site root: "" or "en/"."""
    return model(config).url_root(current(config))


def pages(config: MkDocsConfig, files: Files) -> list[Page]:
    """The pages of the language being built. An untranslated page shown in this build keeps
    its source file's language (NOTES.md), so it is left out."""
    lang = current(config)
    return [
        file.page
        for file in files.documentation_pages()
        if file.page and getattr(file, "locale", lang) == lang
    ]
