"""The cards as a print shop, an online printer and an office printer get them: PDF/X-4 with
an output intent and exactly 3 mm bleed, black text in black ink alone, every line of text
at least 5 mm inside the trim, office sheets an office printer can print, four of one card
on a sheet. Read from the real PDFs of the shared build; expected values from docs/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pypdfium2
import pytest
import zxingcpp
from pypdf.generic import ContentStream

from cardkit import layout
from cardkit.book_labels import BOOK_LABELS
from cardkit.labels import LABELS
from conftest import LANGUAGES, SITE_URL, html_file, soup
from content import CARDS, ROOTS, short_address, single_card_pdf, squash
from pdftext import page_texts

MM = 72 / 25.4
SAFE = 5 * MM
DPI = 100


def collection(site: Path, lang: str, use: str) -> Path:
    return site / ROOTS[lang] / "pdf" / f"{LABELS[lang]['file_all']}-{use}-{lang}.pdf"


def print_shop_files(site: Path, lang: str) -> list[tuple[Path, bool]]:
    """Every A6 file of the language and whether it has crop marks (the print shop's):
    the cards' and the kit's case cards (page = bleed box)."""
    files = [(collection(site, lang, "a6"), True), (collection(site, lang, "a6-online"), False)]
    for card_id in CARDS[lang]:
        files.append((single_card_pdf(site, lang, card_id, "a6"), True))
        files.append((single_card_pdf(site, lang, card_id, "a6-online"), False))
    files.append((case_cards_a6(site, lang), False))
    return files


def case_cards_a6(site: Path, lang: str) -> Path:
    return site / ROOTS[lang] / "pdf" / f"{BOOK_LABELS[lang]['files']['cases_a6']}-{lang}.pdf"


def box(page, name: str) -> tuple[float, ...]:
    return tuple(float(v) for v in page[name])


# ---- PDF/X-4 -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_print_shop_file_is_pdf_x4_with_an_output_intent_and_3_mm_bleed(built, lang):
    for path, marks in print_shop_files(built.site, lang):
        reader = pypdf.PdfReader(path)
        assert reader.pdf_header == "%PDF-1.6", path.name
        (intent,) = (i.get_object() for i in reader.trailer["/Root"]["/OutputIntents"])
        assert intent["/S"] == "/GTS_PDFX" and intent["/OutputConditionIdentifier"] == "FOGRA39"
        assert intent["/DestOutputProfile"].get_object()["/N"] == 4
        assert reader.metadata["/GTS_PDFXVersion"] == "PDF/X-4"
        assert reader.trailer["/Info"]["/Trapped"] == "/False"
        xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
        assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
        assert reader.trailer["/ID"][0] == reader.trailer["/ID"][1]
        for page in reader.pages:
            left, bottom, right, top = box(page, "/TrimBox")
            assert (right - left, top - bottom) == pytest.approx((105 * MM, 148 * MM), abs=0.01)
            bleed = box(page, "/BleedBox")
            assert bleed == pytest.approx(
                (left - 3 * MM, bottom - 3 * MM, right + 3 * MM, top + 3 * MM), abs=0.01
            ), path.name
            media = box(page, "/MediaBox")
            if marks:  # the slug holds the crop marks
                assert media == pytest.approx(
                    (left - 9 * MM, bottom - 9 * MM, right + 9 * MM, top + 9 * MM), abs=0.01
                )
            else:  # online printers: the page is the bleed box, 111 x 154 mm
                assert media == pytest.approx(bleed, abs=0.01)
                assert (media[2] - media[0], media[3] - media[1]) == pytest.approx(
                    (111 * MM, 154 * MM), abs=0.01
                )


def _streams(reader: pypdf.PdfReader):
    """Every content stream of every page, and of every Form and pattern they use."""
    seen = set()

    def forms(resources):
        for kind in ("/XObject", "/Pattern"):
            for reference in (resources.get(kind) or {}).values():
                obj = reference.get_object()
                if id(obj) in seen or obj.get("/Subtype") == "/Image":
                    continue
                seen.add(id(obj))
                yield obj
                yield from forms(obj.get("/Resources", {}).get_object())

    for page in reader.pages:
        yield page.get_contents()
        yield from forms(page["/Resources"].get_object())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_shop_colours_are_cmyk_and_text_is_black_ink_alone(built, lang):
    deck = collection(built.site, lang, "a6")
    for path in (deck, case_cards_a6(built.site, lang)):
        reader = pypdf.PdfReader(path)
        raw = path.read_bytes()
        assert b"/DeviceRGB" not in raw, path.name  # no group, shading or image in RGB
        text_colours: dict[tuple, int] = {}
        for stream in _streams(reader):
            colour: tuple = ()
            for operands, operator in ContentStream(stream, reader).operations:
                assert operator not in (b"rg", b"RG", b"sc", b"SC"), (path.name, "RGB colour")
                if operator == b"k":
                    colour = tuple(round(float(v), 3) for v in operands)
                elif operator in (b"Tj", b"TJ"):
                    text_colours[colour] = text_colours.get(colour, 0) + 1
        # no grey or black built from four inks; black text in 100 % K (on the cards the
        # most common text colour; the case cards' grey prompts have more text runs)
        greys = [c for c in text_colours if c and min(c[:3]) > 0 and max(c[:3]) - min(c[:3]) < 0.1]
        assert greys == [], (path.name, greys)
        assert (0, 0, 0, 1) in text_colours, path.name
        if path == deck:
            assert max(text_colours, key=text_colours.get) == (0, 0, 0, 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_crop_marks_are_in_registration_colour_outside_the_bleed(built, lang):
    reader = pypdf.PdfReader(collection(built.site, lang, "a6"))
    page = reader.pages[0]
    spaces = page["/Resources"]["/ColorSpace"]
    (registration,) = (s.get_object() for s in spaces.values())
    assert registration[0] == "/Separation" and registration[1] == "/All"
    image = pypdfium2.PdfDocument(str(collection(built.site, lang, "a6")))[0]
    grey = image.render(scale=DPI / 72).to_pil().convert("L")
    px = DPI / 25.4
    left = box(page, "/TrimBox")[0]
    height = grey.height
    # the left trim line, below the card: dark in the slug, white in the bleed
    x = round(left / MM * px)
    below = [grey.getpixel((x + d, height - 1 - round(y * px))) for y in (1, 3) for d in (-1, 0, 1)]
    bleed = [grey.getpixel((x + d, height - 1 - round(y * px))) for y in (6, 7) for d in (-1, 0, 1)]
    assert min(below) < 160 and min(bleed) > 200


# ---- a fixed grid: 5 mm inside the trim --------------------------------------------------


def _text_boxes(page: pypdfium2.PdfPage):
    text = page.get_textpage()
    for index in range(text.count_chars()):
        if text.get_text_range(index, 1).strip():
            yield text.get_charbox(index)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_and_no_qr_code_lies_within_5_mm_of_the_trim(built, lang):
    for use in ("a6", "a6-online"):
        path = collection(built.site, lang, use)
        reader = pypdf.PdfReader(path)
        document = pypdfium2.PdfDocument(str(path))
        assert len(document) == 2 * len(CARDS[lang])
        for number, page in enumerate(document):
            left, bottom, right, top = box(reader.pages[number], "/TrimBox")
            near = [
                (round(x0 - left), round(y0 - bottom), round(right - x1), round(top - y1))
                for x0, y0, x1, y1 in _text_boxes(page)
                if min(x0 - left, y0 - bottom, right - x1, top - y1) < SAFE
            ]
            assert near == [], (path.name, number, [tuple(v / MM for v in n) for n in near])
            if number % 2:  # a back: its QR code
                image = page.render(scale=DPI / 72).to_pil()
                (code,) = zxingcpp.read_barcodes(image)
                corners = code.position
                xs = [p.x / DPI * 72 for p in (corners.top_left, corners.bottom_right)]
                ys = [
                    image.height / DPI * 72 - p.y / DPI * 72
                    for p in (corners.top_left, corners.bottom_right)
                ]
                media = box(reader.pages[number], "/MediaBox")
                xs = [x + media[0] for x in xs]
                ys = [y + media[1] for y in ys]
                assert min(xs) - left >= SAFE and right - max(xs) >= SAFE
                assert min(ys) - bottom >= SAFE and top - max(ys) >= SAFE


@pytest.mark.parametrize("lang", LANGUAGES)
def test_footer_and_band_sit_at_one_place_on_every_face(built, lang):
    """The lowest line (the identity line on a front, the address on a back) and the band's
    lower edge: at the same height on every front, and on every back."""
    document = pypdfium2.PdfDocument(str(collection(built.site, lang, "a6-online")))
    for parity in (0, 1):
        footers, bands = [], set()
        for number in range(parity, len(document), 2):
            page = document[number]
            footers.append(min(y0 for _, y0, _, _ in _text_boxes(page)) / MM)
            image = page.render(scale=DPI / 72).to_pil().convert("RGB")
            x = round(5 * DPI / 25.4)  # 2 mm inside the trim: the band, no text
            column = [image.getpixel((x, y)) for y in range(image.height // 2)]
            bands.add(next(y for y, p in enumerate(column) if min(p) > 240))
        assert max(footers) - min(footers) < 0.5, (parity, footers)
        assert len(bands) == 1, (parity, bands)


# ---- the office printer ----------------------------------------------------------------


def office_sheets(site: Path, lang: str) -> list[Path]:
    """Every A4 sheet of cards: the deck's, each card's 4-up, and the kit's sheets (the
    commitment cards, the blank role cards, the case cards and their role cards)."""
    files = [collection(site, lang, "a4")]
    files += [single_card_pdf(site, lang, card_id, "a4-4up") for card_id in CARDS[lang]]
    for kit in ("commitment", "roles", "cases_a4", "case_roles"):
        files.append(site / ROOTS[lang] / "pdf" / f"{BOOK_LABELS[lang]['files'][kit]}-{lang}.pdf")
    return files


def test_the_sheet_geometry_leaves_margin_and_gutter():
    assert layout.MARGIN_X >= layout.MIN_MARGIN + layout.MARK_GAP + layout.MARK_LENGTH
    assert layout.MARGIN_Y >= layout.MIN_MARGIN + layout.MARK_GAP + layout.MARK_LENGTH
    assert layout.SHEET_GUTTER >= 4
    for left, top, width, height in layout.cut_marks():
        assert min(left, top) >= layout.MIN_MARGIN
        assert left + width <= layout.SHEET_W - layout.MIN_MARGIN
        assert top + height <= layout.SHEET_H - layout.MIN_MARGIN


@pytest.mark.unit
def test_the_cut_mark_boxes_draw_every_cut_mark_once():
    """The sheet draws its marks two to a box (a box's two opposite borders): together
    they are the marks of the geometry, each once, where it puts them."""
    drawn = []
    for direction, left, top, apart in layout.cut_mark_pairs():
        if direction == "v":
            drawn += [(x, top, 0.0, layout.MARK_LENGTH) for x in (left, left + apart)]
        else:
            drawn += [(left, y, layout.MARK_LENGTH, 0.0) for y in (top, top + apart)]
    marks = layout.cut_marks()
    assert len(drawn) == len(marks)
    assert sorted(tuple(round(v, 2) for v in mark) for mark in drawn) == sorted(
        tuple(round(v, 2) for v in mark) for mark in marks
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_office_sheets_keep_5_mm_from_the_edge_and_colour_inside_each_card(built, lang):
    px = DPI / 25.4
    for path in office_sheets(built.site, lang):
        document = pypdfium2.PdfDocument(str(path))
        first = 2 if path == collection(built.site, lang, "a4") else 0  # after the cover
        for number in range(first, len(document)):
            image = document[number].render(scale=DPI / 72).to_pil().convert("L")
            ink = image.point(lambda v: 255 if v < 235 else 0).getbbox()
            assert ink is not None
            edge = round(layout.MIN_MARGIN * px) - 1
            assert ink[0] >= edge and ink[1] >= edge, (path.name, number, ink)
            assert image.width - ink[2] >= edge and image.height - ink[3] >= edge
            for row in range(layout.SHEET_ROWS):
                for column in range(layout.SHEET_COLUMNS):
                    left, top, width, height = layout.card_box(column, row)
                    # a ring 1.5 mm wide inside the card's trim, and the gutter beside it:
                    # white, so a cut or a duplex print 1.5 mm off shows no colour
                    ring = [
                        (left + 0.3, top + 0.3, left + 1.5, top + height - 0.3),
                        (left + width - 1.5, top + 0.3, left + width - 0.3, top + height - 0.3),
                        (left + 0.3, top + 0.3, left + width - 0.3, top + 1.5),
                        (left + 0.3, top + height - 1.5, left + width - 0.3, top + height - 0.3),
                    ]
                    for x0, y0, x1, y1 in ring:
                        crop = image.crop(tuple(round(v * px) for v in (x0, y0, x1, y1)))
                        assert min(crop.getdata()) > 235, (path.name, number, row, column)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_card_has_a_four_up_sheet_linked_from_its_page(built, lang):
    label = LABELS[lang]["four_up_card"]
    for card_id, (stem, card) in CARDS[lang].items():
        path = single_card_pdf(built.site, lang, card_id, "a4-4up")
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) == 2  # fronts, then backs
        front = squash(page_texts(path)[0])
        assert front.count(squash(card["checklist"][0])) == layout.CARDS_PER_SHEET
        image = pypdfium2.PdfDocument(str(path))[1].render(scale=2).to_pil()
        codes = [code.text for code in zxingcpp.read_barcodes(image)]
        assert codes == [SITE_URL + short_address(stem, lang)] * layout.CARDS_PER_SHEET
        page = html_file(built.site, lang, stem)
        links = [
            a
            for a in soup(page).select(".hb-card-section .hb-downloads a")
            if a.get_text(" ", strip=True).startswith(label)
        ]
        assert len(links) == 1 and (page.parent / links[0]["href"]).resolve() == path.resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_job_ticket_is_on_the_cards_page_and_with_the_kit(built, lang):
    labels = LABELS[lang]
    for stem in ("karten", "trainer"):
        ticket = soup(html_file(built.site, lang, stem)).select_one(".hb-job")
        assert ticket is not None, stem
        text = squash(ticket.get_text(" "))
        for line in (labels["job_title"], *labels["job_ticket"]):
            assert squash(line) in text, (stem, line)


def _elements(reader: pypdf.PdfReader) -> list:
    catalog: Any = reader.trailer["/Root"]
    root = catalog["/StructTreeRoot"].get_object()
    (document,) = (kid.get_object() for kid in root["/K"])
    assert document["/S"] == "/Document"
    return [kid.get_object() for kid in document["/K"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_office_files_are_tagged_and_their_qr_codes_are_links(built, lang):
    """Language, title, a structure tree with each card face a Figure whose alternative
    text holds the card's words, and a link over each QR code and printed address."""
    for card_id, (stem, card) in CARDS[lang].items():
        address = SITE_URL + short_address(stem, lang)  # where the QR code leads
        for use in ("a4", "a4-4up"):
            reader = pypdf.PdfReader(single_card_pdf(built.site, lang, card_id, use))
            root = reader.trailer["/Root"]
            assert root["/Lang"] == lang and root["/MarkInfo"]["/Marked"]
            assert squash(card["title"]) in squash(reader.metadata.title)
            figures = [e["/Alt"] for e in _elements(reader) if e["/S"] == "/Figure"]
            assert figures and all(squash(card["title"]) in squash(alt) for alt in figures)
            assert any(squash(card["question"]) in squash(alt) for alt in figures)
            assert any(address in alt for alt in figures)  # the QR code, said in words
            links = [
                annot.get_object() for page in reader.pages for annot in page.get("/Annots", [])
            ]
            assert links and all(link["/A"]["/URI"] == address for link in links)
            widths = sorted(abs(float(a["/Rect"][2]) - float(a["/Rect"][0])) for a in links)
            assert widths[-1] > 20 * MM * layout.SHEET_SCALE  # the QR code's link, or wider
            faces = {"a4": 1, "a4-4up": layout.CARDS_PER_SHEET}[use]
            assert len(links) == 2 * faces, [a["/Rect"] for a in links]  # QR code, address
    sheets = pypdf.PdfReader(collection(built.site, lang, "a4"))
    figures = [e for e in _elements(sheets) if e["/S"] == "/Figure"]
    assert len(figures) == 2 * len(CARDS[lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_kits_sheets_put_each_card_in_its_own_place(built, lang):
    """The kit's A4 sheets (case cards, their role cards, blank role and commitment cards):
    a card's text inside one of the sheet's places, and every place of a sheet filled but
    on the last one (the case sheets once stacked all four cards on the first place)."""
    files = BOOK_LABELS[lang]["files"]
    places = [
        layout.card_box(column, row)
        for row in range(layout.SHEET_ROWS)
        for column in range(layout.SHEET_COLUMNS)
    ]
    for kind in ("cases_a4", "case_roles", "roles", "commitment"):
        path = built.site / ROOTS[lang] / "pdf" / f"{files[kind]}-{lang}.pdf"
        document = pypdfium2.PdfDocument(str(path))
        for number, page in enumerate(document):
            height = page.get_height()
            filled = set()
            for x0, y0, x1, y1 in _text_boxes(page):
                # mm from the sheet's top left, as layout.py counts
                left, top, right, bottom = x0 / MM, (height - y1) / MM, x1 / MM, (height - y0) / MM
                filled |= {
                    index
                    for index, (x, y, width, depth) in enumerate(places)
                    if x <= left and right <= x + width and y <= top and bottom <= y + depth
                }
            if number < len(document) - 1:
                assert len(filled) == len(places), (path.name, number, sorted(filled))
            assert 0 in filled, (path.name, number)
