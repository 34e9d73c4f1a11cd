"""Words the handbook shows readers, per language: one YAML file per language beside this
module (de.yml, en.yml), shipped with the package. Each file has the sections `cards` (the
cards and their PDFs), `book` (the handbook PDF and the trainer's kit), `reading` (the
reading aids around the pages) and `translation` (the note on an out-of-date translation).
Every language has every key (tests/test_cards_core.py checks that)."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import Any

import yaml

SECTIONS = ("cards", "book", "reading", "translation")


def _frozen(value: Any) -> Any:
    """Lists as tuples: the words are read, never changed."""
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


# libyaml's parser where PyYAML has it (its wheels do): the same data, ten times faster,
# and every build and tool process reads these files once at import.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_all() -> dict[str, dict[str, Any]]:
    """Every language's words, by language code (the file's name)."""
    folder = resources.files(__name__)
    return {
        entry.name.removesuffix(".yml"): _frozen(
            yaml.load(entry.read_text(encoding="utf-8"), Loader=_LOADER)  # our own files
        )
        for entry in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if entry.name.endswith(".yml")
    }


WORDS = load_all()
_SECTIONS: dict[str, dict[str, dict[str, Any]]] = {}  # each section's table, made once


def section(name: str) -> dict[str, dict[str, Any]]:
    """One section of every language's words: {'de': {...}, 'en': {...}}."""
    if name not in _SECTIONS:
        _SECTIONS[name] = {lang: words[name] for lang, words in WORDS.items()}
    return _SECTIONS[name]


def provide(default: str, langs: Iterable[str]) -> list[str]:
    """A language of mkdocs.yml without a words file here shows the default language's
    words (as its pages fall back to the default's), so a language is added by
    configuration alone; returns those languages, for the build's log. Call it before the
    build uses any words (the PDF workers are forked after it)."""
    missing = [lang for lang in langs if lang not in WORDS]
    for lang in missing:
        WORDS[lang] = WORDS[default]
        for name, table in _SECTIONS.items():
            table[lang] = WORDS[lang][name]
    return missing


LABELS: dict[str, dict[str, Any]] = section("cards")


def kind_heading(labels: dict, kind: str, count: int) -> str:
    """'Die fünf Haltungen': the cards page's heading for a kind, with its number of cards
    in words up to twelve (so a new card from `make new-card` keeps the heading true)."""
    numbers = labels["numbers"]
    return labels["kinds"][kind].format(count=numbers[count] if count < len(numbers) else count)


def edition(labels: dict, day) -> str:
    """'Stand Januar 2026': the edition printed on every card."""
    return labels["edition"].format(month=labels["months"][day.month - 1], year=day.year)


def file_size(labels: dict, size: int) -> str:
    """'PDF, 84 KB' for a download button."""
    if size < 1_000_000:
        amount = f"{max(1, round(size / 1000))} KB"
    else:
        amount = f"{size / 1_000_000:.1f} MB".replace(".", labels["decimal"])
    return labels["pdf_size"].format(size=amount)
