"""Reading and practising in a real Chromium, in both languages: the home page's tiles and
card of the week, the date of the last change, dark mode, the 404 pages, ticks that stay,
the practice page, printed pages, and nothing fetched from another host.

Expected values come from docs/ and mkdocs.yml (pages, cards, site names) and from the
handbook's own word lists (cardkit/labels/<lang>.yml, "reading"), never from today's content.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime, timedelta, timezone

import pytest
from babel.dates import format_date

from browser import AXE, run_axe, url_of
from cardkit.reading_labels import LABELS
from conftest import EPOCH, page_url, run_build
from content import (
    CARDS,
    DEFAULT,
    LANGUAGES,
    ROOTS,
    cards_page,
    front_matter,
    german_pages,
    in_deck_order,
    kit_page,
    site_name,
    source_file,
    squash,
)
from pdftext import page_texts
from test_situations import situations_page

PAGES = german_pages()
TRAINER = kit_page()


def week_card(lang: str) -> tuple[str, dict]:
    """The card of this ISO week: weeks counted from Monday 5 January 1970, over the deck."""
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    deck = in_deck_order(CARDS[lang])
    return deck[((monday - date(1970, 1, 5)).days // 7) % len(deck)]


def practice_page() -> str:
    return next(
        stem for stem in PAGES if front_matter(source_file(stem, DEFAULT)).get("practice_sheet")
    )


class Visit:
    """A fresh browser context (its own storage) that records every request it makes."""

    def __init__(self, browser, site: str, **options):
        self.site = site
        self.requests: list[str] = []
        self.page_requests: list[str] = []  # the pages' own, not the service worker's caching
        self.context = browser.new_context(**options)
        self.context.on("request", self.record)
        self.tab = self.context.new_page()

    def record(self, request) -> None:
        self.requests.append(request.url)
        if request.service_worker is None:
            self.page_requests.append(request.url)

    def open(self, address: str, wait_until: str = "load"):
        self.tab.goto(self.site + address, wait_until=wait_until)
        return self.tab

    def foreign(self) -> list[str]:
        return [url for url in self.requests if not url.startswith((self.site, "data:", "blob:"))]


@pytest.fixture
def visit(browser, site):
    made = []

    def start(**options) -> Visit:
        made.append(Visit(browser, site, **options))
        return made[-1]

    yield start
    for one in made:
        one.context.close()
    assert [url for one in made for url in one.foreign()] == [], "requests to another host"


# --- the home page ------------------------------------------------------------------------


def tile_targets(lang: str) -> set[str]:
    """Tiles in staff words: what to do when (the situations page), the cards, my practice,
    for trainers."""
    stems = (situations_page(), cards_page(), practice_page(), TRAINER)
    return {"/" + url_of(stem, lang) for stem in stems}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_has_tiles_with_icons_and_the_card_of_the_week(visit, lang):
    tab = visit().open(url_of("index", lang), wait_until="networkidle")  # the deck, fetched
    tiles = tab.locator(".grid.cards > ul > li")
    pages = {"/" + url_of(stem, lang) for stem in PAGES}
    targets = set()
    for n in range(tiles.count()):
        tile = tiles.nth(n)
        assert tile.locator("svg").count() >= 1, "a tile without an icon"
        target = tile.locator("a").last.evaluate("a => new URL(a.href).pathname")
        assert target in pages, target
        targets.add(target)
    assert tile_targets(lang) == targets

    stem, card = week_card(lang)
    week = tab.locator(".hb-week .hb-week-title")
    assert week.inner_text() == card["title"]
    assert week.evaluate("a => new URL(a.href).pathname") == "/" + url_of(stem, lang)
    assert card["principle"] in tab.locator(".hb-week").inner_text()
    week_box, tiles_box = tab.locator(".hb-week").bounding_box(), tiles.first.bounding_box()
    assert week_box["y"] < tiles_box["y"]  # the week's card first, then the tiles


# --- last updated -------------------------------------------------------------------------


def shown_date(page_html: str) -> tuple[str, str, str]:
    """The label, the ISO date and the date as readers see it, right under the title."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(page_html, "html.parser")
    updated = page.select_one("article h1 + p.hb-page-head .hb-updated")
    assert updated is not None, "no 'last updated' right under the title"
    time = updated.find("time")
    assert time is not None, "no <time> in the 'last updated'"
    iso = time.get("datetime")
    assert isinstance(iso, str), f"{time}: no datetime"
    label = " ".join(updated.get_text(" ").split()).split(":")[0]
    return label, iso, time.get_text(strip=True)


