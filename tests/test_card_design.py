"""The printed cards as a print shop and a trainer see them: a face used edge to edge, identity
on every card, a sample mark while the address is the example, an office PDF per card, A4
sheets that explain themselves, and the brand set once. Real builds, real PDFs."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from cardkit.book_labels import BOOK_LABELS
from cardkit.brand import Brand, BrandError, brand_from_options, contrast_with_white
from cardkit.identity import EXAMPLE_SITE_URL, is_example
from cardkit.layout import CARDS_PER_SHEET
from conftest import (
    A4_PAGE,
    LANGUAGES,
    ROOT,
    SAMPLE_COPIED,
    SITE_URL,
    html_file,
    run_build,
    soup,
)
from content import (
    CARDS,
    CONFIG,
    ROOTS,
    WORDED,
    cards_page,
    short_address,
    single_card_pdf,
    site_name,
)
from pdftext import page_texts
from test_book import pdf_path
from tools.project import plugins

MM = 72 / 25.4
DPI = 100
A4_PORTRAIT, A4_LANDSCAPE = (210 * MM, 297 * MM), (297 * MM, 210 * MM)
EDITION_EPOCH = "1767225600"  # the `built` fixture's SOURCE_DATE_EPOCH: 2026-01-01
MAX_BLANK = 0.25


def deck(lang: str) -> list[dict]:
    """Every card of a language from docs/, with its stem, number in its kind and count."""
    cards = [{**card, "stem": stem, "id": card_id} for card_id, (stem, card) in CARDS[lang].items()]
    for card in cards:
        same_kind = sorted(c["order"] for c in cards if c["kind"] == card["kind"])
        card["number"], card["count"] = same_kind.index(card["order"]) + 1, len(same_kind)
    return sorted(cards, key=lambda c: (c["kind"] != "attitude", c["order"]))


DECKS = {lang: deck(lang) for lang in LANGUAGES}
KIND = {"de": {"attitude": "Haltung", "tip": "Tipp"}, "en": {"attitude": "Attitude", "tip": "Tip"}}
COLLECTION = {"de": "pdf/karten-a4-de.pdf", "en": "pdf/cards-a4-en.pdf"}
SAMPLE = {"de": "MUSTER", "en": "SAMPLE"}


def flat(text: str) -> str:
    """PDF text without line breaks and spaces (lines wrap anywhere, URLs after a slash)."""
    return re.sub(r"\s", "", text)


def render(path: Path, page: int) -> tuple[Image.Image, pypdfium2.PdfPage]:
    document = pypdfium2.PdfDocument(str(path))
    return document[page].render(scale=DPI / 72).to_pil().convert("RGB"), document[page]


def largest_blank_band(image: Image.Image) -> float:
    """The longest run of rows that are all background (near white), over the height."""
    rows = (
        image.convert("L")
        .point(lambda v: 255 if v > 245 else 0)
        .resize((1, image.height), Image.Resampling.BOX)
    )
    run = best = 0
    for value in rows.get_flattened_data():
        run = run + 1 if value == 255 else 0
        best = max(best, run)
    return best / image.height


def to_px(page: pypdfium2.PdfPage, x: float, y: float) -> tuple[int, int]:
    """A point in PDF units (origin bottom left of the MediaBox, which may be negative)
    as a pixel of the page's rendering."""
    left, _, _, top = page.get_mediabox()
    return round((x - left) * DPI / 72), round((top - y) * DPI / 72)


def trim_box_px(page: pypdfium2.PdfPage) -> tuple[int, int, int, int]:
    left, bottom, right, top = page.get_trimbox()
    return (*to_px(page, left, top), *to_px(page, right, bottom))


# ---- a face used edge to edge -----------------------------------------------------------


@pytest.mark.parametrize("lang", WORDED)
def test_no_face_has_a_blank_band_over_a_quarter_of_its_height(built, lang):
    bands = {}
    for card in DECKS[lang]:
        path = single_card_pdf(built.site, lang, card["id"], "a6")
        for number, face in enumerate(("front", "back")):
            image, page = render(path, number)
            bands[card["id"], face] = largest_blank_band(image.crop(trim_box_px(page)))
        office, _ = render(single_card_pdf(built.site, lang, card["id"], "a4"), 0)
        spread = [round(v * DPI / 25.4) for v in (43.5, 25, 43.5 + 105, 25 + 148, 43.5 + 210)]
        bands[card["id"], "office front"] = largest_blank_band(
            office.crop((spread[0], spread[1], spread[2], spread[3]))
        )
        bands[card["id"], "office back"] = largest_blank_band(
            office.crop((spread[2], spread[1], spread[4], spread[3]))
        )
    print(lang, {f"{i} {f}": f"{v:.0%}" for (i, f), v in bands.items()})
    assert max(bands.values()) <= MAX_BLANK, {k: v for k, v in bands.items() if v > MAX_BLANK}


