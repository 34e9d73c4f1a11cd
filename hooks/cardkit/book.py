"""The handbook on paper: one book PDF per language and the trainer's kit, engine-neutral.

The book is made from the HTML the site build already made of each page (never from a
second Markdown pass) and from the same card templates as every card. This module gets
that HTML, the navigation in order and the site's Site; the handbook plugin (hooks/handbook/book.py)
only collects them. Every PDF is cached by the hash of its own HTML: a warm build lays
nothing out.
"""

from __future__ import annotations

import base64
import html as html_lib
import mimetypes
import posixpath
import re
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from . import pdf, pdfcache, qr, worker
from .book_labels import BOOK_LABELS
from .build import Site, created_date, sort_cards
from .cases import Case
from .model import Card
from .render import PDF_DIR, CardInfo, environment, relative_url

KINDS = (
    "book",
    "guide",
    "observer",
    "commitment",
    "roles",
    "cases_a4",
    "cases_a6",
    "key",
    "case_roles",
)
CASE_KINDS = ("cases_a4", "cases_a6", "key", "case_roles")  # made from the pages' cases
PRINT_SHOP_KINDS = ("cases_a6",)  # laid out with bleed for a print shop: made PDF/X-4 too
TEMPLATES = {
    "book": "print/hb-book.html",
    "guide": "print/hb-book.html",
    "observer": "print/hb-observer.html",
    "commitment": "print/hb-commitment.html",
    "roles": "print/hb-roles.html",
    **{kind: "print/hb-cases.html" for kind in CASE_KINDS},
}
BOOK_CSS = "print/hb-book.css"
CARD_CSS = "assets/hb-cards.css"
SCENES = 3  # role-play rounds per triad (the trainer page's method)
# Where a page asks for download links: <div class="hb-pdfs" data-set="book"></div>
# ("book": the book; "kit": the trainer's kit and the book).
MARKER = re.compile(r'<div class="hb-pdfs" data-set="(book|kit)"></div>')
SETS = {
    "book": ("book",),
    "kit": (
        "guide",
        "cases_a4",
        "key",
        "case_roles",
        "cases_a6",
        "observer",
        "commitment",
        "roles",
        "book",
    ),
}
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_ID = re.compile(r'(<[a-zA-Z][^>]*?\s)id="([^"]*)"')
_HREF = re.compile(r'(<a\b[^>]*?)\shref="([^"]*)"')
_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")')
# A card's kind icon (partials/hb-card-icons.html): hidden from screen readers on the site,
# where the kind is written beside it; a tagged PDF wants each figure named.
_ICON = re.compile(r'(<span class="hb-icon hb-icon-(\w+)"[^>]*>\s*<svg\b[^>]*>)(?!\s*<title)')


@dataclass(frozen=True)
class Entry:
    """One step of the navigation, in order: a section (url None) or a page."""

    title: str
    depth: int  # 1: the navigation's first level
    chapter: str  # the first-level title above it: the running header
    url: str | None = None


@dataclass(frozen=True)
class PageText:
    """A page as the site build rendered it: its own HTML, without the theme around it."""

    url: str
    title: str
    html: str
    card: Card | None = None
    src_stem: str = ""  # its file below docs/ without language and suffix (quellen)
    lang: str = ""  # the language its text is written in, where not the book's (untranslated)


@dataclass(frozen=True)
class Imprint:
    """What the book's imprint needs beyond the Site: whom to ask, and the page that names
    the sources (its url; None: no such page in the book)."""

    contact: str = ""
    sources: str | None = None

    @property
    def contact_href(self) -> str:
        if "@" in self.contact and " " not in self.contact and ":" not in self.contact:
            return f"mailto:{self.contact}"
        return self.contact if self.contact.startswith(("https://", "http://")) else ""


def pdf_paths(lang: str) -> dict[str, str]:
    """Each PDF's path below the language's root (pdf/handbuch-de.pdf)."""
    return {
        kind: f"{PDF_DIR}/{stem}-{lang}.pdf" for kind, stem in BOOK_LABELS[lang]["files"].items()
    }


