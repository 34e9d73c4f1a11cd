"""What a site build does with cards, engine-neutral: the MkDocs hooks call only this."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Any

from . import cache, pdf, pdfcache, printing, qr, worker
from .addresses import Addresses, plan, redirect_page, short_url
from .brand import Brand, BrandError, brand_from_options, logo_data_uri, theme_css
from .deck import group_by_kind
from .identity import check_site_url as _check_site_url, edition_date, is_example
from .labels import LABELS, edition, file_size
from .languages import Languages
from .loader import CardProblems, Deck, load_deck
from .model import Card, CardError
from .render import CardInfo, Identity, Renderer, card_infos, pdf_paths, relative_url

__all__ = ["CardProblems", "Deck"]  # the hooks' names for the loader's types


@dataclass(frozen=True)
class Site:
    """What the card logic needs to know of the site being built, in one language."""

    docs_dir: Path
    shown_as: str  # how editors see docs_dir in messages ("docs")
    languages: Languages
    lang: str  # the language being built
    site_url: str | None
    templates_dir: Path
    pdfs: bool  # False: skip PDFs (quick preview)
    cache_dir: Path
    name: str = ""  # the handbook's name in this language (site_name)
    brand: Brand = Brand()
    source_date_epoch: str | None = None

    @property
    def lang_root(self) -> str:
        """The folder of the language being built below the site root ("" or "en/")."""
        return self.languages.url_root(self.lang)

    @property
    def sample(self) -> bool:
        """True while site_url is the shipped example: every card then says MUSTER."""
        return is_example(self.site_url)

    # Computed once per Site (a build makes one per language): the edition asks git, the
    # logo is read from disk. cached_property writes past the frozen dataclass on purpose.
    @cached_property
    def identity(self) -> Identity:
        day = edition_date(self.docs_dir, self.source_date_epoch)
        return Identity(
            handbook=self.name,
            organisation=self.brand.organisation,
            edition=edition(self.labels, day),
            sample=self.sample,
            logo=logo_data_uri(self.brand, (self.docs_dir, self.templates_dir)),
            theme_css=theme_css(self.brand),
        )

    @property
    def qr_cache_dir(self) -> Path:
        return self.cache_dir / "qr"

    @property
    def labels(self) -> dict:
        return LABELS[self.lang]

    @cached_property
    def renderer(self) -> Renderer:
        return Renderer(self.templates_dir, self.lang, self.identity)

    def card_infos(
        self, cards: list[Card], short: Mapping[str, str] | None = None
    ) -> dict[str, CardInfo]:
        """Each card's number in this deck and its QR code (drawn once, then cached); short:
        each card's short id (cardkit.addresses), which its QR code opens."""
        cards = sort_cards(cards)
        paths = {card_id: short_url(self.lang_root, to) for card_id, to in (short or {}).items()}
        return card_infos(
            cards, group_by_kind(cards), self.site_url, self.lang, self.qr_cache_dir, paths
        )

    def notice(self) -> str | None:
        notes = [self.labels["no_pdf"]] if not self.pdfs else []
        notes += [self.labels["no_qr"]] if not self.site_url else []
        notes += [self.labels["sample_notice"].format(url=self.site_url)] if self.sample else []
        return " ".join(notes) or None


def brand_of(options: Mapping[str, Any], docs_dir: Path, templates_dir: Path) -> Brand:
    """The brand from the handbook options; raise CardProblems naming the option."""
    try:
        return brand_from_options(options.get("brand"), (docs_dir, templates_dir))
    except BrandError as error:
        raise CardProblems(
            [CardError("mkdocs.yml", str(error).removeprefix("mkdocs.yml: "))]
        ) from None


def check_site_url(site_url: str | None) -> None:
    try:
        _check_site_url(site_url)
    except CardError as error:
        raise CardProblems([error]) from None


def validate_docs(
    site: Site,
    url_of: Callable[[str], str] = lambda src_uri: "",
    nav: Sequence[str] | None = None,
) -> Deck:
    """Read and check every page and card of every language, once; the deck they make, its
    cards numbered in the order of nav (the German files it lists). Raise CardProblems
    listing every problem."""
    return load_deck(site.docs_dir, site.shown_as, site.languages, url_of, nav)


