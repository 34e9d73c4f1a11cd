"""Words a page should be found by that its text does not spell out, for the search index.
Plain Python, no MkDocs.

- German compounds are split (Kundenzufriedenheit: kunde, zufriedenheit) by HanTa, the
  Hanover Tagger's morphological analysis: the search matches the start of a word, so
  without the split "Zufriedenheit" would not find "Kundenzufriedenheit". HanTa won against
  compound-split and simplemma on a measured set of compounds and simple words
  (ARCHITECTURE.md, "Search"): it never split a simple word (compound-split made
  "Beschw + Erde" of Beschwerde), and it is maintained.
- Synonyms: the editors' groups per language (docs/synonyme.yml, SYNONYMS_FILE). A page
  with one word of a group is found by all of them (Reklamation finds Beschwerde pages).

The handbook plugin puts these words into a hidden element of each page that Pagefind
indexes (hooks/handbook/search.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .docsfiles import SYNONYMS_FILE
from .languages import Languages
from .model import CardError
from .source import BoundedLoader
from .text import describe, hidden_character

STORE = "compounds-hanta-1.2.1.json"  # in the cache folder; a new HanTa, a new file
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
MIN_PART = 4  # letters: shorter compound parts ("vor", "an") would match too much
MIN_COMPOUND = 8  # letters: shorter words are hardly ever compounds worth splitting
INFLECTION = 3  # letters a word may add to a synonym and still be it (Beschwerde-n)
# Where a language's endings are written down, only these make another form of a synonym:
# any three letters would make "supervisory" (a supervisory body) the "supervisor".
ENDINGS = {"en": ("", "s", "es", "d", "ed", "ing")}
# HanTa's morpheme tags that start a new part of a compound, and those that carry a stem
NOUN = ("NN", "NE")
STEM = ("NN", "NE", "ADJ", "VV", "VA", "VM", "CARD")
MAX_GROUP = 20  # words per synonym group
MAX_WORD = 40  # characters per synonym
MAX_REPEAT = 8  # times a synonym is indexed for a page


def load_synonyms(
    docs_dir: Path, shown_as: str, languages: Languages
) -> dict[str, list[tuple[str, ...]]]:
    """The editors' synonym groups per language; raise CardError naming the file."""
    path = f"{shown_as}/{SYNONYMS_FILE}"
    file = docs_dir / SYNONYMS_FILE
    if not file.is_file():
        return {lang: [] for lang in languages}
    try:
        data = yaml.load(file.read_text(encoding="utf-8-sig"), Loader=BoundedLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise CardError(
            path, f"cannot be read{where}; check the indentation and brackets"
        ) from None
    if not isinstance(data, dict) or any(key not in languages for key in data):
        raise CardError(
            path,
            f"must have one list per language ({', '.join(languages)}: …), not {describe(data)}",
        )
    groups: dict[str, list[tuple[str, ...]]] = {}
    for lang in languages:
        groups[lang] = []
        for number, group in enumerate(data.get(lang) or [], 1):
            where = f"{lang}, group {number}"
            if (
                not isinstance(group, list)
                or not 2 <= len(group) <= MAX_GROUP
                or not all(
                    isinstance(word, str) and 0 < len(word.strip()) <= MAX_WORD for word in group
                )
            ):
                raise CardError(
                    path,
                    f"{where}: write a group as [Wort, Wort, …]: 2 to {MAX_GROUP} words of "
                    f"at most {MAX_WORD} characters",
                )
            if any(hidden_character(word) or "<" in word or ">" in word for word in group):
                raise CardError(
                    path, f"{where}: plain words only, no markup or invisible characters"
                )
            groups[lang].append(tuple(word.strip().lower() for word in group))
    return groups


@dataclass
class Splitter:
    """German compound splitting with HanTa, loaded on first use, each word analysed once.
    With a store (a JSON file in the build's cache folder) the analyses outlive the build:
    HanTa takes seconds to load and a few milliseconds a word, so a rebuild reads them
    back. The store is only a cache: anything in it that is not a plain word list is
    ignored, and one that cannot be written means a build without it."""

    store: Path | None = None
    seen: dict[str, list[str]] = field(default_factory=dict)
    stored: int = 0  # how many of seen came from the store

    def __post_init__(self) -> None:
        if self.store is None:
            return
        try:
            data = json.loads(self.store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict):
            self.seen = {
                word: parts
                for word, parts in data.items()
                if isinstance(word, str)
                and isinstance(parts, list)
                and all(isinstance(part, str) and part.isalpha() for part in parts)
            }
            self.stored = len(self.seen)

    def save(self) -> None:
        if self.store is None or len(self.seen) == self.stored:
            return
        with contextlib.suppress(OSError):
            self.store.parent.mkdir(parents=True, exist_ok=True)
            partial = self.store.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self.seen, ensure_ascii=False, sort_keys=True), "utf-8")
            partial.replace(self.store)  # whole or not at all, also beside a parallel build
            self.stored = len(self.seen)

    @cached_property
    def tagger(self):
        from HanTa import HanoverTagger  # about a second to load: only when German is indexed

        return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")

    def parts(self, word: str) -> list[str]:
        """The parts of a compound noun (lowercase, at least MIN_PART letters), or []."""
        if len(word) < MIN_COMPOUND or not word[:1].isupper() or "-" in word:
            return []
        if word not in self.seen:
            _, morphemes, _ = self.tagger.analyze(word, taglevel=3)
            parts, current, stem = [], "", False
            for morpheme, tag in morphemes:
                if tag == "FUGE":  # the linking s/n/en: belongs to neither part
                    continue
                if tag in NOUN and stem:
                    parts.append(current)
                    current, stem = "", False
                current += morpheme
                stem = stem or tag.startswith(STEM)
            parts.append(current)
            self.seen[word] = (
                [part for part in parts if len(part) >= MIN_PART] if len(parts) > 1 else []
            )
        return self.seen[word]


