"""The handbook plugin's options (`plugins: - handbook:` in mkdocs.yml), a typed schema.

MkDocs' config classes do the type checks, as in the i18n and git-revision plugins; this
module only turns their findings into messages an editor can act on: the option, what it
holds, the values it allows and, where an environment variable feeds it, that variable.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import base, config_options as opt
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from cardkit.text import hidden_character, markup_in, shown

WHERE = "mkdocs.yml: plugins.handbook"


# One plain address (name@host), nothing a mailto: link would read as more headers or
# recipients; empty means no "suggest a change" link.
EMAIL = re.compile(r"^(?:[^@\s<>()\[\],;:\\\"?&%#/]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)?$")


class EmailAddress(opt.Type[str]):
    def __init__(self, default: str = "") -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        if not EMAIL.match(value):
            raise ValidationError(f"{value!r} is not an e-mail address")
        return value


class HandbookOptions(base.Config):
    """The plugin's typed options (HandbookPlugin's config)."""

    pdfs = opt.Type(bool, default=True)
    cache_dir = opt.Type(str, default=".cache/cards")
    brand = opt.Type(dict, default={})  # its fields: cardkit.brand checks them
    suggest_email = EmailAddress()
    printed_cards = opt.ListOfItems(opt.Type(str), default=[])
    moved = opt.DictOfItems(opt.Type(str), default={})


# Per option: the values it allows, in words, and the environment variable that sets it.
ALLOWED = {
    "pdfs": ("true or false", "HANDBOOK_PDFS"),
    "cache_dir": ("a folder path relative to mkdocs.yml, such as .cache/cards", None),
    "brand": (
        "a set of fields (organisation, logo, primary, accent, owner, contact; "
        "CONTRIBUTING.md shows them)",
        None,
    ),
    "printed_cards": (
        "a list of card ids, one '- id' line each (the file name without .md); every card "
        "whose QR code may have been printed, never removed",
        None,
    ),
    "moved": (
        "lines 'old file: new file' (German file names, as the nav names them), such as "
        "'tipps/probleme.md: tipps/probleme-loesen.md'",
        None,
    ),
    "suggest_email": (
        'the editors\' e-mail address for "Suggest a change", such as '
        "redaktion@firma.example, or empty for no such link",
        "HANDBOOK_SUGGEST_EMAIL",
    ),
}


class OptionsError(ValueError):
    """The handbook options are wrong; str() lists every problem, one per line."""


def _problem(name: str, value: object) -> str:
    allowed, variable = ALLOWED[name]
    source = ""
    if variable and variable in os.environ:
        source = f" (from the environment variable {variable}={os.environ[variable]!r})"
    return f"{WHERE}.{name} is {value!r}{source}; allowed: {allowed}"


def _unknown(name: str) -> str:
    close = difflib.get_close_matches(name, ALLOWED, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{WHERE}.{name} is not a handbook option; {hint}known options: {', '.join(ALLOWED)}"


def load(raw: object) -> HandbookOptions:
    """The validated options; raise OptionsError naming every wrong or unknown option."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise OptionsError(
            f"{WHERE} must be a set of 'name: value' lines, "
            f"not {type(raw).__name__}; known options: {', '.join(ALLOWED)}"
        )
    problems = [_unknown(str(name)) for name in raw if name not in ALLOWED]
    for name, option in HandbookOptions._schema:  # each one, not just the first wrong
        # An empty value (`pdfs:`, or HANDBOOK_PDFS="") would quietly mean the default.
        if name in raw and (raw[name] is None or _fails(option, raw[name])):
            problems.append(_problem(name, raw[name]))
    if problems:
        raise OptionsError("\n".join(f"  - {problem}" for problem in sorted(problems)))
    options = HandbookOptions()
    options.load_dict(raw)
    options.validate()
    return options


def check_environment(environ: Mapping[str, str], edit_uri: str | None = None) -> None:
    """The build date and the edit address, from outside docs/ (the site address is the
    cards' to check). Raise OptionsError naming the variable, its value and what it allows."""
    problems = []
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not (epoch.isdigit() and int(epoch) < 2**32):
        problems.append(
            f"the environment variable SOURCE_DATE_EPOCH is {epoch[:40]!r}; use a "
            "whole number of seconds since 1970, such as the last commit's "
            "(git log -1 --format=%ct)"
        )
    # The theme writes the edit link into every page without escaping it.
    if edit_uri and (
        urlsplit(edit_uri).scheme not in ("http", "https")
        or not urlsplit(edit_uri).hostname
        or any(char in edit_uri for char in " \"<>'`\\")
    ):
        problems.append(
            f"edit_uri (HANDBOOK_EDIT_URL) is {edit_uri[:80]!r}; use the web "
            "editor's http or https address, such as "
            "https://git.intranet/servicekultur/handbuch/edit/main/docs/"
        )
    if problems:
        raise OptionsError("\n".join(f"  - {problem}" for problem in problems))


