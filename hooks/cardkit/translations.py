"""Which translations are older than their original, by git history. Plain Python, no MkDocs.

A translation (docs/x.en.md) is out of date when a commit changed its original (docs/x.md)
after the last commit that changed the translation. Uncommitted edits do not count: the
check is about what a pull request holds. Outside a git checkout nothing is reported.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .labels import section
from .languages import Languages
from .render import relative_url

WORDS = section("translation")  # the note, per language: cardkit/labels/<lang>.yml


@dataclass(frozen=True)
class Commit:
    short: str
    date: str  # YYYY-MM-DD, the commit date
    subject: str


@dataclass(frozen=True)
class Stale:
    src_uri: str  # the translation below docs_dir (x.en.md)
    translation: str  # the same below the repository root (docs/x.en.md)
    original: str  # docs/x.md
    changed_by: Commit  # the newest commit that changed the original
    translated_in: Commit  # the newest commit that changed the translation


def newest_commits(docs_dir: Path) -> tuple[Path, dict[str, tuple[int, Commit]]] | None:
    """The repository root and, per file below docs_dir, its newest commit and that
    commit's age rank (0 = newest). None outside a git checkout or without git."""
    try:
        root = Path(_git(docs_dir, "rev-parse", "--show-toplevel").strip())
        log = _git(
            root,
            "log",
            "--topo-order",
            "--name-only",
            "--no-renames",
            "--format=%x00%h%x09%cs%x09%s",
            "--",
            str(docs_dir.resolve()),
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    newest: dict[str, tuple[int, Commit]] = {}
    for rank, block in enumerate(log.split("\0")[1:]):
        header, *paths = block.split("\n")
        short, date, subject = header.split("\t", 2)
        for path in filter(None, paths):
            newest.setdefault(path, (rank, Commit(short, date, subject)))
    return root, newest


def _git(where: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(where), *args],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


def stale_translations(docs_dir: Path, languages: Languages) -> list[Stale] | None:
    """Translations whose original changed after them; None where git cannot tell."""
    history = newest_commits(docs_dir)
    if history is None:
        return None
    root, newest = history
    docs = docs_dir.resolve().relative_to(root).as_posix()
    stale = []
    for original in sorted(p for p in newest if p.startswith(docs + "/") and p.endswith(".md")):
        if not languages.is_default_source(original):
            continue
        stem = original.removesuffix(".md")
        for lang in languages.others:
            translation = languages.source_name(stem, lang)
            if translation in newest and newest[original][0] < newest[translation][0]:
                stale.append(
                    Stale(
                        translation[len(docs) + 1 :],
                        translation,
                        original,
                        newest[original][1],
                        newest[translation][1],
                    )
                )
    return stale


def note_html(
    stale: Stale, *, lang: str, original_lang: str, page_url: str, original_url: str
) -> str:
    """The visible note on an out-of-date translation, in the page's language."""
    link = relative_url(original_url, page_url)
    words = WORDS[lang]
    text = words["note"].format(
        original=words["original"][original_lang],
        date=escape(stale.changed_by.date),
        link=escape(link),
    )
    return (
        f'<div class="admonition warning hb-stale-translation" role="note">'
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


def report(stale: list[Stale] | None, original_name: str) -> str:
    """The report for editors: one paragraph per out-of-date translation."""
    if stale is None:
        return "Not a git checkout (or no git): translation freshness cannot be checked."
    if not stale:
        return "All translations are up to date with their originals."
    lines = [f"{len(stale)} translation(s) older than their {original_name} original:"]
    for item in stale:
        lines.append(
            f"  - {item.translation}: {item.original} changed in {item.changed_by.short} "
            f'({item.changed_by.date}, "{item.changed_by.subject}") after this translation\'s '
            f"last change in {item.translated_in.short} ({item.translated_in.date}); "
            f"update {item.translation} to match, then commit it."
        )
    return "\n".join(lines)
