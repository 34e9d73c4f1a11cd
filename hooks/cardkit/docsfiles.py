"""What docs/ may hold: an allow-list, because docs/ is what a pull request changes.

MkDocs publishes every file below docs/ as it is, and a file there wins over the theme's
file of the same path. So docs/ holds pages (.md) and raster images only: an .html, .js,
.css, .svg or .xml file would run script on the intranet's own address, where the server's
policy (script from the site itself) lets it run. And no path may take a name the site
uses itself: the theme's assets, the search index, the PDFs, the other languages' folders.
"""

from __future__ import annotations

import posixpath

from .languages import Languages

PAGE = ".md"
IMAGES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
# The editors' lists the build reads, at the top of docs/ (never published: mkdocs.yml's
# exclude_docs names them): the situations (situations.py) and the synonyms (searchterms.py).
SITUATIONS_FILE = "situationen.yml"
SYNONYMS_FILE = "synonyme.yml"
DATA = (SITUATIONS_FILE, SYNONYMS_FILE)
# Top-level names the build writes itself (or the theme ships): a page or folder there would
# replace, or be deleted with, the build's own output.
RESERVED = {
    "assets": "the theme's scripts, styles and images",
    "javascripts": "the theme's scripts",
    "stylesheets": "the theme's styles",
    "search": "the search index",
    "pagefind": "the search index",
    "pdf": "the card and handbook PDFs",
    "404": "the 'page not found' page",
    "sitemap": "the site map",
    "hb-deck": "the cards' data for the home page",
}


# How each image type begins: a file named .png that is an SVG (or HTML) inside would be
# drawn as an SVG by WeasyPrint, which tries SVG when Pillow fails (bad-input-3, R05).
SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and WEBP at byte 8
}
HEAD = 12  # bytes enough to tell them apart


def not_an_image(src_uri: str, head: bytes) -> str | None:
    """Why an image file of docs/ (its first HEAD bytes) is not what its name says; None
    where it is, or where the file is no image."""
    suffix = _suffix(src_uri)
    if suffix not in SIGNATURES:
        return None
    if head.startswith(SIGNATURES[suffix]) and (suffix != ".webp" or head[8:12] == b"WEBP"):
        return None
    return (
        f"is named {suffix} but holds no {suffix[1:].upper()} image; export the image "
        f"again as {suffix} from an image program (renaming a file does not convert it)"
    )


def _suffix(name: str) -> str:
    return posixpath.splitext(name)[1].lower()


def refused(src_uri: str, languages: Languages) -> str | None:
    """Why docs/<src_uri> (a file) must not be published, in words an editor can act on;
    None where it may."""
    suffix = _suffix(src_uri)
    if suffix == ".svg":
        return (
            "is an SVG image, which can carry script; save it as .png or .webp "
            "(the brand logo is set in mkdocs.yml and kept in overrides/)"
        )
    if src_uri.endswith(PAGE) or suffix in IMAGES:
        return _reserved(src_uri, languages)
    if src_uri in DATA:
        return None
    kind = f"a {suffix} file" if suffix else "a file without an ending"
    return (
        f"is {kind}; docs/ holds only pages ({PAGE}) and images "
        f"({', '.join(IMAGES)}), so remove it (scripts, styles and other files are "
        "the developers' part, in overrides/)"
    )


def _reserved(src_uri: str, languages: Languages) -> str | None:
    stem = languages.split(src_uri)[0] if src_uri.endswith(PAGE) else src_uri
    first = stem.split("/", 1)[0]
    if first in languages.others:
        name = languages.english_name(first)
        return (
            f"'{first}' is the folder of the {name} pages, so this would replace them; "
            "rename it (a translation is named like page.en.md, beside its original)"
        )
    for name, holds in RESERVED.items():
        if first == name or first.startswith(name + "."):
            return (
                f"'{name}' is where the site keeps {holds}, so this would replace or "
                "lose it; rename it, or move it to another folder, such as bilder/"
            )
    return None
