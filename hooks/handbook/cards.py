"""The checklist cards in the build: their PDFs, their page sections, the cards page.

Every language's PDFs start in the build's first pass, as soon as the deck is known, in
worker processes beside the HTML build; each language's on_env waits for its own and hands
them to MkDocs as generated files (the download buttons show their sizes). The card logic
is cardkit.build's; this module only moves its results into MkDocs' files and pages.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import cardkit.build as cards

from .state import BuildContext, BuildState, Pass

log = get_plugin_logger("handbook")
CSS = "assets/hb-cards.css"


def _css(site: cards.Site) -> str:
    return (site.templates_dir / CSS).read_text(encoding="utf-8")


def start_pdfs(build: BuildState) -> None:
    """Every language's card PDFs, started now in worker processes (or taken from the cache)."""
    context = build.context
    if not context.options.pdfs:
        return
    for lang, site in context.sites.items():
        build.pending_cards[lang] = cards.start_pdfs(
            site,
            context.cards(lang),
            css=_css(site),
            infos=context.infos[lang],
        )


def stop_pending(build: BuildState | None) -> None:
    """A new build begins while the last one's PDFs may be on their way (`mkdocs serve`)."""
    if build is not None and (build.pending_cards or build.pending_books):
        cards.stop_workers(kill=True)  # their results are no longer wanted


def log_settings(context: BuildContext) -> None:
    site = context.sites[context.languages.default]
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


def check_urls(files: Files, pass_: Pass, deck: cards.Deck) -> None:
    """The deck's URLs are MkDocs' own: say so loudly if the engine ever disagrees."""
    for file in files.documentation_pages():
        expected = deck.urls.get(file.src_uri)
        if getattr(file, "locale", pass_.lang) == pass_.lang and expected not in (
            None,
            file.url.removeprefix("./"),
        ):
            raise PluginError(
                f"{file.src_uri}: the card logic expected this page at '{expected}', but the "
                f"build publishes it at '{file.url}'; hooks/handbook/state.py (url_of) must "
                "follow how the engine and mkdocs-static-i18n name pages"
            )


def finish_pdfs(files: Files, config: MkDocsConfig, pass_: Pass, build: BuildState) -> None:
    """This language's card PDFs, waited for and handed to MkDocs, which copies them with
    the static files right after on_env."""
    site = pass_.site
    pending = build.pending_cards.pop(pass_.lang, None)
    if pending is None:
        return
    try:
        pdfs = pending.result()
    except cards.CardProblems as problems:
        raise PluginError(str(problems)) from None
    count = len(build.context.cards(pass_.lang))
    if pdfs.files:
        if pdfs.from_cache:
            log.info(
                "%s: %d cards, %d PDFs taken from the cache", pass_.lang, count, len(pdfs.files)
            )
        else:
            log.info(
                "%s: %d cards, %d PDFs rendered (%d of the cards laid out, the others "
                "from the cache)",
                pass_.lang,
                count,
                len(pdfs.files),
                len(pdfs.laid_out),
            )
        log.debug("%s: cards laid out: %s", pass_.lang, ", ".join(pdfs.laid_out) or "none")
    for path, data in pdfs.files.items():
        files.append(File.generated(config, site.lang_root + path, content=data))
    pass_.pdf_sizes = {path: len(data) for path, data in pdfs.files.items()}


def add_redirects(files: Files, config: MkDocsConfig, pass_: Pass, context: BuildContext) -> None:
    """The small pages that lead printed QR codes and old addresses to the pages now."""
    pages = cards.redirect_pages(pass_.site, context.addresses.redirects.get(pass_.lang, {}))
    for path, html in pages.items():
        files.append(File.generated(config, path, content=html))


def add_to_page(page: Page, pass_: Pass, context: BuildContext) -> None:
    """A card's page gets its card, the cards page every card of its language."""
    site, lang = pass_.site, pass_.lang
    card = context.deck.card(page.file.src_uri, lang)
    html = ""
    if card:
        html = cards.card_section(site, card, infos=context.infos[lang], sizes=pass_.pdf_sizes)
    elif context.deck.sheets.get(lang) == context.deck.source(page.file.src_uri, lang):
        html = cards.cards_sheet(
            site, context.cards(lang), page.url, infos=context.infos[lang], sizes=pass_.pdf_sizes
        )
    if html:
        page.content = (page.content or "") + html
