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
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from . import tagging
from .layout import CARDS_PER_SHEET, MM, SHEET_CARD_INSET, SHEET_COLUMNS, SHEET_SCALE, sheet_origin

FACE_W, FACE_H = 105 * MM, 148 * MM  # an A6 face, its trim box at the page's origin
BLEED = 3 * MM  # how far the print shop's file shows the artwork past the trim
SLUG = 9 * MM  # the print shop's page around the trim: bleed, then crop marks
MARK_FROM = BLEED + 1 * MM  # crop marks start 1 mm outside the bleed, run to the edge
FRONT, BACK, OFFICE, FOUR_FRONT, FOUR_BACK = range(5)  # the pages of a card's PDF
COVER_PAGES = 2  # the sheets' PDF: cover and contents first
OFFICE_H, OFFICE_LEFT, OFFICE_TOP = 210 * MM, 43.5 * MM, 25 * MM
# Crop marks in the registration colour (every plate), as print shops expect.
REGISTRATION = "/hbAll"


@dataclass(frozen=True)
class Place:
    """Where a face goes on a page: its trim's bottom-left corner, and how far the clip
    reaches past the trim on each side (left, bottom, right, top)."""

    x: float
    y: float
    bleed: tuple[float, float, float, float] = (0, 0, 0, 0)  # negative: clipped inside
    scale: float = 1.0