def long_date(day: date, lang: str) -> str:
    """'5 December 2026', '5. Dezember 2026' (Babel, in the language's date_locale)."""
    return format_date(day, format="long", locale=LABELS[lang]["date_locale"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_shows_its_last_change_in_its_language_outside_git(built, lang):
    """The shared build is a copy outside git: the build date (SOURCE_DATE_EPOCH) stands in.
    The home page is a door, not a text: it shows no date."""
    day = datetime.fromtimestamp(int(EPOCH), tz=timezone.utc).date()
    for stem in PAGES:
        html = (built.site / url_of(stem, lang) / "index.html").read_text(encoding="utf-8")
        if stem == "index":
            assert "hb-updated" not in html
            continue
        assert shown_date(html) == (
            LABELS[lang]["updated"],
            day.isoformat(),
            long_date(day, lang),
        ), stem


def test_the_date_comes_from_git_in_each_language(project, tmp_path):
    """In a git checkout each page shows its own last commit, per language."""
    stem = in_deck_order(CARDS[DEFAULT])[0][0]
    git = [
        "git",
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.invalid",
        "-c",
        "commit.gpgsign=false",
    ]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    old = {"GIT_AUTHOR_DATE": "2024-03-15T12:00:00Z", "GIT_COMMITTER_DATE": "2024-03-15T12:00:00Z"}
    subprocess.run(
        [*git, "commit", "-q", "-m", "all"],
        cwd=project,
        check=True,
        env={"PATH": "/usr/bin:/bin", **old},
    )
    for lang in LANGUAGES:  # one page changed later, in every language
        path = source_file(stem, lang, project / "docs")
        if not path.exists():
            continue  # shown in the default language's version
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    later = {
        "GIT_AUTHOR_DATE": "2025-07-04T12:00:00Z",
        "GIT_COMMITTER_DATE": "2025-07-04T12:00:00Z",
    }
    subprocess.run(
        [*git, "commit", "-q", "-am", "later"],
        cwd=project,
        check=True,
        env={"PATH": "/usr/bin:/bin", **later},
    )
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert build.ok, build.log
    for lang in LANGUAGES:
        for page, day in ((stem, date(2025, 7, 4)), (TRAINER, date(2024, 3, 15))):
            html = (project / "site" / url_of(page, lang) / "index.html").read_text("utf-8")
            assert shown_date(html)[1:] == (day.isoformat(), long_date(day, lang))


# --- dark mode ----------------------------------------------------------------------------

DARK_PAGES = ["index", cards_page(), practice_page()]  # the cards page shows every card


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dark_mode_follows_the_system_and_passes_axe(visit, lang):
    assert AXE.is_file(), "run make test: it installs axe-core from the npm registry"
    one = visit(color_scheme="dark")
    for address in [url_of(stem, lang) for stem in DARK_PAGES] + [ROOTS[lang] + "404.html"]:
        tab = one.open(address)
        assert tab.locator("body").get_attribute("data-md-color-scheme") == "slate", address
        assert run_axe(tab) == [], address
        # the cards stay white paper with dark text and light checkboxes
        for face in tab.locator(".hb-card .hb-front").all()[:1]:
            assert face.evaluate(
                "e => [getComputedStyle(e).backgroundColor, "
                "getComputedStyle(e.querySelector('input')).colorScheme]"
            ) == ["rgb(255, 255, 255)", "light"], address


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_toggle_switches_the_scheme_and_is_named_in_the_page_language(visit, lang):
    tab = visit(color_scheme="light").open(url_of("index", lang))
    assert tab.locator("body").get_attribute("data-md-color-scheme") == "default"
    toggle = tab.get_by_title(LABELS[lang]["palette"]["default"])
    toggle.click()
    assert tab.locator("body").get_attribute("data-md-color-scheme") == "slate"
    tab.reload()
    assert tab.locator("body").get_attribute("data-md-color-scheme") == "slate"


# --- 404 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_404_page_with_ways_on(visit, lang):
    tab = visit().open(ROOTS[lang] + "404.html")
    assert tab.locator("html").get_attribute("lang") == lang
    assert tab.locator("h1").inner_text() == LABELS[lang]["not_found_title"]
    assert tab.title() == f"{LABELS[lang]['not_found_title']} - {site_name(lang)}"
    links = {
        a["text"]: a["path"]
        for a in tab.locator("article a").evaluate_all(
            "links => links.map(a => ({text: a.innerText, path: new URL(a.href).pathname}))"
        )
    }
    assert links[LABELS[lang]["not_found_home"]] == "/" + ROOTS[lang]
    assert links[LABELS[lang]["not_found_cards"]] == "/" + url_of(cards_page(), lang)
    switcher = tab.locator("a.md-select__link").evaluate_all(
        "links => links.map(a => [a.hreflang, new URL(a.href).pathname])"
    )
    assert sorted(switcher) == sorted([other, "/" + ROOTS[other]] for other in LANGUAGES)
    tab.get_by_role("link", name=LABELS[lang]["not_found_search"]).click()
    assert tab.locator("#__search").is_checked()
    assert tab.evaluate("document.activeElement.classList.contains('md-search__input')")
    # a missing address deep below the language's root: its 404 page, working links
    tab = visit().open(ROOTS[lang] + "gibt/es/nicht/")
    assert tab.locator("h1").inner_text() == LABELS[lang]["not_found_title"]
    home = tab.get_by_role("link", name=LABELS[lang]["not_found_home"])
    assert home.evaluate("a => new URL(a.href).pathname") == "/" + ROOTS[lang]
    assert tab.locator("link[rel=stylesheet]").evaluate_all(
        "links => links.every(l => l.sheet !== null)"
    )  # styles load at any depth


# --- ticks and the practice page ------------------------------------------------------------


def test_a_tick_stays_across_reloads_and_languages_and_shows_on_the_practice_page(visit):
    stem, card = in_deck_order(CARDS[DEFAULT])[0]
    one = visit()
    tab = one.open(url_of(stem, DEFAULT))
    item = card["checklist"][1]
    box = tab.get_by_role("checkbox", name=item, exact=True)
    assert box.count() == 1 and not box.is_checked()
    box.focus()
    before = len(one.page_requests)
    tab.keyboard.press("Space")  # by keyboard, as a label's checkbox
    assert box.is_checked()
    assert one.page_requests[before:] == [], "ticking sent a request"
    tab.reload()
    assert tab.get_by_role("checkbox", name=item, exact=True).is_checked()

    other = LANGUAGES[1]
    english = CARDS[other][stem.rsplit("/", 1)[-1]][1]
    tab = one.open(url_of(stem, other))
    boxes = tab.locator(".hb-card-section input.hb-tick")
    assert [boxes.nth(n).is_checked() for n in range(boxes.count())] == [
        n == 1 for n in range(len(english["checklist"]))
    ]

    tab = one.open(url_of(cards_page(), DEFAULT))
    assert tab.get_by_role("checkbox", name=item, exact=True).is_checked()

    for lang in LANGUAGES:
        tab = one.open(url_of(practice_page(), lang))
        title = CARDS[lang][stem.rsplit("/", 1)[-1]][1]["title"]
        section = tab.locator(".hb-practice-card", has=tab.get_by_role("link", name=title))
        boxes = section.locator("input.hb-tick")
        assert [boxes.nth(n).is_checked() for n in range(boxes.count())] == [
            n == 1 for n in range(len(card["checklist"]))
        ]
        state = section.locator("[data-hb-state]")
        total = len(CARDS[lang][stem.rsplit("/", 1)[-1]][1]["checklist"])
        assert LABELS[lang]["practice_count"].format(done=1, total=total) in state.inner_text()
        changed = datetime.fromisoformat(state.get_attribute("data-changed").replace("Z", "+00:00"))
        assert abs(datetime.now(timezone.utc) - changed) < timedelta(minutes=5)
        others = tab.locator(".hb-practice-card", has_not=tab.get_by_role("link", name=title))
        assert LABELS[lang]["practice_none"] in others.first.locator("[data-hb-state]").inner_text()

    last = LANGUAGES[-1]  # the practice page open now
    summary = tab.locator(".hb-practice-summary")
    total_cards = len(CARDS[last])
    assert LABELS[last]["practice_summary"].format(started=1, total=total_cards) in (
        summary.inner_text()
    )
    assert summary.get_by_role("link").count() == 1
    clear = tab.get_by_role("button", name=LABELS[last]["practice_clear"])
    order = [summary, tab.locator(".hb-practice-card").last, clear]
    tops = [element.bounding_box()["y"] for element in order]
    assert tops == sorted(tops), "the summary first, 'clear all' last"
    tab.once("dialog", lambda dialog: dialog.dismiss())  # asked first: "no" keeps the ticks
    clear.click()
    assert tab.locator("input.hb-tick:checked").count() == 1
    tab.once("dialog", lambda dialog: dialog.accept())
    tab.get_by_role("button", name=LABELS[last]["practice_clear"]).click()
    assert tab.locator("input.hb-tick:checked").count() == 0
    assert tab.get_by_role("status").inner_text() == LABELS[last]["practice_cleared"]
    assert tab.evaluate("localStorage.getItem('hb-practice')") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_checklists_stay_lists(visit, lang):
    stem, card = in_deck_order(CARDS[lang])[0]
    tab = visit(java_script_enabled=False).open(url_of(stem, lang))
    checklist = tab.get_by_role("list", name=f"{card['title']}", exact=False).first
    assert checklist.get_by_role("listitem").count() == len(card["checklist"])
    assert tab.get_by_role("checkbox").count() == 0


# --- printing a page ------------------------------------------------------------------------


def printed(tab) -> list[str]:
    tab.emulate_media(media="print")
    return page_texts(tab.pdf(prefer_css_page_size=True))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_printed_attitude_page_has_header_numbers_and_no_orphan_heading(visit, site, lang):
    stem, _ = next(pair for pair in in_deck_order(CARDS[lang]) if pair[1]["kind"] == "attitude")
    tab = visit().open(url_of(stem, lang))
    tab.emulate_media(media="print")  # headings as printed: without their permalink
    headings = [text.strip() for text in tab.locator("article :is(h2, h3)").all_inner_texts()]
    assert headings and not any("¶" in text for text in headings)
    pages = printed(tab)
    assert len(pages) > 1
    words = LABELS[lang]
    for number, text in enumerate(pages, 1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert site_name(lang) in lines[0], f"page {number}: no running header"
        footer = f"{words['print_page']}{number}{words['print_of']}{len(pages)}".strip()
        assert footer in text, f"page {number}: no '{footer}'"
        body = [line for line in lines if site_name(lang) not in line and footer not in line]
        if number < len(pages):
            assert body[-1] not in headings, f"page {number} ends with the heading {body[-1]!r}"
    # links show where they lead (the card's PDFs; squash: the address may wrap)
    assert squash(site) in squash(" ".join(pages))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_tables_stay_on_one_page(visit, lang):
    tab = visit().open(url_of(TRAINER, lang))
    tables = tab.locator("article table")
    assert tables.count() >= 1, "the trainer guide has its timetable"
    ends = []
    for n in range(tables.count()):
        rows = tables.nth(n).locator("tr")
        # each row's longest cell: a row's first words may also stand in the text beside it
        ends.append(
            [
                squash(max(rows.nth(row).locator("td").all_inner_texts(), key=len))[:30]
                for row in (1, rows.count() - 1)
            ]
        )
    pages = [squash(text) for text in printed(tab)]
    for first, last in ends:
        on = [[n for n, text in enumerate(pages) if part in text] for part in (first, last)]
        assert len(on[0]) == 1 and on[0] == on[1], (first, last, on)


def test_the_practice_page_prints_without_its_buttons(visit):
    tab = visit().open(url_of(practice_page(), DEFAULT))
    tab.emulate_media(media="print")
    assert not tab.locator(".hb-practice-clear").is_visible()
    assert tab.locator(".hb-practice-card").first.is_visible()


def test_the_built_deck_lists_every_card_in_deck_order(built):
    for lang in LANGUAGES:
        deck = json.loads((built.site / ROOTS[lang] / "hb-deck.json").read_text("utf-8"))
        expected = in_deck_order(CARDS[lang])
        assert [entry["title"] for entry in deck] == [card["title"] for _, card in expected]
        assert [entry["url"] for entry in deck] == [page_url(stem) for stem, _ in expected]


def test_a_copy_outside_git_builds_without_warnings(built):
    assert "WARNING" not in built.log
    # the date plugin says once, as information, that the build date stands in
    assert built.log.count("Falling back to build date") == 1, built.log
