"""What a page's own HTML may contain: the content policy for pages from pull requests.

Markdown lets editors write raw HTML, and that stays possible where it is harmless (a
<details>, a <span class>, a table, a drawing in SVG). The policy is an allow-list: every
element, attribute and address must be one named here, and anything else is refused with
the reason, so that the build names the file. The HTML is read by tinyhtml5, a parser of
the WHATWG HTML standard (the one WeasyPrint uses), exactly as a browser reads it: comments
that end early (<!-->), CDATA outside SVG, entities and upper case in attribute names give
the same elements here as in the reader's browser.

The same rules check every text of mkdocs.yml and the front matter that the theme prints
(titles, descriptions, the brand): cardkit.pagemeta and cardkit.text.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import tinyhtml5


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SVG = "{http://www.w3.org/2000/svg}"
MATHML = "{http://www.w3.org/1998/Math/MathML}"
# HTML elements a page may hold: text, lists, tables, figures, disclosure, and the wrappers
# the parser adds around a fragment.
TAGS = _words(
    "a abbr article aside b bdi bdo blockquote br button caption cite code col colgroup "
    "data dd del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr i img ins kbd li mark nav ol p pre q rp rt ruby s samp section small span "
    "strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr html head "
    "body"
)
# SVG: shapes and text to draw, nothing that links, animates, embeds or loads.
SVG_TAGS = _words(
    "svg g path rect circle ellipse line polyline polygon text tspan title desc defs "
    "lineargradient radialgradient stop clippath"
)
ATTRIBUTES = _words(
    "class id title lang dir role hidden translate tabindex alt width height colspan "
    "rowspan span headers scope abbr datetime open start reversed type value cite "
    "download loading decoding"
)
SVG_ATTRIBUTES = _words(
    "viewbox xmlns d fill stroke stroke-width stroke-linecap stroke-linejoin "
    "stroke-dasharray stroke-opacity fill-rule fill-opacity clip-rule clip-path opacity x "
    "y x1 y1 x2 y2 cx cy r rx ry points transform offset stop-color stop-opacity "
    "gradientunits gradienttransform text-anchor font-size font-weight dx dy "
    "preserveaspectratio focusable"
)
# data-* attributes the site's own scripts read, a scene's situations (data-situations,
# checked against docs/situationen.yml by situations.py), and Pagefind's one that only
# hides text from search; others (data-pagefind-meta, -weight, -filter) would change the index.
DATA = re.compile(
    r"data-(hb-[a-z-]+|set|situations|locale|position|summary(-none)?|pagefind-ignore|changed|cleared|confirm|count|none)"
)
# Addresses: a link may lead anywhere on the web or mail; what the browser loads by itself
# comes from the site, by a relative address.
LINK_SCHEMES = ("", "http", "https", "mailto", "tel")
URL_ATTRIBUTES = {"href": "link", "cite": "link", "src": "load", "srcset": "load"}
# Markup refused in words an editor understands; anything else not allowed is "not one of
# the elements the handbook allows".
REASONS = {
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
    "portal": "embeds another page",
    "link": "loads a file into the page",
    "style": "restyles the whole site",
    "form": "sends what readers type",
    "input": "belongs to forms",
    "textarea": "belongs to forms",
    "select": "belongs to forms",
    "use": "draws another file's content",
    "image": "loads an image into the drawing",
    "feimage": "loads an image into the drawing",
    "foreignobject": "embeds HTML into the drawing",
    "animate": "changes the drawing and its links",
    "set": "changes the drawing and its links",
    "animatemotion": "changes the drawing",
    "animatetransform": "changes the drawing",
    "video": "plays media",
    "audio": "plays media",
}
ATTRIBUTE_REASONS = {
    "style": "is blocked by the site's security policy; use Markdown",
    "srcdoc": "embeds a page",
    "ping": "reports clicks to an address",
    "formaction": "sends a form elsewhere",
    "href": "links inside a drawing",
    "xlink:href": "links inside a drawing",
}
REL = {"noopener", "noreferrer", "nofollow", "external", "edit"}  # a link's harmless rel
SCRIPT_SCHEMES = ("javascript", "vbscript", "livescript")
WHITESPACE = re.compile(r"[\x00-\x20\x7f]+")


def _name(tag: str) -> str:
    return tag.removeprefix(SVG).removeprefix(MATHML).lower()


def _attribute(name: str) -> str:
    if name.startswith("{"):  # xlink:href, xml:lang: the parser gives the namespace
        prefix = {"http://www.w3.org/1999/xlink": "xlink", "http://www.w3.org/2000/xmlns/": ""}
        space, local = name[1:].split("}", 1)
        return f"{prefix.get(space, 'xml')}:{local}".lstrip(":").lower()
    return name.lower()


def _url_problem(tag: str, name: str, value: str) -> str | None:
    """What is wrong with an address, as the browser reads it (spaces and control
    characters inside dropped, backslashes read as slashes); None where it is fine."""
    url = WHITESPACE.sub("", value)
    if "\\" in url:
        return f'<{tag} {name}="{value[:40]}"> has a backslash; write addresses with /'
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if URL_ATTRIBUTES[name] == "link":
        if scheme in SCRIPT_SCHEMES:
            return f'<{tag} {name}="{value[:30]}…"> runs code'
        if scheme not in LINK_SCHEMES:
            return (
                f'<{tag} {name}="{value[:30]}…"> is a {scheme}: address, which can show '
                "any content or file; link to a web page (https://…) or a page here"
            )
        return None
    if scheme or parts.netloc:
        return (
            f'<{tag} {name}="{value[:60]}"> loads from another host or a {scheme or "web"}: '
            "address; put the file into docs/ and give its relative address"
        )
    return None


def _element_problems(element: ElementTree.Element) -> list[str]:
    tag = _name(element.tag)
    in_svg = element.tag.startswith(SVG)
    if tag not in (SVG_TAGS if in_svg else TAGS):
        reason = REASONS.get(tag, "is not one of the elements the handbook allows")
        return [f"<{tag}> {reason}"]
    problems = []
    for raw, value in element.attrib.items():
        name = _attribute(raw)
        if name.startswith("on"):
            problems.append(f"<{tag} {name}=…> runs code")
        elif name in URL_ATTRIBUTES and not in_svg:
            for url in value.split(",") if name == "srcset" else [value]:
                problem = _url_problem(tag, name, url.strip().split(" ")[0])
                if problem:
                    problems.append(problem)
        elif (
            in_svg
            and "url(" in WHITESPACE.sub("", value).lower()
            and not re.fullmatch(r"url\(#[\w-]+\)", value.strip())
        ):
            problems.append(f"<{tag} {name}=…> loads a file (url())")
        elif name == "rel" and tag == "a":
            if set(value.lower().split()) - {
                "noopener",
                "noreferrer",
                "nofollow",
                "external",
                "edit",
            }:
                problems.append(f'<a rel="{value[:30]}"> is not allowed; leave rel out')
        elif not (
            name in (SVG_ATTRIBUTES | ATTRIBUTES if in_svg else ATTRIBUTES)
            or name.startswith("aria-")
            or DATA.fullmatch(name)
        ):
            reason = ATTRIBUTE_REASONS.get(name, "is not one of the attributes the handbook allows")
            problems.append(f"<{tag} {name}=…> {reason}")
    return problems


def html_problems(html: str) -> list[str]:
    """Every way a page's HTML breaks the policy, each with the reason, in order."""
    # Read as the body's content, where the page's HTML goes (a comment first in a whole
    # document would otherwise sit outside the tree).
    tree = tinyhtml5.parse("<!DOCTYPE html><body>" + html, namespace_html_elements=False)
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str):  # a comment: shipped in the page's source
            problems.append(
                "<!-- … --> a comment is published in the page's source; delete it "
                "(notes for editors belong in the pull request)"
            )
        else:
            problems += _element_problems(element)
    return list(dict.fromkeys(problems))
