"""Case cards: written once in the attitude and tip pages' front matter, printed as case
cards without solutions, as a solution key for the trainer and as two role cards per case.
Expected values come from docs/ (every case of every page), never from a count here."""

from __future__ import annotations

import shutil

import pytest
import yaml

from cardkit.book_labels import BOOK_LABELS
from cardkit.cases import MIN_CASES, REQUIRED_CHANNEL, cases_from_meta
from cardkit.model import CardError, card_from_meta
from conftest import EPOCH, run_build
from content import (
    CARDS,
    DEFAULT,
    LANGUAGES,
    front_matter,
    in_deck_order,
    shown_source,
    source_file,
    squash,
)
from pdftext import page_texts
from test_book import pdf_path


def source_cases(lang: str) -> list[dict]:
    """Every case of the language in deck order, read from docs/ with plain YAML."""
    return [
        case
        for stem, _ in in_deck_order(CARDS[lang])
        for case in front_matter(shown_source(stem, lang)).get("cases") or []
    ]


# ---- the rule, read from docs/ and checked by the build -------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_attitude_and_tip_has_enough_cases_and_a_phone_call(lang):
    for stem, _ in in_deck_order(CARDS[lang]):
        cases = front_matter(shown_source(stem, lang)).get("cases") or []
        assert len(cases) >= MIN_CASES, f"{shown_source(stem, lang)}: {len(cases)} cases"
        assert any(case["channel"] == REQUIRED_CHANNEL for case in cases), stem


@pytest.mark.unit
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_languages_keep_the_same_cases_in_the_same_order(lang):
    for stem, _ in in_deck_order(CARDS[lang]):
        mine = front_matter(shown_source(stem, lang)).get("cases") or []
        other = front_matter(source_file(stem, LANGUAGES[0])).get("cases") or []
        assert [c["channel"] for c in mine] == [c["channel"] for c in other], stem
        assert [c["mood"] for c in mine] == [c["mood"] for c in other], stem


def _meta(stem: str, lang: str) -> tuple[dict, object, str]:
    path = str(source_file(stem, lang))
    meta = front_matter(source_file(stem, lang))
    card = card_from_meta(meta, card_id=stem.rsplit("/", 1)[-1], lang=lang, path=path)
    return meta, card, path


@pytest.mark.unit
def test_too_few_cases_or_no_phone_call_is_an_error_naming_the_page():
    stem, _ = in_deck_order(CARDS[LANGUAGES[0]])[0]
    meta, card, path = _meta(stem, LANGUAGES[0])
    assert len(cases_from_meta(meta, card, path)) == len(meta["cases"])

    short = {**meta, "cases": meta["cases"][: MIN_CASES - 1]}
    with pytest.raises(CardError) as error:
        cases_from_meta(short, card, path)
    assert error.value.path == path and "at least" in error.value.problem

    no_phone = {
        **meta,
        "cases": [{**case, "channel": "counter"} for case in meta["cases"]],
    }
    with pytest.raises(CardError) as error:
        cases_from_meta(no_phone, card, path)
    assert error.value.path == path and REQUIRED_CHANNEL in error.value.problem

    broken = {**meta, "cases": [{**meta["cases"][0], "mood": 9}, *meta["cases"][1:]]}
    with pytest.raises(CardError, match=r"cases\[1\]\.mood"):
        cases_from_meta(broken, card, path)


# ---- a case too long for a card it is printed on --------------------------------------------


