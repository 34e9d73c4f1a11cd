"""The print shop's A6 files as PDF/X-4: every colour in CMYK for one printing condition,
black text and rules in black ink alone, and the file says which condition it is made for.

WeasyPrint 70 has a `pdf/x-4` variant, but it only writes the identification (XMP) and an
output intent from a `@color-profile device-cmyk` rule: it converts no colour, so text
stays DeviceRGB; and its catalogue is lost anyway when pypdf imposes the faces
(cardkit/impose.py). So the imposed file is made X-4 here, with pypdf and Pillow's
LittleCMS:
- DeviceRGB colour operators (rg, RG) in every page, Form and pattern: greys to K alone,
  other colours through the profile (sRGB to the printing condition, relative colorimetric);
- transparency groups and shadings in DeviceRGB to DeviceCMYK;
- the output intent (the profile embedded), /Trapped, the XMP identification
  (pdfxid:GTS_PDFXVersion), a file identifier, PDF 1.6.

The profile: "ISO Coated v2 300% (basICColor)", FOGRA39 characterisation, from Debian's
scribus-data (zlib/libpng licence, basICColor GmbH); tools/system-packages installs it.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

PROFILE = Path("/usr/share/scribus/profiles/ISOcoated_v2_300_bas.icc")
CONDITION = "FOGRA39"  # the ICC registry's name of the printing condition
CONDITION_TEXT = "Offset, coated paper (ISO 12647-2:2004, paper type 1/2), FOGRA39"
PROFILE_NAME = "ISO Coated v2 300% (basICColor)"
VERSION = "PDF/X-4"
_RGB = re.compile(rb"(?<![\w.\-])(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (rg|RG)(?![\w])")


class ProfileMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def _profile_bytes() -> bytes:
    if not PROFILE.is_file():
        raise ProfileMissing(
            f"the print shop's colour profile {PROFILE} is missing; install the Debian "
            "package scribus-data (tools/system-packages site lists it)"
        )
    return PROFILE.read_bytes()


@lru_cache(maxsize=1)
def _profile_compressed() -> bytes:
    """The profile, deflated: 1 MB that every print-shop file embeds."""
    return zlib.compress(_profile_bytes(), 6)


@lru_cache(maxsize=1)
def _transform():
    from io import BytesIO

    from PIL import ImageCms

    return ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"),
        ImageCms.ImageCmsProfile(BytesIO(_profile_bytes())),
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
    )


@lru_cache(maxsize=4096)
def cmyk(red: float, green: float, blue: float) -> tuple[float, float, float, float]:
    """An sRGB colour (0-1) in the printing condition's CMYK (0-1). Greys, black and white
    are black ink alone, so small text and rules never need four plates in register."""
    if abs(red - green) < 0.004 and abs(green - blue) < 0.004:
        return (0.0, 0.0, 0.0, round(1 - (red + green + blue) / 3, 4))
    from PIL import Image, ImageCms

    pixel = Image.new("RGB", (1, 1), tuple(round(v * 255) for v in (red, green, blue)))
    converted: Any = ImageCms.applyTransform(pixel, _transform())
    c, m, y, k = converted.getpixel((0, 0))
    return (round(c / 255, 4), round(m / 255, 4), round(y / 255, 4), round(k / 255, 4))


def _convert_operators(data: bytes) -> bytes:
    def swap(match: re.Match) -> bytes:
        values = cmyk(*(min(max(float(v), 0.0), 1.0) for v in match.groups()[:3]))
        operator = b"k" if match.group(4) == b"rg" else b"K"
        return b" ".join(f"{v:g}".encode() for v in values) + b" " + operator

    return _RGB.sub(swap, data)


def _convert_function(function: Any) -> None:
    for key in ("/C0", "/C1"):
        if key in function and len(function[key]) == 3:
            function[NameObject(key)] = ArrayObject(
                FloatObject(v) for v in cmyk(*(float(c) for c in function[key]))
            )
    for part in function.get("/Functions", []):
        _convert_function(part.get_object())


def to_cmyk(writer: PdfWriter) -> None:
    """Every colour of every page of writer in CMYK (see the module's docstring)."""
    seen: set[int] = set()

    def visit(node) -> None:
        reference = getattr(node, "idnum", None)
        if reference is not None:
            if reference in seen:
                return
            seen.add(reference)
        obj = node.get_object()
        if isinstance(obj, StreamObject) and (
            obj.get("/Subtype") == "/Form" or obj.get("/PatternType") == 1
        ):
            obj.set_data(_convert_operators(obj.get_data()))
        if isinstance(obj, DictionaryObject):
            if obj.get("/CS") == "/DeviceRGB":
                obj[NameObject("/CS")] = NameObject("/DeviceCMYK")
            if "/ShadingType" in obj and obj.get("/ColorSpace") == "/DeviceRGB":
                obj[NameObject("/ColorSpace")] = NameObject("/DeviceCMYK")
                _convert_function(obj["/Function"].get_object())
            for key, value in obj.items():
                if key not in ("/Parent", "/Font", "/FontFile2", "/DestOutputProfile"):
                    visit(value)
        elif isinstance(obj, list):
            for value in obj:
                visit(value)

    for page in writer.pages:
        contents = page.get_contents()
        if contents is not None:
            stream: Any = _as_stream(_convert_operators(contents.get_data()))
            page.replace_contents(stream)
        visit(page["/Resources"])
        if "/Group" in page:
            visit(page["/Group"])


def _as_stream(data: bytes) -> StreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream.flate_encode()


def identify(
    writer: PdfWriter, *, title: str, lang: str, date: str, seed: bytes, ua: bool = False
) -> None:
    """Make writer a PDF/X-4 file: output intent, identification, dates, identifier.
    date: ISO 8601 (2026-12-01T00:00:00Z); seed: what the file is made from (its id);
    ua: the file is tagged and keeps saying it is PDF/UA-1 too."""
    profile = EncodedStreamObject()
    profile._data = _profile_compressed()  # compressed once per process, not per file
    profile[NameObject("/Filter")] = NameObject("/FlateDecode")
    profile[NameObject("/N")] = NumberObject(4)
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFX"),
            NameObject("/OutputConditionIdentifier"): TextStringObject(CONDITION),
            NameObject("/OutputCondition"): TextStringObject(CONDITION_TEXT),
            NameObject("/RegistryName"): TextStringObject("http://www.color.org"),
            NameObject("/Info"): TextStringObject(PROFILE_NAME),
            NameObject("/DestOutputProfile"): writer._add_object(profile),
        }
    )
    writer.root_object[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])
    pdf_date = "D:" + re.sub(r"[-:T]", "", date.removesuffix("Z")) + "Z"
    writer.add_metadata(
        {
            "/Title": title,
            "/Trapped": NameObject("/False"),
            "/GTS_PDFXVersion": VERSION,
            "/CreationDate": pdf_date,
            "/ModDate": pdf_date,
        }
    )
    digest = hashlib.md5(seed).digest()  # an identifier, not a secret
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    writer.xmp_metadata = _xmp(title, lang, date, digest.hex(), ua)
    writer.pdf_header = "%PDF-1.6"


def print_shop_copy(data: bytes, *, lang: str, date: str, seed: bytes) -> bytes:
    """A PDF that WeasyPrint laid out with its bleed (tagged, PDF/UA-1) as PDF/X-4 for a
    print shop: colours to CMYK, the output intent; structure, language and title kept."""
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data))
    title = str(reader.metadata.get("/Title", "")) if reader.metadata else ""
    writer = PdfWriter(clone_from=reader)
    to_cmyk(writer)
    identify(
        writer,
        title=title,
        lang=lang,
        date=date,
        seed=seed,
        ua="/StructTreeRoot" in writer.root_object,
    )
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _xmp(title: str, lang: str, date: str, uuid: str, ua: bool = False) -> bytes:
    from xml.sax.saxutils import escape

    uid = f"uuid:{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:32]}"
    # PDF/UA-1's identification beside PDF/X-4's: the two standards allow each other
    ua_ns = '\n    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"' if ua else ""
    ua_part = "\n   <pdfuaid:part>1</pdfuaid:part>" if ua else ""
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"{ua_ns}>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="{lang}">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>{uid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{uid}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>{VERSION}</pdfxid:GTS_PDFXVersion>{ua_part}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()
