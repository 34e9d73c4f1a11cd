"""A structure tree for the office PDFs, which pypdf imposes (cardkit/impose.py), so that
WeasyPrint's own tagging (pdf/ua-1) cannot reach them: each card face placed on a page is a
Figure whose alternative text is the card's text (its QR code named with its address), each
link a Link, the rest of a page (instructions, labels, cut marks) one paragraph or an
artifact. With the document's /Lang, title shown as the window title and /MarkInfo.

Usage: Tags(writer); for each page: begin_page(page); wrap(...) around content drawn;
link(annotation); end_page(); finally finish().
"""

from __future__ import annotations

from typing import Any

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


def _name(value: str) -> NameObject:
    return NameObject(value)


class Tags:
    def __init__(self, writer: PdfWriter):
        self.writer = writer
        self.root = DictionaryObject({_name("/Type"): _name("/StructTreeRoot")})
        self.root_ref = writer._add_object(self.root)
        self.document = DictionaryObject(
            {
                _name("/Type"): _name("/StructElem"),
                _name("/S"): _name("/Document"),
                _name("/P"): self.root_ref,
                _name("/K"): ArrayObject(),
            }
        )
        self.document_ref = writer._add_object(self.document)
        self.parents: list[ArrayObject | object] = []  # the parent tree, by StructParents key
        self.page: Any = None
        self.marked: ArrayObject | None = None

    def begin_page(self, page) -> None:
        self.page = page
        self.marked = ArrayObject()
        page[_name("/StructParents")] = NumberObject(len(self.parents))
        page[_name("/Tabs")] = _name("/S")
        self.parents.append(self.marked)

    def _element(self, kind: str, kids, alt: str | None = None) -> object:
        element = DictionaryObject(
            {
                _name("/Type"): _name("/StructElem"),
                _name("/S"): _name(kind),
                _name("/P"): self.document_ref,
                _name("/Pg"): self.page.indirect_reference,
                _name("/K"): kids,
            }
        )
        if alt:
            element[_name("/Alt")] = TextStringObject(alt)
        reference = self.writer._add_object(element)
        document_kids: Any = self.document["/K"]
        document_kids.append(reference)
        return reference

    def wrap(self, kind: str, content: bytes, alt: str | None = None) -> bytes:
        """content as marked content of a new element of kind (Figure, P)."""
        assert self.marked is not None
        mcid = len(self.marked)
        self.marked.append(self._element(f"/{kind}", NumberObject(mcid), alt))
        return f"/{kind} <</MCID {mcid}>> BDC\n".encode() + content + b"\nEMC\n"

    @staticmethod
    def artifact(content: bytes) -> bytes:
        return b"/Artifact BMC\n" + content + b"\nEMC\n"

    def link(self, annotation_ref, text: str) -> None:
        """A Link element for a link annotation of the current page."""
        annotation = annotation_ref.get_object()
        annotation[_name("/StructParent")] = NumberObject(len(self.parents))
        annotation[_name("/Contents")] = TextStringObject(text)
        reference = self._element(
            "/Link",
            DictionaryObject(
                {
                    _name("/Type"): _name("/OBJR"),
                    _name("/Obj"): annotation_ref,
                    _name("/Pg"): self.page.indirect_reference,
                }
            ),
            alt=text,
        )
        self.parents.append(reference)

    def finish(self) -> None:
        nums = ArrayObject()
        for key, value in enumerate(self.parents):
            nums += [NumberObject(key), value]
        self.root.update(
            {
                _name("/K"): ArrayObject([self.document_ref]),
                _name("/ParentTree"): self.writer._add_object(
                    DictionaryObject({_name("/Nums"): nums})
                ),
                _name("/ParentTreeNextKey"): NumberObject(len(self.parents)),
            }
        )
        catalog = self.writer.root_object
        catalog[_name("/StructTreeRoot")] = self.root_ref
        catalog[_name("/MarkInfo")] = DictionaryObject({_name("/Marked"): BooleanObject(True)})
        catalog[_name("/ViewerPreferences")] = DictionaryObject(
            {_name("/DisplayDocTitle"): BooleanObject(True)}
        )