def anchor(url: str) -> str:
    """The id of a page inside the book."""
    return "page-" + (re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home")


def _resolve(href: str, page_url: str, site_url: str | None) -> tuple[str, str] | None:
    """(path below the site root, fragment) of a link on the page at page_url; None for a
    link that leaves the site (another host, mail): the PDFs link nowhere else."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        if not site_url or not href.startswith(site_url):
            return None
        return urlsplit(href[len(site_url) :]).path, parts.fragment
    if not parts.path:
        return page_url, parts.fragment
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    path = posixpath.normpath(posixpath.join(base, parts.path)).lstrip("/")
    path = "" if path == "." else path
    if parts.path.endswith("/") and path:
        path += "/"
    return path, parts.fragment


def image_files(site: Site) -> Callable[[str], str | None]:
    """An image's path below the site root (en/bilder/schalter.png) -> the docs/ file it is
    served from (the language's own, bilder/schalter.en.png, where there is one, else the
    one all languages share) as a data: URL; None for a path that is no such file. Inline,
    so that the PDF cache's key (the document's HTML) changes when the picture does."""
    docs = Path(site.docs_dir).resolve()

    def data_url(path: str) -> str | None:
        below = path.removeprefix(site.lang_root)
        stem, dot, extension = below.rpartition(".")
        own = f"{stem}{site.languages.suffix(site.lang)}{dot}{extension}" if dot else below
        for name in (own, below):
            file = (docs / name).resolve()
            kind = mimetypes.guess_type(name)[0] or ""
            if file.is_relative_to(docs) and file.is_file() and kind.startswith("image/"):
                return f"data:{kind};base64,{base64.b64encode(file.read_bytes()).decode()}"
        return None

    return data_url


def book_html(
    text: str,
    *,
    url: str,
    in_book: set[str],
    site_url: str | None,
    images: Callable[[str], str | None] | None = None,
) -> str:
    """A page's HTML made fit for the book: no permalink signs or download markers, ids
    made unique per page, links to pages in the book made internal, other links of the
    site absolute (to site_url), links elsewhere removed (their text stays), and images
    read from the files they are made of (images: image_files): the PDF is laid out far
    from the page's address, where the page's relative image paths lead nowhere."""
    text = MARKER.sub("", _HEADERLINK.sub("", text))
    if images is not None:
        text = _SRC.sub(lambda m: _image(m, url, images), text)
    own = anchor(url)
    text = _ID.sub(lambda m: f'{m.group(1)}id="{own}--{m.group(2)}"', text)

    def link(match: re.Match) -> str:
        target = _resolve(html_lib.unescape(match.group(2)), url, site_url)
        if target is None:
            return match.group(1)
        path, fragment = target
        if path in in_book:
            href = f"#{anchor(path)}--{fragment}" if fragment else f"#{anchor(path)}"
        elif site_url:
            href = qr.page_address(site_url, path) + (f"#{fragment}" if fragment else "")
        else:
            return match.group(1)
        return f'{match.group(1)} href="{escape(href)}"'

    return _HREF.sub(link, text)


def _image(match: re.Match, page_url: str, images: Callable[[str], str | None]) -> str:
    target = _resolve(html_lib.unescape(match.group(2)), page_url, None)
    found = images(target[0]) if target else None
    return f"{match.group(1)}{escape(found)}{match.group(3)}" if found else match.group(0)


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def _css(site: Site, running: str) -> Markup:
    """The card stylesheet, the book's, and the page furniture in this language."""
    labels = BOOK_LABELS[site.lang]
    folder = site.templates_dir
    footer = "\n".join(
        f"@page {name} {{ @top-left {{ content: {running}; }} "
        f"@top-right {{ content: {css_string(site.name)}; }} "
        f"@bottom-right {{ content: {css_string(labels['page'] + ' ')} counter(page) "
        f"{css_string(' ' + labels['of'] + ' ')} counter(pages); }} }}"
        for name in ("hb-body", "hb-text")  # the kit's wide pages, the book's text pages
    )
    return Markup(
        "\n".join(
            [
                (folder / CARD_CSS).read_text(encoding="utf-8"),
                (folder / BOOK_CSS).read_text(encoding="utf-8"),
                footer,
                site.identity.theme_css,
            ]
        )
    )


def _name_icons(document: str, labels: dict) -> str:
    """Each card icon titled with its kind (Haltung, Tipp, Eigene Karte): its alternative
    text in the tagged PDF."""

    def titled(match: re.Match) -> str:
        name = labels["kind"].get(match.group(2), labels["blank_kind"])
        return f"{match.group(1)}<title>{escape(name)}</title>"

    return _ICON.sub(titled, document)


