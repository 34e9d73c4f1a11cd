"""The handbook plugin's options (`plugins: - handbook:` in mkdocs.yml), a typed schema.

MkDocs' config classes do the type checks, as in the i18n and git-revision plugins; this
module only turns their findings into messages an editor can act on: the option, what it
holds, the values it allows and, where an environment variable feeds it, that variable.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from mkdocs.config import base, config_options as opt
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

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
