"""Print wording beside web wording, in one source: an element with the class `hb-web`
shows on the site only (the book and the kit drop it), one with `hb-print` in print only
(the site drops it). Editors mark a paragraph, list item or box in Markdown with
`{ .hb-web }` or `{ .hb-print }` (attr_list; CONTRIBUTING.md, "Print and web wording").
"""

from __future__ import annotations

from html.parser import HTMLParser

WEB_ONLY = "hb-web"
PRINT_ONLY = "hb-print"
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Spans(HTMLParser):
    """The (start, end) offsets of every element carrying the class, outermost only."""

    def __init__(self, text: str, wanted: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = text
        self.wanted = wanted
        self.line_starts = [0]
        for line in text.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.open: list[str] = []  # the tags open inside the element being dropped
        self.start = 0
        self.spans: list[tuple[int, int]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.open:
            if tag not in _VOID:
                self.open.append(tag)
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.wanted in classes:
            self.start = self._offset()
            if tag in _VOID:
                self.spans.append(
                    (self.start, self._offset() + len(self.get_starttag_text() or ""))
                )
            else:
                self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.open and self.wanted in (dict(attrs).get("class") or "").split():
            start = self._offset()
            self.spans.append((start, start + len(self.get_starttag_text() or "")))

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            return
        if tag in self.open:  # close up to the matching tag (HTML may omit end tags)
            while self.open and self.open.pop() != tag:
                pass
        if not self.open:
            self.spans.append((self.start, self.source.index(">", self._offset()) + 1))


def drop(text: str, wanted: str) -> str:
    """The HTML without the elements that carry the class `wanted` (and their content)."""
    if wanted not in text:
        return text
    parser = _Spans(text, wanted)
    parser.feed(text)
    parser.close()
    for start, end in reversed(parser.spans):
        text = text[:start] + text[end:]
    return text


def for_print(text: str) -> str:
    return drop(text, WEB_ONLY)


def for_web(text: str) -> str:
    return drop(text, PRINT_ONLY)