# A card's printed address and its QR code (partials/hb-card.html), not yet links.
_ADDRESS = re.compile(r'<p class="hb-address">((?:(?!<a\b).)*?)</p>', re.S)
_QR_BOX = re.compile(r'(<div class="hb-qr-box">)((?:(?!<a\b).)*?</svg>)', re.S)


def _link_addresses(document: str) -> str:
    """In a PDF, a card's printed address and the QR code before it link to the page."""
    out, last = [], 0
    for match in _ADDRESS.finditer(document):
        href = escape(html_lib.unescape(re.sub(r"<[^>]*>", "", match.group(1))))
        boxes = list(_QR_BOX.finditer(document, last, match.start()))
        start = last
        if boxes:  # the QR code of this card's back
            box = boxes[-1]
            out.append(document[start : box.start()])
            out.append(f'{box.group(1)}<a href="{href}">{box.group(2)}</a>')
            start = box.end()
        out.append(document[start : match.start()])
        out.append(f'<p class="hb-address"><a href="{href}">{match.group(1)}</a></p>')
        last = match.end()
    return "".join(out) + document[last:]


def _render(site: Site, kind: str, **context) -> str:
    env = environment(str(site.templates_dir))
    labels = BOOK_LABELS[site.lang]
    document = _render_template(env, site, kind, labels, context)
    return _link_addresses(_name_icons(document, site.labels))


def _render_template(env, site: Site, kind: str, labels: dict, context: dict) -> str:
    return env.get_template(TEMPLATES[kind]).render(
        kind=kind,
        lang=site.lang,
        labels=site.labels,
        book=labels,
        ident=site.identity,
        title=f"{labels['titles'][kind]} · {site.name}",
        created=created_date(site.source_date_epoch),
        **context,
    )


def _deck(cards: list[Card], infos: dict[str, CardInfo]) -> tuple[list[Card], dict]:
    """These cards in deck order, with their numbers and QR codes in the whole deck."""
    cards = sort_cards(cards)
    return cards, {card.id: infos[card.id] for card in cards}


def book_document(
    site: Site,
    entries: list[Entry],
    pages: dict[str, PageText],
    infos: dict[str, CardInfo],
    imprint: Imprint | None = None,
) -> str:
    """The book's HTML: cover, imprint, contents, every page in navigation order with its
    card, and the index of cards."""
    imprint = imprint or Imprint()
    in_book = {entry.url for entry in entries if entry.url in pages}
    parts: list[dict[str, Any]] = []
    for entry in entries:
        if entry.url is None:
            parts.append({"entry": entry, "anchor": anchor(f"part-{len(parts)}-{entry.title}")})
        elif entry.url in pages:
            page = pages[entry.url]
            parts.append(
                {
                    "entry": entry,
                    "anchor": anchor(entry.url),
                    "lang": page.lang,
                    "card": page.card,
                    "html": Markup(
                        book_html(
                            page.html,
                            url=page.url,
                            in_book=in_book,
                            site_url=site.site_url,
                            images=image_files(site),
                        )
                    ),
                }
            )
    parts = [
        part
        for number, part in enumerate(parts)  # sections with pages in them
        if part["entry"].url is not None or _has_pages(parts[number + 1 :], part["entry"].depth)
    ]
    cards, infos = _deck([part["card"] for part in parts if part.get("card")], infos)
    home = qr.page_address(site.site_url, site.lang_root) if site.site_url else None
    labels = BOOK_LABELS[site.lang]
    return _render(
        site,
        "book",
        parts=parts,
        cards=cards,
        infos=infos,
        address=home,
        qr=Markup(qr.qr_svg(home, label=labels["site_qr"])) if home else None,
        titles={page.url: page.title for page in pages.values()},
        anchors={card.id: f"{anchor(card.url)}--hb-book-card" for card in cards},
        css=_css(site, "string(hb-chapter)"),
        imprint=imprint,
        owner=site.brand.owner or site.brand.organisation or site.name,
        sources=(anchor(imprint.sources), pages[imprint.sources].title)
        if imprint.sources in pages
        else None,
        translated=site.lang != site.languages.default,
    )


def _has_pages(rest: list[dict], depth: int) -> bool:
    for part in rest:
        if part["entry"].depth <= depth:
            return False
        if part["entry"].url is not None:
            return True
    return False


