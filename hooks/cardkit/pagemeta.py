"""A page's front matter beside its card: only keys the handbook knows, and plain text.

The theme writes `title` and `description` into every page of a section (head, header,
nav, footer) without escaping them, so they are checked here as text, not markup.
"""

from __future__ import annotations

import difflib

from .model import CardError
from .source import Page
from .text import describe, hidden_character, markup_in
from .translations import record_problem

MAX_CHARS = {"title": 100, "description": 300, "changes": 200}
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")  # the theme's words
KEYS = (
    "title",
    "description",
    "card",
    "cases",
    "cards_sheet",
    "practice_sheet",
    "situations_sheet",
    "daily_screen",
    "changes_page",
    "changes",  # what the last commit changed, for "Neu und geändert" (cardkit/changes.py)
    "hide",
    "search",
    "translation",  # written by make translated (cardkit/translations.py)
)
FLAGS = (
    "cards_sheet",
    "practice_sheet",
    "situations_sheet",
    "daily_screen",
    "changes_page",
)  # true or false


def text_problem(key: str, value: object) -> str | None:
    """What makes a text the theme prints (title, description) unsafe or unreadable."""
    if not isinstance(value, str):
        return f"{key} is {describe(value)}; it must be text"
    if not value.strip():
        return f"{key} is empty; write a short text"
    hidden = hidden_character(value)
    if hidden:
        return f"{key} contains {hidden}; delete it (retype the text if you cannot see where)"
    markup = markup_in(value)
    if markup:
        return f"{key} contains {markup}; write text, not HTML, and use „…“ or “…” for quotations"
    if len(value) > MAX_CHARS[key]:
        return f"{key} has {len(value)} characters; at most {MAX_CHARS[key]}, so shorten it"
    return None


# exclude: not indexed; staff: false: written for another audience (the trainers' page),
# which the search shows staff only where a heading names the query
SEARCH_SETTINGS = {"exclude": True, "staff": False}


def _problem(key: str, value: object) -> str | None:
    if key in MAX_CHARS:
        return text_problem(key, value)
    if key in FLAGS and not isinstance(value, bool):
        return f"{key} is {describe(value)}; it must be true or false"
    if key == "hide" and not (isinstance(value, list) and all(item in HIDE for item in value)):
        return f"hide must be a list of: {', '.join(HIDE)}"
    if key == "translation":
        return record_problem({key: value})
    if key == "search" and not (
        isinstance(value, dict)
        and value
        and all(
            isinstance(name, str) and name in SEARCH_SETTINGS and setting is SEARCH_SETTINGS[name]
            for name, setting in value.items()
        )
    ):
        return "search allows only 'exclude: true' and 'staff: false' (one or both)"
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
