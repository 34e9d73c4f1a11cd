"""MkDocs hooks for the checklist cards: a thin adapter from build events to cardkit.

mkdocs-static-i18n runs every build event once per language (German, then English into
site/en/), so each handler works out the language it is building from the i18n plugin.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import mkdocs.plugins
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import cardkit.build as cards
import handbook_options
import i18n_languages

log = mkdocs.plugins.get_plugin_logger(__name__)
CSS = "assets/hb-cards.css"
# Per language, set in on_env (which MkDocs runs before any page is rendered) for the
# pages' cards: this language's deck (card numbers) and the PDFs' sizes (download buttons).
_printed: dict[str, tuple[list, dict[str, int]]] = {}
# Per language, made in on_config (once per language pass, again on every `mkdocs serve`
# rebuild) and looked up by the page events: options and brand are read once, not per page.
_sites: dict[str, cards.Site] = {}
# Per language, started in the default language's on_config (every card is known there) and
# finished in that language's on_env: the PDFs are made in a worker beside the HTML build.
_pending: dict[str, cards.PendingPdfs] = {}


def _site(config: MkDocsConfig, lang: str | None = None) -> cards.Site:
    """The Site of the language being built, or of another language (lang) ahead of its
    build: its folder and its handbook name as the i18n plugin will give them."""
    languages = i18n_languages.languages(config)
    current = i18n_languages.current(config)
    lang = lang or current
    try:
        options = handbook_options.load(config.extra.get("handbook"))
    except handbook_options.OptionsError as problems:
        raise PluginError(f"the handbook options are wrong:\n{problems}") from None
    project = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    assert config.theme.custom_dir, "mkdocs.yml sets theme.custom_dir (overrides/)"
    templates_dir = Path(config.theme.custom_dir)
    return cards.Site(
        docs_dir=docs_dir,
        shown_as=os.path.relpath(docs_dir, project),
        languages=languages,
        lang=lang,
        lang_root="" if lang == languages[0] else f"{lang}/",
        site_url=config.site_url or None,
        templates_dir=templates_dir,
        pdfs=options.pdfs,
        cache_dir=project / options.cache_dir,
        name=config.site_name if lang == current else i18n_languages.site_name(config, lang),
        brand=cards.brand_of(options, docs_dir, templates_dir),
        source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
    )


def _stop(problems: cards.CardProblems) -> PluginError:
    return PluginError(str(problems))


@mkdocs.plugins.event_priority(-110)  # after i18n has chosen the language of this build
def on_config(config: MkDocsConfig) -> None:
    try:
        site = _sites[i18n_languages.current(config)] = _site(config)
        cards.check_site_url(site.site_url)
    except cards.CardProblems as problems:
        raise _stop(problems) from None
    _printed.clear()
    if site.lang != site.languages[0]:
        return  # the default language's build, always first, checked every language
    try:
        handbook_options.check_environment(os.environ, config.edit_uri)
    except handbook_options.OptionsError as problems:
        raise PluginError(f"the build's settings are wrong:\n{problems}") from None
    try:
        deck = cards.validate_docs(site)
    except cards.CardProblems as problems:
        raise _stop(problems) from None
    _start_pdfs(config, site, deck)
    if site.sample:
        log.info(
            "site_url is the example address %s: every card says MUSTER/SAMPLE. Set the "
            "handbook's real address before printing: HANDBOOK_SITE_URL=https://... make "
            "site (or site_url in mkdocs.yml)",
            site.site_url,
        )
    if not site.site_url:
        log.info(
            "no site_url in mkdocs.yml: the cards carry no QR code (set site_url or "
            "HANDBOOK_SITE_URL to the handbook's address)"
        )
    if not site.pdfs:
        log.info("handbook.pdfs is off: no card PDFs in this build")


def _start_pdfs(config: MkDocsConfig, site: cards.Site, deck: list) -> None:
    """Every language's PDFs, started now in worker processes (or taken from the cache)."""
    _pending.clear()
    if not site.pdfs:
        return
    for lang in site.languages:
        other = site if lang == site.lang else _site(config, lang)
        own = [
            dataclasses.replace(card, url=_url(config, other, card))
            for card in deck
            if card.lang == lang
        ]
        _pending[lang] = cards.start_pdfs(
            other, own, css=_css(other), source_date_epoch=other.source_date_epoch
        )


def _url(config: MkDocsConfig, site: cards.Site, card) -> str:
    """The URL MkDocs will give the card's page (below the site root)."""
    src_uri = card.path.removeprefix(f"{site.shown_as}/")
    stem, _ = cards.split_name(src_uri, site.languages)
    page = File(f"{stem}.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    return site.lang_root + page.url


def _css(site: cards.Site) -> str:
    return (site.templates_dir / CSS).read_text(encoding="utf-8")


# After the search plugin (priority 0) has indexed the page: the card repeats the page in
# short, so indexing it would double every search hit, and it cost a fifth of the build.
@mkdocs.plugins.event_priority(-100)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    site = _sites[i18n_languages.current(config)]
    try:
        card = cards.page_card(site, page.meta, page.file.src_uri, page.url)
    except cards.CardProblems as problems:
        raise _stop(problems) from None
    if card:
        deck, sizes = _printed.get(site.lang, ([card], {}))
        page.content = (page.content or "") + cards.card_section(site, card, deck=deck, sizes=sizes)
    return context


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Collect this language's cards, write their PDFs and render the cards page."""
    site = _sites[i18n_languages.current(config)]
    pages = i18n_languages.pages(config, files)
    deck = [
        card
        for page in pages
        if (card := cards.page_card(site, page.meta, page.file.src_uri, page.url))
    ]
    sheet = next((page for page in pages if page.meta.get("cards_sheet")), None)
    pending = _pending.pop(site.lang, None)
    if pending is None or pending.site != site or pending.cards != cards.sort_cards(deck):
        if pending is not None:
            log.debug(
                "%s: the cards differ from those the PDF worker was given; making the PDFs here",
                site.lang,
            )
        pending = cards.start_pdfs(
            site, deck, css=_css(site), source_date_epoch=site.source_date_epoch, in_worker=False
        )
    try:
        pdfs = pending.result()
    except cards.CardProblems as problems:
        raise _stop(problems) from None
    if pdfs.files:
        if pdfs.from_cache:
            log.info(
                "%s: %d cards, %d PDFs taken from the cache", site.lang, len(deck), len(pdfs.files)
            )
        else:
            log.info(
                "%s: %d cards, %d PDFs rendered (%d of the cards laid out, the others "
                "from the cache)",
                site.lang,
                len(deck),
                len(pdfs.files),
                len(pdfs.laid_out),
            )
        log.debug("%s: cards laid out: %s", site.lang, ", ".join(pdfs.laid_out) or "none")
    for path, data in pdfs.files.items():
        target = Path(config.site_dir) / site.lang_root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    sizes = {path: len(data) for path, data in pdfs.files.items()}
    _printed[site.lang] = (deck, sizes)
    env.globals["hb_cards_sheet"] = cards.cards_sheet(site, deck, sheet.url, sizes) if sheet else ""
    return env


def on_build_error(error: Exception) -> None:
    cards.stop_workers()  # a failed build waits for no PDFs


def on_shutdown() -> None:
    cards.stop_workers()
