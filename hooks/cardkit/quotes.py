"""Typographic quotes for text the handbook shows but no editor can correct any more: a
page's `changes:` note as the commit that wrote it had it, on "What's new" and in the feed
(cardkit/changes.py reads it from the history). Editors' pages must use „…“ and ‘…’
themselves (the content tests say where); a commit, once merged, cannot be edited, and a
keyboard types straight quotes. Plain Python.

German sets „double“ and ‚single‘ quotes, English (as the handbook writes it) ‘quotes’ for
both; the apostrophe is ’ in both. A language without a rule here keeps its quotes and gets
only the apostrophe.
"""

from __future__ import annotations

# opening and closing mark for a straight " and a straight ', by language
MARKS = {
    "de": {'"': ("„", "“"), "'": ("‚", "‘")},
    "en": {'"': ("‘", "’"), "'": ("‘", "’")},
}
APOSTROPHE = "’"
_OPENS_AFTER = "([{/–—-"  # a quote right after these (or a space, or the start) opens


def typographic(text: str, lang: str) -> str:
    """The text with typographic quotes: a quote at the start, after a space or an opening
    bracket or dash opens; an open quote closes at the next quote of its kind that does not
    start a word; any other ' is an apostrophe. (English: it's "new" -> it’s ‘new’.)"""
    marks = MARKS.get(lang, {})
    out: list[str] = []
    open_: set[str] = set()
    for index, char in enumerate(text):
        if char not in "\"'":
            out.append(char)
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        starts = (before.isspace() or before in _OPENS_AFTER) and not after.isspace()
        if char in marks and starts:
            out.append(marks[char][0])
            open_.add(char)
        elif char in marks and char in open_ and not after.isalnum():
            out.append(marks[char][1])
            open_.discard(char)
        elif char == "'":
            out.append(APOSTROPHE)
        else:
            out.append(marks[char][1] if char in marks else char)
    return "".join(out)