@pytest.mark.parametrize("lang", WORDED)
def test_crop_marks_lie_outside_the_bleed(built, lang):
    """Bottom corners (no band there): the trim line's mark is drawn beyond the BleedBox,
    and nothing is drawn on that line between the BleedBox and the trim."""
    path = single_card_pdf(built.site, lang, DECKS[lang][0]["id"], "a6")
    image, page = render(path, 0)
    grey = image.convert("L")
    trim, bleed, media = page.get_trimbox(), page.get_bleedbox(), page.get_mediabox()
    for x_trim, x_bleed, x_media in ((trim[0], bleed[0], media[0]), (trim[2], bleed[2], media[2])):
        (x_trim, y), (x_bleed, _), (x_media, _) = (
            to_px(page, x, trim[1]) for x in (x_trim, x_bleed, x_media)
        )
        step = 1 if x_media > x_trim else -1
        inside = [
            grey.getpixel((x, yy))
            for x in range(x_trim + step, x_bleed + step, step)
            for yy in (y - 1, y, y + 1)
        ]
        outside = [
            grey.getpixel((x, yy))
            for x in range(x_bleed + 2 * step, x_media - step, step)
            for yy in (y - 1, y, y + 1)
        ]
        assert min(inside) > 200, "a crop mark reaches into the bleed"
        assert min(outside) < 160, "no crop mark beyond the bleed"


# ---- identity -----------------------------------------------------------------------------


def edition_text(lang: str) -> str:
    return {"de": "Stand Januar 2026", "en": "Last updated January 2026"}[lang]


@pytest.mark.parametrize("lang", WORDED)
def test_each_card_names_handbook_number_edition_and_address(built, lang):
    for card in DECKS[lang]:
        front, back = map(flat, page_texts(single_card_pdf(built.site, lang, card["id"], "a6")))
        number = flat(f"{KIND[lang][card['kind']]} {card['number']}/{card['count']}")
        address = SITE_URL + short_address(card["stem"], lang)
        for face in (front, back):
            assert flat(site_name(lang)) in face, card["id"]
            assert number.lower() in face.lower(), (card["id"], number)
            assert flat(edition_text(lang)) in face, card["id"]
        assert flat(address) in back, (card["id"], address)
        assert flat({"de": "Mehr im Handbuch", "en": "More in the handbook"}[lang]) in back
        assert flat({"de": "Mein Vorsatz", "en": "My resolution"}[lang]) in back
        assert SAMPLE[lang] not in front + back  # a real address: no sample mark


@pytest.mark.parametrize("lang", WORDED)
def test_qr_code_sits_at_one_place_on_every_back_and_opens_the_page(built, lang):
    places = set()
    for card in DECKS[lang]:
        image, _ = render(single_card_pdf(built.site, lang, card["id"], "a6"), 1)
        image = image.resize((image.width * 3, image.height * 3))
        codes = zxingcpp.read_barcodes(image)
        assert [c.text for c in codes] == [SITE_URL + short_address(card["stem"], lang)]
        corner = codes[0].position.top_left
        places.add((round(corner.x / (3 * DPI / 25.4)), round(corner.y / (3 * DPI / 25.4))))
    xs, ys = {x for x, _ in places}, {y for _, y in places}
    assert max(xs) - min(xs) <= 1 and max(ys) - min(ys) <= 1, places  # within a millimetre


# ---- office print ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", WORDED)
def test_each_card_has_an_office_pdf_on_a4_linked_as_a_button_with_its_size(built, lang):
    label = {"de": "Diese Karte drucken (Bürodrucker)", "en": "Print this card (office printer)"}
    for card in DECKS[lang]:
        path = single_card_pdf(built.site, lang, card["id"], "a4")
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4_LANDSCAPE, abs=0.5)
        text = flat(page_texts(path)[0])
        for part in (card["title"], card["checklist"][0], card["question"]):
            assert flat(part) in text
        assert "100%" in text
        page = html_file(built.site, lang, card["stem"])
        buttons = soup(page).select(".hb-card-section .hb-downloads a.md-button")
        office = [b for b in buttons if b.get_text(" ", strip=True).startswith(label[lang])]
        assert len(office) == 1, [b.get_text() for b in buttons]
        assert (page.parent / office[0]["href"]).resolve() == path.resolve()
        size = round(path.stat().st_size / 1000)
        assert f"PDF, {max(size, 1)} KB" in office[0].get_text(" ", strip=True)


