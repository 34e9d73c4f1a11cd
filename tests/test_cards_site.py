"""Checklist cards in the real build: pages, cards pages, PDFs, QR codes, cache, errors."""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp

from cardkit import pdfcache
from cardkit.labels import LABELS, kind_heading
from cardkit.layout import CARDS_PER_SHEET
from conftest import EPOCH, LANGUAGES, SITE_URL, html_file, run_build, soup
from content import (
    CARDS,
    DEFAULT,
    ROOTS,
    cards_page,
    in_deck_order,
    redirect_target,
    sample_card,
    set_card,
    short_address,
    single_card_pdf,
    source_file,
    squash,
    tree,
)
from pdftext import page_texts

MM = 72 / 25.4
A6 = (105 * MM, 148 * MM)
A4 = (210 * MM, 297 * MM)
PDF_NAME = {lang: LABELS[lang]["file_all"] for lang in LANGUAGES}


def test_every_card_has_its_translation_with_the_same_kind():
    numbered = {
        lang: {card_id: card["kind"] for card_id, (_, card) in CARDS[lang].items()}
        for lang in LANGUAGES
    }
    assert all(numbered[lang] == numbered[LANGUAGES[0]] for lang in LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_card_is_rendered_on_its_page_with_pdf_links(built, lang):
    for card_id, (stem, card) in CARDS[lang].items():
        path = html_file(built.site, lang, stem)
        section = soup(path).select_one("section.hb-card-section")
        assert section is not None, stem
        assert section.select_one(".hb-title").get_text(strip=True) == card["title"]
        assert section.select_one(".hb-principle").get_text(strip=True) == card["principle"]
        checklist = section.select_one("ul.hb-checklist")
        assert [li.get_text(strip=True) for li in checklist.find_all("li")] == card["checklist"]
        assert checklist["aria-label"].endswith(card["title"])
        assert section.select_one(".hb-question").get_text(strip=True) == card["question"]
        links = [a["href"] for a in section.select(".hb-downloads a")]
        assert links and all((path.parent / href).resolve().is_file() for href in links), links
        assert f"{card_id}-a4-{lang}.pdf" in links[0]  # the office PDF first


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_page_lists_exactly_the_cards_of_its_language(built, lang):
    page = soup(html_file(built.site, lang, cards_page()))
    screen = page.select_one(".hb-screen-only")
    titles = [t.get_text(strip=True) for t in screen.select(".hb-card .hb-title")]
    assert titles == [card["title"] for _, card in in_deck_order(CARDS[lang])]
    # no other language's card (a card this language shows untranslated is its own here)
    other_titles = {
        card["title"] for other in LANGUAGES if other != lang for _, card in CARDS[other].values()
    } - set(titles)
    text = page.get_text(" ")
    assert not [title for title in other_titles if title in text]
    # each card marked with the language its words are in: this one's, or the original's
    written = {
        lang if source_file(stem, lang).exists() else DEFAULT
        for stem, _ in in_deck_order(CARDS[lang])
    }
    assert {card.get("lang") for card in page.select(".hb-card")} == written
    # one heading per kind, counting the kind's cards in docs/ ("Die sechs Tipps")
    kinds = [card["kind"] for _, card in in_deck_order(CARDS[lang])]
    headings = [h.get_text(strip=True) for h in screen.find_all("h2")]
    assert headings == [
        kind_heading(LABELS[lang], kind, kinds.count(kind)) for kind in dict.fromkeys(kinds)
    ]
    # printed from the browser: A4 sheets of four, fronts then mirrored backs
    sheets = page.select(".hb-print-only .hb-sheet:not(.hb-cover)")  # after the instructions
    assert len(sheets) == 2 * math.ceil(len(CARDS[lang]) / CARDS_PER_SHEET)
    assert all(
        len(sheet.select(".hb-cell")) <= CARDS_PER_SHEET and sheet.select(".hb-cut")
        for sheet in sheets
    )


def _pdf_file(built, lang: str, name: str) -> Path:
    return built.site / ROOTS[lang] / "pdf" / name


def _pdf(built, lang: str, name: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(_pdf_file(built, lang, name))


def _size(box) -> tuple[float, float]:
    return float(box.width), float(box.height)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_single_card_pdfs_are_a6_with_bleed_and_crop_marks(built, lang):
    for card_id, (_, card) in CARDS[lang].items():
        reader = pypdf.PdfReader(single_card_pdf(built.site, lang, card_id))
        assert len(reader.pages) == 2  # front and back
        for page in reader.pages:
            assert _size(page.trimbox) == pytest.approx(A6, abs=0.5)
            bleed = _size(page.bleedbox)  # exactly 3 mm past the trim
            assert bleed == pytest.approx((A6[0] + 6 * MM, A6[1] + 6 * MM), abs=0.05)
        assert _crop_marks_drawn(single_card_pdf(built.site, lang, card_id))
        front, back = map(squash, page_texts(single_card_pdf(built.site, lang, card_id)))
        for text in (card["title"], card["principle"], *card["checklist"]):
            assert squash(text) in front, (card_id, text)
        assert squash(card["question"]) in back


def _crop_marks_drawn(path: Path) -> bool:
    """The print shop's file has crop marks outside the bleed: ink in each corner outside
    the trim box."""
    image = pypdfium2.PdfDocument(str(path))[0].render(scale=4).to_pil().convert("L")
    bleed = int(9 * MM * 4)  # pixels at scale 4; the marks run along the trim lines
    width, height = image.size
    strips = [
        (0, 0, bleed, bleed + 4),
        (width - bleed, 0, width, bleed + 4),
        (0, height - bleed - 4, bleed, height),
        (width - bleed, height - bleed - 4, width, height),
    ]
    return all(min(image.crop(strip).getdata()) < 128 for strip in strips)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_collected_pdfs_hold_every_card(built, lang):
    count = len(CARDS[lang])
    a6 = _pdf(built, lang, f"{PDF_NAME[lang]}-a6-{lang}.pdf")
    a4 = _pdf(built, lang, f"{PDF_NAME[lang]}-a4-{lang}.pdf")
    assert len(a6.pages) == 2 * count
    assert len(a4.pages) == 2 + 2 * math.ceil(count / CARDS_PER_SHEET)  # instructions, then sheets
    assert all(_size(page.mediabox) == pytest.approx(A4, abs=0.5) for page in a4.pages)
    everything = squash(
        " ".join(page_texts(_pdf_file(built, lang, f"{PDF_NAME[lang]}-a4-{lang}.pdf")))
    )
    for _, card in CARDS[lang].values():
        for text in (card["title"], card["principle"], *card["checklist"], card["question"]):
            assert squash(text) in everything


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdfs_embed_their_fonts_and_declare_the_language(built, lang):
    # single cards one folder down
    for path in (built.site / ROOTS[lang] / "pdf").rglob("*.pdf"):
        reader = pypdf.PdfReader(path)
        assert reader.trailer["/Root"]["/Lang"] == lang, path.name
        for page in reader.pages:
            resources = page["/Resources"]
            if "/Font" not in resources:  # a print shop's page: its face is a Form
                resources = next(iter(resources["/XObject"].values())).get_object()["/Resources"]
            for font in resources["/Font"].values():
                font = font.get_object()
                descriptor = (
                    font.get("/FontDescriptor")
                    or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                )
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.get_object())


def _decode_qr(pdf_path: Path, page_number: int) -> list[str]:
    document = pypdfium2.PdfDocument(str(pdf_path))
    image = document[page_number].render(scale=4).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_qr_codes_open_the_card_page_in_its_language(built, lang):
    """Each code carries the card's short address, which leads to its page."""
    for card_id, (stem, _) in CARDS[lang].items():
        short = short_address(stem, lang)
        path = single_card_pdf(built.site, lang, card_id)
        assert _decode_qr(path, 1) == [SITE_URL + short]
        assert _decode_qr(path, 0) == []
        assert redirect_target(built.site, short) == html_file(built.site, lang, stem).resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_duplex_backs_sit_behind_their_fronts(built, lang):
    """Long-edge duplex mirrors left and right: the back of the top-left card is top-right."""
    a4 = built.site / ROOTS[lang] / "pdf" / f"{PDF_NAME[lang]}-a4-{lang}.pdf"
    document = pypdfium2.PdfDocument(str(a4))
    width = document[3].get_width() * 4  # after the two instruction pages
    cards = in_deck_order(CARDS[lang])
    image = document[3].render(scale=4).to_pil()
    found = {code.text: code.position.top_left.x for code in zxingcpp.read_barcodes(image)}
    first, second = (SITE_URL + short_address(stem, lang) for stem, _ in cards[:2])
    assert found[first] > width / 2 > found[second]


def test_without_site_url_the_build_says_why_there_is_no_qr_code(project):
    build = run_build(project, site_url="", extra_env={"HANDBOOK_PDFS": "false"})
    assert build.ok, build.log
    assert "no site_url in mkdocs.yml: the cards carry no QR code" in build.log
    for lang, notice in (("de", "keinen QR-Code"), ("en", "no QR code")):
        page = soup(html_file(project / "site", lang, sample_card("attitude")))
        section = page.select_one(".hb-card-section")
        assert section.find("svg", class_="hb-qr") is None  # (the kind's icon is an SVG too)
        assert notice in section.select_one(".hb-notice").get_text()
    assert not (project / "site" / "pdf").exists()


def test_a_card_too_long_for_its_face_stops_the_build(built, project):
    # only this card laid out
    shutil.copytree(built.project / ".cache", project / ".cache", dirs_exist_ok=True)
    long_items = [
        "Ich höre zu, frage nach, fasse zusammen und prüfe, ob ich das Anliegen "
        "richtig verstanden habe, bevor ich antworte."
    ] * 7
    stem = sample_card("tip")
    set_card(
        project,
        f"{stem}.md",
        lambda card: card.update(checklist=long_items, principle="W" * 20 + " lang " * 20),
    )
    build = run_build(project, extra_env={"SOURCE_DATE_EPOCH": EPOCH})
    assert not build.ok
    card = stem.rsplit("/", 1)[-1]
    assert f"docs/{stem}.md: the card '{card}' does not fit on one A6 front" in build.log
    cut = re.search(r"shorten 'checklist' by about \d+ lines? \(some (\d+) characters\)", build.log)
    assert cut and 10 <= int(cut[1]) < len(" ".join(long_items)), "how much to cut, in words"
    assert "Traceback" not in build.log


def _pdf_log(lang: str, how: str) -> re.Pattern:
    """The build's log line for one language's PDFs ("de: 10 cards, 12 PDFs rendered")."""
    return re.compile(rf"{lang}: {len(CARDS[lang])} cards, \d+ PDFs {how}")


def _drop_cached_pdfs_of(project: Path, site: Path, lang: str) -> None:
    """Remove from a project's cache every PDF entry that made one of the language's files
    of this site (found by the files' hashes) and every laid-out card face: that language's
    PDFs are then made from nothing, the others still come from the cache."""
    root = ROOTS[lang]
    theirs = {digest for path, digest in tree(site).items() if path.startswith(root)}
    cache = project / ".cache" / "cards"
    for manifest in (cache / pdfcache.FOLDER).glob("*/manifest.json"):
        if theirs & {digest for _, digest in json.loads(manifest.read_text(encoding="utf-8"))}:
            shutil.rmtree(manifest.parent)
    shutil.rmtree(cache / "faces")


def test_builds_are_reproducible_and_the_pdf_cache_follows_every_input(built, project):
    """The shared build was made from an empty cache. This copy starts from its cache less
    one language's PDFs: that language's cards, book and kit are laid out again from nothing,
    the others come from the cache, and every file of the site is the same, byte for byte.
    Then each change to an input makes again exactly what it changes."""
    epoch = {"SOURCE_DATE_EPOCH": EPOCH}
    fresh = next(lang for lang in reversed(LANGUAGES) if ROOTS[lang])  # a language's own folder
    shutil.copytree(built.project / ".cache", project / ".cache", dirs_exist_ok=True)
    _drop_cached_pdfs_of(project, built.site, fresh)
    first = run_build(project, extra_env=epoch)
    assert first.ok, first.log
    assert _pdf_log(fresh, "rendered").search(first.log), first.log
    assert f"{fresh}: " in first.log and f"({len(CARDS[fresh])} of the cards laid out" in first.log
    for lang in set(LANGUAGES) - {fresh}:
        assert _pdf_log(lang, "taken from the cache").search(first.log), first.log
    reference, rebuilt = tree(built.site), tree(first.site)
    assert sorted(reference) == sorted(rebuilt)
    assert [name for name in reference if reference[name] != rebuilt[name]] == []
    assert any(name.endswith(".pdf") and name.startswith(ROOTS[fresh]) for name in reference)

    again = run_build(project, extra_env=epoch)
    assert all(_pdf_log(lang, "taken from the cache").search(again.log) for lang in LANGUAGES), (
        again.log
    )
    assert tree(again.site) == reference

    # An English card edited: only English is made again, and of it only that card is laid
    # out (one new entry of laid-out faces in the cache; the others' faces are reused).
    faces = project / ".cache" / "cards" / "faces"
    faces_before = {entry.name for entry in faces.iterdir()}
    english_card = source_file(in_deck_order(CARDS["en"])[0][0], "en", project / "docs")
    english_card.write_text(
        english_card.read_text(encoding="utf-8").replace("    - ", "    - Changed first item, ", 1),
        encoding="utf-8",
    )
    changed = run_build(project, extra_env=epoch)
    assert changed.ok, changed.log
    assert _pdf_log("de", "taken from the cache").search(changed.log), changed.log
    assert _pdf_log("en", "rendered").search(changed.log), changed.log
    assert "en: " in changed.log and "(1 of the cards laid out" in changed.log, changed.log
    assert len({entry.name for entry in faces.iterdir()} - faces_before) == 1
    card_id = english_card.name.split(".")[0]
    text = page_texts(single_card_pdf(project / "site", "en", card_id))[0]
    assert "Changed first item" in text
    edited = tree(changed.site)

    # That English cache entry damaged: the next build notices, heals it, ships the same.
    for manifest in (project / ".cache" / "cards" / pdfcache.FOLDER).glob("*/manifest.json"):
        if "-en.pdf" in manifest.read_text(encoding="utf-8"):
            for cached in manifest.parent.glob("*.pdf"):
                cached.write_bytes(cached.read_bytes()[:200])
    healed = run_build(project, extra_env=epoch)
    assert healed.ok, healed.log
    assert "is damaged" in healed.log
    assert _pdf_log("de", "taken from the cache").search(healed.log), healed.log
    assert _pdf_log("en", "rendered").search(healed.log), healed.log
    assert tree(healed.site) == edited
