"""Reading Markdown pages from disk: language, card id and front matter."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import CardError

# The same front-matter rule as MkDocs: a YAML block between '---' lines at the very top.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.S)
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Page:
    src_uri: str     # path below docs/, with '/' (tipps/kontakt.en.md)
    path: str        # as shown to editors (docs/tipps/kontakt.en.md)
    lang: str
    stem: str        # src_uri without language suffix and '.md' (tipps/kontakt)
    meta: dict

    @property
    def card_id(self) -> str:
        return posixpath.basename(self.stem)


def split_name(src_uri: str, languages: tuple[str, ...]) -> tuple[str, str]:
    """'tipps/kontakt.en.md' -> ('tipps/kontakt', 'en'); the first language has no suffix."""
    stem = src_uri[: -len(".md")]
    for lang in languages[1:]:
        if stem.endswith("." + lang):
            return stem[: -len(lang) - 1], lang
    return stem, languages[0]


def parse_front_matter(text: str, path: str) -> dict:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        meta = yaml.load(match.group(1) or "", Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        raise CardError(path, f"the front matter between the '---' lines cannot be read{where}: "
                              f"{reason}; check indentation, and put text containing ':' "
                              "in quotes") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise CardError(path, "the front matter must be 'name: value' lines, "
                              f"not {type(meta).__name__}")
    return meta


def read_page(file: Path, src_uri: str, path: str, languages: tuple[str, ...]) -> Page:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise CardError(path, f"is not saved as UTF-8 (byte {error.start} cannot be read); "
                              "save the file with UTF-8 encoding in your editor") from None
    stem, lang = split_name(src_uri, languages)
    return Page(src_uri=src_uri, path=path, lang=lang, stem=stem,
                meta=parse_front_matter(text, path))


def scan_pages(docs_dir: Path, shown_as: str,
               languages: tuple[str, ...]) -> tuple[list[Page], list[CardError]]:
    """Every Markdown page below docs_dir, and the errors of those that cannot be read."""
    pages, errors = [], []
    for file in sorted(docs_dir.rglob("*.md")):
        src_uri = file.relative_to(docs_dir).as_posix()
        try:
            pages.append(read_page(file, src_uri, f"{shown_as}/{src_uri}", languages))
        except CardError as error:
            errors.append(error)
    return pages, errors
