"""A page's front matter beside its card: only keys the handbook knows, and plain text.

The theme writes `title` and `description` into every page of a section (head, header,
nav, footer) without escaping them, so they are checked here as text, not markup.
"""

from __future__ import annotations

import difflib

from .model import CardError
from .source import Page
from .text import describe, hidden_character

MAX_CHARS = {"title": 100, "description": 300}
MARKUP = '<>"'  # would become markup or end an attribute in the theme
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")  # the theme's words
KEYS = (
    "title",
    "description",
    "card",
    "cards_sheet",
    "practice_sheet",
    "situations_sheet",
    "hide",
    "search",
)
FLAGS = ("cards_sheet", "practice_sheet", "situations_sheet")  # true or false


def _text_problem(key: str, value: object) -> str | None:
    if not isinstance(value, str):
        return f"{key} is {describe(value)}; it must be text"
    if not value.strip():
        return f"{key} is empty; write a short text"
    hidden = hidden_character(value)
    if hidden:
        return f"{key} contains the invisible character {hidden}; delete it"
    markup = sorted({char for char in value if char in MARKUP})
    if markup:
        return (
            f"{key} contains {' '.join(markup)}; write text, not HTML, and use „…“ or "
            "“…” for quotations"
        )
    if len(value) > MAX_CHARS[key]:
        return f"{key} has {len(value)} characters; at most {MAX_CHARS[key]}, so shorten it"
    return None


def _problem(key: str, value: object) -> str | None:
    if key in MAX_CHARS:
        return _text_problem(key, value)
    if key in FLAGS and not isinstance(value, bool):
        return f"{key} is {describe(value)}; it must be true or false"
    if key == "hide" and not (isinstance(value, list) and all(item in HIDE for item in value)):
        return f"hide must be a list of: {', '.join(HIDE)}"
    if key == "search" and value != {"exclude": True}:
        return "search allows only 'exclude: true'"
    return None


def _unknown(key: object) -> str:
    spelled = str(key).strip().lower().replace("-", "_").replace(" ", "_")[:40]
    close = difflib.get_close_matches(spelled, KEYS, n=1, cutoff=0.75)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"'{str(key)[:40]}' is not a key the handbook knows; {hint}known keys: {', '.join(KEYS)}"


def check_page_meta(pages: list[Page]) -> list[CardError]:
    """Unknown keys and unsafe values, and at most one cards page per language."""
    errors = []
    sheets: dict[str, Page] = {}
    for page in pages:
        for key, value in page.meta.items():
            problem = _problem(key, value) if key in KEYS else _unknown(key)
            if problem:
                errors.append(CardError(page.path, problem))
        if page.meta.get("cards_sheet") is True:
            first = sheets.setdefault(page.lang, page)
            if first is not page:
                errors.append(
                    CardError(
                        page.path,
                        f"cards_sheet: true is set here and in "
                        f"{first.path}; one page per language is "
                        "the cards page, so remove it from one",
                    )
                )
    return errors