def _fails(option: opt.BaseConfigOption, value: object) -> bool:
    try:
        option.validate(value)
    except ValidationError:
        return True
    return False


# The hook files of the handbook before it became one plugin (mkdocs.yml `hooks:`).
OLD_HOOKS = {
    "template_cache.py", "cards.py", "brand.py", "alternates.py", "translation_notes.py",
    "page_policy.py", "search_index.py", "reading.py", "practice.py", "book.py",
}  # fmt: skip


def _nav_titles(nav: object) -> Iterator[str]:
    """Every section and page title written in mkdocs.yml's nav:."""
    if isinstance(nav, list):
        for item in nav:
            yield from _nav_titles(item)
    elif isinstance(nav, dict):
        for title, below in nav.items():
            yield str(title)
            yield from _nav_titles(below)


def check_texts(config: MkDocsConfig, languages: Iterable[Any]) -> None:
    """The texts of mkdocs.yml that the theme prints on every page (navigation titles and
    their translations, the handbook's name and description per language) by the rules of
    a page's title: plain visible text, no markup."""
    texts: list[tuple[str, str | None]] = [("nav", title) for title in _nav_titles(config.nav)]
    texts += [("site_name", config.site_name), ("site_description", config.site_description)]
    for entry in languages:
        texts += [
            (f"{entry.locale} nav_translations", str(text))
            for pair in (entry.nav_translations or {}).items()
            for text in pair
        ]
        texts += [
            (f"{entry.locale} {key}", getattr(entry, key))
            for key in ("site_name", "site_description")
            if getattr(entry, key, None)
        ]
    for where, text in texts:
        problem = hidden_character(text or "x") or markup_in(text or "")
        if problem:
            raise PluginError(
                f"mkdocs.yml: {where} '{shown(text)}' contains {problem}; every page shows "
                "it, so write plain text (quotation marks as „…“ or “…”)"
            )


# What a content pull request may not move: where pages come from, where the theme's own
# files are, and where the site is written.
SETUP = {"docs_dir": "docs", "custom_dir": "overrides", "site_dir": "site"}


def check_setup(config: MkDocsConfig, *, serving: bool = False) -> None:
    """docs_dir, theme.custom_dir and site_dir are the project's own folders: anything else
    (/etc, /proc/self, a folder outside the project) is refused, naming the line."""
    project = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    given: dict[str, str | None] = {
        "docs_dir": config.docs_dir,
        "custom_dir": config.theme.custom_dir,
        "site_dir": config.site_dir,
    }
    for key, folder in SETUP.items():
        path = given[key] or ""
        if key == "site_dir" and (serving or os.path.dirname(os.path.abspath(path)) == project):
            continue  # make site builds into .site-new, then swaps it in as site/
        if not path or os.path.abspath(path) != os.path.join(project, folder):
            raise PluginError(
                f"mkdocs.yml: {key} is '{shown(str(path), 60)}'; the handbook keeps it in "
                f"the project folder as {folder}, so set {key}: {folder}"
            )


def refuse_old_setup(config: MkDocsConfig) -> None:
    """A mkdocs.yml from before the handbook plugin: say what to change."""
    old = [str(hook) for hook in config.hooks if os.path.basename(str(hook)) in OLD_HOOKS]
    if old:
        raise PluginError(
            "mkdocs.yml: the hooks: list names the handbook's old hook files "
            f"({', '.join(os.path.relpath(hook) for hook in old)}); the handbook plugin does "
            "their work now: delete those lines (and hooks: if nothing else is listed)"
        )
    if "handbook" in config.extra:
        raise PluginError(
            "mkdocs.yml: extra.handbook is the old place of the handbook's options; move its "
            "lines (pdfs, cache_dir, brand, suggest_email) under the handbook plugin: "
            "`plugins: - handbook:`"
        )
