"""Which translations no longer match their original, by what they say. Plain Python, no MkDocs.

A translation (docs/x.en.md) records in its front matter which text of its original
(docs/x.md) it was checked against, and what its own text was then:

    translation:
      checked: 2026-12-05
      original: 3f2a9c1b7d0e   # fingerprint of the original's text
      own: 9a8b7c6d5e4f        # fingerprint of this page's text

`make translated FILE=docs/x.en.md` writes that record after an editor has checked the
pair. A page's *text* is what a reader reads: title, description, the card's words and the
body; not `order`, `kind` or other settings. So a change of order, an edit saved in either
language first, or a save of the other language for another reason changes nothing here.
Two findings, one per direction:

- the original's text changed since the check: the translation is out of date (readers of
  the translation see a note, editors a log line);
- the translation's own text changed since the check: the original may be missing that
  change (editors of the original are told; readers are not, the original is the reference).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .labels import section
from .languages import Languages
from .reading_labels import long_date
from .render import relative_url
from .source import FRONT_MATTER, parse_front_matter

WORDS = section("translation")  # the note, per language: cardkit/labels/<lang>.yml
KEY = "translation"  # the record's key in a translation's front matter
FIELDS = ("checked", "original", "own")
TEXT_KEYS = ("title", "description")  # the front matter a reader reads, besides the card
CARD_SETTINGS = ("kind", "order")  # a card's fields that are not words
FINGERPRINT = re.compile(r"[0-9a-f]{12}")


@dataclass(frozen=True)
class Record:
    checked: datetime.date
    original: str
    own: str


@dataclass(frozen=True)
class Finding:
    src_uri: str  # the translation below docs_dir (x.en.md)
    translation: str  # as editors name it (docs/x.en.md)
    original: str  # docs/x.md
    record: Record | None  # None: never checked
    original_changed: bool = False
    own_changed: bool = False


def page_text(markdown: str) -> str:
    """The words of a page, as one string: what a translation has to match."""
    match = FRONT_MATTER.match(markdown)
    meta = parse_front_matter(markdown, "") if match else {}
    body = markdown[match.end() :] if match else markdown
    card = meta.get("card")
    words = {key: meta.get(key) for key in TEXT_KEYS}
    if isinstance(card, dict):
        words["card"] = {k: v for k, v in card.items() if k not in CARD_SETTINGS}
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").strip().split("\n")]
    return json.dumps([words, "\n".join(lines)], ensure_ascii=False, sort_keys=True, default=str)


def fingerprint(markdown: str) -> str:
    return hashlib.sha256(page_text(markdown).encode("utf-8")).hexdigest()[:12]


def read_record(meta: dict) -> Record | None:
    """The translation's record; None where it has none or it is not one the tool wrote."""
    raw = meta.get(KEY)
    if not isinstance(raw, dict) or set(raw) != set(FIELDS):
        return None
    checked, original, own = (raw[field] for field in FIELDS)
    if not isinstance(checked, datetime.date):
        return None
    if not all(isinstance(v, str) and FINGERPRINT.fullmatch(v) for v in (original, own)):
        return None
    return Record(checked, original, own)


def record_problem(meta: dict) -> str | None:
    """For the front matter check: a `translation:` the tool did not write."""
    if KEY in meta and read_record(meta) is None:
        return (
            "translation is not a record written by 'make translated'; delete the "
            "translation: lines and run make translated FILE=<this file>"
        )
    return None


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def pairs(docs_dir: Path, languages: Languages) -> list[tuple[Path, Path]]:
    """(original, translation) for every translation whose original exists."""
    found = []
    for original in sorted(docs_dir.rglob("*.md")):
        src_uri = original.relative_to(docs_dir).as_posix()
        if not languages.is_default_source(src_uri):
            continue
        stem = src_uri.removesuffix(".md")
        for lang in languages.others:
            translation = docs_dir / languages.source_name(stem, lang)
            if translation.is_file():
                found.append((original, translation))
    return found


