"""Reading Markdown pages from disk: language, card id and front matter."""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from .languages import Languages
from .model import SLUG, CardError

# A YAML block between '---' lines at the very top, as MkDocs reads it. This parse is the
# one that checks it: MkDocs' own drops YAML errors silently.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.S)
# Bounds for a pull request's YAML: a front matter is a few lines of text, never a program.
MAX_FRONT_MATTER = 20_000  # characters
MAX_DEPTH = 6  # nesting of lists and fields (card.checklist is 3)
MAX_DIGITS = 9  # a whole number: card.order, never a 5000-digit value
PLAIN_INT = re.compile(r"[-+]?[0-9]+")


class BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases (one line can otherwise expand to gigabytes),
    without duplicate keys (the last would silently win), with bounded nesting and with
    whole numbers only in plain decimal form (no 0x1, no 1:00 read as 60)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None,
                None,
                "aliases (*name) are not allowed; write the value out",
                self.peek_event().start_mark,
            )
        self.depth = getattr(self, "depth", 0) + 1
        if self.depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None,
                None,
                f"the fields nest deeper than {MAX_DEPTH} levels",
                self.peek_event().start_mark,
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, bool)):
                continue  # a list or mapping as a key: the checks name it
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{str(key)[:40]}' appears twice; keep one", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node):
        text = self.construct_scalar(node).replace("_", "")
        if not PLAIN_INT.fullmatch(text) or len(text.lstrip("+-")) > MAX_DIGITS:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"'{text[:20]}' is not a whole number of at most {MAX_DIGITS} "
                "digits; write it in quotes if it is text",
                node.start_mark,
            )
        return int(text)


BoundedLoader.add_constructor("tag:yaml.org,2002:int", BoundedLoader.construct_yaml_int)


@dataclass(frozen=True)
class Page:
    src_uri: str  # path below docs/, with '/' (tipps/kontakt.en.md)
    path: str  # as shown to editors (docs/tipps/kontakt.en.md)
    lang: str
    stem: str  # src_uri without language suffix and '.md' (tipps/kontakt)
    meta: dict

    @property
    def card_id(self) -> str:
        return posixpath.basename(self.stem)


def parse_front_matter(text: str, path: str) -> dict:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    block = match.group(1) or ""
    if len(block) > MAX_FRONT_MATTER:
        raise CardError(
            path,
            f"the front matter has {len(block)} characters; at most "
            f"{MAX_FRONT_MATTER}, so move long text into the page body",
        )
    try:
        meta = yaml.load(block, Loader=BoundedLoader)  # a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        reason = " ".join(str(getattr(error, "problem", None) or "it is not valid YAML").split())
        if isinstance(error, (yaml.scanner.ScannerError, yaml.parser.ParserError)):
            reason += "; check indentation, and put text containing ':' in quotes"
        raise CardError(
            path, f"the front matter between the '---' lines cannot be read{where}: {reason[:200]}"
        ) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise CardError(
            path, f"the front matter must be 'name: value' lines, not {type(meta).__name__}"
        )
    return meta


def read_page(file: Path, src_uri: str, path: str, languages: Languages) -> Page:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise CardError(
            path,
            f"is not saved as UTF-8 (byte {error.start} cannot be read); "
            "save the file with UTF-8 encoding in your editor",
        ) from None
    except OSError as error:
        raise CardError(path, f"cannot be read ({error.strerror}); check the file") from None
    stem, lang = languages.split(src_uri)
    return Page(
        src_uri=src_uri, path=path, lang=lang, stem=stem, meta=parse_front_matter(text, path)
    )


def scan_pages(
    docs_dir: Path, shown_as: str, languages: Languages
) -> tuple[list[Page], list[CardError]]:
    """Every Markdown page below docs_dir, and the errors of what cannot be published:
    unreadable pages, and any symbolic link or special file (a link could publish any
    file the build machine can read; a named pipe would hang the build)."""
    pages, errors = [], []
    for folder, dirs, files in os.walk(docs_dir, followlinks=False):
        dirs.sort()
        for name in [*dirs, *sorted(files)]:
            file = Path(folder) / name
            src_uri = file.relative_to(docs_dir).as_posix()
            path = f"{shown_as}/{src_uri}"
            if file.is_symlink():
                errors.append(
                    CardError(
                        path,
                        "is a symbolic link; the handbook publishes only "
                        "files inside docs/, so put the file itself here",
                    )
                )
            elif name in dirs:
                if name.endswith(".md"):
                    errors.append(
                        CardError(
                            path,
                            "is a folder with a page's name; rename it so it does not end in .md",
                        )
                    )
            elif not stat.S_ISREG(file.lstat().st_mode):
                errors.append(CardError(path, "is not a plain file (a pipe or device); remove it"))
            elif name.endswith(".md") and not SLUG.match(
                languages.split(src_uri)[0].rsplit("/", 1)[-1]
            ):
                errors.append(
                    CardError(
                        path,
                        "has a file name with capitals, umlauts, spaces or "
                        "other signs; rename it to lowercase letters a-z, "
                        "digits and hyphens, such as 'klare-worte.md'",
                    )
                )
            elif name.endswith(".md"):
                try:
                    pages.append(read_page(file, src_uri, path, languages))
                except CardError as error:
                    errors.append(error)
        dirs[:] = [name for name in dirs if not (Path(folder) / name).is_symlink()]
    pages.sort(key=lambda page: page.src_uri)
    return pages, errors