def sheet_place(index: int, back: bool) -> Place:
    """The place of card index (0-3) on an A4 sheet (cardkit/layout.py), scaled to leave
    the office printer's margin and a gutter, its colour clipped inside the trim. Long-edge
    duplex mirrors left and right, so a back sits in the other column of its front's row."""
    column, row = index % SHEET_COLUMNS, index // SHEET_COLUMNS
    if back:
        column = SHEET_COLUMNS - 1 - column
    x, y = sheet_origin(column, row)
    inset = -SHEET_CARD_INSET * MM / SHEET_SCALE  # in the face's own units (pt)
    return Place(x * MM, y * MM, (inset,) * 4, SHEET_SCALE)


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

    def __init__(self, lang: str, metadata: dict, title: str | None, *, tagged: bool = False):
        self.writer = PdfWriter()
        self.tags = tagging.Tags(self.writer) if tagged else None
        self.writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
        info = {key: value for key, value in metadata.items() if key != "/Title"}
        if title:
            info["/Title"] = title
        self.writer.add_metadata(info)
        self.forms: dict[Any, object] = {}

    def copy(self, page) -> None:
        if self.tags is None:
            self.writer.add_page(page)
        else:
            self.frame(page, [])

    def frame(self, page, faces: list[tuple[object, Place, str]]) -> None:
        """page with each (face page, place, its text) drawn into it, under the page's own
        marks. Tagged: each face a Figure with its text as alternative text."""
        target = self.writer.add_page(page)
        tags = self.tags
        if tags:
            tags.begin_page(target)
        resources = target["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)  # every page WeasyPrint writes has one
        xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
        drawn = []
        for face, place, alt in faces:
            name = NameObject(f"/hbFace{len(xobjects)}")
            xobjects[name] = self._form(face, place.bleed)
            scale = place.scale
            draw = f"q {scale:g} 0 0 {scale:g} {place.x:.4f} {place.y:.4f} cm {name} Do Q".encode()
            drawn.append((tags.wrap("Figure", draw, alt) if tags else draw) + b"\n")
            self._links(target, face, place)
        # the frame last: its cut lines and crop marks lie over the faces' edges, as on the
        # pages laid out whole, where they follow the faces
        own = b"q\n" + _contents(target) + b"\nQ\n"
        drawn.append(tags.wrap("P", own) if tags else own)
        stream = DecodedStreamObject()
        stream.set_data(b"".join(drawn))
        target[NameObject("/Contents")] = self.writer._add_object(stream.flate_encode())

    def _links(self, target, face, place: Place) -> None:
        """The face's links (its QR code and address), moved to where the face is placed.
        WeasyPrint writes one per box of a link (each module of a QR code, each part of a
        wrapped address): the touching ones become one."""
        for uri, (x0, y0, x1, y1) in _merged_links(face):
            left, right = (place.x + place.scale * v for v in (x0, x1))
            bottom, top = (place.y + place.scale * v for v in (y0, y1))
            link = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Link"),
                    NameObject("/Rect"): ArrayObject(
                        FloatObject(round(v, 3)) for v in (left, bottom, right, top)
                    ),
                    NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
                    NameObject("/A"): DictionaryObject(
                        {
                            NameObject("/S"): NameObject("/URI"),
                            NameObject("/URI"): TextStringObject(uri),
                        }
                    ),
                }
            )
            annots = target.setdefault(NameObject("/Annots"), ArrayObject())
            reference = self.writer._add_object(link)
            annots.get_object().append(reference)
            if self.tags:
                self.tags.link(reference, uri)

    def trimmed(self, face, *, marks: bool) -> None:
        """face alone on a page of its trim and 3 mm bleed: with marks, on a larger page
        (the slug) with crop marks outside the bleed, for a print shop; without, the page
        is the bleed box itself, as online printers ask for."""
        slug = SLUG if marks else BLEED
        width, height = FACE_W + 2 * slug, FACE_H + 2 * slug
        page = self.writer.add_blank_page(width, height)
        page[NameObject("/Resources")] = DictionaryObject(
            {
                NameObject("/XObject"): DictionaryObject(
                    {NameObject("/hbFace0"): self._form(face, (BLEED,) * 4)}
                )
            }
        )
        drawn = [f"q 1 0 0 1 {slug:.4f} {slug:.4f} cm /hbFace0 Do Q\n".encode()]
        if marks:
            resources: Any = page["/Resources"]
            resources[NameObject("/ColorSpace")] = DictionaryObject(
                {NameObject(REGISTRATION): self._registration()}
            )
            drawn.append(_crop_marks(slug))
        stream = DecodedStreamObject()
        stream.set_data(b"".join(drawn))
        page[NameObject("/Contents")] = self.writer._add_object(stream.flate_encode())
        for name, grow in (("/TrimBox", 0.0), ("/BleedBox", BLEED)):
            page[NameObject(name)] = ArrayObject(
                FloatObject(round(v, 4))
                for v in (slug - grow, slug - grow, slug + FACE_W + grow, slug + FACE_H + grow)
            )

    def _registration(self):
        """The registration colour: a Separation named All, on every plate."""
        if "registration" not in self.forms:
            tint = DictionaryObject(
                {
                    NameObject("/FunctionType"): NumberObject(2),
                    NameObject("/Domain"): ArrayObject([NumberObject(0), NumberObject(1)]),
                    NameObject("/C0"): ArrayObject([NumberObject(0)] * 4),
                    NameObject("/C1"): ArrayObject([NumberObject(1)] * 4),
                    NameObject("/N"): NumberObject(1),
                }
            )
            space = ArrayObject(
                [NameObject("/Separation"), NameObject("/All"), NameObject("/DeviceCMYK"), tint]
            )
            self.forms["registration"] = self.writer._add_object(space)
        return self.forms["registration"]

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
        if self.tags:
            self.tags.finish()
        out = BytesIO()
        self.writer.write(out)
        return out.getvalue()


def _merged_links(face, gap: float = 2.0) -> list[tuple[str, tuple[float, ...]]]:
    """The face's URI links, rectangles that touch (within gap) joined into one."""
    found: list[tuple[str, list[float]]] = []
    for reference in face.get("/Annots", []):
        annot = reference.get_object()
        action = annot.get("/A")
        if annot.get("/Subtype") != "/Link" or not action or "/URI" not in action:
            continue
        (x0, x1), (y0, y1) = (sorted(float(v) for v in annot["/Rect"][n::2]) for n in (0, 1))
        rect = [x0, y0, x1, y1]
        uri = str(action["/URI"])
        merged = True
        while merged:
            merged = False
            for other in found:
                near = (
                    other[0] == uri
                    and rect[0] <= other[1][2] + gap
                    and other[1][0] <= rect[2] + gap
                    and rect[1] <= other[1][3] + gap
                    and other[1][1] <= rect[3] + gap
                )
                if near:
                    found.remove(other)
                    rect = [
                        min(rect[0], other[1][0]),
                        min(rect[1], other[1][1]),
                        max(rect[2], other[1][2]),
                        max(rect[3], other[1][3]),
                    ]
                    merged = True
                    break
        found.append((uri, rect))
    return [(uri, tuple(rect)) for uri, rect in found]


