"""HTML for cards, from the Jinja templates in overrides/ (one template for every output)."""
from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import cache, qr
from .labels import LABELS, kind_heading
from .model import Card

PDF_DIR = "pdf"


@lru_cache(maxsize=8)
def environment(templates_dir: str) -> Environment:
    # auto_reload re-reads a template whose file changed, so `mkdocs serve` sees edits.
    return Environment(loader=FileSystemLoader(templates_dir), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       auto_reload=True, keep_trailing_newline=False)


def pdf_paths(lang: str, cards: list[Card]) -> dict[str, str]:
    """Where each PDF lies below the language's root: one per card id, plus 'a6' and 'a4'."""
    stem = LABELS[lang]["file_all"]
    paths = {card.id: f"{PDF_DIR}/{card.id}-{lang}.pdf" for card in cards}
    paths["a6"] = f"{PDF_DIR}/{stem}-a6-{lang}.pdf"
    paths["a4"] = f"{PDF_DIR}/{stem}-a4-{lang}.pdf"
    return paths


def relative_url(target: str, page_url: str) -> str:
    """A link from the page at page_url (as MkDocs gives it) to target below the site root."""
    start = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    link = posixpath.relpath(target or ".", start or ".")
    # relpath drops a trailing slash; without it the server answers with a redirect
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def qr_codes(cards: list[Card], site_url: str | None, lang: str,
             cache_dir: Path | None = None) -> dict[str, Markup]:
    """One QR code per card, to its page; none at all without site_url. With cache_dir,
    each code is kept on disk by content, so the next build does not make it again."""
    if not site_url:
        return {}
    label = LABELS[lang]["qr"]
    return {card.id: _qr_code(qr.page_address(site_url, card.url), label, cache_dir)
            for card in cards}


# One build asks for each code up to three times (page, cards page, PDFs) and `mkdocs
# serve` again on every rebuild: remember the answer instead of reading the disk again.
@lru_cache(maxsize=8192)
def _qr_code(address: str, label: str, cache_dir: Path | None) -> Markup:
    if cache_dir is None:
        return Markup(qr.qr_svg(address, label=label))
    key = cache.content_key(address, label, qr.engine_version())
    return Markup(cache.remembered(cache_dir / f"{key}.svg",
                                   lambda: qr.qr_svg(address, label=label), qr.is_qr_svg))


class Renderer:
    """Renders the card templates of one templates folder for one language."""

    def __init__(self, templates_dir: Path, lang: str):
        self.env = environment(str(templates_dir))
        self.lang = lang
        self.labels = LABELS[lang]

    def _render(self, name: str, **context) -> str:
        return self.env.get_template(name).render(labels=self.labels, lang=self.lang, **context)

    def card_section(self, card: Card, *, qr: Markup | None, links: dict[str, str] | None,
                     notice: str | None) -> str:
        """The card as shown at the end of its own page."""
        return self._render("partials/hb-card-section.html", card=card, qr=qr,
                            links=links, notice=notice)

    def cards_sheet(self, cards: list[Card], *, groups: dict[str, list[Card]],
                    qrs: dict[str, Markup], page_links: dict[str, str],
                    pdf_links: dict[str, str] | None, notice: str | None) -> str:
        """The cards page: all cards by kind on screen, A4 sheets of four in print."""
        headings = {kind: kind_heading(self.labels, kind, len(group))
                    for kind, group in groups.items()}
        return self._render("partials/hb-cards-sheet.html", cards=cards, groups=groups,
                            headings=headings, qrs=qrs, page_links=page_links,
                            pdf_links=pdf_links, notice=notice)

    def print_document(self, cards: list[Card], *, qrs: dict[str, Markup], css: str,
                       created: str | None) -> str:
        """One HTML document holding every A6 face, then every A4 sheet, for WeasyPrint."""
        return self._render("print/hb-cards.html", cards=cards, qrs=qrs,
                            css=Markup(css), created=created)
