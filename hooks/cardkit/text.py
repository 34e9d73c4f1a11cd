"""Rules for text an editor writes and readers see: plain, visible characters only."""

from __future__ import annotations

import unicodedata

# Characters that draw nothing, or draw something other than they are, by Unicode category:
# control and format characters (zero-width spaces make an "empty" title look filled,
# U+202E reverses text), private-use, surrogate and unassigned code points, and line and
# paragraph separators.
HIDDEN = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
# The handbook's languages are written in Latin letters. A letter of another script is
# either invisible (U+3164 Hangul filler, category Lo) or a look-alike (Cyrillic 'а').
SCRIPT = "LATIN"
MAX_MARKS = 2  # combining marks on one letter (ü written as u + ¨ has one)


def _named(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'a control character').lower()})"


def hidden_character(text: str) -> str | None:
    """What in text is invisible, a look-alike, or not visible text at all, named for an
    editor ("the invisible character U+200B (zero width space)"), or None. Decided by
    Unicode category and script, not by a list. Line breaks and tabs are read as spaces."""
    marks = 0
    for char in text:
        if char in "\t\n\r":
            continue
        category = unicodedata.category(char)
        if category in HIDDEN:
            return f"the invisible character {_named(char)}"
        if category.startswith("L") and not unicodedata.name(char, "").startswith(SCRIPT):
            return (
                f"the letter {_named(char)}, which is not a Latin letter and can look "
                "empty or like another letter"
            )
        marks = marks + 1 if category.startswith("M") else 0
        if marks > MAX_MARKS:
            return f"more than {MAX_MARKS} accents stacked on one letter"
    if text.strip() and not any(unicodedata.category(c)[0] in "LN" for c in text):
        shown = ", ".join(dict.fromkeys(_named(c) for c in text if not c.isspace()))
        return f"no letter or digit, only {shown[:80]}"
    return None


MARKUP = '<>"'  # would become markup or end an attribute where the theme prints the text


def markup_in(text: str) -> str | None:
    """The signs of text that the theme would print as markup ('< >'), or None."""
    signs = sorted({char for char in text if char in MARKUP})
    return " ".join(signs) or None


def describe(value: object) -> str:
    """What kind of value an editor wrote, in words; never the value itself, which may be
    huge (a list of millions of items from YAML aliases)."""
    names = {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "yes/no",
        list: "a list",
        dict: "a set of fields",
        type(None): "empty",
    }
    return names.get(type(value), type(value).__name__)


def shown(value: object, limit: int = 40) -> str:
    """A value quoted back to an editor: on one line, and short. Only text and numbers
    are quoted; anything else is described."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return describe(value)
    text = value[: limit * 4] if isinstance(value, str) else repr(value)[: limit * 4]
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
