"""The card PDFs laid out in batches (cardkit/printing.py, BATCH): every card and the A4
sheets are made and cached whatever the batch, and an overflow in any batch is named."""

from __future__ import annotations

import dataclasses

import pytest

from cardkit import card_from_meta, printing
from cardkit.build import start_pdfs
from cardkit.impose import read
from conftest import ROOT
from content import core_site

pytestmark = pytest.mark.unit

PDF_URL = "http://handbuch.test.intranet/"
SHORT = ["I give my name.", "I ask one open question.", "I call back."]
LONG_ITEM = (
    "I listen, ask, sum up and check that I understood the concern correctly before I "
    "answer it, every time."
)


def deck(count: int, too_long: tuple[int, ...] = ()):
    return [
        card_from_meta(
            {
                "title": f"Page {n}",
                "card": {
                    "kind": "tip",
                    "title": f"Card {n}",
                    "principle": "I keep in personal contact with the people I serve.",
                    "checklist": [LONG_ITEM] * 7 if n in too_long else SHORT,
                    "question": f"Question {n}?",
                },
            },
            card_id=f"card-{n}",
            order=n,
            lang="en",
            path=f"docs/tipps/card-{n}.en.md",
            url=f"en/tipps/card-{n}/",
        )
        for n in range(1, count + 1)
    ]


def job(tmp_path, cards):
    site = core_site(tmp_path / ".cache", lang="en", site_url=PDF_URL, pdfs=True)
    css = (ROOT / "overrides/assets/hb-cards.css").read_text(encoding="utf-8")
    site = dataclasses.replace(site, source_date_epoch="1700000000")
    made = start_pdfs(site, cards, css=css, in_worker=False)
    assert made.job is not None
    return made.job


def test_cards_laid_out_in_batches_make_every_file_and_are_cached(tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "BATCH", 2)  # 5 cards: batches of 2, 2 and 1 (with sheets)
    cards = job(tmp_path, deck(5))
    result = printing.make(cards)
    assert not result.errors and result.laid_out == [card.id for card in cards.cards]
    a6, a4 = cards.paths.collections["a6"], cards.paths.collections["a4"]
    assert len(read(result.files[a6]).pages) == 2 * 5  # front and back of every card
    # cover and contents, then two sheets (of four places) of fronts and of backs
    assert len(read(result.files[a4]).pages) == 2 + 2 * 2
    for card in cards.cards:
        shop, office = cards.paths.cards[card.id]["a6"], cards.paths.cards[card.id]["a4"]
        assert len(read(result.files[shop]).pages) == 2
        assert len(read(result.files[office]).pages) == 1
    again = printing.make(cards)  # every card's pages and the sheets are in the cache
    assert again.laid_out == [] and not again.errors
    assert set(again.files) == set(result.files)


def test_an_overflow_in_any_batch_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "BATCH", 2)
    result = printing.make(job(tmp_path, deck(4, too_long=(1, 4))))
    assert result.files == {}
    named = sorted(str(error) for error in result.errors)
    assert len(named) == 2, named
    assert "card-1" in named[0] and "does not fit on one A6 front" in named[0]
    assert "card-4" in named[1] and "does not fit on one A6 front" in named[1]