def findings(docs_dir: Path, languages: Languages, shown_as: str = "docs") -> list[Finding]:
    """Every translation that was never checked or whose pair changed since its check."""
    result = []
    for original, translation in pairs(docs_dir, languages):
        text = _read(translation)
        match = FRONT_MATTER.match(text)
        record = read_record(parse_front_matter(text, "") if match else {})
        src_uri = translation.relative_to(docs_dir).as_posix()
        names = (f"{shown_as}/{src_uri}", f"{shown_as}/{original.relative_to(docs_dir).as_posix()}")
        if record is None:
            result.append(Finding(src_uri, *names, None))
            continue
        original_changed = fingerprint(_read(original)) != record.original
        own_changed = fingerprint(text) != record.own
        if original_changed or own_changed:
            result.append(Finding(src_uri, *names, record, original_changed, own_changed))
    return result


def confirm(translation: Path, original: Path, today: datetime.date) -> None:
    """Write the record of a checked pair into the translation's front matter, replacing
    an older one and leaving every other line as it was."""
    text = _read(translation)
    record = (
        f"{KEY}:\n  checked: {today.isoformat()}\n"
        f"  original: {fingerprint(_read(original))}\n  own: {fingerprint(text)}\n"
    )
    match = FRONT_MATTER.match(text)
    if match is None:
        translation.write_text(f"---\n{record}---\n\n{text}", encoding="utf-8")
        return
    kept = re.sub(rf"^{KEY}:[^\n]*\n(?:[ \t]+[^\n]*\n)*", "", match.group(1) or "", flags=re.M)
    # first in the front matter: other keys are added below the title, so the record's
    # line changes never meet an editor's in a merge
    translation.write_text(f"---\n{record}{kept}---\n{text[match.end() :]}", encoding="utf-8")


def note_html(
    finding: Finding, *, lang: str, original_lang: str, page_url: str, original_url: str
) -> str:
    """The visible note on an out-of-date translation, in the page's language."""
    assert finding.record is not None
    link = relative_url(original_url, page_url)
    words = WORDS[lang]
    text = words["note"].format(
        original=words["original"][original_lang],
        date=escape(long_date(finding.record.checked, lang)),
        link=escape(link),
    )
    return (
        f'<div class="admonition note hb-stale-translation hb-web" role="note">'
        f'<p class="admonition-title">{words["note_title"]}</p><p>{text}</p></div>\n'
    )


def fallback_html(*, lang: str, original_lang: str) -> str:
    """The visible note on a page shown in its original because it has no version in the
    language being read, in that language."""
    words = WORDS[lang]
    text = words["fallback"].format(original=words["original"].get(original_lang, original_lang))
    return (
        f'<div class="admonition note hb-untranslated" role="note">'
        f'<p class="admonition-title">{words["fallback_title"]}</p><p>{escape(text)}</p></div>\n'
    )


def shown_to_readers(finding: Finding) -> bool:
    return finding.original_changed


def describe(finding: Finding, original_name: str) -> str:
    """One finding for editors, with what to do."""
    confirm_it = f"then run: make translated FILE={finding.translation}"
    if finding.record is None:
        return (
            f"{finding.translation}: never checked against {finding.original}. Compare the "
            f"two, {confirm_it}"
        )
    since = f"since the check on {finding.record.checked.isoformat()}"
    parts = []
    if finding.original_changed:
        parts.append(
            f"{finding.original} ({original_name}) changed {since}: update "
            f"{finding.translation} to match"
        )
    if finding.own_changed:
        parts.append(
            f"{finding.translation} itself changed {since}: carry a change of meaning over "
            f"to {finding.original}"
        )
    return f"{finding.translation}: " + "; ".join(parts) + f"; {confirm_it}"


def report(found: list[Finding], original_name: str) -> str:
    """The report for editors: one paragraph per translation to look at."""
    if not found:
        return "Every translation matches the text it was checked against."
    lines = [f"{len(found)} translation(s) to check against their {original_name} original:"]
    lines += [f"  - {describe(item, original_name)}" for item in found]
    return "\n".join(lines)
