"""Situations ("Was tun, wenn …" / "What to do when …"): from what staff meet to the scenes
that answer it. Plain Python, no MkDocs.

- The situations, with their names per language, are one editor-maintained list:
  docs/situationen.yml (SITUATIONS_FILE), read and checked by `load_situations`.
- A scene is tagged where it is written, with an attribute on its heading:
  `### Am Telefon { data-situations="wuetend-telefon warten" }` (attr_list). `find_scenes`
  reads every page's Markdown; an unknown tag is an editor error naming the file and line
  and listing the known tags.
- `situation_index` groups the scenes of one language under their situations, in the
  list's order; the handbook plugin renders it onto the page with `situations_sheet: true`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify, unique

from .docsfiles import SITUATIONS_FILE
from .languages import Languages
from .model import SLUG, CardError
from .source import BoundedLoader, Page
from .text import describe, hidden_character

ATTRIBUTE = "data-situations"
MAX_NAME = 100  # characters of a situation's name
# An ATX heading, with an attr_list block at its end: "### Title { … }".
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^}]*)\}$")
TAGS = re.compile(ATTRIBUTE + r"""=(?:"([^"]*)"|'([^']*)'|(\S+))""")
CUSTOM_ID = re.compile(r"(?:^|\s)#([\w-]+)")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
SENTENCE_END = re.compile(r"(?<=[.!?“”])\s")
MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class Situation:
    id: str
    names: dict[str, str]  # per language


@dataclass(frozen=True)
class Scene:
    src_uri: str  # the page's source file below docs/
    lang: str
    page_title: str
    heading: str  # the scene's heading, as the reader sees it
    anchor: str  # the heading's id on its page
    teaser: str  # the scene's first sentence
    tags: tuple[str, ...]


def load_situations(
    docs_dir: Path, shown_as: str, languages: Languages, translated: Iterable[str] = ()
) -> list[Situation]:
    """The editors' list of situations; raise CardError (naming the file) for a mistake.

    A name is needed in the default language and in each language of `translated` (those
    whose situations page is translated); a language whose situations page still shows the
    default's (one added by configuration) shows the default's names, as that page does."""
    needed = {languages.default, *translated}
    path = f"{shown_as}/{SITUATIONS_FILE}"
    file = docs_dir / SITUATIONS_FILE
    if not file.is_file():
        return []
    try:
        entries = yaml.load(file.read_text(encoding="utf-8-sig"), Loader=BoundedLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise CardError(path, f"cannot be read{where}; check the indentation and quotes") from None
    if not isinstance(entries, list):
        raise CardError(path, f"is {describe(entries)}; it must be a list of '- id: …' entries")
    situations, seen = [], set()
    for number, entry in enumerate(entries, 1):
        where = f"entry {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise CardError(
                path, f"{where} needs 'id:' and a name per language ({', '.join(languages)})"
            )
        ident = entry["id"]
        if not SLUG.match(ident) or ident in seen:
            raise CardError(
                path,
                f"{where}: id '{ident[:40]}' must be unique and lowercase letters a-z, digits "
                "and hyphens, such as 'beschwerde-email'",
            )
        seen.add(ident)
        unknown = sorted(str(key) for key in entry if key != "id" and key not in languages)
        if unknown:
            raise CardError(
                path,
                f"{where} ({ident}): '{unknown[0][:20]}' is not a language; "
                f"use {', '.join(languages)}",
            )
        for lang in languages:
            name = entry.get(lang)
            if name is None and lang not in needed:
                continue
            if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
                raise CardError(
                    path, f"{where} ({ident}): '{lang}:' needs a name of 1 to {MAX_NAME} characters"
                )
            if hidden_character(name) or any(char in name for char in '<>"'):
                raise CardError(path, f"{where} ({ident}): '{lang}:' must be plain text")
        default = entry[languages.default].strip()
        names = {lang: (entry.get(lang) or default).strip() for lang in languages}
        situations.append(Situation(ident, names))
    return situations