def addresses(
    site: Site,
    deck: Deck,
    *,
    printed: list[str],
    moved: dict[str, str],
    url_of: Callable[[str], str],
) -> Addresses:
    """Each card's short id and every address that leads elsewhere (cardkit.addresses);
    raise CardProblems naming what to add or change in mkdocs.yml."""
    found, errors = plan(
        deck.cards, deck.urls, site.languages, printed=printed, moved=moved, url_of=url_of
    )
    if errors:
        raise CardProblems(errors)
    return found


def redirect_pages(site: Site, redirects: Mapping[str, str]) -> dict[str, str]:
    """This language's pages that lead on: path of the file below the site root -> HTML."""
    return {
        url + "index.html": redirect_page(site.lang, relative_url(to, url), site.labels["redirect"])
        for url, to in redirects.items()
    }


def _download(href: str, label: str, size: int | None, labels: dict) -> dict:
    return {
        "href": href,
        "label": label,
        "size": file_size(labels, size) if size is not None else None,
    }


def card_section(
    site: Site, card: Card, *, infos: dict[str, CardInfo], sizes: dict[str, int] | None = None
) -> str:
    """The HTML appended to the card's own page. infos: every card's number and QR code in
    this language (Site.card_infos); sizes: the PDFs' sizes in bytes by path, where known."""
    sizes = sizes or {}
    links = None
    if site.pdfs:
        paths = pdf_paths(site.lang, [card])
        links = [
            _download(
                relative_url(site.lang_root + path, card.url),
                site.labels[label],
                sizes.get(path),
                site.labels,
            )
            for path, label in (
                (paths.cards[card.id]["a4"], "office_card"),
                (paths.cards[card.id]["a4-4up"], "four_up_card"),
                (paths.cards[card.id]["a6"], "shop_card"),
                (paths.cards[card.id]["a6-online"], "online_card"),
                (paths.collections["a4"], "all_a4"),
            )
        ]
    return site.renderer.card_section(card, info=infos[card.id], links=links, notice=site.notice())


def sort_cards(cards: list[Card]) -> list[Card]:
    return [card for group in group_by_kind(cards).values() for card in group]


def cards_sheet(
    site: Site,
    cards: list[Card],
    sheet_url: str,
    *,
    infos: dict[str, CardInfo],
    sizes: dict[str, int] | None = None,
) -> str:
    """The HTML of the cards page, for the page at sheet_url."""
    cards = sort_cards(cards)
    sizes = sizes or {}
    pdf_links = None
    if site.pdfs:
        paths = pdf_paths(site.lang, cards)

        def link(path: str, label: str) -> dict:
            return _download(
                relative_url(site.lang_root + path, sheet_url),
                site.labels[label],
                sizes.get(path),
                site.labels,
            )

        pdf_links = {
            "a4": link(paths.collections["a4"], "all_a4"),
            "a6": link(paths.collections["a6"], "all_a6"),
            "a6-online": link(paths.collections["a6-online"], "all_a6_online"),
            "cards": {
                card.id: [
                    link(paths.cards[card.id]["a4"], "office_card"),
                    link(paths.cards[card.id]["a4-4up"], "four_up_card"),
                    link(paths.cards[card.id]["a6"], "shop_card"),
                    link(paths.cards[card.id]["a6-online"], "online_card"),
                ]
                for card in cards
            },
        }
    page_links = {card.id: relative_url(card.url, sheet_url) for card in cards}
    groups = group_by_kind(cards)
    return site.renderer.cards_sheet(
        cards,
        groups=groups,
        infos=infos,
        page_links=page_links,
        pdf_links=pdf_links,
        notice=site.notice(),
    )


