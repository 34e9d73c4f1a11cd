"""One language's card PDFs: lay out only what no cache entry holds, in batches, then impose.

A card's laid-out pages (A6 front, A6 back, office page without faces) and its two files
(print shop, office) are cached under a hash of everything they are made from: the card,
its number and address, the language, templates, CSS, edition and brand, the files' titles,
the card code and the engines' versions. The A4 sheets' cover and frames are cached the
same way under the deck's hash. Editing one card lays out and imposes that card alone; the
collections are then imposed from the cached pages (cardkit/impose.py).

make() takes and returns plain data, so it runs in a worker process as well as inline.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from . import cache, pdf
from .labels import LABELS
from .model import Card, CardError
from .render import CARD_USES, CardInfo, Identity, PdfPaths, Renderer

CARD_FILE, SHEETS_FILE = "card.pdf", "sheets.pdf"
# the card's pages and its own files (by use), cached with them under plain PDF names
ENTRY = (CARD_FILE, *(f"{use}.pdf" for use in CARD_USES))
log = logging.getLogger("cardkit")
# Cards laid out per WeasyPrint document. A document holds all its pages until it is
# written: one for a deck of 300 cards grew a worker to about 700 MiB, a batch of 20 to
# about 130. A document costs about 0.07 CPU s besides its cards' 0.13 s each, so batches
# of 20 add about 3 % (bench/README.md).
BATCH = 20


@dataclass(frozen=True)
class Job:
    lang: str
    cards: tuple[Card, ...]  # in deck order
    infos: dict[str, CardInfo]
    identity: Identity
    templates_dir: Path
    css: str
    created: str | None
    inputs: str  # the hash of what every card shares (build.inputs_key)
    faces_dir: Path  # the cache of laid-out pages
    paths: PdfPaths
    titles: dict[str, str]  # each file's title, by path
    date: str = "2000-01-01T00:00:00Z"  # the print shop's files' date (the edition's)


@dataclass
class Result:
    files: dict[str, bytes] = field(default_factory=dict)
    laid_out: list[str] = field(default_factory=list)  # ids of the cards laid out now
    errors: list[CardError] = field(default_factory=list)
    messages: list[tuple[int, str]] = field(default_factory=list)  # log records to repeat


def card_key(job: Job, card: Card) -> str:
    return cache.content_key(
        job.inputs,
        repr(card),
        repr(job.infos[card.id]),
        job.date,
        *(job.titles[path] for path in job.paths.cards[card.id].values()),
    )


def sheets_key(job: Job) -> str:
    return cache.content_key(
        job.inputs,
        "sheets",
        *(f"{card.id}\0{card.title}\0{job.infos[card.id].number}" for card in job.cards),
    )


class _Collect(logging.Handler):
    def __init__(self, messages: list):
        super().__init__(logging.INFO)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.levelno, record.getMessage()))


def make(job: Job) -> Result:
    """The language's PDF files by path; or the overflow errors, naming the cards."""
    result = Result()
    handler = _Collect(result.messages)  # a worker logs nowhere: the build repeats them
    log.addHandler(handler)
    log.propagate = False
    try:
        _make(job, result)
    finally:
        log.removeHandler(handler)
        log.propagate = True
    return result


def _make(job: Job, result: Result) -> None:
    keys = {card.id: card_key(job, card) for card in job.cards}
    entries = {card.id: _entry(job.faces_dir, keys[card.id]) for card in job.cards}
    sheets = _load(job.faces_dir, sheets_key(job), SHEETS_FILE)
    missing = [card for card in job.cards if entries[card.id] is None]
    if missing or sheets is None:
        batches = [missing[start : start + BATCH] for start in range(0, len(missing), BATCH)]
        for number, batch in enumerate(batches or [[]]):  # the sheets with the last batch
            with_sheets = sheets is None and number == max(len(batches) - 1, 0)
            laid = _lay_out(job, batch, with_sheets=with_sheets)
            if isinstance(laid, list):
                result.errors += laid  # the other batches go on: every overflow is named
                continue
            for card in batch:
                entries[card.id] = entry = _card_entry(job, card, laid[card.id])
                cache.store(job.faces_dir, keys[card.id], entry, keep=None)
            if with_sheets:
                sheets = laid[SHEETS_FILE]
                cache.store(job.faces_dir, sheets_key(job), {SHEETS_FILE: sheets}, keep=None)
        cache.prune(job.faces_dir, keep=4 * len(job.cards) + 8)  # both languages, twice
        if result.errors:
            return
    assert sheets is not None  # laid out now if no cache entry held it
    result.laid_out = [card.id for card in missing]
    result.files = _impose(job, {card.id: entries[card.id] or {} for card in job.cards}, sheets)