# ---- A4 sheets ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", WORDED)
def test_a4_sheets_carry_instructions_labels_and_blank_cards(built, lang):
    path = built.site / ROOTS[lang] / COLLECTION[lang]
    reader, texts = pypdf.PdfReader(path), page_texts(path)
    count = len(DECKS[lang])
    sheets = math.ceil(count / CARDS_PER_SHEET)
    assert len(reader.pages) == 2 + 2 * sheets
    assert all(
        (float(p.mediabox.width), float(p.mediabox.height)) == pytest.approx(A4_PORTRAIT, abs=0.5)
        for p in reader.pages
    )
    cover = flat(texts[0])
    words = {
        "de": ("100%", "Beidseitig", "langenKante", f"Seiten3bis{2 + 2 * sheets}"),
        "en": ("100%", "bothsides", "longedge", f"pages3to{2 + 2 * sheets}"),
    }[lang]
    assert all(word in cover for word in words), cover
    side = {"de": ("Bogen", "Vorderseite", "Rückseite"), "en": ("Sheet", "front", "back")}[lang]
    for number in range(sheets):
        for offset, name in ((0, side[1]), (1, side[2])):
            text = flat(texts[2 + 2 * number + offset])
            assert flat(f"{side[0]} {number + 1}/{sheets} · {name}") in text
    last_front = texts[2 + 2 * (sheets - 1)]
    resolution = {"de": "Mein Vorsatz", "en": "My resolution"}[lang]
    assert last_front.count(resolution) == CARDS_PER_SHEET * sheets - count


# ---- the example address, the brand, and a card called a4 ------------------------------


def test_mkdocs_yml_ships_the_example_address_the_cards_mark():
    assert CONFIG["site_url"] == EXAMPLE_SITE_URL
    assert is_example(EXAMPLE_SITE_URL) and not is_example(SITE_URL)


@pytest.mark.parametrize("lang", WORDED)
def test_cards_with_the_example_address_say_sample_everywhere(sample, lang):
    for card in DECKS[lang]:
        for size in ("a6", "a4"):
            for page in page_texts(single_card_pdf(sample.site, lang, card["id"], size)):
                assert SAMPLE[lang] in flat(page), (card["id"], size)
    sheets = page_texts(sample.site / ROOTS[lang] / COLLECTION[lang])
    assert all(SAMPLE[lang] in flat(page) for page in sheets[2:])
    notice = soup(html_file(sample.site, lang, cards_page())).select_one(".hb-notice").get_text()
    # in readers' words: where the codes lead, and whom to ask (no setting for admins)
    assert EXAMPLE_SITE_URL in notice and "HANDBOOK_SITE_URL" not in notice
    assert {"de": "Redaktion des Handbuchs", "en": "handbook’s editors"}[lang] in notice


@pytest.mark.parametrize("lang", WORDED)
def test_every_printed_document_with_the_example_address_says_sample(sample, lang):
    """The book and each document of the trainer's kit that prints the handbook's address
    (a cover, an identity line) marks itself a sample, as the cards do: none goes to print
    with an address that leads nowhere and no sign of it; the book always prints it."""
    host = EXAMPLE_SITE_URL.split("//", 1)[1].rstrip("/")
    printed = {}
    for kind in BOOK_LABELS[lang]["files"]:
        text = " ".join(page_texts(pdf_path(sample.site, lang, kind)))
        printed[kind] = host in text.replace("\n", "")
        assert not printed[kind] or SAMPLE[lang] in text, kind
    assert printed["book"], "the book's cover prints the handbook's address"


def test_the_build_log_says_how_to_set_the_real_address(sample, built):
    line = next(line for line in sample.log.splitlines() if "example address" in line)
    assert line.startswith("INFO") and "HANDBOOK_SITE_URL" in line
    assert "example address" not in built.log


