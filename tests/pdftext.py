"""The text of a PDF's pages as a viewer finds it, read with PDFium (pypdfium2).

The tests read the text of every page of every PDF the build makes. pypdf's extract_text
took 10.2 CPU seconds for the built handbook's PDFs, PDFium 0.6 (the same text once
spaces and hyphens are squashed; blocks on a page may come in another order). pypdf still
reads what PDFium does not expose as simply: structure tree, metadata, outlines, boxes.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2

# PDFium marks a hyphen that breaks a word at the end of a line with U+0002; it is printed
# as a hyphen. Its lines end in CR LF.
_AS_PRINTED = str.maketrans({"\x02": "-", "\r": None})


def page_texts(pdf: Path | bytes, numbers: range | None = None) -> list[str]:
    """The text of each page of the PDF (a file, or its bytes), or of the pages numbered
    (0 is the first)."""
    document = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        return [
            document[number].get_textpage().get_text_bounded().translate(_AS_PRINTED)
            for number in (numbers if numbers is not None else range(len(document)))
        ]
    finally:
        document.close()