def _load(folder: Path, key: str, name: str) -> bytes | None:
    entry = cache.load(folder, key)
    return entry.get(name) if entry else None


def _entry(folder: Path, key: str) -> dict[str, bytes] | None:
    """A card's cached pages and files; None where any is missing (made again whole)."""
    entry = cache.load(folder, key)
    return entry if entry and all(name in entry for name in ENTRY) else None


def _card_entry(job: Job, card: Card, pages: bytes) -> dict[str, bytes]:
    """A card's pages and its two files, imposed from them (cardkit/impose.py)."""
    from . import impose  # pypdf: imported only where PDFs are made

    paths = job.paths.cards[card.id]
    files = impose.card_files(
        impose.read(pages),
        job.lang,
        {use: job.titles[path] for use, path in paths.items()},
        impose.PrintFile("", job.date, f"{job.lang}\0{card.id}\0{card_key(job, card)}"),
        alt_texts(job, card),
    )
    return {CARD_FILE: pages, **{f"{use}.pdf": data for use, data in files.items()}}


def _lay_out(job: Job, cards: list[Card], with_sheets: bool) -> dict[str, bytes] | list:
    """Lay out the cards (a batch, and perhaps the sheets) in one WeasyPrint document; each
    card's pages as a PDF of its own. A list of CardErrors where a face overflows."""
    renderer = Renderer(job.templates_dir, job.lang, job.identity)
    html = renderer.print_document(
        cards,
        sheets=list(job.cards) if with_sheets else None,
        infos=job.infos,
        css=job.css,
        created=job.created,
    )
    document = pdf.render_document(html, base_url=str(job.templates_dir))
    overflows = pdf.find_overflow(document, cards)
    if overflows:
        labels = LABELS[job.lang]
        return pdf.overflow_errors(
            overflows, {"front": labels["checklist"], "back": labels["question"]}
        )
    laid = {
        card.id: pdf.write(document, pdf.card_pages(document, number))
        for number, card in enumerate(cards)
    }
    if with_sheets:
        laid[SHEETS_FILE] = pdf.write(document, document.pages[pdf.PAGES_PER_CARD * len(cards) :])
    return laid


def alt_texts(job: Job, card: Card) -> tuple[str, str]:
    """What a screen reader says for the card's front and back in the tagged office files."""
    labels, info = LABELS[job.lang], job.infos[card.id]
    front = (
        f"{info.number}: {card.title}. {card.principle} "
        f"{labels['checklist']}: {'; '.join(card.checklist)}."
    )
    back = f"{info.number}: {card.title}. {labels['question']}: {card.question}"
    if info.address:
        back += f" {labels['qr']}: {info.address}"
    return front, back


def _impose(job: Job, entries: dict[str, dict[str, bytes]], sheets: bytes) -> dict[str, bytes]:
    """Every file: each card's two from its entry, the collections imposed now."""
    from . import impose  # pypdf: imported only where PDFs are made

    readers = [impose.read(entries[card.id][CARD_FILE]) for card in job.cards]
    files = {}
    for card in job.cards:
        for use, path in job.paths.cards[card.id].items():
            files[path] = entries[card.id][f"{use}.pdf"]
    deck = sheets_key(job)
    for use, marks in (("a6", True), ("a6-online", False)):
        path = job.paths.collections[use]
        shop = impose.PrintFile(job.titles[path], job.date, f"{job.lang}\0{use}\0{deck}")
        files[path] = impose.all_a6(readers, job.lang, shop, marks=marks)
    a4 = job.paths.collections["a4"]
    files[a4] = impose.a4_sheets(
        impose.read(sheets),
        readers,
        job.lang,
        job.titles[a4],
        [alt_texts(job, c) for c in job.cards],
    )
    return files
