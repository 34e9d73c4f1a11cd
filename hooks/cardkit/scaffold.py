"""A new attitude or tip: its German and English page with a valid card skeleton.

Plain Python like the rest of cardkit; `tools/new_card.py` is the command editors run.
The skeleton builds as it is, so `make serve` shows it at once; every text to replace
starts with FILL_IN, and a test fails while any page still carries it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .deck import cards_of
from .languages import Languages
from .model import KINDS, SLUG
from .source import scan_pages

CASE_CHANNELS = ("phone", "counter", "email")  # a new page's cases to fill in
FOLDERS = {"attitude": "haltungen", "tip": "tipps"}  # where each kind's pages live
FILL_IN = {"de": "AUSFÜLLEN", "en": "FILL IN"}
MAX_ID = 64  # characters; the id becomes a file name and part of URLs

SKELETON: dict[str, dict[str, Any]] = {
    "de": {
        "page_title": "Titel der Seite, zugleich Titel der Karte",
        "description": "Ein Satz, worum es auf der Seite geht.",
        "card_title": "Titel der Seite, zugleich Titel der Karte",
        "principle": "Der Grundsatz in einem Satz, in der Ich-Form.",
        "items": (
            "Erster Punkt: etwas, das ich heute tun kann.",
            "Zweiter Punkt.",
            "Dritter Punkt.",
        ),
        "question": "Eine offene Frage zur Selbstreflexion?",
        "sections": (
            "Worum es geht",
            "Warum es zählt",
            "Beispiele aus dem Alltag",
            "### Am Schalter",
            "### Am Telefon",
            "### Per E-Mail",
            "### Bei einer Beschwerde",
            "Das hilft, das schadet",
            "### Das hilft",
            "### Das schadet",
            "Fragen zur Selbstreflexion",
        ),
        "paragraph": "Text schreiben.",
        "case": {
            "title": "Kurzer Titel des Falls",
            "situation": "Die Ausgangslage in zwei, drei Sätzen. Was tun Sie?",
            "solution": "Eine mögliche Lösung, nur für die Trainerin oder den Trainer.",
            "customer": "Die Lage aus Sicht der Kundin oder des Kunden und was sie oder er will.",
            "unsaid": "Was die Kundin oder der Kunde erst auf Nachfrage sagt.",
            "staff": "Was die Mitarbeiterin oder der Mitarbeiter weiß.",
        },
    },
    "en": {
        "page_title": "Title of the page, also the card’s title",
        "description": "One sentence on what the page is about.",
        "card_title": "Title of the page, also the card’s title",
        "principle": "The principle in one sentence, in the first person.",
        "items": ("First item: something I can do today.", "Second item.", "Third item."),
        "question": "An open question for self-reflection?",
        "sections": (
            "What it means",
            "Why it matters",
            "Examples from everyday service",
            "### At the counter",
            "### On the phone",
            "### By e-mail",
            "### With a complaint",
            "What helps, what harms",
            "### What helps",
            "### What harms",
            "Questions for self-reflection",
        ),
        "paragraph": "Write the text.",
        "case": {
            "title": "Short title of the case",
            "situation": "The situation in two or three sentences. What do you do?",
            "solution": "One possible solution, for the trainer only.",
            "customer": "The situation from the customer’s side, and what they want.",
            "unsaid": "What the customer only says when asked.",
            "staff": "What the member of staff knows.",
        },
    },
}


class ScaffoldError(Exception):
    """Why no card was made, in words for editors: the problem and the fix."""


@dataclass(frozen=True)
class NewCard:
    kind: str
    card_id: str
    files: dict[str, Path]  # the page per language
    nav_entry: str  # the German page as mkdocs.yml's nav names it
    same_kind: tuple[str, ...]  # the German pages of this kind, as the nav names them
    default: str = ""  # the default language: its skeleton serves a language without one


def plan(docs_dir: Path, shown_as: str, languages: Languages, kind: str, card_id: str) -> NewCard:
    """Check kind and id against the handbook as it is; say where the pages go."""
    if kind not in KINDS:
        raise ScaffoldError(
            f"KIND={kind[:40]!r} is not a card kind; use one of: {', '.join(KINDS)}"
        )
    if not card_id:
        raise ScaffoldError(
            "ID is empty; name the card, such as: make new-card KIND=tip ID=klare-worte"
        )
    if len(card_id) > MAX_ID:
        raise ScaffoldError(
            f"ID={card_id[:20]!r}... has {len(card_id)} characters; use at "
            f"most {MAX_ID}, such as 'klare-worte'"
        )
    if not SLUG.match(card_id):
        raise ScaffoldError(
            f"ID={card_id!r} is not a lowercase slug; use letters a-z, digits "
            "and single hyphens, no umlauts or spaces, such as 'klare-worte'"
        )
    pages, errors = scan_pages(docs_dir, shown_as, languages)
    cards, card_errors = cards_of(pages)
    if errors or card_errors:
        raise ScaffoldError(
            "fix these pages first:\n" + "\n".join(f"  - {error}" for error in errors + card_errors)
        )
    taken = [page.path for page in pages if page.card_id == card_id]
    if taken:
        raise ScaffoldError(
            f"ID={card_id!r} is taken by {' and '.join(sorted(taken))}; "
            "card ids come from file names and must be unique, so choose "
            "another ID"
        )
    stem = f"{FOLDERS[kind]}/{card_id}"
    files = {lang: docs_dir / languages.source_name(stem, lang) for lang in languages}
    src_uri = {page.path: page.src_uri for page in pages}
    same_kind = tuple(
        src_uri[card.path] for card in cards if card.kind == kind and card.lang == languages.default
    )
    return NewCard(
        kind, card_id, files, nav_entry=f"{stem}.md", same_kind=same_kind, default=languages.default
    )


def page_text(lang: str, kind: str, default: str = "") -> str:
    """A page whose card is valid as it stands; every text starts with FILL_IN (in the
    default language's words where a language has no skeleton here)."""
    words = SKELETON.get(lang) or SKELETON[default]
    mark = FILL_IN.get(lang) or FILL_IN[default]

    def fill(text: str) -> str:
        return f'"{mark}: {text}"'

    items = "\n".join(f"    - {fill(item)}" for item in words["items"])
    case = words["case"]
    cases = "".join(  # MIN_CASES cases, the first on the phone (cardkit/cases.py)
        f"  - title: {fill(case['title'])}\n    channel: {channel}\n"
        + "".join(
            f"    {field}: {fill(case[field])}\n" for field in ("situation", "solution", "customer")
        )
        + f"    mood: 3\n    unsaid: {fill(case['unsaid'])}\n    staff: {fill(case['staff'])}\n"
        for channel in CASE_CHANNELS
    )
    body = []
    for section in words["sections"]:
        heading = section if section.startswith("#") else f"## {section}"
        body.append(f"{heading}\n\n{mark}: {words['paragraph']}\n")
    return (
        f"---\ntitle: {fill(words['page_title'])}\n"
        f"description: {fill(words['description'])}\n"
        f"card:\n  kind: {kind}\n"
        f"  title: {fill(words['card_title'])}\n"
        f"  principle: {fill(words['principle'])}\n"
        f"  checklist:\n{items}\n"
        f"  question: {fill(words['question'])}\n"
        f"cases:\n{cases}---\n\n"
        f"# {mark}: {words['page_title']}\n\n" + "\n".join(body)
    )


def write(new: NewCard) -> None:
    """Create the card's pages; raise ScaffoldError if one exists by now (a second
    `make new-card` with the same ID at the same moment): never overwrite a page."""
    for lang, file in new.files.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        try:
            with file.open("x", encoding="utf-8") as out:  # "x": fails if it exists
                out.write(page_text(lang, new.kind, new.default))
        except FileExistsError:
            raise ScaffoldError(
                f"{file.name} was created meanwhile (another new-card with the same ID?); "
                "nothing was overwritten: choose another ID, or edit that page"
            ) from None


def add_to_printed(config_text: str, card_id: str) -> str | None:
    """mkdocs.yml with '- card_id' at the end of the handbook's printed_cards: list (its
    QR code's short address, cardkit.addresses), or None where no such list is written."""
    lines = config_text.splitlines(keepends=True)
    start = next((n for n, line in enumerate(lines) if line.strip() == "printed_cards:"), None)
    if start is None:
        return None
    last = start
    while last + 1 < len(lines) and lines[last + 1].strip().startswith("- "):
        last += 1
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())] + "  "
    if last > start:
        indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- {card_id}\n")
    return "".join(lines)


def add_to_nav(config_text: str, new: NewCard) -> str | None:
    """mkdocs.yml with the new page after the last page of its kind, or None if none is
    listed there. Edits the text, so the file's comments and !ENV tags stay as they are."""
    lines = config_text.splitlines(keepends=True)
    last = None
    for number, line in enumerate(lines):
        entry = line.strip()
        if entry.startswith("- ") and entry[2:].strip() in new.same_kind:
            last = number
    if last is None:
        return None
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- {new.nav_entry}\n")
    return "".join(lines)
