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

import math
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .model import Card, CardError

PAGES_PER_CARD = 5  # A6 front, A6 back, office page, the 4-up sheet's two frames


MM = 96 / 25.4  # WeasyPrint's layout unit (CSS px) per mm
# Where a face's text must end: its bottom padding (hb-cards.css, 7 mm), which keeps the
# footer at a fixed place and every line at least 5 mm inside the trim.
FACE_BOTTOM = 7 * MM
TOLERANCE = 0.5  # px: rounding
# How an overflow is told in text to cut, per front-matter field: its line height in mm
# and about how many characters a line of it holds (hb-cards.css, the print sizes).
LINES = {"title": (6.1, 21), "checklist": (5.6, 38), "question": (6.2, 34)}


@dataclass(frozen=True)
class Overflow:
    card: Card
    face: str  # front or back
    field: str  # the front-matter field to shorten
    millimetres: float
    share: float = 1.0  # the part of the face's height that runs over (0.1: a tenth)

    @property
    def cut(self) -> tuple[int, int]:
        """(lines, characters) to cut, about: by line height, but never more than the
        field's share of the overflow (a list's gaps between items make lines taller)."""
        height, per_line = LINES[self.field]
        lines = max(1, math.ceil(self.millimetres / height - 0.05))
        value = getattr(self.card, self.field)
        held = len(" ".join(value) if isinstance(value, (list, tuple)) else value)
        return lines, max(10, min(lines * per_line, math.ceil(held * self.share / 10) * 10))


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
    """Faces whose text does not fit its fixed grid. A title past its band's room (the
    anchor after the title below the band's limit mark), or the text past the face's bottom
    padding (the anchor after the face's last line, hb-end-...): on a later page, or lower
    than FACE_BOTTOM above the page's bottom edge, which would push the footer."""
    where: dict[str, tuple[int, float, float, float]] = {}
    for number, page in enumerate(document.pages):
        for anchor, box in page.anchors.items():
            where.setdefault(anchor, (number, box[1], box[3], page.height))
    overflows = []
    for card in cards:
        for face, field in (("front", "checklist"), ("back", "question")):
            start, top = where[f"hb-a6-{face}-{card.id}"][:2]
            end = f"hb-end-{face}-{card.id}"
            title, limit = where[end + "-title"], where[end + "-band"]
            if title[2] > limit[1] + TOLERANCE:
                overflows.append(Overflow(card, face, "title", (title[2] - limit[1]) / MM))
            page, _, bottom, height = where[end]
            # how far past the face's last allowed line, counting the pages it ran onto
            over = (page - start) * height + bottom - (height - FACE_BOTTOM)
            if page != start or over > TOLERANCE:
                extent = (page - start) * height + bottom - top  # the face's whole text
                share = over / extent if extent > 0 else 1.0
                overflows.append(Overflow(card, face, field, over / MM, share))
    return overflows


def overflow_errors(overflows: list[Overflow], labels_by_face: dict[str, str]) -> list[CardError]:
    errors = []
    for o in overflows:
        lines, characters = o.cut
        where = (
            "its title does not fit the coloured band"
            if o.field == "title"
            else f"its text runs {o.millimetres:.1f} mm into the card's margin"
        )
        errors.append(
            CardError(
                o.card.path,
                f"the card '{o.card.id}' does not fit on one A6 {o.face} "
                f"({labels_by_face[o.face]}): {where}; shorten '{o.field}' by about "
                f"{lines} line{'s' if lines > 1 else ''} (some {characters} characters)"
                + (", or the motto ('principle') above it" if o.field == "checklist" else "")
                + "; text is never shrunk to fit",
            )
        )
    return errors


class Crowded(Exception):
    """Faces of a kit document whose text runs into their foot; args: (name, mm) each."""


FOOT_GAP = 1 * MM  # the least room between a face's last line and its foot


def crowded_faces(document) -> list[tuple[str, float]]:
    """Faces whose text runs into the foot pinned to their bottom, by how many mm: the
    anchor where a face's text ends (hb-end-NAME) lower than FOOT_GAP above its foot's top
    (hb-foot-NAME), counted from the page the face starts on (hb-start-NAME): a face one
    page high that runs on takes its foot to the next page. A face without these anchors
    is not checked here (the checklist cards have find_overflow)."""
    where: dict[str, tuple[int, float, float]] = {}
    for number, page in enumerate(document.pages):
        for anchor, box in page.anchors.items():
            where.setdefault(anchor, (number, box[1], page.height))
    crowded = []
    for anchor, (page, end, height) in where.items():
        name = anchor.removeprefix("hb-end-")
        foot, start = where.get("hb-foot-" + name), where.get("hb-start-" + name)
        if name != anchor and foot and start:
            over = (page - start[0]) * height + end - (foot[1] - FOOT_GAP)
            if over > TOLERANCE:
                crowded.append((name, over / MM))
    return crowded


def card_pages(document, number: int):
    """The pages of the number-th card of the document."""
    return document.pages[PAGES_PER_CARD * number : PAGES_PER_CARD * (number + 1)]


def write(document, pages) -> bytes:
    # No /ID and no dates unless the HTML gives them: the same input gives the same bytes.
    return document.copy(pages).write_pdf(pdf_identifier=False)


def engine_version() -> str:
    from importlib.metadata import version

    return f"weasyprint {version('weasyprint')}, pypdf {version('pypdf')}"
