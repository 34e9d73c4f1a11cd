"""What a page's own HTML may contain: the content policy for pages from pull requests.

Markdown lets editors write raw HTML, and that stays possible where it is harmless
(a <details>, a <span class>, a table). What could run code, send the reader elsewhere
on its own, or make the browser fetch from another host is refused, with the reason:
the intranet may have no internet, and a pull request must not be a way in.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

FORBIDDEN_TAGS = {
    "script": "runs code",
    "noscript": "belongs to scripts",
    "base": "redirects every link",
    "meta": "can reload or redirect the page",
    "iframe": "embeds another page",
    "frame": "embeds another page",
    "frameset": "embeds other pages",
    "object": "embeds a plug-in",
    "embed": "embeds a plug-in",
    "applet": "embeds a plug-in",
    "link": "loads a file into the page",
    "style": "restyles the whole site",
    "form": "sends what readers type",
    "portal": "embeds another page",
}
FORBIDDEN_ATTRIBUTES = {
    "srcdoc": "embeds a page",
    "ping": "reports clicks to an address",
    "formaction": "sends a form elsewhere",
}
# Attributes whose address the browser fetches by itself (a link's href is only followed
# when a reader clicks it, so an <a href> to another host is fine).
FETCHED = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "longdesc"}
FETCHED_HREF_TAGS = {"image", "use", "feimage", "img", "source", "track"}
URL_ATTRIBUTES = FETCHED | {"href", "xlink:href", "action", "cite", "manifest"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:")
CSS_FETCH = re.compile(r"url\s*\(|@import|expression\s*\(|image-set\s*\(", re.I)


def _scheme_free(url: str) -> str:
    """The URL as a browser reads it: without spaces and control characters inside."""
    return re.sub(r"[\x00-\x20\x7f]+", "", url).lower()


def _other_host(url: str) -> bool:
    parts = urlsplit(_scheme_free(url))
    return bool(parts.netloc) or parts.scheme not in ("", "data")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> {FORBIDDEN_TAGS[tag]}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> runs code")
            elif name in FORBIDDEN_ATTRIBUTES:
                self.problems.append(f"<{tag} {name}=…> {FORBIDDEN_ATTRIBUTES[name]}")
            elif name == "style" and CSS_FETCH.search(value):
                self.problems.append(
                    f"<{tag} style=…> with url(), @import or expression() can load files"
                )
            elif name in URL_ATTRIBUTES:
                self._check_url(tag, name, value)

    handle_startendtag = handle_starttag

    def _check_url(self, tag: str, name: str, value: str) -> None:
        urls = (
            [part.strip().split(" ")[0] for part in value.split(",")]
            if name == "srcset"
            else [value]
        )
        for url in urls:
            if _scheme_free(url).startswith(SCRIPT_SCHEMES):
                self.problems.append(f'<{tag} {name}="{url[:30]}…"> runs code')
            elif (
                name in FETCHED or (name.endswith("href") and tag in FETCHED_HREF_TAGS)
            ) and _other_host(url):
                self.problems.append(
                    f'<{tag} {name}="{url[:60]}"> loads from another '
                    "host; put the file into docs/ and link it there"
                )


def html_problems(html: str) -> list[str]:
    """Every way a page's HTML breaks the policy, each with the reason, in order."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return list(dict.fromkeys(checker.problems))