def created_date(source_date_epoch: str | None) -> str | None:
    """The PDFs' date, only where SOURCE_DATE_EPOCH fixes it (reproducible builds)."""
    if not source_date_epoch:
        return None
    moment = datetime.fromtimestamp(int(source_date_epoch), tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class PdfSet:
    files: dict[str, bytes]  # PDF bytes per path below the language root
    from_cache: bool
    laid_out: tuple[str, ...] = ()  # the ids of the cards laid out in this build


def inputs_key(site: Site, *, css: str, created: str | None) -> str:
    """What every card's PDFs are made from besides the card: the address its QR code
    opens, the language, templates and CSS, edition and brand, the card code, the engines."""
    code = sorted(Path(__file__).parent.glob("*.py"))
    templates = sorted(path for path in site.templates_dir.rglob("*") if path.is_file())
    return cache.content_key(
        site.site_url or "",
        site.lang,
        css,
        created or "",
        repr(site.identity),
        pdf.engine_version(),  # the faces cache (printing.py) keys on this hash too
        qr.engine_version(),
        *(path.read_bytes() for path in code + templates),
    )


def pdf_key(inputs: str, cards: list[Card]) -> str:
    """The cache key of a language's card PDFs: everything they are made from (inputs_key,
    and the cards), hashed without laying anything out. A change to any of them makes new
    files; a warm build only reads this much."""
    return pdfcache.key(inputs, repr(cards))


def pdf_titles(site: Site, cards: list[Card], infos: dict, paths) -> dict[str, str]:
    """What a PDF viewer shows as each file's title: which card, which use, which handbook."""
    labels = site.labels
    titles = {
        paths.collections["a4"]: f"{labels['all_a4']} · {site.name}",
        paths.collections["a6"]: f"{labels['all_a6']} · {site.name}",
        paths.collections["a6-online"]: f"{labels['all_a6_online']} · {site.name}",
    }
    for card in cards:
        name = f"{infos[card.id].number} · {card.title} · {site.name}"
        for use, path in paths.cards[card.id].items():
            titles[path] = f"{name} ({labels['pdf_use'][use]})"
    return titles


def print_date(site: Site) -> str:
    """The print shop's files' date (PDF/X asks for one): the build's fixed date where
    SOURCE_DATE_EPOCH sets it, else the edition's day, so the same input gives the same bytes."""
    fixed = created_date(site.source_date_epoch)
    if fixed:
        return fixed
    day = edition_date(site.docs_dir, site.source_date_epoch)
    return f"{day.isoformat()}T00:00:00Z"


FACES_DIR = "faces"  # below the cache folder: each card's laid-out pages


@dataclass
class PendingPdfs:
    """One language's PDFs: taken from the cache, or being made (in a worker or here)."""

    site: Site
    key: str
    done: PdfSet | None = None
    job: printing.Job | None = None
    future: Future | None = None

    def result(self) -> PdfSet:
        if self.done is None:
            assert self.job is not None  # set wherever done is not
            try:
                made = (
                    worker.result(self.future, printing.make, self.job)
                    if self.future
                    else printing.make(self.job)
                )
            except (pdf.Refused, worker.TimedOut) as error:
                where = f"the {self.site.lang} card PDFs"
                raise CardProblems([CardError(where, str(error))]) from None
            for level, message in made.messages:
                cache.log.log(level, message)
            if made.errors:
                raise CardProblems(made.errors)
            pdfcache.store(self.site.cache_dir, self.key, made.files)
            self.done = PdfSet(made.files, from_cache=False, laid_out=tuple(made.laid_out))
        return self.done


def start_pdfs(
    site: Site,
    cards: list[Card],
    *,
    css: str,
    infos: dict[str, CardInfo] | None = None,
    in_worker: bool = True,
) -> PendingPdfs:
    """Start one language's card PDFs: from the cache when no input changed, else as a
    job in a worker process (in_worker) or when its result is asked for."""
    cards = sort_cards(cards)
    if not site.pdfs or not cards:
        return PendingPdfs(site, "", done=PdfSet({}, from_cache=False))
    created = created_date(site.source_date_epoch)
    inputs = inputs_key(site, css=css, created=created)
    key = pdf_key(inputs, cards)
    outputs = pdfcache.load(site.cache_dir, key)
    if outputs is not None:
        return PendingPdfs(site, key, done=PdfSet(outputs, from_cache=True))
    infos = infos if infos is not None else site.card_infos(cards)
    paths = pdf_paths(site.lang, cards)
    job = printing.Job(
        lang=site.lang,
        cards=tuple(cards),
        infos=infos,
        identity=site.identity,
        templates_dir=site.templates_dir,
        css=css,
        created=created,
        inputs=inputs,
        faces_dir=site.cache_dir / FACES_DIR,
        paths=paths,
        titles=pdf_titles(site, cards, infos, paths),
        date=print_date(site),
    )
    future = worker.submit(printing.make, job) if in_worker else None
    return PendingPdfs(site, key, job=job, future=future)


def stop_workers(kill: bool = False) -> None:
    worker.stop(kill)