def _form_of(word: str, synonym: str, lang: str) -> bool:
    """Is the page's word the synonym or an inflected form of it?"""
    if not word.startswith(synonym):
        return False
    ending = word[len(synonym) :]
    return ending in ENDINGS[lang] if lang in ENDINGS else len(ending) <= INFLECTION


class _Words:
    """A page's words, counted and sorted: the forms of a synonym are the words that start
    with it, found by bisection (checking every word for every synonym took 0.10 CPU s
    of a build, this 0.03)."""

    def __init__(self, words: list[str], text: str) -> None:
        self.counts = Counter(words)
        self.sorted = sorted(self.counts)
        self.text = text  # the page's text, lowercase, with single spaces

    def uses(self, synonym: str, lang: str) -> int:
        """How often the page uses the synonym (or an inflected form of it)."""
        if " " in synonym:
            return self.text.count(synonym)
        uses = 0
        for index in range(bisect_left(self.sorted, synonym), len(self.sorted)):
            word = self.sorted[index]
            if not word.startswith(synonym):
                break
            uses += self.counts[word] if _form_of(word, synonym, lang) else 0
        return uses


def extra_terms(
    text: str, lang: str, synonyms: list[tuple[str, ...]], splitter: Splitter | None
) -> list[str]:
    """The words to index beside a page's text: its compounds' parts (German) and the
    synonyms of the words it uses. A synonym is repeated as often as the page uses its
    group (at most MAX_REPEAT times), so that the search ranks a page that is about a
    complaint above one that mentions it once. Sorted: the index stays reproducible."""
    found = WORD.findall(text)
    words = [word.lower() for word in found]
    parts: list[str] = []
    if splitter is not None:
        for word in found:
            parts += splitter.parts(word)
    known = _Words(words + parts, " ".join(text.lower().split()))
    extra = sorted(set(parts) - set(words))
    for group in synonyms:
        uses = sum(known.uses(synonym, lang) for synonym in group)
        if uses:
            missing = [synonym for synonym in group if not known.uses(synonym, lang)]
            extra += sorted(missing) * min(uses, MAX_REPEAT)
    return extra