def up_to(text: str, limit: int) -> str:
    """The text repeated up to limit characters, cut after a word, ending in a full stop."""
    return " ".join([text] * (limit // len(text) + 1))[: limit - 1].rsplit(" ", 1)[0] + "."


def test_a_case_whose_text_runs_into_a_cards_foot_is_named_with_what_to_shorten(tmp_path):
    """A case is laid out on its case card and its two role cards; where its text would run
    into the foot pinned to a card's bottom (the identity line), the PDF is not made and the
    case is named with the fields that card prints. The first case of the docs, its staff
    text made three times as long as its limit, laid out alone."""
    from dataclasses import replace

    from cardkit import pdf
    from cardkit.book import case_documents, lay_out
    from cardkit.build import validate_docs
    from cardkit.cases import MAX_CHARS, crowded_errors
    from content import DOCS, ROOT, core_site

    site = core_site(tmp_path, lang=DEFAULT)
    case = validate_docs(site).cases_of(DEFAULT)[0]
    long = replace(case, staff=up_to(case.staff, 3 * MAX_CHARS["staff"]))
    documents = case_documents(site, [long])
    lay_out(documents["cases_a6"], str(ROOT / "overrides"), str(DOCS))  # no staff text: fits
    with pytest.raises(pdf.Crowded) as crowded:
        lay_out(documents["case_roles"], str(ROOT / "overrides"), str(DOCS))
    ((name, millimetres),) = crowded.value.args  # the customer's card fits
    assert name == f"staff-{case.key}" and millimetres > 0
    (error,) = crowded_errors(list(crowded.value.args), [long])
    assert error.path == case.card.path
    assert f"cases[{case.index}] ('{case.title}') does not fit on its staff member" in error.problem
    assert "shorten 'situation' or 'staff' by about" in error.problem
    # the situation too long for the case card itself
    long = replace(case, situation=up_to(case.situation, 3 * MAX_CHARS["situation"]))
    with pytest.raises(pdf.Crowded) as crowded:
        lay_out(case_documents(site, [long])["cases_a6"], str(ROOT / "overrides"), str(DOCS))
    assert [name for name, _ in crowded.value.args] == [f"case-{case.key}"]
    (error,) = crowded_errors(list(crowded.value.args), [long])
    assert "does not fit on its case card" in error.problem and "'situation'" in error.problem


FILLED = ("title", "situation", "customer", "unsaid", "staff")  # what the cards print


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_case_with_each_field_at_its_limit_in_its_own_words_fits_its_cards(tmp_path, lang):
    """The field limits are a promise: an editor who writes up to each of them in ordinary
    words gets cards that fit. Every case of the docs, each field filled with its own
    words up to the limit, laid out on the case cards and the role cards."""
    from dataclasses import replace

    from cardkit import pdf
    from cardkit.book import case_documents
    from cardkit.build import validate_docs
    from cardkit.cases import MAX_CHARS
    from content import DOCS, ROOT, core_site

    site = core_site(tmp_path, lang=lang)
    full = [
        replace(case, **{field: up_to(getattr(case, field), MAX_CHARS[field]) for field in FILLED})
        for case in validate_docs(site).cases_of(lang)
    ]
    documents = case_documents(site, full)
    for kind in ("cases_a6", "case_roles"):
        laid_out = pdf.render_document(documents[kind], str(ROOT / "overrides"), (str(DOCS),))
        assert pdf.crowded_faces(laid_out) == [], kind


def test_a_case_within_each_fields_limit_that_does_not_fit_stops_the_build(built, project):
    """The field limits (cardkit/cases.py) bound each text alone; a role card prints two of
    them. A case at its limits, in long compound words that break late, stops the build
    with the page, the case and what to cut, and no traceback. Only the changed case
    documents are laid out (the shared cache)."""
    from cardkit.cases import MAX_CHARS

    shutil.copytree(built.project / ".cache", project / ".cache", dirs_exist_ok=True)
    stem, _ = in_deck_order(CARDS[DEFAULT])[0]
    page = source_file(stem, DEFAULT, project / "docs")
    _, head, body = page.read_text(encoding="utf-8").split("---", 2)
    meta = yaml.safe_load(head)
    case = meta["cases"][0]
    words = "Kundenzufriedenheitsbefragung Rückmeldung Verständnis Entschuldigung "
    for field in ("title", "situation", "staff"):
        case[field] = (words * 20)[: MAX_CHARS[field] - 1].rsplit(" ", 1)[0] + "."
    page.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---" + body, "utf-8")
    build = run_build(project, extra_env={"SOURCE_DATE_EPOCH": EPOCH})
    assert not build.ok
    where = f"docs/{stem}.md: cases[1] ('{case['title']}') does not fit on its "
    assert where + "staff member's role card" in build.log, build.log[-2000:]
    assert "shorten 'situation' or 'staff' by about" in build.log
    assert "Traceback" not in build.log


# ---- the PDFs, read from the built site -------------------------------------------------------


@pytest.fixture(scope="module")
def kit(built) -> dict[tuple[str, str], list[str]]:
    """Each case PDF's text, page by page, squashed (PDF text breaks and hyphenates)."""
    return {
        (lang, kind): [squash(text) for text in page_texts(pdf_path(built.site, lang, kind))]
        for lang in LANGUAGES
        for kind in ("cases_a4", "cases_a6", "key", "case_roles")
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_a6_case_cards_have_one_card_per_case_and_no_solution(kit, lang):
    cases = source_cases(lang)
    pages = kit[lang, "cases_a6"]
    assert len(pages) == len(cases)
    for number, (page, case) in enumerate(zip(pages, cases, strict=True), start=1):
        assert squash(case["title"]) in page and squash(case["situation"]) in page
        kind = BOOK_LABELS[lang]["case_kind"].format(n=number, total=len(cases))
        assert squash(kind).upper() in page.upper()  # the band sets it in capitals
        assert squash(case["solution"]) not in page
        assert squash(case["staff"]) not in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_a4_case_sheets_hold_every_case_once_without_solutions(kit, lang):
    cases = source_cases(lang)
    text = "".join(kit[lang, "cases_a4"])
    assert len(kit[lang, "cases_a4"]) == -(-len(cases) // 4)  # four cards to a sheet
    for case in cases:
        assert text.count(squash(case["situation"])) == 1, case["title"]
        assert squash(case["solution"]) not in text
        assert squash(case["unsaid"]) not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_key_holds_every_solution_with_its_case(kit, lang):
    text = "".join(kit[lang, "key"])
    for case in source_cases(lang):
        assert squash(case["title"]) in text
        assert squash(case["solution"]) in text, case["title"]
        assert squash(case["situation"]) not in text  # the key is no second set of cards


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_case_has_a_customer_and_a_staff_role_card(kit, lang):
    labels = BOOK_LABELS[lang]
    cases = source_cases(lang)
    pages = kit[lang, "case_roles"]
    assert len(pages) == -(-2 * len(cases) // 4)
    text = "".join(pages)
    for number, case in enumerate(cases, start=1):
        for role, own in (("customer", "customer"), ("staff", "staff")):
            heading = labels["role_of_case"].format(role=labels["role_names"][role], n=number)
            assert squash(heading).upper() in text.upper(), (case["title"], role)
            assert squash(case[own]) in text
        assert squash(case["unsaid"]) in text
        assert squash(case["solution"]) not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_trainer_page_prints_no_solution_next_to_a_case(built, lang):
    from content import html_file

    page = squash(html_file(built.site, lang, "trainer").read_text(encoding="utf-8"))
    for case in source_cases(lang):
        assert squash(case["solution"]) not in page
    for kind in ("cases_a4", "key", "case_roles"):
        assert BOOK_LABELS[lang]["files"][kind] in html_file(built.site, lang, "trainer").read_text(
            encoding="utf-8"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_key_names_the_pages_to_print_for_each_case(kit, lang):
    """The trainer prints only the sheets of the chosen cases: the key says which."""
    labels = BOOK_LABELS[lang]
    key = "".join(kit[lang, "key"]).upper()
    for case in source_cases(lang):
        (card_page,) = [
            n
            for n, page in enumerate(kit[lang, "cases_a4"], 1)
            if squash(case["situation"]) in page
        ]
        (role_page,) = [
            n for n, page in enumerate(kit[lang, "case_roles"], 1) if squash(case["staff"]) in page
        ]
        wanted = labels["key_print"].format(cases=card_page, roles=role_page)
        assert squash(wanted).upper() in key, case["title"]


# ---- an editor adds a case by CONTRIBUTING's steps ---------------------------------------------


@pytest.mark.unit
def test_a_case_an_editor_adds_reaches_every_case_document(tmp_path):
    """Copy a case at the end of a page's list in both languages and rewrite it: the case
    cards and role cards show it without its solution, the key shows the solution; nothing
    else is edited. The documents' HTML is read (the PDFs are tested on the real build)."""
    import shutil

    import yaml

    from cardkit.book import case_documents
    from cardkit.build import validate_docs
    from content import ROOT, core_site

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    stem, _ = in_deck_order(CARDS[LANGUAGES[0]])[-1]
    added = {}
    # in every language the page is written in; one that shows the default's page (a
    # language added by configuration) shows the default's new case
    for lang in (lang for lang in LANGUAGES if source_file(stem, lang, docs).exists()):
        page = source_file(stem, lang, docs)
        meta = front_matter(page)
        new = {
            **meta["cases"][0],
            "title": f"Editor case {lang}",
            "situation": f"A new situation written by an editor ({lang}). What do you do?",
            "solution": f"The solution of the editor ({lang}).",
            "customer": f"The customer of the editor ({lang}).",
            "staff": f"The staff of the editor ({lang}).",
        }
        added[lang] = new
        text = page.read_text(encoding="utf-8")
        block = yaml.safe_dump([new], allow_unicode=True, sort_keys=False)
        head, body = text.split("\n---\n", 1)
        page.write_text(head + "\n" + block + "---\n" + body, encoding="utf-8")

    deck = validate_docs(core_site(tmp_path / ".cache", docs=docs))
    for lang in LANGUAGES:
        documents = case_documents(
            core_site(tmp_path / ".cache", docs=docs, lang=lang), deck.cases_of(lang)
        )
        new = added.get(lang, added[DEFAULT])
        for kind in ("cases_a4", "cases_a6"):
            assert new["situation"] in documents[kind] and new["solution"] not in documents[kind]
        assert new["customer"] in documents["case_roles"]
        assert new["staff"] in documents["case_roles"]
        assert new["solution"] not in documents["case_roles"]
        assert new["solution"] in documents["key"]