def _crop_marks(slug: float) -> bytes:
    """Crop marks along the trim lines, from 1 mm outside the bleed to the page's edge."""
    lines = []
    for x in (slug, slug + FACE_W):
        for start, end in ((0, slug - MARK_FROM), (slug + FACE_H + MARK_FROM, FACE_H + 2 * slug)):
            lines.append(f"{x:.4f} {start:.4f} m {x:.4f} {end:.4f} l S")
    for y in (slug, slug + FACE_H):
        for start, end in ((0, slug - MARK_FROM), (slug + FACE_W + MARK_FROM, FACE_W + 2 * slug)):
            lines.append(f"{start:.4f} {y:.4f} m {end:.4f} {y:.4f} l S")
    return (f"q {REGISTRATION} CS 1 SCN 0.25 w\n" + "\n".join(lines) + "\nQ\n").encode()


def read(data: bytes) -> PdfReader:
    return PdfReader(BytesIO(data))


@dataclass(frozen=True)
class PrintFile:
    """What makes a print shop's file: its title and PDF/X identification."""

    title: str
    date: str  # ISO 8601, the edition's
    seed: str  # what the file is made from: its identifier


def _print_shop(writer_of: Imposer, lang: str, shop: PrintFile) -> bytes:
    from . import pdfx

    pdfx.to_cmyk(writer_of.writer)
    pdfx.identify(
        writer_of.writer, title=shop.title, lang=lang, date=shop.date, seed=shop.seed.encode()
    )
    return writer_of.bytes()


def card_files(
    card: PdfReader, lang: str, titles: dict[str, str], shop: PrintFile, alts: tuple[str, str]
) -> dict[str, bytes]:
    """A card's files by use: "a6" for a print shop (PDF/X-4, crop marks), "a6-online"
    (PDF/X-4, page = bleed box), "a4" (its faces set into its office page, to cut and
    fold), "a4-4up" (four of it on an A4 sheet, fronts then backs), the office files
    tagged. titles: by use; alts: the text of its front and of its back."""
    meta = dict(card.metadata or {})
    files = {}
    for use, marks in (("a6", True), ("a6-online", False)):
        shop_file = Imposer(lang, meta, titles[use])
        shop_file.trimmed(card.pages[FRONT], marks=marks)
        shop_file.trimmed(card.pages[BACK], marks=marks)
        files[use] = _print_shop(
            shop_file, lang, PrintFile(titles[use], shop.date, shop.seed + use)
        )
    office = Imposer(lang, meta, titles["a4"], tagged=True)
    office.frame(
        card.pages[OFFICE],
        [
            (card.pages[FRONT], OFFICE_PLACES[0], alts[0]),
            (card.pages[BACK], OFFICE_PLACES[1], alts[1]),
        ],
    )
    files["a4"] = office.bytes()
    four = Imposer(lang, meta, titles["a4-4up"], tagged=True)
    for side, frame in ((FRONT, FOUR_FRONT), (BACK, FOUR_BACK)):
        four.frame(
            card.pages[frame],
            [
                (card.pages[side], sheet_place(n, back=side == BACK), alts[side])
                for n in range(CARDS_PER_SHEET)
            ],
        )
    files["a4-4up"] = four.bytes()
    return files


def all_a6(cards: list[PdfReader], lang: str, shop: PrintFile, *, marks: bool) -> bytes:
    """Every card's two A6 faces, in deck order: the print shop's file (marks) or the
    online printer's."""
    writer = Imposer(lang, dict(cards[0].metadata or {}), shop.title)
    for card in cards:
        writer.trimmed(card.pages[FRONT], marks=marks)
        writer.trimmed(card.pages[BACK], marks=marks)
    return _print_shop(writer, lang, shop)


def a4_sheets(
    sheets: PdfReader, cards: list[PdfReader], lang: str, title: str, alts: list[tuple[str, str]]
) -> bytes:
    """The cover pages, then per four cards a sheet of fronts and a sheet of backs, tagged.
    alts: each card's front and back text."""
    office = Imposer(lang, dict(sheets.metadata or {}), title, tagged=True)
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
                    (card.pages[side], sheet_place(n, back=side == BACK), alts[start + n][side])
                    for n, card in enumerate(batch)
                ],
            )
    return office.bytes()
