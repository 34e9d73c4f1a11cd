"""Card PDFs: one WeasyPrint pass per language, split into the files trainers download.

The print document holds every card's two A6 faces, then the A4 sheets. Laying it out
once and writing page subsets (Document.copy) costs one layout, however many files.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Card, CardError

A6_PAGES_PER_CARD = 2     # front and back
CARDS_PER_SHEET = 4


@dataclass(frozen=True)
class Overflow:
    card: Card
    face: str


def render_document(html: str, base_url: str):
    import weasyprint  # imported here: it takes about a second, and serve may skip PDFs

    return weasyprint.HTML(string=html, base_url=base_url).render()


def _anchor_pages(document) -> dict[str, int]:
    """The page each anchor starts on (an element that spans pages is listed on each)."""
    first = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            first.setdefault(anchor, number)
    return first


def find_overflow(document, cards: list[Card]) -> list[Overflow]:
    """Faces that did not fit on one A6 page: they pushed the next face down a page."""
    pages = _anchor_pages(document)
    starts = []
    for card in cards:
        starts += [(card, "front", pages[f"hb-a6-front-{card.id}"]),
                   (card, "back", pages[f"hb-a6-back-{card.id}"])]
    ends = [start for _, _, start in starts[1:]] + [pages["hb-sheet-1-front"]]
    return [Overflow(card, face) for (card, face, start), end in zip(starts, ends)
            if end - start != 1]


def overflow_errors(overflows: list[Overflow], labels_by_face: dict[str, str]) -> list[CardError]:
    return [CardError(o.card.path, f"the card '{o.card.id}' does not fit on one A6 "
                                   f"{o.face} ({labels_by_face[o.face]}); shorten it, text "
                                   "is never shrunk to fit") for o in overflows]


def split_pdfs(document, cards: list[Card], names: dict[str, str]) -> dict[str, bytes]:
    """PDF bytes per output path: one A6 file per card, all A6 faces, all A4 sheets."""
    a6_count = A6_PAGES_PER_CARD * len(cards)
    outputs = {}
    for number, card in enumerate(cards):
        first = A6_PAGES_PER_CARD * number
        outputs[names[card.id]] = _write(document, document.pages[first:first + 2])
    outputs[names["a6"]] = _write(document, document.pages[:a6_count])
    outputs[names["a4"]] = _write(document, document.pages[a6_count:])
    return outputs


def _write(document, pages) -> bytes:
    # No /ID and no dates unless the HTML gives them: the same input gives the same bytes.
    return document.copy(pages).write_pdf(pdf_identifier=False)


def engine_version() -> str:
    from importlib.metadata import version

    return f"weasyprint {version('weasyprint')}"