def guide_document(site: Site, page: PageText, infos: dict[str, CardInfo]) -> str:
    """The trainer page as a handout: the page alone, its links to other pages absolute."""
    entry = Entry(title=page.title, depth=1, chapter=page.title, url=page.url)
    address = qr.page_address(site.site_url, page.url) if site.site_url else None
    part = {
        "entry": entry,
        "anchor": anchor(page.url),
        "lang": page.lang,
        "card": page.card,
        "html": Markup(
            book_html(
                page.html,
                url=page.url,
                in_book={page.url},
                site_url=site.site_url,
                images=image_files(site),
            )
        ),
    }
    cards, infos = _deck([page.card] if page.card else [], infos)
    return _render(
        site,
        "guide",
        parts=[part],
        cards=cards,
        infos=infos,
        address=address,
        qr=None,
        titles={},
        anchors={},
        css=_css(site, css_string(BOOK_LABELS[site.lang]["titles"]["guide"])),
    )


def observer_document(site: Site, cards: list[Card], infos: dict[str, CardInfo]) -> str:
    """One A4 page per card: its checklist as a tick grid, a column per round, and room
    for notes on each round."""
    cards, infos = _deck(cards, infos)
    return _render(
        site,
        "observer",
        cards=cards,
        infos=infos,
        scenes=range(1, SCENES + 1),
        css=_css(site, css_string(BOOK_LABELS[site.lang]["titles"]["observer"])),
    )


def commitment_document(site: Site) -> str:
    """One A4 sheet of four blank cards, front and back, with cut lines."""
    return _render(site, "commitment", css=_css(site, '""'))


def roles_document(site: Site) -> str:
    """One A4 sheet of four blank role cards (scene, customer, member of staff, observer),
    one-sided, with cut lines."""
    return _render(site, "roles", css=_css(site, '""'))


def case_documents(site: Site, cases: list[Case]) -> dict[str, str]:
    """The case cards (A4 sheets and A6 for the print shop), their role cards and the
    trainer's key, each case numbered in deck order; none where the language has no cases."""
    if not cases:
        return {}
    numbers = {case.key: number for number, case in enumerate(cases, start=1)}
    addresses = {
        case.key: qr.page_address(site.site_url, case.card.url)
        if site.site_url
        else case.card.url.removeprefix(site.lang_root)
        for case in cases
    }
    return {
        kind: _render(
            site,
            kind,
            cases=cases,
            numbers=numbers,
            addresses=addresses,
            css=_css(site, css_string(BOOK_LABELS[site.lang]["titles"][kind])),
        )
        for kind in CASE_KINDS
    }


@dataclass(frozen=True)
class Made:
    files: dict[str, bytes]  # PDF bytes per path below the language's root
    rendered: tuple[str, ...]  # the kinds laid out in this build (the rest: cache)


@dataclass
class PendingBook:
    """One language's book and kit PDFs on their way: those found in the cache, and a job
    in a worker process for each document whose HTML changed."""

    site: Site
    cached: dict[str, bytes]  # PDF bytes per path
    jobs: dict[str, tuple[str, str, Future]]  # kind: cache key, HTML, the worker's job


def pdf_key(document: str, lang: str, kind: str) -> str:
    """The cache key of one book or kit PDF: its HTML holds everything it is made from
    (content, cards, CSS, QR codes, date); a print shop's file also its PDF/X version."""
    if kind in PRINT_SHOP_KINDS:
        from . import pdfx

        return pdfcache.key(document, lang, kind, pdfx.VERSION, pdfx.CONDITION)
    return pdfcache.key(document, lang, kind)


def lay_out(document: str, base_url: str, docs_dir: str) -> bytes:
    """One document's PDF (a worker's job: plain data in and out): tagged as PDF/UA-1
    (structure tree, language, title, alternative text), opening with its bookmarks; it may
    read the theme's files and what docs/ holds, nothing else (pdf.render_document)."""
    laid_out = pdf.render_document(document, base_url=base_url, roots=(docs_dir,))
    crowded = pdf.crowded_faces(laid_out)
    if crowded:
        raise pdf.Crowded(*crowded)
    return laid_out.write_pdf(
        pdf_identifier=False, pdf_variant="pdf/ua-1", finisher=_page_labels_and_outline
    )


