"""What changed in the handbook, by git history. Plain Python, no MkDocs.

Each commit that changed a page of a language (or the original of a page the language
shows untranslated) is one change of that page, newest first.
Its reason is the page's `changes:` note when that commit wrote it (a note left standing
from an earlier change is not repeated), with the language's typographic quotes
(quotes.py); else a plain line in the language ("Text revised", or "New in the handbook"
for a page the commit added). Never the commit's subject: it is written for the reviewers,
in one language for pages of every language, and often names files and findings.
A change to a card's checklist is marked, with the items it added, so that "My
checklists" can tell a reader who ticked the card before. Uncommitted edits do not count;
outside a git checkout (or without git) there is no history, and the build says nothing
about it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .languages import Languages
from .model import CardError
from .quotes import typographic
from .reading_labels import LABELS
from .source import parse_front_matter

MAX_CHANGES = 40  # per language: the page and the feed show the newest


@dataclass(frozen=True)
class Commit:
    full: str  # the whole hash: an abbreviation grows with the repository
    short: str
    date: str  # YYYY-MM-DD, the commit date, as the committer's clock showed it
    time: str  # the same moment in full, RFC 3339 with the committer's offset


def _git(where: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(where), *args],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


@dataclass(frozen=True)
class Change:
    src_uri: str  # the page below docs_dir (tipps/kontakt.en.md)
    commit: Commit
    reason: str
    checklist_changed: bool
    added: tuple[str, ...]  # checklist items the change added


def _blobs(root: Path, names: list[str]) -> list[str | None]:
    """The text of each `revision:path`, None where it did not exist: one git process for
    them all (a `git show` each took half a second of every build)."""
    found = subprocess.run(
        ["git", "-C", str(root), "cat-file", "--batch"],
        input="".join(f"{name}\n" for name in names).encode("utf-8"),
        check=True,
        capture_output=True,
    ).stdout
    texts: list[str | None] = []
    at = 0
    for _ in names:
        end = found.index(b"\n", at)
        header, at = found[at:end], end + 1
        if header.endswith((b" missing", b" ambiguous")):
            texts.append(None)
            continue
        _, kind, size = header.rsplit(b" ", 2)  # "<object id> <kind> <size>", then the object
        content, at = found[at : at + int(size)], at + int(size) + 1
        texts.append(content.decode("utf-8", "replace") if kind == b"blob" else None)
    return texts


def _meta(text: str | None, path: str) -> dict | None:
    """The front matter of a file's text at a revision; None where it did not exist."""
    if text is None:
        return None
    try:
        return parse_front_matter(text, path)
    except CardError:  # an old version the build refused then: no note, no card
        return {}


def _checklist(meta: dict | None) -> list[str]:
    card = (meta or {}).get("card")
    items = card.get("checklist") if isinstance(card, dict) else None
    return [str(item) for item in items] if isinstance(items, list) else []


def _change(
    src_uri: str, commit: Commit, lang: str, now: dict | None, before: dict | None
) -> Change:
    """A change of a page by a commit, from its front matter then (now) and before."""
    note = (now or {}).get("changes")
    if isinstance(note, str) and note.strip() and note != (before or {}).get("changes"):
        reason = typographic(" ".join(note.split()), lang)
    else:
        reason = LABELS[lang]["changes_revised" if before is not None else "changes_new_page"]
    new, old = _checklist(now), _checklist(before)
    return Change(
        src_uri=src_uri,
        commit=commit,
        reason=reason,
        checklist_changed=before is not None and bool(old) and new != old,
        added=tuple(item for item in new if item not in old) if before is not None else (),
    )


def _shown_in(src_uri: str, lang: str, docs_dir: Path, languages: Languages) -> bool:
    """A file of this language, or the default's where this language has no file of the
    page: the language shows the original there, so its changes are this language's."""
    stem, written = languages.split(src_uri)
    if written == lang:
        return True
    return (
        written == languages.default
        and not (docs_dir / languages.source_name(stem, lang)).is_file()
    )


def _touched(
    log: str, below: str, lang: str, docs_dir: Path, languages: Languages
) -> Iterator[tuple[str, str, Commit]]:
    """(src_uri, path in the repository, commit) for each page of the language that
    exists now, in the order of the log (newest first)."""
    for block in log.split("\0")[1:]:
        header, *paths = block.split("\n")
        full, short, date, time = header.split("\t")
        for path in filter(None, paths):
            src_uri = path.removeprefix(below + "/")
            if not src_uri.endswith(".md") or not _shown_in(src_uri, lang, docs_dir, languages):
                continue
            if (docs_dir / src_uri).is_file():  # not a page that is gone
                yield src_uri, path, Commit(full, short, date, time)


def history(docs_dir: Path, languages: Languages, lang: str) -> list[Change] | None:
    """The newest changes of this language's pages that exist now, newest first; None
    where git cannot tell."""
    try:
        root = Path(_git(docs_dir, "rev-parse", "--show-toplevel").strip())
        log = _git(
            root,
            "log",
            "--date-order",  # newest first by commit time, as readers read the list; a commit
            # never before its children. (--topo-order listed a merged branch whole, so an
            # older commit of the branch came before newer ones of the main line.)
            "--name-only",
            "--no-renames",
            "--format=%x00%H%x09%h%x09%cs%x09%cI",
            "--",
            str(docs_dir.resolve()),
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    below = docs_dir.resolve().relative_to(root).as_posix()
    touched = list(islice(_touched(log, below, lang, docs_dir, languages), MAX_CHANGES))
    try:
        texts = _blobs(root, [f"{c.full}{at}:{path}" for _, path, c in touched for at in ("", "^")])
    except (OSError, subprocess.CalledProcessError):
        return None
    return [
        _change(src_uri, commit, lang, _meta(now, path), _meta(before, path))
        for (src_uri, path, commit), now, before in zip(
            touched, texts[::2], texts[1::2], strict=True
        )
    ]


ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    change: Change
    title: str  # the page's title now
    address: str  # the page's absolute address in the handbook


def atom_feed(
    entries: list[FeedEntry],
    *,
    title: str,
    author: str,
    feed_url: str,
    home_url: str,
    lang: str,
    updated: str,
) -> str:
    """An Atom feed (RFC 4287) of the changes; every link goes to the handbook itself.
    updated: the newest change's time (RFC 3339). Every time is a commit's, as git recorded
    it, never the build's clock: the same history, the same feed, byte for byte. Entries
    carry the time, not only the day, so that readers order a day's changes as they came;
    their ids carry the whole hash, which never changes."""
    from xml.etree import ElementTree as ET

    ET.register_namespace("", ATOM)

    def add(parent, tag: str, text: str | None = None, **attributes: str):
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        node.text = text
        return node

    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    add(feed, "id", feed_url)
    add(feed, "title", title)
    add(feed, "updated", updated)
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=home_url)
    add(add(feed, "author"), "name", author)
    for entry in entries:
        item = add(feed, "entry")
        add(item, "id", f"{entry.address}#{entry.change.commit.full}")
        add(item, "title", entry.title)
        add(item, "updated", entry.change.commit.time)
        add(item, "link", rel="alternate", type="text/html", href=entry.address)
        add(item, "summary", entry.change.reason)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
