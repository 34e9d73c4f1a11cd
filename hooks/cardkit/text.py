"""Rules for text an editor writes and readers see: plain, visible characters only."""

from __future__ import annotations

import unicodedata

# Control characters, and format characters that draw nothing or reorder what is drawn:
# zero-width spaces (U+200B) make an "empty" title look filled, and U+202E reverses text.
HIDDEN = {"Cc", "Cf", "Co", "Cs"}


def hidden_character(text: str) -> str | None:
    """The first invisible or control character in text, named for an editor, or None.
    Line breaks and tabs are not counted: they are read as spaces."""
    for char in text:
        if char in "\t\n\r":
            continue
        if unicodedata.category(char) in HIDDEN:
            name = unicodedata.name(char, "a control character")
            return f"U+{ord(char):04X} ({name.lower()})"
    return None


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