def _plain(text: str) -> str:
    """Heading or sentence text without Markdown emphasis and link syntax."""
    return " ".join(MARKUP.sub(lambda match: match.group(1) or "", text).split())


def _first_sentence(lines: list[str]) -> str:
    paragraph = []
    for line in lines:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            break
    text = _plain(" ".join(paragraph))
    return SENTENCE_END.split(text, maxsplit=1)[0]


def find_scenes(page: Page, text: str, known: Iterable[str]) -> tuple[list[Scene], list[CardError]]:
    """A page's tagged headings, each with the id the Markdown toc extension gives it, and
    an error per unknown tag (file and line named, the known tags listed)."""
    known = list(known)
    lines = text.splitlines()
    scenes, errors = [], []
    ids: set[str] = set()
    fenced = False
    for number, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if not match:
            continue
        title, attributes = match.group(2), ""
        if block := ATTR_LIST.search(title):
            title, attributes = title[: block.start()].rstrip(), block.group(1)
        custom = CUSTOM_ID.search(attributes)
        anchor = custom.group(1) if custom else unique(slugify(_plain(title), "-"), ids)
        ids.add(anchor)
        tagged = TAGS.search(attributes)
        if not tagged:
            continue
        tags = tuple(next(value for value in tagged.groups() if value is not None).split())
        wrong = [tag for tag in tags if tag not in known]
        if wrong or not tags:
            errors.append(
                CardError(
                    f"{page.path}:{number + 1}",
                    f"the scene '{_plain(title)[:60]}' has the unknown situation "
                    f"'{(wrong or [''])[0][:40]}'; known situations (docs/{SITUATIONS_FILE}): "
                    f"{', '.join(known) or 'none'}",
                )
            )
            continue
        teaser = _first_sentence(lines[number + 1 :])
        page_title = str(page.meta.get("title") or page.stem)
        scenes.append(
            Scene(page.src_uri, page.lang, page_title, _plain(title), anchor, teaser, tags)
        )
    return scenes, errors


def scan_scenes(
    docs_dir: Path, pages: list[Page], situations: list[Situation]
) -> tuple[list[Scene], list[CardError]]:
    """Every tagged scene of every page, and every unknown tag."""
    known = [situation.id for situation in situations]
    scenes, errors = [], []
    for page in pages:
        text = (docs_dir / page.src_uri).read_text(encoding="utf-8-sig")
        if ATTRIBUTE not in text:
            continue
        found, wrong = find_scenes(page, text, known)
        scenes += found
        errors += wrong
    return scenes, errors


def with_fallback_scenes(
    scenes: list[Scene], existing: Iterable[str], languages: Languages
) -> list[Scene]:
    """The scenes, and for each page with no file in a language (the default's page stands
    in there, mkdocs-static-i18n's fallback_to_default) its default-language scenes as that
    language's, under the file name it would have: that language's situations page lists
    them, linked to the page as that language shows it."""
    have = set(existing)
    found = list(scenes)
    for scene in scenes:
        if scene.lang != languages.default:
            continue
        stem = languages.split(scene.src_uri)[0]
        for lang in languages.others:
            missing = languages.source_name(stem, lang)
            if missing not in have:
                found.append(replace(scene, src_uri=missing, lang=lang))
    return found


@dataclass(frozen=True)
class SituationIndex:
    situations: list[Situation]
    scenes: list[Scene]  # every language, in page order

    def of(self, lang: str, page_order: list[str]) -> list[tuple[Situation, list[Scene]]]:
        """One language's situations with their scenes (ordered as the pages are listed in
        page_order, src_uris), leaving out those no scene is tagged with yet."""
        rank = {src_uri: n for n, src_uri in enumerate(page_order)}
        mine = sorted(
            (scene for scene in self.scenes if scene.lang == lang),
            key=lambda scene: rank.get(scene.src_uri, len(rank)),
        )
        grouped = [
            (situation, [scene for scene in mine if situation.id in scene.tags])
            for situation in self.situations
        ]
        return [(situation, scenes) for situation, scenes in grouped if scenes]
