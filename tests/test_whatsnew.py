"""What changed, from git: in a project copy with two known commits, a card's checklist
changes; "Neu und geändert" / "What's new" and the Atom feed of each language list it with
its date and reason (the `changes:` note where the commit wrote one, else a plain line in the
language: never the commit's subject), and "My checklists" in Chromium marks the card for a
reader who ticked it before. One build.

Expected values come from docs/ (the pages marked changes_page and practice_sheet, the
cards), the handbook's word lists and the commits this test makes.
"""

from __future__ import annotations

import json
import re
import subprocess
from itertools import pairwise
from xml.etree import ElementTree

import pytest

from browser import url_of
from cardkit.quotes import typographic
from cardkit.reading_labels import LABELS
from conftest import SITE_URL, run_build, soup
from content import (
    CARDS,
    DEFAULT,
    LANGUAGES,
    ROOTS,
    front_matter,
    german_pages,
    in_deck_order,
    page_url,
    plain_page,
    set_card,
    shown_source,
    source_file,
)
from test_offline import articles_breaking_the_policy
from tools.preview import nginx

ATOM = "{http://www.w3.org/2005/Atom}"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
GIT += ["-c", "commit.gpgsign=false"]
# written for the reviewers: never shown to readers
SUBJECT = "Checklist (content review 7, finding 3): sum up at the end"
CHANGED = "2025-07-04T14:30:00+02:00"  # the change's commit: 12:30 UTC
SIDE = "2025-07-01T09:00:00Z"  # a branch's commit, merged at MERGED
MERGED = "2025-07-05T09:00:00Z"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)")
NOTE = "Neuer Punkt, am Ende zusammenfassen, was vereinbart ist"  # German only
ADDED = {
    "de": "Ich fasse am Ende zusammen, was wir vereinbart haben.",
    "en": "I sum up what we agreed.",
}


def marked(key: str) -> str:
    return next(s for s in german_pages() if front_matter(source_file(s, DEFAULT)).get(key))


def dated(project, when: str, *args: str) -> None:
    """A git command in the project copy, authored and committed at when."""
    stamp = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run([*GIT, *args], cwd=project, check=True, env={"PATH": "/usr/bin:/bin", **stamp})


def commit(project, message: str, when: str, *args: str) -> None:
    dated(project, when, "commit", "-q", *args, "-m", message)


def write_note(path, note: str) -> None:
    """The page's `changes:` note, as an editor writes it: a new line, or the note an
    earlier change left standing rewritten (a key may appear once)."""
    _, front, body = path.read_text("utf-8").split("---\n", 2)
    kept, old = [], False
    for line in front.splitlines(keepends=True):
        old = line.startswith("changes:") or (old and line.startswith((" ", "\t")))
        if not old:  # the old note and its continued lines go
            kept.append(line)
    path.write_text(f"---\nchanges: {note}\n{''.join(kept)}---\n{body}", "utf-8")


