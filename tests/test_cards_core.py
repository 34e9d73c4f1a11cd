"""The card core on its own: parsing, validation, deck checks, QR addresses. No MkDocs."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import tomllib

import pytest

from cardkit import CardError, card_from_meta
from cardkit.deck import cards_of, check_deck, check_translations, number_by_nav
from cardkit.languages import Languages
from cardkit.model import FIELDS
from cardkit.qr import page_address
from cardkit.source import Page, read_page
from conftest import ROOT
from content import core_site

LANGS = Languages("de", ("en",))  # a synthetic two-language handbook for the unit tests
PDF_URL = "http://handbuch.test.intranet/"  # the address on the cards the unit tests lay out

PATH = "docs/tipps/kontakt.en.md"

pytestmark = pytest.mark.unit


def valid(**changes) -> dict:
    card = {
        "kind": "tip",
        "title": "Stay in touch",
        "principle": "I keep in personal contact with the people I serve.",
        "checklist": ["I give my name.", "I ask one open question.", "I call back."],
        "question": "When did I last call a customer back unasked?",
    }
    card.update(changes)
    return {"title": "Personal contact", "card": card}


def make(meta: dict, card_id: str = "kontakt", lang: str = "en"):
    return card_from_meta(meta, card_id=card_id, lang=lang, path=PATH, url="en/tipps/kontakt/")


def problem(meta: dict, card_id: str = "kontakt") -> str:
    with pytest.raises(CardError) as caught:
        make(meta, card_id)
    assert caught.value.path == PATH
    return str(caught.value)


def test_a_valid_card_is_read_with_its_id_from_the_file_name():
    card = make(valid(title="  Stay   in touch "))
    assert (card.id, card.lang, card.kind, card.order) == ("kontakt", "en", "tip", 1)
    assert card.title == "Stay in touch"
    assert len(card.checklist) == 3


def test_a_page_without_card_has_none():
    assert make({"title": "Home"}) is None


def test_the_documented_checklist_message():
    meta = valid(checklist=[f"Item {n}" for n in range(9)])
    assert problem(meta) == (
        "docs/tipps/kontakt.en.md: card.checklist has 9 items; a card holds 3 to 7"
    )


@pytest.mark.parametrize("count", [0, 2, 8, 20])
def test_too_few_or_too_many_items(count):
    meta = valid(checklist=[f"Item {n}" for n in range(count)])
    assert f"card.checklist has {count} items; a card holds 3 to 7" in problem(meta)


@pytest.mark.parametrize("field", FIELDS)
def test_each_missing_field_is_named(field):
    meta = valid()
    del meta["card"][field]
    assert f"card.{field} is missing" in problem(meta)


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("kind", "rule", "card.kind is 'rule'; allowed are: attitude, tip"),
        ("order", 1, "card.order is no longer used: the cards follow the order of their pages"),
        ("title", "", "card.title is empty; write a short text"),
        ("title", "   ", "card.title is empty"),
        ("title", 12, "card.title is a number; it must be text"),
        ("title", None, "card.title is empty; it must be text"),
        ("title", "x" * 61, "card.title has 61 characters; at most 60 fit on a card"),
        ("principle", ["a"], "card.principle is a list; it must be text"),
        ("principle", "y" * 161, "card.principle has 161 characters; at most 160"),
        ("question", "z" * 1_000_000, "card.question has 1000000 characters; at most 220"),
        ("checklist", "one item", "card.checklist is text; it must be a list"),
        ("checklist", ["ok", "", "ok"], "card.checklist[2] is empty"),
        (
            "checklist",
            ["ok", {"a": 1}, "ok"],
            "card.checklist[2] is a set of fields; it must be text",
        ),
        ("checklist", ["ok", "ok", "i" * 121], "card.checklist[3] has 121 characters; at most 120"),
    ],
)
def test_wrong_values_are_named_with_what_is_allowed(field, value, expected):
    assert expected in problem(valid(**{field: value}))


def test_an_unknown_field_is_named():
    assert "card.colour is not a card field; allowed are: kind, title" in problem(
        valid(colour="red")
    )


def test_a_card_that_is_not_a_set_of_fields():
    assert "card must be a set of fields" in problem({"card": ["kind", "tip"]})


@pytest.mark.parametrize("card_id", ["Kontakt", "kontakt_neu", "kontakt neu", "..", "-x", "ä"])
def test_a_file_name_that_is_not_a_slug(card_id):
    assert f"the file name gives the card id '{card_id}', which is not a lowercase slug" in problem(
        valid(), card_id=card_id
    )


def test_language_and_stem_come_from_the_file_name():
    assert LANGS.split("tipps/kontakt.en.md") == ("tipps/kontakt", "en")
    assert LANGS.split("tipps/kontakt.md") == ("tipps/kontakt", "de")
    assert LANGS.source_name("tipps/kontakt", "en") == "tipps/kontakt.en.md"
    assert LANGS.source_name("tipps/kontakt", "de") == "tipps/kontakt.md"
    assert [LANGS.url_root(lang) for lang in LANGS] == ["", "en/"]


def test_front_matter_that_does_not_parse_names_file_and_line(tmp_path):
    source = tmp_path / "kontakt.md"
    source.write_text(
        "---\ntitle: Kontakt\ncard:\n  kind: tip\n   order: 1\n---\n# Kontakt\n", encoding="utf-8"
    )
    with pytest.raises(CardError) as caught:
        read_page(source, "tipps/kontakt.md", "docs/tipps/kontakt.md", LANGS)
    assert str(caught.value).startswith(
        "docs/tipps/kontakt.md: the front matter between the '---' lines cannot be read (line 5)"
    )


def test_a_file_that_is_not_utf8(tmp_path):
    source = tmp_path / "kontakt.md"
    source.write_bytes("---\ntitle: Grüße\n---\n".encode("latin-1"))
    with pytest.raises(CardError, match=re.escape("docs/tipps/kontakt.md: is not saved as UTF-8")):
        read_page(source, "tipps/kontakt.md", "docs/tipps/kontakt.md", LANGS)


def page(src_uri: str, **card) -> Page:
    stem, lang = LANGS.split(src_uri)
    meta = {"title": "Page"} if card.get("card", True) is None else valid(**card)
    return Page(src_uri=src_uri, path=f"docs/{src_uri}", lang=lang, stem=stem, meta=meta)


def deck_errors(*pages: Page) -> list[str]:
    cards, errors = cards_of(list(pages))
    assert errors == []
    return [str(error) for error in check_deck(cards, LANGS)]


def test_a_matching_pair_of_cards_is_fine():
    assert deck_errors(page("tipps/kontakt.md"), page("tipps/kontakt.en.md")) == []


def test_languages_must_agree_on_the_kind():
    errors = deck_errors(page("tipps/kontakt.md"), page("tipps/kontakt.en.md", kind="attitude"))
    assert errors == [
        "docs/tipps/kontakt.en.md: card.kind is attitude, but "
        "docs/tipps/kontakt.md says tip; the languages must agree on the kind"
    ]


def test_cards_are_numbered_in_the_order_of_the_nav_and_an_unlisted_one_is_named():
    pages = [page(src) for src in ("b.md", "b.en.md", "a.md", "a.en.md", "c.md", "c.en.md")]
    cards, errors = cards_of(pages)
    assert errors == []
    by_src = {p.src_uri: card for p, card in zip(pages, cards, strict=True)}
    numbered, problems = number_by_nav(by_src, ["b.md", "index.md", "a.md"], LANGS)
    assert sorted((c.lang, c.order, c.id) for c in numbered.values() if c.id != "c")[:2] == [
        ("de", 1, "b"),
        ("de", 2, "a"),
    ]
    assert [str(p) for p in problems] == [
        "docs/c.md: has a card, but mkdocs.yml's nav: does not list the page; add the line "
        "'- c.md' under nav:, where the card should come among the others"
    ]


def test_a_card_missing_in_one_language():
    english = Page(
        src_uri="tipps/kontakt.en.md",
        path="docs/tipps/kontakt.en.md",
        lang="en",
        stem="tipps/kontakt",
        meta={"title": "Contact"},
    )
    assert deck_errors(page("tipps/kontakt.md"), english) == [
        "docs/tipps/kontakt.md: has a card, but its English version has none; "
        "add the translated card to it"
    ]


def test_duplicate_ids():
    errors = deck_errors(
        page("tipps/kontakt.md"),
        page("haltungen/kontakt.md", kind="attitude"),
        page("tipps/kontakt.en.md"),
    )
    assert (
        "docs/haltungen/kontakt.md: makes a card with the id 'kontakt', like "
        "docs/tipps/kontakt.md; card ids come from file names, so rename one of "
        "the files"
    ) in errors


def test_every_page_needs_the_default_language_the_others_may_follow():
    pages = [page("trainer.md", card=None), page("quellen.en.md", card=None), page("karte.md")]
    messages = [str(e) for e in check_translations(pages, LANGS, "docs")]
    assert messages == [  # German alone is fine: English readers see it with a note
        "docs/quellen.en.md: has no German version; create docs/quellen.md "
        "(copy docs/quellen.en.md and translate it): every page starts in German, other "
        "languages may follow",
    ]


def test_qr_address_is_the_page_in_its_language_and_cannot_escape():
    assert (
        page_address("http://h.intranet/", "en/tipps/kontakt/")
        == "http://h.intranet/en/tipps/kontakt/"
    )
    assert (
        page_address("http://h.intranet/handbuch", "tipps/kontakt/")
        == "http://h.intranet/handbuch/tipps/kontakt/"
    )
    assert (
        page_address("http://h.intranet/", '"><img src=x>/')
        == "http://h.intranet/%22%3E%3Cimg%20src%3Dx%3E/"
    )


# The core is the cardkit package as pyproject.toml packages it: every module of it. (The
# handbook package beside it is the MkDocs plugin: it may import MkDocs.)
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGING = PYPROJECT["tool"]["setuptools"]
CORE_PACKAGES = [name for name in PACKAGING["packages"] if name.split(".")[0] == "cardkit"]
CORE_MODULES = sorted(
    [
        f"{package}.{path.stem}"
        for package in CORE_PACKAGES
        for path in (ROOT / "hooks" / package.replace(".", "/")).glob("*.py")
        if path.stem != "__init__"
    ]
    + CORE_PACKAGES
)


def test_hooks_holds_only_the_packaged_packages():
    """What the build imports is packaged: every Python file below hooks/ belongs to a
    package that pyproject.toml installs, so nothing works only because hooks/ happens to
    be on sys.path (as an editable install puts it)."""
    packaged = {name.replace(".", "/") for name in PACKAGING["packages"]}
    stray = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "hooks").rglob("*.py")
        if path.parent.relative_to(ROOT / "hooks").as_posix() not in packaged
    ]
    assert not stray, f"not in a package pyproject.toml installs: {stray}"
    assert "cardkit" in packaged and "handbook" in packaged


def test_no_core_module_imports_mkdocs(tmp_path):
    """Every plain module, one after the other in a fresh interpreter that finds them only
    through the installed package (started outside the project, no PYTHONPATH): the first
    one that pulls in mkdocs, or that is not this checkout's, is named."""
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    module = importlib.import_module(name)\n"
        f"    assert module.__file__.startswith({str(ROOT / 'hooks')!r}), module.__file__\n"
        "    assert 'mkdocs' not in {m.split('.')[0] for m in sys.modules}, name"
    )
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_relative_links_keep_the_trailing_slash_of_a_page():
    from cardkit.render import relative_url

    assert relative_url("haltungen/klarheit/", "karten/") == "../haltungen/klarheit/"
    assert relative_url("en/tipps/kontakt/", "en/karten/") == "../tipps/kontakt/"
    assert relative_url("tipps/kontakt/", "en/tipps/kontakt/") == "../../../tipps/kontakt/"
    assert relative_url("pdf/karten-a4-de.pdf", "tipps/kontakt/") == "../../pdf/karten-a4-de.pdf"
    assert relative_url("", "karten/") == ".."


