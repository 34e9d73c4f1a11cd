"""HTML for cards, from the Jinja templates in overrides/ (one template for every output)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import cache, layout, qr
from .labels import LABELS, kind_heading
from .layout import CARDS_PER_SHEET, SHEET_COLUMNS
from .model import Card

PDF_DIR = "pdf"
# A card title longer than this is set a step smaller, to fit the band's fixed height.
LONG_TITLE = 30


@lru_cache(maxsize=8)
def environment(templates_dir: str) -> Environment:
    # auto_reload re-reads a template whose file changed, so `mkdocs serve` sees edits.
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=True,
        keep_trailing_newline=False,
    )
    env.globals.update(
        cards_per_sheet=CARDS_PER_SHEET,
        sheet_columns=SHEET_COLUMNS,
        sheet=layout,  # the office sheet's geometry: cards, cut marks, margins
        long_title=LONG_TITLE,
    )
    return env


@dataclass(frozen=True)
class PdfPaths:
    """Where the PDFs lie below the language's root. Collections sit in pdf/ itself, single
    cards one folder down (pdf/karten/), so no card id can ever name a collection's file."""

    collections: dict[str, str]  # by use (COLLECTION_USES)
    cards: dict[str, dict[str, str]]  # card id -> its files by use (CARD_USES)


# The files by use: "a6" for a print shop (crop marks), "a6-online" for an online printer
# (the page is the bleed box), "a4" office sheets (the deck's; a card's own: to cut and
# fold), "a4-4up" four of one card on an A4 sheet.
COLLECTION_USES = ("a6", "a6-online", "a4")
CARD_USES = ("a6", "a6-online", "a4", "a4-4up")


def pdf_paths(lang: str, cards: list[Card]) -> PdfPaths:
    stem = LABELS[lang]["file_all"]
    folder = f"{PDF_DIR}/{stem}"
    return PdfPaths(
        collections={use: f"{PDF_DIR}/{stem}-{use}-{lang}.pdf" for use in COLLECTION_USES},
        cards={
            card.id: {use: f"{folder}/{card.id}-{use}-{lang}.pdf" for use in CARD_USES}
            for card in cards
        },
    )


def relative_url(target: str, page_url: str) -> str:
    """A link from the page at page_url (as MkDocs gives it) to target below the site root."""
    start = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    link = posixpath.relpath(target or ".", start or ".")
    # relpath drops a trailing slash; without it the server answers with a redirect
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def card_address(site_url: str, card: Card, short: Mapping[str, str] | None = None) -> str:
    """Where a card's QR code leads: its short address (short: card id -> 'en/k/<id>/',
    cardkit.addresses), which the build keeps leading to the card's page; the page itself
    where none is known."""
    return qr.page_address(site_url, (short or {}).get(card.id, card.url))


def qr_codes(
    cards: list[Card],
    site_url: str | None,
    lang: str,
    cache_dir: Path | None = None,
    short: Mapping[str, str] | None = None,
) -> dict[str, Markup]:
    """One QR code per card, to its short address; none at all without site_url. With
    cache_dir, each code is kept on disk by content, so the next build does not make it again."""
    if not site_url:
        return {}
    label = LABELS[lang]["qr"]
    return {
        card.id: _qr_code(card_address(site_url, card, short), label, cache_dir) for card in cards
    }


# One build asks for each code up to three times (page, cards page, PDFs) and `mkdocs
# serve` again on every rebuild: remember the answer instead of reading the disk again.
@lru_cache(maxsize=8192)
def _qr_code(address: str, label: str, cache_dir: Path | None) -> Markup:
    if cache_dir is None:
        return Markup(qr.qr_svg(address, label=label))
    key = cache.content_key(address, label, qr.engine_version())
    return Markup(
        cache.remembered(
            cache_dir / f"{key}.svg", lambda: qr.qr_svg(address, label=label), qr.is_qr_svg
        )
    )


@dataclass(frozen=True)
class Identity:
    """What every card prints besides its own text: whose handbook, which edition, and
    whether its QR codes open only the shipped example address (then: MUSTER / SAMPLE)."""

    handbook: str
    organisation: str
    edition: str
    sample: bool
    logo: str | None  # a data: URI
    theme_css: str  # the brand's colours as CSS variables


@dataclass(frozen=True)
class CardInfo:
    """What a card shows that its front matter does not hold: its place in the deck and
    where its QR code leads."""

    number: str  # "Haltung 2/5"
    address: str | None
    qr: Markup | None


def card_infos(
    cards: list[Card],
    groups: dict[str, list[Card]],
    site_url: str | None,
    lang: str,
    cache_dir: Path | None = None,
    short: Mapping[str, str] | None = None,
) -> dict[str, CardInfo]:
    """Per card id: its number within its kind of the deck (groups), address and QR code
    (short: each card's short id, cardkit.addresses)."""
    labels = LABELS[lang]
    qrs = qr_codes(cards, site_url, lang, cache_dir, short)
    infos = {}
    for card in cards:
        group = groups.get(card.kind, [card])
        position = next((n for n, other in enumerate(group, 1) if other.id == card.id), 1)
        infos[card.id] = CardInfo(
            number=labels["number"].format(
                kind=labels["kind"][card.kind], n=position, total=len(group)
            ),
            address=card_address(site_url, card, short) if site_url else None,
            qr=qrs.get(card.id),
        )
    return infos


class Renderer:
    """Renders the card templates of one templates folder for one language."""

    def __init__(self, templates_dir: Path, lang: str, identity: Identity):
        self.env = environment(str(templates_dir))
        self.lang = lang
        self.labels = LABELS[lang]
        self.identity = identity

    def _render(self, name: str, **context) -> str:
        return self.env.get_template(name).render(
            labels=self.labels, lang=self.lang, ident=self.identity, **context
        )

    def card_section(
        self, card: Card, *, info: CardInfo, links: list[dict] | None, notice: str | None
    ) -> str:
        """The card as shown at the end of its own page."""
        return self._render(
            "partials/hb-card-section.html", card=card, info=info, links=links, notice=notice
        )

    def cards_sheet(
        self,
        cards: list[Card],
        *,
        groups: dict[str, list[Card]],
        infos: dict[str, CardInfo],
        page_links: dict[str, str],
        pdf_links: dict | None,
        notice: str | None,
    ) -> str:
        """The cards page: all cards by kind on screen, A4 sheets of four in print."""
        headings = {
            kind: kind_heading(self.labels, kind, len(group)) for kind, group in groups.items()
        }
        return self._render(
            "partials/hb-cards-sheet.html",
            cards=cards,
            groups=groups,
            headings=headings,
            infos=infos,
            page_links=page_links,
            pdf_links=pdf_links,
            notice=notice,
        )

    def print_document(
        self,
        cards: list[Card],
        *,
        sheets: list[Card] | None,
        infos: dict[str, CardInfo],
        css: str,
        created: str | None,
    ) -> str:
        """One HTML document for WeasyPrint: per card its two A6 faces and its office page
        without the faces; then, for sheets (a whole deck), the A4 sheets without the
        cards' faces. cardkit/impose.py sets the faces into those places."""
        return self._render(
            "print/hb-cards.html",
            cards=cards,
            sheets=sheets,
            infos=infos,
            css=Markup(css),
            created=created,
        )