def test_a_changed_checklist_is_new_on_the_page_in_the_feed_and_on_my_checklists(
    project, browser, tmp_path
):
    stem, _ = in_deck_order(CARDS[DEFAULT])[0]
    card_id = stem.rsplit("/", 1)[-1]
    subprocess.run([*GIT, "init", "-q"], cwd=project, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=project, check=True)
    commit(project, "all", "2024-03-15T12:00:00Z")
    # another page changed on a branch, earlier than the change below and merged after it:
    # the page lists by date, not the merged branch first (as git's --topo-order did)
    side = source_file(plain_page(), DEFAULT, project / "docs")
    subprocess.run([*GIT, "checkout", "-q", "-b", "side"], cwd=project, check=True)
    side.write_text(side.read_text("utf-8") + "\nEin Satz mehr.\n", "utf-8")
    commit(project, "side", SIDE, "-a")
    subprocess.run([*GIT, "checkout", "-q", "-"], cwd=project, check=True)
    # each language the page is written in; a language showing the original (one added by
    # configuration) lists the original's change: its note, its new item, its title
    written = [lang for lang in LANGUAGES if source_file(stem, lang, project / "docs").exists()]
    shown = {lang: lang if lang in written else DEFAULT for lang in LANGUAGES}
    for lang in written:
        src = source_file(stem, lang, project / "docs").relative_to(project / "docs").as_posix()
        set_card(
            project, src, lambda card, lang=lang: card["checklist"].__setitem__(-1, ADDED[lang])
        )
    write_note(source_file(stem, DEFAULT, project / "docs"), NOTE)
    commit(project, SUBJECT, CHANGED, "-a")
    dated(project, MERGED, "merge", "-q", "--no-ff", "-m", "Merge side", "side")
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert build.ok, build.log
    # what history adds to pages ("My checklists": a card's change and its time) is markup
    # the content policy allows, as everything else of the theme's articles
    assert articles_breaking_the_policy(build.site) == {}

    for lang in LANGUAGES:
        # the note where the commit wrote one in the page the language shows, else the line
        reason = NOTE if shown[lang] == DEFAULT else LABELS[lang]["changes_revised"]
        title = front_matter(shown_source(stem, lang, project / "docs"))["title"]
        # the page: the newest change first, with its day, reason and added item
        page = soup(build.site / url_of(marked("changes_page"), lang) / "index.html")
        first = page.select_one(".hb-changes-list > li")
        assert first is not None, "no change listed"
        assert first.select_one("time")["datetime"] == "2025-07-04"
        assert first.select_one("a").get_text(strip=True) == title
        assert first.select_one(".hb-changes-reason").get_text(strip=True) == reason
        assert first.select_one(".hb-changes-badge").get_text() == LABELS[lang]["changes_checklist"]
        assert ADDED[shown[lang]] in first.get_text()
        older = page.select(".hb-changes-list time")
        assert [t["datetime"] for t in older] == sorted(
            (t["datetime"] for t in older), reverse=True
        )
        side_shown = shown_source(plain_page(), lang, project / "docs") == side
        assert {t["datetime"] for t in older} == {
            "2025-07-04",
            "2024-03-15",
            *(["2025-07-01"] if side_shown else []),
        }
        # a day's pages with the same reason are one item, each page once (the first
        # commit: every page, new in the handbook)
        items = page.select(".hb-changes-list > li")
        keys = [
            (i.select_one("time")["datetime"], i.select_one(".hb-changes-reason").text)
            for i in items
        ]
        assert all(a != b for a, b in pairwise(keys)), keys
        assert keys[-1] == ("2024-03-15", LABELS[lang]["changes_new_page"])
        pages = [a["href"] for a in items[-1].select(".hb-changes-pages > li > a")]
        assert len(pages) > 1 and len(set(pages)) == len(pages)
        assert "finding 3" not in page.get_text(), "the commit's subject is for the reviewers"

        # the feed: valid Atom, the same change first, every link to the handbook itself
        feed = ElementTree.parse(build.site / ROOTS[lang] / "atom.xml").getroot()
        assert feed.tag == f"{ATOM}feed"
        for part in ("id", "title", "updated", "author"):
            assert feed.find(f"{ATOM}{part}") is not None, part
        entries = feed.findall(f"{ATOM}entry")
        ids = [entry.findtext(f"{ATOM}id") for entry in entries]
        assert len(set(ids)) == len(ids) > 1
        for entry in entries:
            for part in ("id", "title", "updated", "link", "summary"):
                assert entry.find(f"{ATOM}{part}") is not None, part
        links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
        assert links and all(href.startswith(SITE_URL + ROOTS[lang]) for href in links)
        times = [node.text for node in feed.iter(f"{ATOM}updated")]
        assert all(RFC3339.fullmatch(time or "") for time in times), times
        newest = entries[0]
        assert newest.findtext(f"{ATOM}title") == title
        assert newest.findtext(f"{ATOM}updated") == feed.findtext(f"{ATOM}updated") == CHANGED
        assert newest.findtext(f"{ATOM}summary") == reason
        assert "finding 3" not in ElementTree.tostring(feed, encoding="unicode")
        assert newest.find(f"{ATOM}link").get("href") == SITE_URL + ROOTS[lang] + page_url(stem)

    # "My checklists": ticked that morning, before the change -> the note; ticked again -> gone
    ticks = {"cards": {card_id: {"ticked": [0], "changed": "2025-07-04T09:00:00.000Z"}}}
    with nginx(build.site, tmp_path / "nginx") as base:
        context = browser.new_context()
        try:
            tab = context.new_page()
            for lang in LANGUAGES:
                tab.goto(base + url_of(marked("practice_sheet"), lang))
                tab.evaluate("t => localStorage.setItem('hb-practice', t)", json.dumps(ticks))
                tab.reload()
                section = tab.locator(f"[data-hb-practice] [data-hb-card='{card_id}']")
                note = section.locator(".hb-practice-news")
                assert note.count() == 1
                reason = NOTE if shown[lang] == DEFAULT else LABELS[lang]["changes_revised"]
                assert reason in note.inner_text() and ADDED[shown[lang]] in note.inner_text()
                assert tab.locator(".hb-practice-news:visible").count() == 1  # only this card
                section.locator("input.hb-tick").nth(1).check()
                note.wait_for(state="detached")  # the page's script removes it, in its own time
            # on a phone, every change starts where the page's text does (not indented twice)
            tab.set_viewport_size({"width": 375, "height": 800})
            tab.goto(base + url_of(marked("changes_page"), DEFAULT))
            lefts = tab.evaluate(
                """[...document.querySelectorAll('article > h1, .hb-changes-list > li')]
                .map(e => Math.round(e.getBoundingClientRect().left))"""
            )
            assert len(lefts) > 1 and len(set(lefts)) == 1, lefts
        finally:
            context.close()


