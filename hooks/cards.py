"""MkDocs hooks for the checklist cards: a thin adapter from build events to cardkit.

mkdocs-static-i18n runs every build event once per language (German, then English into
site/en/), so each handler works out the language it is building from the i18n plugin.
The shape of mkdocs-git-revision-date-localized-plugin: everything is computed once, and
the page events only look it up. The build's first pass reads and checks docs/ once and
builds every card of every language once (the deck); each language's pass then renders
from it: a card's page and the cards page get their HTML through page.content, the same
way, and the PDFs get this language's cards. Every language's PDFs start in the first
pass, once the deck is known, in worker processes beside the HTML build; each language's
on_env waits for its own (the download buttons show the files' sizes).
"""

from __future__ import annotations

import os
from pathlib import Path

import mkdocs.plugins
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import card_deck
import cardkit.build as cards
import handbook_options
import i18n_languages

log = mkdocs.plugins.get_plugin_logger(__name__)
CSS = "assets/hb-cards.css"
# Per language, set in on_env (which MkDocs runs before any page is rendered): the PDFs'
# sizes in bytes by path, for the download buttons.
_sizes: dict[str, dict[str, int]] = {}
# Per language, started in the first pass's on_config and finished in that language's on_env.
_pending: dict[str, cards.PendingPdfs] = {}


def _site(config: MkDocsConfig, lang: str | None = None) -> cards.Site:
    """The Site of the language being built, or of another language (lang) ahead of its
    pass, with the handbook name the i18n plugin will give it."""
    languages = i18n_languages.model(config)
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


def deck() -> cards.Deck:
    """This build's deck: every card of every language, read and checked once per build
    (in the first language pass's on_config, again on every `mkdocs serve` rebuild)."""
    return card_deck.current()


def _url_of(config: MkDocsConfig, site: cards.Site):
    """A source file's page URL as MkDocs and mkdocs-static-i18n publish it: the language's
    folder, then the URL MkDocs gives the default language's file of that name."""

    def url_of(src_uri: str) -> str:
        stem, lang = site.languages.split(src_uri)
        default = File(f"{stem}.md", config.docs_dir, config.site_dir, config.use_directory_urls)
        url = default.url.removeprefix("./")  # MkDocs calls the home page "" (Page.url)
        return site.languages.url_root(lang) + url

    return url_of


@mkdocs.plugins.event_priority(-110)  # after i18n has chosen the language of this build
def on_config(config: MkDocsConfig) -> None:
    try:
        site = _site(config)  # once per language pass (and per `mkdocs serve` rebuild)
        card_deck.remember_site(site)
        cards.check_site_url(site.site_url)
    except cards.CardProblems as problems:
        raise _stop(problems) from None
    _sizes.clear()
    if not i18n_languages.first_pass(config) and card_deck.known():
        return  # the build's first pass has read and checked every language
    try:
        handbook_options.check_environment(os.environ, config.edit_uri)
    except handbook_options.OptionsError as problems:
        raise PluginError(f"the build's settings are wrong:\n{problems}") from None
    card_deck.remember(None)
    try:
        card_deck.remember(cards.validate_docs(site, _url_of(config, site)))
    except cards.CardProblems as problems:
        raise _stop(problems) from None
    _start_pdfs(config, site)
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


def _start_pdfs(config: MkDocsConfig, site: cards.Site) -> None:
    """Every language's PDFs, started now in worker processes (or taken from the cache)."""
    _pending.clear()
    if not site.pdfs:
        return
    for lang in site.languages:
        other = site if lang == site.lang else _site(config, lang)
        _pending[lang] = cards.start_pdfs(
            other, deck().of(lang), css=_css(other), source_date_epoch=other.source_date_epoch
        )


def _css(site: cards.Site) -> str:
    return (site.templates_dir / CSS).read_text(encoding="utf-8")


@mkdocs.plugins.event_priority(-110)  # after i18n has chosen this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The deck's URLs are MkDocs' own: say so loudly if the engine ever disagrees."""
    lang = i18n_languages.current(config)
    for file in files.documentation_pages():
        expected = deck().urls.get(file.src_uri)
        if getattr(file, "locale", lang) == lang and expected not in (
            None,
            file.url.removeprefix("./"),
        ):
            raise PluginError(
                f"{file.src_uri}: the card logic expected this page at '{expected}', but the "
                f"build publishes it at '{file.url}'; hooks/cards.py (_url_of) must follow "
                "how the engine and mkdocs-static-i18n name pages"
            )
    return files


# After the search plugin (priority 0) has indexed the page: the card repeats the page in
# short, so indexing it would double every search hit, and it cost a fifth of the build.
@mkdocs.plugins.event_priority(-100)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """A card's page gets its card, the cards page every card of its language."""
    site = card_deck.site(i18n_languages.current(config))
    card = deck().card(page.file.src_uri)
    html = ""
    if card and card.lang == site.lang:
        html = cards.card_section(
            site, card, deck=deck().of(site.lang), sizes=_sizes.get(site.lang)
        )
    elif deck().sheets.get(site.lang) == page.file.src_uri:
        html = cards.cards_sheet(site, deck().of(site.lang), page.url, _sizes.get(site.lang))
    if html:
        page.content = (page.content or "") + html
    return context


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """This language's card PDFs (MkDocs runs on_env before any page is rendered, and then
    copies the static files)."""
    site = card_deck.site(i18n_languages.current(config))
    cards_here = deck().of(site.lang)
    pending = _pending.pop(site.lang, None)
    if pending is None or pending.site != site or pending.cards != cards.sort_cards(cards_here):
        if pending is not None:
            log.debug(
                "%s: the cards differ from those the PDF worker was given; making the PDFs here",
                site.lang,
            )
        pending = cards.start_pdfs(
            site,
            cards_here,
            css=_css(site),
            source_date_epoch=site.source_date_epoch,
            in_worker=False,
        )
    try:
        pdfs = pending.result()
    except cards.CardProblems as problems:
        raise _stop(problems) from None
    if pdfs.files:
        if pdfs.from_cache:
            log.info(
                "%s: %d cards, %d PDFs taken from the cache",
                site.lang,
                len(cards_here),
                len(pdfs.files),
            )
        else:
            log.info(
                "%s: %d cards, %d PDFs rendered (%d of the cards laid out, the others "
                "from the cache)",
                site.lang,
                len(cards_here),
                len(pdfs.files),
                len(pdfs.laid_out),
            )
        log.debug("%s: cards laid out: %s", site.lang, ", ".join(pdfs.laid_out) or "none")
    # Handed to MkDocs as generated files: it copies them with the other static files,
    # which it does right after on_env.
    for path, data in pdfs.files.items():
        files.append(File.generated(config, site.lang_root + path, content=data))
    _sizes[site.lang] = {path: len(data) for path, data in pdfs.files.items()}
    return env


def on_build_error(error: Exception) -> None:
    cards.stop_workers()  # a failed build waits for no PDFs


def on_shutdown() -> None:
    cards.stop_workers()
