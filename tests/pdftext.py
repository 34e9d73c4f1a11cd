"""The text of a PDF's pages as a viewer finds it, and how high it stands, read with PDFium
(pypdfium2).

The tests read the text of every page of every PDF the build makes. pypdf's extract_text
took 10.2 CPU seconds for the built handbook's PDFs, PDFium 0.6 (the same text once
spaces and hyphens are squashed; blocks on a page may come in another order). pypdf still
reads what PDFium does not expose as simply: structure tree, metadata, outlines, boxes.
The heights of the book's lines: pypdf 1.50 CPU s for the German book, PDFium 0.16, the
same lowest line on each of its 52 pages.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium  # type: ignore[import-untyped]  # PDFium's C functions

# PDFium reports a hyphen at the end of a line as U+0002 and joins that line to the next:
# printed, they are a hyphen and a line break (the same lines as pypdf gives, on every page
# of the books). Its lines end in CR LF.
_AS_PRINTED = str.maketrans({"\x02": "-\n", "\r": None})


@contextmanager
def _opened(pdf: Path | bytes) -> Iterator[pypdfium2.PdfDocument]:
    document = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        yield document
    finally:
        document.close()


def page_texts(pdf: Path | bytes, numbers: range | None = None) -> list[str]:
    """The text of each page of the PDF (a file, or its bytes), or of the pages numbered
    (0 is the first)."""
    with _opened(pdf) as document:
        return [
            document[number].get_textpage().get_text_bounded().translate(_AS_PRINTED)
            for number in (numbers if numbers is not None else range(len(document)))
        ]


def baselines(pdf: Path) -> list[list[float]]:
    """For each page, how high above its foot each printed character sits, in points: the
    height of its baseline (its origin)."""
    x, y = ctypes.c_double(), ctypes.c_double()
    pages = []
    with _opened(pdf) as document:
        for page in document:
            textpage = page.get_textpage()  # kept: its handle lives as long as it
            heights = []
            for index in range(pdfium.FPDFText_CountChars(textpage.raw)):
                if not chr(pdfium.FPDFText_GetUnicode(textpage.raw, index)).isspace():
                    pdfium.FPDFText_GetCharOrigin(
                        textpage.raw, index, ctypes.byref(x), ctypes.byref(y)
                    )
                    heights.append(y.value)
            pages.append(heights)
    return pages