def test_outside_git_the_page_says_so_and_offers_no_feed(built):
    """The shared build is a copy outside git: no history to list, no feed to link."""
    for lang in LANGUAGES:
        page = soup(built.site / url_of(marked("changes_page"), lang) / "index.html")
        assert LABELS[lang]["changes_none"] in page.get_text()
        assert page.select(".hb-changes-feed, .hb-changes-list") == []
        assert not (built.site / ROOTS[lang] / "atom.xml").exists()
        practice = soup(built.site / url_of(marked("practice_sheet"), lang) / "index.html")
        assert practice.select("[data-hb-changed]") == []


@pytest.mark.unit
@pytest.mark.parametrize(
    ("lang", "written", "shown"),
    [
        (
            "en",
            "Situations: 'What to do when …' page; both languages' scenes, \"new\" (kit)",
            "Situations: ‘What to do when …’ page; both languages’ scenes, ‘new’ (kit)",
        ),
        (
            "de",
            "\"Was tun, wenn …\" und 'Tipps' für's Team",
            "„Was tun, wenn …“ und ‚Tipps‘ für’s Team",
        ),
        ("xx", 'l\'accueil "direct"', 'l’accueil "direct"'),  # no rule: the apostrophe only
    ],
)
def test_a_changes_note_is_shown_with_the_language_s_quotes(lang, written, shown):
    """An editor types straight quotes into the `changes:` note; readers see the quotes
    the content tests ask of every page."""
    assert typographic(written, lang) == shown


@pytest.mark.unit
def test_a_days_changes_of_a_page_are_one_entry_with_the_items_still_on_its_checklist():
    """Two commits of one day without a note changed a card's checklist: one entry, badge
    kept; the items either added that are still on the checklist, the newest first."""
    from cardkit.changes import Change, Commit
    from handbook.whatsnew import _by_day

    now = ("one", "kept", "new")  # the card's checklist today

    def change(commit: str, day: str, added: tuple, src="tipps/a.md"):
        when = Commit(commit, commit[:7], day, f"{day}T12:00:00Z")
        return {"change": Change(src, when, "Text revised", bool(added), added), "checklist": now}

    newest = change("c3", "2026-05-02", ("new",))
    older = change("c2", "2026-05-02", ("dropped", "kept"))
    other = change("c2", "2026-05-02", (), src="tipps/b.md")
    before = change("c1", "2026-05-01", ())
    groups = _by_day([newest, older, other, before])
    assert [[e["change"].src_uri for e in group] for group in groups] == [
        ["tipps/a.md", "tipps/b.md"],
        ["tipps/a.md"],
    ]
    merged = groups[0][0]["change"]
    assert merged.added == ("new", "kept") and merged.checklist_changed
    assert merged.commit.full == "c3"
