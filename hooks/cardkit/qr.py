"""QR codes as inline SVG (vector in the browser and in the PDF)."""
from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import quote, urljoin

import segno


def page_address(site_url: str, page_url: str) -> str:
    """The absolute address of a page; the path is percent-encoded, so nothing can escape."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/",
                   quote(page_url, safe="/-._~"))


# A QR code takes about 5 ms (choosing the best mask is most of it). The function is pure,
# so remembering its results is safe; `mkdocs serve` then remakes only changed addresses.
@lru_cache(maxsize=4096)
def qr_svg(address: str, *, label: str) -> str:
    """An SVG QR code with a quiet zone of 4 modules, sized by CSS (no fixed width)."""
    code = segno.make(address, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", border=4, xmldecl=False, svgns=True, svgid=None,
              title=label, svgclass="hb-qr", lineclass=None, omitsize=True, dark="#000")
    return out.getvalue().decode("utf-8")


def engine_version() -> str:
    return f"segno {segno.__version__}"
