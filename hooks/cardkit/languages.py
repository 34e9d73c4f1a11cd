"""The handbook's languages and how a page is named in each: the one place for the rule.

mkdocs-static-i18n's suffix layout: the default language's source is `x.md` and is served
at the site root; every other language's source is `x.<lang>.md`, served below `<lang>/`.
The plugin (hooks/handbook/i18n.py) and the tools (tools/project.py) build this object
from mkdocs.yml's i18n languages through `from_entries`; the core and the tests use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

# Language names in editors' messages, which are in English ("has no English version").
ENGLISH_NAMES = {"de": "German", "en": "English", "fr": "French", "it": "Italian"}


@dataclass(frozen=True)
class Languages:
    default: str
    others: tuple[str, ...] = ()
    names: Mapping[str, str] = field(default_factory=dict)  # as the language switcher shows

    @classmethod
    def from_entries(cls, entries: Iterable[Any]) -> Languages:
        """From the i18n plugin's `languages:` list, as raw YAML (dicts) or as the plugin's
        config objects (attributes); its 'null' locale is not a language of the handbook."""

        def get(entry: Any, key: str) -> Any:
            return entry.get(key) if isinstance(entry, Mapping) else getattr(entry, key, None)

        listed = [entry for entry in entries if get(entry, "locale") != "null"]
        ordered = sorted(listed, key=lambda entry: not get(entry, "default"))
        codes = [str(get(entry, "locale")) for entry in ordered]
        names = {str(get(e, "locale")): str(get(e, "name") or get(e, "locale")) for e in ordered}
        return cls(codes[0], tuple(codes[1:]), names)

    @property
    def codes(self) -> tuple[str, ...]:
        """Every language, the default first."""
        return (self.default, *self.others)

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def suffix(self, lang: str) -> str:
        """'' for the default language, '.en' for English: what its file names carry."""
        return "" if lang == self.default else f".{lang}"

    def source_name(self, stem: str, lang: str) -> str:
        """('tipps/kontakt', 'en') -> 'tipps/kontakt.en.md'."""
        return f"{stem}{self.suffix(lang)}.md"

    def split(self, src_uri: str) -> tuple[str, str]:
        """'tipps/kontakt.en.md' -> ('tipps/kontakt', 'en'); a name without a language
        suffix is the default language's."""
        stem = src_uri.removesuffix(".md")
        for lang in self.others:
            if stem.endswith(f".{lang}"):
                return stem[: -len(lang) - 1], lang
        return stem, self.default

    def is_default_source(self, src_uri: str) -> bool:
        return self.split(src_uri)[1] == self.default

    def url_root(self, lang: str) -> str:
        """The language's folder below the site root: '' or 'en/'."""
        return "" if lang == self.default else f"{lang}/"

    def english_name(self, lang: str) -> str:
        """'German', for messages to editors."""
        return ENGLISH_NAMES.get(lang, lang)
