"""Everyday staff queries, judged: does the header search (real Chromium, the built site
through nginx) put the page a reader needs among the first three results, and are at least
80 % of the results it shows relevant?

The queries are held out: written down before the search was tuned, and not used to write
the synonym list (docs/synonyme.yml). Relevance is a reader's judgement ("does this page
help with what the query asks?"), written down per query as page stems; where the answer is
"every page with a scene tagged with situation X", the pages are read from docs/.
"""

from __future__ import annotations

import pytest

from browser import url_of
from conftest import LANGUAGES
from content import CARDS
from test_search import search
from test_situations import situations_page, tagged_scenes

GOAL_PRECISION = 0.8  # of all results shown, per language
TOP = 3  # the page a reader needs is among the first TOP results


def tagged(lang: str, *situation_ids: str) -> set[str]:
    """The pages with a scene tagged with any of these situations, and the situations page."""
    scenes = tagged_scenes(lang)
    pages = {stem for sid in situation_ids for stem, _ in scenes.get(sid, set())}
    return pages | {situations_page()}


COMPLAINT = ("wuetend-telefon", "beschwerde-schalter", "beschwerde-email")


def complaint_pages(lang: str) -> set[str]:
    """Every attitude and tip page tells a scene with a complaint (its card's page), and the
    situations page collects them."""
    return {stem for stem, _ in CARDS[lang].values()} | tagged(lang, *COMPLAINT)
LISTENING = {
    "tipps/kontakt",
    "tipps/verstehen",
    "haltungen/unaufdringlichkeit",
    "haltungen/augenhoehe",
    "haltungen/aufrichtigkeit",
}

# query -> (needed: one of these among the first three, relevant: every page that helps)
QUERIES = {
    "de": {
        "Reklamation": (lambda: {situations_page(), "haltungen/aufrichtigkeit"}, lambda: complaint_pages("de")),
        "Vorgesetzte": (lambda: {"haltungen/flexibilitaet"}, lambda: {"haltungen/flexibilitaet"}),
        "Kundenzufriedenheit messen": (lambda: {"tipps/zufriedenheit"}, lambda: {"tipps/zufriedenheit"}),
        "zuhören": (lambda: LISTENING, lambda: LISTENING),
        "wütender Kunde": (lambda: {situations_page()}, lambda: complaint_pages("de")),
        "Beschwerde per E-Mail": (lambda: {situations_page()}, lambda: complaint_pages("de")),
        "Ausnahme machen": (lambda: {"haltungen/flexibilitaet"}, lambda: tagged("de", "ausnahme")),
        "eigenen Fehler zugeben": (lambda: {"haltungen/aufrichtigkeit"}, lambda: tagged("de", "eigener-fehler")),
    },
    "en": {
        "angry customer": (lambda: {situations_page()}, lambda: complaint_pages("en")),
        "complaint by email": (lambda: {situations_page()}, lambda: complaint_pages("en")),
        "manager": (lambda: {"haltungen/flexibilitaet"}, lambda: {"haltungen/flexibilitaet"}),
        "listening": (lambda: LISTENING, lambda: LISTENING),
        "refund": (lambda: {"haltungen/klarheit"}, lambda: tagged("en", "nein-sagen", "ausnahme")),
        "upset caller": (lambda: {situations_page()}, lambda: complaint_pages("en")),
        "make an exception": (lambda: {"haltungen/flexibilitaet"}, lambda: tagged("en", "ausnahme")),
        "measure customer satisfaction": (lambda: {"tipps/zufriedenheit"}, lambda: {"tipps/zufriedenheit"}),
    },
}


def judge(tab, base: str, lang: str) -> list[dict]:
    """Run every query of a language; per query the results and their judgement."""
    rows = []
    for query, (needed, relevant) in QUERIES[lang].items():
        _, found = search(tab, base + url_of("index", lang), query)
        needed_paths = {"/" + url_of(stem, lang) for stem in needed()}
        relevant_paths = {"/" + url_of(stem, lang) for stem in relevant() | needed()}
        rows.append(
            {
                "query": query,
                "found": found,
                "relevant": sum(path in relevant_paths for path in found),
                "top": bool(needed_paths & set(found[:TOP])),
            }
        )
    return rows


def summary(rows: list[dict]) -> tuple[float, float]:
    shown = sum(len(row["found"]) for row in rows)
    precision = sum(row["relevant"] for row in rows) / shown if shown else 0.0
    return precision, sum(row["top"] for row in rows) / len(rows)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_everyday_queries_find_the_needed_page_first_and_mostly_relevant_pages(
    site, reused_tab, lang
):
    rows = judge(reused_tab, site, lang)
    precision, top = summary(rows)
    report = "\n".join(
        f"{row['query']}: {row['relevant']}/{len(row['found'])} relevant, "
        f"needed in top {TOP}: {row['top']}, {row['found'][:5]}"
        for row in rows
    )
    print(f"\n{lang}: precision {precision:.0%}, top-{TOP} {top:.0%}\n{report}")
    assert all(row["top"] for row in rows), report
    assert precision >= GOAL_PRECISION, report
