"""The handbook's one entry into MkDocs: `plugins: - handbook` in mkdocs.yml.

Each event method below is the whole of what the handbook does at that point of a build,
step by step, in the order written here; the steps live in the modules beside this one and
the handbook's logic in cardkit (plain Python, no MkDocs). All state of a build is one
BuildState on this object (state.py), made in the build's first on_config.

mkdocs-static-i18n builds the default language, then every other language inside that
build's on_post_build, running every event once per language with this same object. Where
an event needs the language the i18n plugin has chosen, it runs after i18n's (-100).
ARCHITECTURE.md draws the whole flow.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

import cardkit.build as cards_core

from . import (
    book,
    cards,
    daily,
    failures,
    offline,
    options,
    pagehead,
    pages,
    practice,
    reading,
    search,
    situations,
    theme,
    whatsnew,
)
from .i18n import I18n
from .options import HandbookOptions
from .state import BuildState, Pass, make_context

AFTER_I18N = -110  # i18n's own handlers run at -100


class HandbookPlugin(BasePlugin[HandbookOptions]):
    def __init__(self) -> None:
        self.build: BuildState | None = None  # the build running now
        self.i18n: I18n | None = None
        self.serving = False  # `mkdocs serve` builds into a temporary folder of its own

    def load_config(self, options_: dict[str, Any], config_file_path: str | None = None):
        """The typed options, each mistake named in words an editor can act on."""
        try:
            options.load(options_)
        except options.OptionsError as problems:  # MkDocs shows it and stops, no traceback
            raise ValidationError(f"the handbook plugin's options are wrong:\n{problems}") from None
        return super().load_config(options_, config_file_path)

    def _now(self) -> tuple[Pass, BuildState]:
        """The language pass running now, and its build."""
        assert self.build and self.i18n, "on_config has started this build"
        return self.build.passes[self.i18n.current], self.build

    # The build starts: the first pass reads everything once; each pass sets up its language.

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        reading.quiet_date_fallback()
        self.serving = command == "serve"

    @event_priority(AFTER_I18N)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        I18n.check(config)
        self.i18n = i18n = I18n(config)
        if i18n.first_pass or self.build is None:
            self.build = self._start_build(config, i18n)
        pass_ = self.build.start_pass(i18n.current)
        theme.configure_theme(config, self.build.context.brand)
        pages.find_stale_translations(pass_, self.build.context.languages)
        whatsnew.find_changes(pass_, self.build.context)
        return config

    def _start_build(self, config: MkDocsConfig, i18n: I18n) -> BuildState:
        options.refuse_old_setup(config)
        options.check_setup(config, serving=self.serving)
        options.check_texts(config, i18n.entries())
        try:
            options.check_environment(os.environ, config.edit_uri)
        except options.OptionsError as problems:
            raise PluginError(f"the build's settings are wrong:\n{problems}") from None
        cards.stop_pending(self.build)  # a `mkdocs serve` rebuild: nothing of the last one
        try:
            build = BuildState(make_context(config, i18n, self.config))
        except cards_core.CardProblems as problems:
            raise PluginError(str(problems)) from None
        cards.start_pdfs(build)
        cards.log_settings(build.context)
        return build

    @event_priority(AFTER_I18N)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        pass_, build = self._now()
        cards.check_urls(files, pass_, build.context.deck)
        cards.add_redirects(files, config, pass_, build.context)
        theme.add_files(files, config, pass_, build.context)
        reading.add_sitemaps(files, config, pass_)
        practice.add_deck_file(files, config, pass_, build.context)
        return files

    @event_priority(-120)  # after i18n has translated the section titles
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._now()[0].nav = nav
        return nav

    # Each page: its Markdown, its HTML, its place in the theme.

    @event_priority(-50)  # after the date plugin has read git
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        reading.reproducible_date(page, self._now()[0].lang)
        return markdown

    @event_priority(-100)  # after every extension has made the page's HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        pass_, build = self._now()
        note = pages.translation_note(page, pass_, build.context.languages)
        html = pagehead.after_title(html, note)
        pages.check_policy(html, page, config)
        html = book.collect_page(html, page, pass_, build.context)  # the book: no page head
        pagehead.add_to_toc(page, pass_, build.context)
        html = pagehead.after_title(html, pagehead.head_html(page, pass_, build.context))
        return search.add_terms(html, pass_, build.context)  # for the index only, not the book

    # Every page is converted; MkDocs copies the static files right after on_env.

    @event_priority(-100)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        pass_, build = self._now()
        pass_.env = env
        theme.cache_templates(env, build.context.sites[pass_.lang].cache_dir)
        theme.add_globals(env, config, pass_, build.context, self.config)
        cards.finish_pdfs(files, config, pass_, build)
        book.start_pdfs(pass_, build)
        if self.i18n and self.i18n.last_pass:
            book.finish_pdfs(files, config, build)
        reading.add_not_found_page(files, config, env, pass_)
        whatsnew.add_feed(files, config, pass_, build.context)
        return env

    @event_priority(-100)  # after the search plugin (0) has indexed the page's own text
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        pass_, build = self._now()
        practice.add_checklists(page, pass_, build.context)
        daily.add_screen(page, pass_, build.context)
        whatsnew.add_page(page, pass_, build.context, config.site_url)
        cards.add_to_page(page, pass_, build.context)
        situations.add_index(page, pass_, build.context)
        return context

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if template_name == reading.NOT_FOUND:
            reading.not_found_context(config, self._now()[0])
        return context

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        return reading.not_found_output(output, template_name, self._now()[0])

    @event_priority(AFTER_I18N)  # after i18n has built every other language inside this one
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.i18n and self.build
        if self.i18n.first_pass:  # the outermost pass: every language is on disk
            self.build.context.splitter.save()
            search.index_site(config, self.build.context.languages, self.i18n.built())
            offline.write_worker(config, self.build.context.languages)

    def on_build_error(self, *, error: Exception) -> None:
        cards_core.stop_workers(kill=True)  # a failed build waits for no PDFs
        failures.stop(error)  # a full disk, a too deep page: the cause in words

    def on_shutdown(self) -> None:
        cards_core.stop_workers()
