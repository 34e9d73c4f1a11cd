"""Imposition with pypdf: the files trainers download, made from faces laid out once.

Each card's PDF (cardkit/printing.py) holds its A6 front, its A6 back and its office page
with the faces' places left empty; the sheets' PDF holds the cover, the contents and the A4
sheets with the cards' places left empty. Here every face becomes a Form XObject, clipped
to its trim (plus the bleed its place shows), and is set into those places: one layout of
each face serves the print shop's A6 files, the office page and the A4 sheets. A Form
keeps the face's patterns (the ruled lines) in the face's own coordinates, wherever it
is placed.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from .layout import CARDS_PER_SHEET, SHEET_COLUMNS

MM = 72 / 25.4
FACE_W, FACE_H = 105 * MM, 148 * MM  # an A6 face, its trim box at the page's origin
BLEED = 3.6 * MM  # how far the band's colour runs past the trim
FRONT, BACK, OFFICE = 0, 1, 2  # the pages of a card's PDF
COVER_PAGES = 2  # the sheets' PDF: cover and contents first
SHEET_H, CELL_H = 297 * MM, 148.5 * MM
OFFICE_H, OFFICE_LEFT, OFFICE_TOP = 210 * MM, 43.5 * MM, 25 * MM


@dataclass(frozen=True)
class Place:
    """Where a face goes on a page: its trim's bottom-left corner, and how far the clip
    reaches past the trim on each side (left, bottom, right, top)."""

    x: float
    y: float
    bleed: tuple[float, float, float, float] = (0, 0, 0, 0)


def sheet_place(index: int, back: bool) -> Place:
    """The place of card index (0-3) on an A4 sheet. Long-edge duplex mirrors left and
    right, so a back sits in the other column of the same row as its front."""
    column, row = index % SHEET_COLUMNS, index // SHEET_COLUMNS
    if back:
        column = SHEET_COLUMNS - 1 - column
    return Place(column * FACE_W, SHEET_H - row * CELL_H - FACE_H)


OFFICE_PLACES = (
    Place(OFFICE_LEFT, OFFICE_H - OFFICE_TOP - FACE_H, (BLEED, 0, 0, BLEED)),
    Place(OFFICE_LEFT + FACE_W, OFFICE_H - OFFICE_TOP - FACE_H, (0, 0, BLEED, BLEED)),
)


def _contents(page) -> bytes:
    contents = page["/Contents"].get_object()
    parts = contents if isinstance(contents, ArrayObject) else [contents]
    return b"\n".join(part.get_object().get_data() for part in parts)


class Imposer:
    """Writes one PDF file: pages copied whole, or frames with faces set in."""

    def __init__(self, lang: str, metadata: dict, title: str | None):
        self.writer = PdfWriter()
        self.writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
        info = {key: value for key, value in metadata.items() if key != "/Title"}
        if title:
            info["/Title"] = title
        self.writer.add_metadata(info)
        self.forms: dict[tuple[int, tuple[float, ...]], object] = {}

    def copy(self, page) -> None:
        self.writer.add_page(page)

    def frame(self, page, faces: list[tuple[object, Place]]) -> None:
        """page with each (face page, place) drawn into it, under the page's own marks."""
        target = self.writer.add_page(page)
        resources = target["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)  # every page WeasyPrint writes has one
        xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
        drawn = []
        for face, place in faces:
            name = NameObject(f"/hbFace{len(xobjects)}")
            xobjects[name] = self._form(face, place.bleed)
            drawn.append(f"q 1 0 0 1 {place.x:.4f} {place.y:.4f} cm {name} Do Q\n".encode())
        # the frame last: its cut lines and crop marks lie over the faces' edges, as on the
        # pages laid out whole, where they follow the faces
        drawn += [b"q\n", _contents(target), b"\nQ\n"]
        stream = DecodedStreamObject()
        stream.set_data(b"".join(drawn))
        target[NameObject("/Contents")] = self.writer._add_object(stream.flate_encode())

    def _form(self, face, bleed: tuple[float, float, float, float]):
        key = (id(face), bleed)
        if key not in self.forms:
            left, bottom, right, top = bleed
            form = DecodedStreamObject()
            form.set_data(_contents(face))
            form.update(
                {
                    NameObject("/Type"): NameObject("/XObject"),
                    NameObject("/Subtype"): NameObject("/Form"),
                    NameObject("/BBox"): ArrayObject(
                        FloatObject(round(v, 4))
                        for v in (-left, -bottom, FACE_W + right, FACE_H + top)
                    ),
                    NameObject("/Resources"): face["/Resources"].get_object().clone(self.writer),
                }
            )
            # pypdf has no public call that adds a bare object; a Form needs one
            self.forms[key] = self.writer._add_object(form.flate_encode())
        return self.forms[key]

    def bytes(self) -> bytes:
        out = BytesIO()
        self.writer.write(out)
        return out.getvalue()


def read(data: bytes) -> PdfReader:
    return PdfReader(BytesIO(data))


def card_files(card: PdfReader, lang: str, titles: tuple[str, str]) -> tuple[bytes, bytes]:
    """A card's print-shop file (its two A6 faces) and office file (its faces set into its
    office page). titles: what a PDF viewer shows for each."""
    meta = dict(card.metadata or {})
    shop = Imposer(lang, meta, titles[0])
    shop.copy(card.pages[FRONT])
    shop.copy(card.pages[BACK])
    office = Imposer(lang, meta, titles[1])
    office.frame(
        card.pages[OFFICE],
        [(card.pages[FRONT], OFFICE_PLACES[0]), (card.pages[BACK], OFFICE_PLACES[1])],
    )
    return shop.bytes(), office.bytes()


def all_a6(cards: list[PdfReader], lang: str, title: str) -> bytes:
    """Every card's two A6 faces, in deck order: the print shop's file."""
    shop = Imposer(lang, dict(cards[0].metadata or {}), title)
    for card in cards:
        shop.copy(card.pages[FRONT])
        shop.copy(card.pages[BACK])
    return shop.bytes()


def a4_sheets(sheets: PdfReader, cards: list[PdfReader], lang: str, title: str) -> bytes:
    """The cover pages, then per four cards a sheet of fronts and a sheet of backs."""
    office = Imposer(lang, dict(sheets.metadata or {}), title)
    for page in sheets.pages[:COVER_PAGES]:
        office.copy(page)
    for start in range(0, len(cards), CARDS_PER_SHEET):
        batch = cards[start : start + CARDS_PER_SHEET]
        first = COVER_PAGES + 2 * (start // CARDS_PER_SHEET)  # its fronts, then its backs
        frames = sheets.pages[first : first + 2]
        for side, frame in zip((FRONT, BACK), frames, strict=True):
            office.frame(
                frame,
                [
                    (card.pages[side], sheet_place(n, back=side == BACK))
                    for n, card in enumerate(batch)
                ],
            )
    return office.bytes()
