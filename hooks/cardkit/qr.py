"""QR codes as inline SVG (vector in the browser and in the PDF)."""

from __future__ import annotations

import io
from urllib.parse import quote, urljoin
from xml.etree import ElementTree

import segno


def page_address(site_url: str, page_url: str) -> str:
    """The absolute address of a page; the path is percent-encoded, so nothing can escape."""
    return urljoin(
        site_url if site_url.endswith("/") else site_url + "/", quote(page_url, safe="/-._~")
    )


def qr_svg(address: str, *, label: str) -> str:
    """An SVG QR code with a quiet zone of 4 modules, sized by CSS (no fixed width).
    It takes about 5 ms, most of it choosing the best mask: callers keep the result."""
    code = segno.make(address, error="m", micro=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        border=4,
        xmldecl=False,
        svgns=True,
        svgid=None,
        title=label,
        svgclass="hb-qr",
        lineclass=None,
        omitsize=True,
        dark="#000",
    )
    return out.getvalue().decode("utf-8")


def engine_version() -> str:
    return f"segno {segno.__version__}"


SVG_NS = "{http://www.w3.org/2000/svg}"
SVG_PARTS = {f"{SVG_NS}svg", f"{SVG_NS}title", f"{SVG_NS}path"}
SVG_ATTRIBUTES = {"class", "viewBox", "transform", "stroke", "d", "fill"}


def is_qr_svg(text: str) -> bool:
    """Whether text is an SVG the way qr_svg makes it, and nothing more: only the svg,
    title and path elements and their drawing attributes (no script, link or handler), and
    no comment or processing instruction (a browser reads '<!-->' in HTML as a comment
    that ends at once, and what follows as markup)."""
    if "<!" in text or "<?" in text:
        return False
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return False
    return root.tag == f"{SVG_NS}svg" and all(
        element.tag in SVG_PARTS and set(element.attrib) <= SVG_ATTRIBUTES
        for element in root.iter()
    )