def test_qr_codes_are_kept_on_disk_by_content_and_survive_pdf_cache_pruning(tmp_path):
    from cardkit import cache
    from cardkit.render import _qr_code, qr_codes

    card = make(valid())
    qr_dir = tmp_path / "cards" / "qr"
    first = qr_codes([card], "http://handbuch.intranet/", "en", qr_dir)
    kept = sorted(qr_dir.glob("*.svg"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == first["kontakt"]
    assert first["kontakt"].startswith("<svg") and "hb-qr" in first["kontakt"]
    from cardkit.qr import qr_svg

    marker = qr_svg("http://marker.intranet/", label="kept")  # a valid code, told apart
    kept[0].write_text(marker, encoding="utf-8")
    _qr_code.cache_clear()  # a new build process reads the disk
    assert qr_codes([card], "http://handbuch.intranet/", "en", qr_dir)["kontakt"] == marker
    other = qr_codes([card], "http://other.intranet/", "en", qr_dir)["kontakt"]
    assert other != marker and len(list(qr_dir.glob("*.svg"))) == 2
    for number in range(10):  # more PDF entries than the cache keeps
        cache.store(
            tmp_path / "cards", cache.content_key(str(number)), {"a.pdf": b"%PDF-1.7\n%%EOF\n"}
        )
    assert len([p for p in (tmp_path / "cards").iterdir() if cache.KEY.fullmatch(p.name)]) == 8
    assert len(list(qr_dir.glob("*.svg"))) == 2


@pytest.mark.parametrize(
    "meta, message",
    [
        (valid(kind="regel\nzwei"), "card.kind is 'regel zwei'; allowed are: attitude, tip"),
        (valid(kind="x" * 500), "card.kind is '" + "x" * 39 + "…'; allowed are"),
        ({"card": {**valid()["card"], "a\nb": 1}}, "card.a b is not a card field"),
    ],
)
def test_values_quoted_in_a_message_stay_on_one_short_line(meta, message):
    with pytest.raises(CardError) as raised:
        make(meta)
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_the_pdf_cache_key_follows_the_cards_the_language_the_css_and_every_template(tmp_path):
    """What a warm build compares instead of laying anything out: the key start_pdfs
    computes, with the same two functions (build.inputs_key, build.pdf_key)."""
    import dataclasses
    import shutil

    from cardkit.build import inputs_key, pdf_key

    templates = shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    site = core_site(
        tmp_path / ".cache", lang="de", site_url=PDF_URL, pdfs=True, templates_dir=templates
    )
    cards = [make(valid(), lang="de")]

    def key(site=site, cards=cards, css="css"):
        return pdf_key(inputs_key(site, css=css, created=None), cards)

    first = key()
    assert key() == first  # stable: a warm build
    assert key(cards=[make(valid(title="Another title"), lang="de")]) != first
    assert key(site=dataclasses.replace(site, lang="en")) != first
    assert key(site=dataclasses.replace(site, site_url="http://other.intranet/")) != first
    assert key(css="css /* a trainer's tweak */") != first
    for template in ("assets/hb-cards.css", "partials/hb-card.html"):
        path = templates / template
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert key() != first, template
        first = key()


def _keys(words, where: str = "") -> set[str]:
    """Every key path of a language's words (cards.kind.tip, cards.months[], ...)."""
    if isinstance(words, dict):
        return {k for key, value in words.items() for k in _keys(value, f"{where}.{key}")} | {where}
    if isinstance(words, tuple):
        return {where + "[]"}
    return {where}


def test_every_language_has_every_label():
    """cardkit/labels/<lang>.yml: one file per language of mkdocs.yml, all with the same keys
    (and lists of the same length: months, the numbers in words, the places on a sheet)."""
    from cardkit.labels import SECTIONS, WORDS
    from content import MODEL

    assert sorted(WORDS) == sorted(MODEL.codes)
    reference = WORDS[MODEL.default]
    assert set(reference) == set(SECTIONS)
    for lang in MODEL.others:
        missing = _keys(reference) - _keys(WORDS[lang])
        extra = _keys(WORDS[lang]) - _keys(reference)
        assert not missing and not extra, (lang, sorted(missing), sorted(extra))

        def lengths(words, where=""):
            if isinstance(words, dict):
                return {
                    p: n for k, v in words.items() for p, n in lengths(v, f"{where}.{k}").items()
                }
            return {where: len(words)} if isinstance(words, tuple) else {}

        assert lengths(WORDS[lang]) == lengths(reference), lang


def _as_read(pdf: bytes) -> tuple[str | None, list[dict]]:
    """What a reader gets from a PDF: its title, and page by page its boxes (media, crop,
    bleed, trim, art), its text with each character's box, its links, what is drawn where
    (each text, path, image and form object's kind and bounds) and how it looks (the page
    drawn at 216 dpi, as a hash). Not the bytes: where libharfbuzz-subset0 is missing,
    WeasyPrint subsets the fonts with fontTools, which stamps each subset with the second
    it was made in (unless SOURCE_DATE_EPOCH is in the environment)."""
    import hashlib
    import io

    import pypdf
    import pypdfium2

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    pages = []
    for page, drawn in zip(reader.pages, pypdfium2.PdfDocument(pdf), strict=True):
        text = drawn.get_textpage()
        boxes = ("mediabox", "cropbox", "bleedbox", "trimbox", "artbox")
        pages.append(
            {
                "boxes": [getattr(drawn, f"get_{box}")() for box in boxes],
                "text": text.get_text_range(),
                "character boxes": [text.get_charbox(n) for n in range(text.count_chars())],
                "links": [link.get_object().get("/A") for link in page.get("/Annots", [])],
                "objects": [(o.type, o.get_bounds()) for o in drawn.get_objects(max_depth=15)],
                "looks": hashlib.sha256(drawn.render(scale=3).to_pil().tobytes()).hexdigest(),
            }
        )
    return (reader.metadata.title if reader.metadata else None), pages


def test_a_card_laid_out_with_others_gives_the_same_pdf_as_laid_out_alone(tmp_path):
    """The per-card cache rests on this: after one card is edited it is laid out alone,
    and its pages must be those a cold build, laying out the whole deck at once, made:
    the same for a reader (text, boxes, drawing, images, looks), whichever library
    subsets the fonts."""
    from cardkit.build import start_pdfs
    from cardkit.pdf import PAGES_PER_CARD
    from cardkit.printing import _lay_out

    site = core_site(tmp_path / ".cache", lang="en", site_url=PDF_URL, pdfs=True)
    cards = [
        card_from_meta(
            valid(title=f"Card {n}", question=f"Question {n} with other words?"),
            card_id=f"card-{n}",
            order=n,
            lang="en",
            path=f"docs/tipps/card-{n}.en.md",
            url=f"en/tipps/card-{n}/",
        )
        for n in (1, 2, 3)
    ]
    css = (ROOT / "overrides/assets/hb-cards.css").read_text(encoding="utf-8")
    site = dataclasses.replace(site, source_date_epoch="1700000000")
    job = start_pdfs(site, cards, css=css, in_worker=False).job
    assert job is not None
    together = _lay_out(job, list(job.cards), with_sheets=False)
    alone = _lay_out(job, [job.cards[1]], with_sheets=False)
    assert isinstance(together, dict) and isinstance(alone, dict)
    (title, pages), (title_together, pages_together) = (
        _as_read(alone[job.cards[1].id]),
        _as_read(together[job.cards[1].id]),
    )
    assert title == title_together and len(pages) == len(pages_together) == PAGES_PER_CARD
    for number, (page, page_together) in enumerate(zip(pages, pages_together, strict=True), 1):
        for what in page:
            assert page[what] == page_together[what], f"page {number}: its {what} differ"