@pytest.mark.parametrize("lang", WORDED)
def test_a_card_called_a4_keeps_its_own_pdf(sample, lang):
    copied = SAMPLE_COPIED.rsplit("/", 1)[-1]
    title = next(card["title"] for card in DECKS[lang] if card["id"] == copied)
    own = page_texts(single_card_pdf(sample.site, lang, "a4", "a6"))
    assert len(own) == 2
    assert flat("A4 " + title) in flat(own[0])
    office = pypdf.PdfReader(single_card_pdf(sample.site, lang, "a4", "a4"))
    assert len(office.pages) == 1
    collection = pypdf.PdfReader(sample.site / ROOTS[lang] / COLLECTION[lang])
    assert len(collection.pages) == 2 + 2 * math.ceil((len(DECKS[lang]) + 1) / CARDS_PER_SHEET)
    links = [
        a["href"]
        for a in soup(html_file(sample.site, lang, A4_PAGE)).select(
            ".hb-card-section .hb-downloads a"
        )
    ]
    page = html_file(sample.site, lang, A4_PAGE)
    targets = {(page.parent / href).resolve() for href in links}
    assert single_card_pdf(sample.site, lang, "a4", "a6").resolve() in targets


def test_the_brand_reaches_the_site_and_the_cards(sample):
    brand = sample.brand
    page = soup(html_file(sample.site, "de", "index"))
    footer = page.select_one(".md-copyright").get_text(" ", strip=True)
    assert brand["owner"] in footer and brand["contact"] in footer
    assert "Made with" not in footer
    assert page.select_one(f'a[href="mailto:{brand["contact"]}"]')
    for lang in LANGUAGES:  # the colours in a stylesheet of their own (no inline style)
        path = html_file(sample.site, lang, "index")
        sheet = soup(path).select_one('link[rel="stylesheet"][href$="hb-brand.css"]')
        assert brand["primary"] in (path.parent / sheet["href"]).read_text(encoding="utf-8")
    assert page.select_one('link[rel="icon"]')["href"].endswith(brand["logo"])
    assert (sample.site / brand["logo"]).is_file()
    front = page_texts(single_card_pdf(sample.site, "de", DECKS["de"][0]["id"], "a6"))[0]
    assert brand["organisation"] in front
    # the office file keeps the brand's RGB (the print shop's is CMYK for its press)
    image, _ = render(single_card_pdf(sample.site, "de", DECKS["de"][0]["id"], "a4"), 0)
    band = image.getpixel((round((43.5 + 52) * DPI / 25.4), round((25 + 3) * DPI / 25.4)))
    primary = tuple(int(brand["primary"][i : i + 2], 16) for i in (1, 3, 5))
    assert band == pytest.approx(primary, abs=3)


def test_the_brand_defaults_stay_neutral():
    mkdocs_brand = plugins(CONFIG)["handbook"]["brand"]
    assert brand_from_options(mkdocs_brand, (ROOT / "docs", ROOT / "overrides")) == Brand()
    assert not Brand().organisation and not Brand().logo and not Brand().owner


@pytest.mark.parametrize(
    "options, option, hint",
    [
        ({"colour": "#000000"}, "colour", "allowed are: organisation, logo"),
        ({"primary": "teal"}, "primary", "#rrggbb"),
        ({"accent": "#ffeb3b"}, "accent", "darker colour"),
        ({"logo": "assets/missing.svg"}, "logo", "no such file"),
        ({"logo": "../secret.svg"}, "logo", "below docs/ or overrides/"),
        ({"owner": ["a"]}, "owner", "must be text"),
    ],
)
def test_a_wrong_brand_option_names_itself_and_the_fix(options, option, hint):
    with pytest.raises(BrandError) as caught:
        brand_from_options(options, (ROOT / "docs", ROOT / "overrides"))
    message = str(caught.value)
    assert f"plugins.handbook.brand.{option}" in message and hint in message


def test_contrast_is_measured_as_wcag_does():
    assert contrast_with_white("#000000") == pytest.approx(21, abs=0.01)
    assert contrast_with_white("#00695c") > 4.5


@pytest.mark.parametrize(
    "url", ["ftp://handbuch.intranet/", "javascript://x/%0aalert(1)", "http:///nohost"]
)
def test_site_url_must_be_http_or_https_with_a_host(project, url):
    build = run_build(project, site_url=url, extra_env={"HANDBOOK_PDFS": "false"})
    assert not build.ok
    assert "site_url" in build.log and "Traceback" not in build.log
    if "://" in url and url.split("://")[1].split("/")[0]:  # MkDocs lets these through
        assert "HANDBOOK_SITE_URL" in build.log


def test_a_wrong_brand_stops_the_build_naming_the_option(project):
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('primary: "#00695c"', 'primary: "teal"'),
        encoding="utf-8",
    )
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert not build.ok
    assert (
        "mkdocs.yml: plugins.handbook.brand.primary is 'teal'; write a colour as #rrggbb"
        in build.log
    )
    assert "Traceback" not in build.log
