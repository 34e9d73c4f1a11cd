"""The one place that reads mkdocs-static-i18n's plugin: the languages, the language being
built, and where a pass stands in the build.

The plugin builds the default language first, then each other language it builds inside
that build's on_post_build, in the same process, with the same plugin objects. It keeps
what this module reads as plain attributes (`current_language`, `building`,
`build_languages`, `config.languages`); nothing else in the handbook touches them.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from cardkit.languages import Languages

NAME = "i18n"


class I18n:
    """mkdocs-static-i18n as the handbook sees it, for one build's config."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._plugin: Any = config.plugins[NAME]  # untyped third-party object
        self._site_name = config.site_name

    @staticmethod
    def check(config: MkDocsConfig) -> None:
        """Refuse a configuration the handbook cannot build with, saying what to change."""
        names = list(config.plugins)
        if NAME not in names:
            raise PluginError(
                "mkdocs.yml: the handbook needs the i18n plugin (mkdocs-static-i18n) with "
                "docs_structure: suffix and German as the default language; add it under "
                "plugins: before handbook, as the handbook's mkdocs.yml shows"
            )
        if names.index(NAME) > names.index("handbook"):
            raise PluginError(
                "mkdocs.yml: under plugins:, list i18n before handbook (the handbook works "
                "on the language i18n has chosen)"
            )
        if config.plugins[NAME].config.docs_structure != "suffix":
            raise PluginError(
                "mkdocs.yml: the i18n plugin's docs_structure must be suffix (German x.md "
                "beside English x.en.md); the handbook names its files that way"
            )

    def entries(self) -> list[Any]:
        """The plugin's own language entries (locale, site_name, nav_translations, …)."""
        return list(self._plugin.config.languages)

    def languages(self) -> Languages:
        """Every language the handbook is built in, the default first, with its names."""
        return Languages.from_entries(self._plugin.config.languages)

    @property
    def current(self) -> str:
        """The language being built (the default one before the plugin has chosen)."""
        return self._plugin.current_language or self._plugin.default_language

    def site_name(self, lang: str) -> str:
        """The handbook's name in lang: its own site_name in the plugin, else mkdocs.yml's."""
        for entry in self._plugin.config.languages:
            if entry.locale == lang and entry.site_name:
                return str(entry.site_name)
        return self._site_name

    @property
    def first_pass(self) -> bool:
        """True in the build's first language pass (the plugin runs the others inside it)."""
        return not getattr(self._plugin, "building", False)

    def built(self) -> list[str]:
        """The languages this build makes, in the order the plugin builds them: the default
        first (only one language with build_only_locale)."""
        default = self._plugin.default_language
        return [default, *(code for code in self._plugin.build_languages if code != default)]

    @property
    def last_pass(self) -> bool:
        return self.current == self.built()[-1]
