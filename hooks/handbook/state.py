"""What one build knows: made once per build (BuildContext) and per language pass (Pass).

The handbook plugin owns one BuildState per build and hands its parts to each step; no
step keeps state of its own. mkdocs-static-i18n builds the default language, then each
other language inside that build, with the same plugin object: the context is made in the
first pass and read by every pass, a Pass is made at the start of each.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation

import cardkit.book as book
import cardkit.build as cards
from cardkit import labels
from cardkit.addresses import Addresses
from cardkit.brand import Brand
from cardkit.changes import Change
from cardkit.deck import nav_entries
from cardkit.languages import Languages
from cardkit.model import CardError
from cardkit.render import CardInfo
from cardkit.searchterms import STORE, Splitter, load_synonyms
from cardkit.translations import Finding

from .i18n import I18n
from .options import HandbookOptions

log = get_plugin_logger("handbook")

if TYPE_CHECKING:  # only for the annotation: no import cycle at run time
    from cardkit.model import Card


@dataclass(frozen=True)
class BuildContext:
    """Made once per build, before anything is rendered: every language's Site (options,
    brand, edition, identity), the deck, and each card's number and QR code."""

    options: HandbookOptions
    languages: Languages
    brand: Brand
    sites: dict[str, cards.Site]  # per language
    deck: cards.Deck
    infos: dict[str, dict[str, CardInfo]]  # per language, per card id
    addresses: Addresses  # the cards' short addresses and the pages that moved
    synonyms: dict[str, list[tuple[str, ...]]]  # per language: the editors' synonym groups
    splitter: Splitter  # German compounds, for the search index

    def cards(self, lang: str) -> list[Card]:
        """One language's cards in deck order."""
        return self.deck.of(lang)


def make_context(config: MkDocsConfig, i18n: I18n, options: HandbookOptions) -> BuildContext:
    """Read the options and docs/ once; raise cards.CardProblems naming every problem."""
    project = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    assert config.theme.custom_dir, "mkdocs.yml sets theme.custom_dir (overrides/)"
    templates_dir = Path(config.theme.custom_dir)
    languages = i18n.languages()
    for lang in labels.provide(languages.default, languages):
        log.info(
            "%s: no words file hooks/cardkit/labels/%s.yml yet: labels, cards and PDFs show "
            "the %s words (copy %s.yml to add them)",
            lang,
            lang,
            languages.english_name(languages.default),
            languages.default,
        )
    brand = cards.brand_of(options, docs_dir, templates_dir)
    sites = {
        lang: cards.Site(
            docs_dir=docs_dir,
            shown_as=os.path.relpath(docs_dir, project),
            languages=languages,
            lang=lang,
            site_url=config.site_url or None,
            templates_dir=templates_dir,
            pdfs=options.pdfs,
            cache_dir=project / options.cache_dir,
            name=i18n.site_name(lang),
            brand=brand,
            source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
        )
        for lang in languages
    }
    cards.check_site_url(config.site_url or None)
    deck = cards.validate_docs(
        sites[languages.default],
        url_of(config, languages),
        nav_entries(config.nav) if config.nav else None,  # no nav: by file name, as MkDocs
    )
    addresses = cards.addresses(
        sites[languages.default],
        deck,
        printed=list(options.printed_cards),
        moved=dict(options.moved),
        url_of=url_of(config, languages),
    )
    infos = {lang: site.card_infos(deck.of(lang), addresses.short) for lang, site in sites.items()}
    try:
        synonyms = load_synonyms(docs_dir, sites[languages.default].shown_as, languages)
    except CardError as error:
        raise cards.CardProblems([error]) from None
    splitter = Splitter(project / options.cache_dir / STORE)
    return BuildContext(
        options, languages, brand, sites, deck, infos, addresses, synonyms, splitter
    )


def url_of(config: MkDocsConfig, languages: Languages) -> Callable[[str], str]:
    """A source file's page URL as MkDocs and mkdocs-static-i18n publish it: the language's
    folder, then the URL MkDocs gives the default language's file of that name."""

    def url(src_uri: str) -> str:
        stem, lang = languages.split(src_uri)
        default = File(f"{stem}.md", config.docs_dir, config.site_dir, config.use_directory_urls)
        return languages.url_root(lang) + default.url.removeprefix("./")  # home: "" (Page.url)

    return url


@dataclass
class Pass:
    """One language's pass through the build events."""

    lang: str
    site: cards.Site
    nav: Navigation | None = None
    env: Environment | None = None
    pdf_sizes: dict[str, int] = field(default_factory=dict)  # card PDFs' bytes by path
    book_pages: dict[str, book.PageText] = field(default_factory=dict)  # by page URL
    guide: str | None = None  # the URL of the page that becomes the workshop guide
    stale: dict[str, Finding] = field(default_factory=dict)  # out-of-date translations
    changes: list[Change] | None = None  # this language's history (whatsnew.py); None: no git

    @property
    def root(self) -> str:
        """The language's folder below the site root ("" or "en/")."""
        return self.site.lang_root


@dataclass
class BuildState:
    """Everything one build holds, from its first on_config to its last on_post_build."""

    context: BuildContext
    pending_cards: dict[str, cards.PendingPdfs] = field(default_factory=dict)  # per language
    pending_books: dict[str, book.PendingBook] = field(default_factory=dict)  # per language
    passes: dict[str, Pass] = field(default_factory=dict)  # per language, as they start

    def start_pass(self, lang: str) -> Pass:
        self.passes[lang] = Pass(lang, self.context.sites[lang])
        return self.passes[lang]