def _page_labels_and_outline(document, out) -> None:
    """A book's front matter (cover, imprint, contents: the pages before the first of its
    own pages, whose anchors are page-...) numbered i, ii, iii, and the rest by their
    printed folio; a viewer shows the bookmarks panel wherever there are bookmarks."""
    import pydyf  # type: ignore[import-untyped]  # WeasyPrint's PDF writer

    if "Outlines" in out.catalog:
        out.catalog["PageMode"] = "/UseOutlines"
    front = next(
        (
            number
            for number, page in enumerate(document.pages)
            if any(name.startswith("page-") for name in page.anchors)
        ),
        0,
    )
    if front:
        out.catalog["PageLabels"] = pydyf.Dictionary(
            {
                "Nums": pydyf.Array(
                    [
                        0,
                        pydyf.Dictionary({"S": "/r"}),
                        front,
                        pydyf.Dictionary({"S": "/D", "St": front + 1}),
                    ]
                )
            }
        )


def _folders(site: Site) -> tuple[str, str]:
    """What a book or kit PDF may read: the theme's files (its base) and docs/."""
    return str(site.templates_dir), str(site.docs_dir)


def start_pdfs(site: Site, documents: dict[str, str]) -> PendingBook:
    """Start the PDFs of the given HTML documents (by kind): each from the cache where its
    HTML is unchanged (pdf_key), else laid out in a worker while the build goes on."""
    paths = pdf_paths(site.lang)
    pending = PendingBook(site, {}, {})
    for kind, document in documents.items():
        key = pdf_key(document, site.lang, kind)
        stored = pdfcache.load(site.cache_dir, key)
        if stored is not None:
            pending.cached[paths[kind]] = stored["out.pdf"]
        else:
            job = worker.submit(lay_out, document, *_folders(site))
            pending.jobs[kind] = (key, document, job)
    return pending


def finish_pdfs(pending: PendingBook) -> Made:
    """Wait for the jobs, store their PDFs in the cache; every PDF of the language."""
    site = pending.site
    paths = pdf_paths(site.lang)
    files = dict(pending.cached)
    crowded: dict[str, float] = {}  # every face of every document that does not fit
    for kind, (key, document, job) in pending.jobs.items():
        try:
            data = worker.result(
                job, lay_out, document, str(site.templates_dir), str(site.docs_dir)
            )
        except pdf.Crowded as error:  # (a case card is on the A6 and the A4 cases both)
            crowded.update((name, max(mm, crowded.get(name, 0))) for name, mm in error.args)
            continue
        except (pdf.Refused, worker.TimedOut) as error:
            raise pdf.Refused(f"{paths[kind]} {error}") from None
        if kind in PRINT_SHOP_KINDS:
            data = _print_shop_copy(site, kind, data)
        pdfcache.store(site.cache_dir, key, {"out.pdf": data})
        files[paths[kind]] = data
    if crowded:
        raise pdf.Crowded(*crowded.items())
    return Made(files, tuple(pending.jobs))


def _print_shop_copy(site: Site, kind: str, data: bytes) -> bytes:
    """A kit file laid out for a print shop as PDF/X-4 (cardkit/pdfx.py), dated like the
    cards' print-shop files, so the same input gives the same bytes."""
    from . import pdfx
    from .build import print_date

    seed = f"{site.lang}\0{kind}\0".encode() + data
    return pdfx.print_shop_copy(data, lang=site.lang, date=print_date(site), seed=seed)


def downloads(site: Site, which: str, page_url: str) -> list[dict]:
    """The download links a page asks for ("book" or "kit"), relative to the page."""
    labels = BOOK_LABELS[site.lang]
    paths = pdf_paths(site.lang)
    return [
        {
            "href": relative_url(site.lang_root + paths[kind], page_url),
            "label": labels["links"][kind],
            "size": None,
        }
        for kind in SETS[which]
    ]


def fill_markers(site: Site, text: str, page_url: str) -> str:
    """Replace each download marker in a page's HTML by its links (or, without PDFs in
    this build, by the note that says so)."""
    if not MARKER.search(text):
        return text
    env = environment(str(site.templates_dir))
    template = env.get_template("partials/hb-book-downloads.html")

    def links(match: re.Match) -> str:
        return template.render(
            links=downloads(site, match.group(1), page_url) if site.pdfs else None,
            notice=None if site.pdfs else site.labels["no_pdf"],
            kit=match.group(1) == "kit",  # the kit's links come with the print job ticket
            labels=site.labels,
        )

    return MARKER.sub(links, text)
