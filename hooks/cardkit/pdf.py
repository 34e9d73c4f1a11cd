"""WeasyPrint: lay out the print document once, check the faces, write page subsets.

The print document (overrides/print/hb-cards.html) holds per card its two A6 faces and its
office page without faces, then perhaps the A4 sheets without faces. Each card's three
pages are written as a PDF of their own (Document.copy): what they show depends on that
card alone, so a card laid out with others or alone gives the same pages, and can be
cached. (The bytes are the same too where HarfBuzz subsets the fonts, as on the machines
`make site` sets up, or where SOURCE_DATE_EPOCH is set: fontTools, WeasyPrint's fallback,
stamps each font subset with the current time otherwise.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .model import Card, CardError

PAGES_PER_CARD = 3  # A6 front, A6 back, office page


@dataclass(frozen=True)
class Overflow:
    card: Card
    face: str
    share: float = 0.0  # how much of the face's text runs over: 0.1 = a tenth

    def to_cut(self) -> int:
        """About how many characters to cut, in tens (the layout is not linear in text)."""
        texts = (
            (self.card.title, self.card.principle, *self.card.checklist)
            if self.face == "front"
            else (self.card.question,)
        )
        return max(10, -(-int(sum(map(len, texts)) * self.share) // 10) * 10)


class Refused(Exception):
    """A print document asked for something outside the site (one message, picklable
    across the worker process)."""


def allowed_file(url: str, roots: tuple[str, ...]) -> bool:
    """True for a file: URL inside one of roots (after links are followed): the build's
    templates and what docs/ holds, never the rest of the build machine."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = os.path.realpath(unquote(parts.path))
    return any(Path(path).is_relative_to(os.path.realpath(root)) for root in roots)


def _fetcher(roots: tuple[str, ...]):
    """WeasyPrint's URL fetcher for the handbook: data: (the QR codes and logo the build
    embeds itself; a page's own data: addresses are refused by cardkit.policy) and files
    inside roots (one missing there is left out with WeasyPrint's warning, as before).
    Anything else (file: elsewhere, http(s):, ftp:, a special file) is not read, and
    listed in .refused: render_document then stops."""
    from weasyprint.urls import URLFetcher

    class SiteFetcher(URLFetcher):
        refused: list[str]

        def fetch(self, url, headers=None):
            path = unquote(urlsplit(url).path)
            special = os.path.exists(path) and not os.path.isfile(path)  # a pipe, a device
            if not url.startswith("data:") and (special or not allowed_file(url, roots)):
                self.refused.append(url)
                raise ValueError(f"not a file of the site: {url[:80]}")
            return super().fetch(url, headers)

    fetcher = SiteFetcher(allowed_protocols=("data", "file"))
    fetcher.refused = []
    return fetcher


def render_document(html: str, base_url: str, roots: tuple[str, ...] = ()):
    """The laid-out document; it reads only data: and files below base_url and roots, and
    carries no attachments (a page's <a rel=attachment> would embed any file it names).
    Raise Refused where the HTML asks for anything else."""
    import weasyprint  # imported here: it takes about a second, and serve may skip PDFs

    fetcher = _fetcher((base_url, *roots))
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]
    if fetcher.refused:
        raise Refused(
            f"asks for {', '.join(repr(url[:80]) for url in fetcher.refused[:3])}; a PDF "
            "may use only the site's own files (docs/ and the theme), so remove that "
            "address from the page"
        )
    return document


def find_overflow(document, cards: list[Card]) -> list[Overflow]:
    """Faces whose text runs past the end of their A6 page. Each face has a fixed height,
    so the anchor after its last line (hb-end-...) shows it: on a later page, or below
    the page's bottom edge."""
    where: dict[str, tuple[int, float, float, float]] = {}  # page, top, bottom, page height
    for number, page in enumerate(document.pages):
        for anchor, box in page.anchors.items():
            where.setdefault(anchor, (number, box[1], box[3], page.height))
    overflows = []
    for card in cards:
        for face in ("front", "back"):
            start, top, _, _ = where[f"hb-a6-{face}-{card.id}"]
            end, _, bottom, height = where[f"hb-end-{face}-{card.id}"]
            if end != start or bottom > height + 0.5:
                over = (end - start) * height + bottom - height  # below the face's edge
                used = over + height - top
                overflows.append(Overflow(card, face, over / used if used > 0 else 0.0))
    return overflows


def overflow_errors(overflows: list[Overflow], labels_by_face: dict[str, str]) -> list[CardError]:
    return [
        CardError(
            o.card.path,
            f"the card '{o.card.id}' does not fit on one A6 "
            f"{o.face} ({labels_by_face[o.face]}); shorten it by about {o.to_cut()} "
            "characters (in its items, or the principle), text is never shrunk to fit",
        )
        for o in overflows
    ]


def card_pages(document, number: int):
    """The pages of the number-th card of the document."""
    return document.pages[PAGES_PER_CARD * number : PAGES_PER_CARD * (number + 1)]


def write(document, pages) -> bytes:
    # No /ID and no dates unless the HTML gives them: the same input gives the same bytes.
    return document.copy(pages).write_pdf(pdf_identifier=False)


def engine_version() -> str:
    from importlib.metadata import version

    return f"weasyprint {version('weasyprint')}, pypdf {version('pypdf')}"
