"""Card PDFs: one WeasyPrint pass per language, split into the files trainers download.

The print document holds every card's two A6 faces, then one A4 office page per card, then
the A4 sheets (two cover pages first). Laying it out once and writing page subsets
(Document.copy) costs one layout, however many files.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from .model import Card, CardError
from .render import PdfPaths

A6_PAGES_PER_CARD = 2  # front and back
CARDS_PER_SHEET = 4


@dataclass(frozen=True)
class Overflow:
    card: Card
    face: str


def render_document(html: str, base_url: str):
    import weasyprint  # imported here: it takes about a second, and serve may skip PDFs

    return weasyprint.HTML(string=html, base_url=base_url).render()


def find_overflow(document, cards: list[Card]) -> list[Overflow]:
    """Faces whose text runs past the end of their A6 page. Each face has a fixed height,
    so the anchor after its last line (hb-end-...) shows it: on a later page, or below
    the page's bottom edge."""
    where: dict[str, tuple[int, float, float]] = {}
    for number, page in enumerate(document.pages):
        for anchor, box in page.anchors.items():
            where.setdefault(anchor, (number, box[3], page.height))
    overflows = []
    for card in cards:
        for face in ("front", "back"):
            start = where[f"hb-a6-{face}-{card.id}"][0]
            end, bottom, height = where[f"hb-end-{face}-{card.id}"]
            if end != start or bottom > height + 0.5:
                overflows.append(Overflow(card, face))
    return overflows


def overflow_errors(overflows: list[Overflow], labels_by_face: dict[str, str]) -> list[CardError]:
    return [
        CardError(
            o.card.path,
            f"the card '{o.card.id}' does not fit on one A6 "
            f"{o.face} ({labels_by_face[o.face]}); shorten it, text "
            "is never shrunk to fit",
        )
        for o in overflows
    ]


def split_pdfs(
    document, cards: list[Card], paths: PdfPaths, titles: dict[str, str]
) -> dict[str, bytes]:
    """PDF bytes per output path: per card its A6 faces and its office page; all A6 faces;
    all A4 sheets. titles: each file's title (what a PDF viewer shows), by path."""
    a6_count = A6_PAGES_PER_CARD * len(cards)
    pages = {}
    for number, card in enumerate(cards):
        first = A6_PAGES_PER_CARD * number
        pages[paths.cards[card.id]["a6"]] = document.pages[first : first + 2]
        office = a6_count + number
        pages[paths.cards[card.id]["a4"]] = document.pages[office : office + 1]
    pages[paths.collections["a6"]] = document.pages[:a6_count]
    pages[paths.collections["a4"]] = document.pages[a6_count + len(cards) :]
    return {path: _write(document, subset, titles.get(path)) for path, subset in pages.items()}


def _write(document, pages, title: str | None) -> bytes:
    part = document.copy(pages)
    if title:
        part.metadata = copy.copy(document.metadata)
        part.metadata.title = title
    # No /ID and no dates unless the HTML gives them: the same input gives the same bytes.
    return part.write_pdf(pdf_identifier=False)


def engine_version() -> str:
    from importlib.metadata import version

    return f"weasyprint {version('weasyprint')}"
