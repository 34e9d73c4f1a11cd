"""Reading Markdown pages from disk: language, card id and front matter."""

from __future__ import annotations

import copy
import os
import posixpath
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .docsfiles import HEAD, IMAGES, not_an_image, refused
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
# MultiMarkdown's "key: value" lines at the very top, which MkDocs also reads as the page's
# fields: unchecked there, so refused (the fields go between '---' lines).
MMD_META = re.compile(r"\A[A-Za-z0-9_-]+:[ \t]")

# Bounds for a page's Markdown: the largest page has about 27 000 characters and 23
# headings. Beyond these, Markdown's and the search's work grows out of proportion
# (quadratic in headings, recursive in nesting) and a build could hang or crash.
MAX_PAGE_CHARS = 200_000
MAX_HEADINGS = 150
MAX_NESTING = 20
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # not tab or line breaks
HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)|<h[1-6][\s>]", re.M | re.I)
MAX_SIGN_RUN = 100  # a line to write on (____) is fine; 50 000 '*' crash Markdown
# Runs of emphasis signs and quote levels are read recursively by Markdown.
SIGN_RUN = re.compile(
    rf"\*{{{MAX_SIGN_RUN + 1},}}|_{{{MAX_SIGN_RUN + 1},}}|(?:> ?){{{MAX_NESTING + 1},}}"
)


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


def _depth(text: str, opening: str, closing: str) -> int:
    """How deep the openings nest (each closing ends the last one still open)."""
    depth = deepest = 0
    for token in re.finditer(f"{re.escape(opening)}|{re.escape(closing)}", text, re.I):
        depth = depth + 1 if token.group().lower() == opening else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def size_problem(text: str) -> str | None:
    """What makes a page too large or too deeply nested to build in bounded time, in words
    an editor can act on; None for a page of any sensible size."""
    if len(text) > MAX_PAGE_CHARS:
        return (
            f"has {len(text)} characters; a page holds at most {MAX_PAGE_CHARS}, "
            "so split it into several pages"
        )
    control = CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        return (
            f"contains the control character U+{ord(control.group()):04X} (line {line}); "
            "delete it (retype the line if you cannot see where it is)"
        )
    headings = len(HEADING.findall(text))
    if headings > MAX_HEADINGS:
        return (
            f"has {headings} headings; a page holds at most {MAX_HEADINGS}, "
            "so split it into several pages"
        )
    for what, opening, closing in (("[ ]", "[", "]"), ("<div>", "<div", "</div")):
        depth = _depth(text, opening, closing)
        if depth > MAX_NESTING:
            return (
                f"nests {what} {depth} levels deep; at most {MAX_NESTING}, so close "
                "what you opened, or write it flatter"
            )
    run = SIGN_RUN.search(text)
    if run:
        sign = run.group()[0]
        most = MAX_NESTING if sign == ">" else MAX_SIGN_RUN
        return (
            f"has a run of {len(run.group())} signs '{sign}'; at most {most} in a row, "
            "so write it shorter"
        )
    return None


# A build reads each page's fields three times (the deck, the translation records, what's
# new), and YAML parsed in Python is about a tenth of a build without PDFs: the same text is
# parsed once. (An error is not kept: each reader reports it with its own file name.)
@lru_cache(maxsize=1024)
def _load_yaml(block: str) -> object:
    return yaml.load(block, Loader=BoundedLoader)  # a safe loader


def parse_front_matter(text: str, path: str) -> dict:
    match = FRONT_MATTER.match(text)
    if not match:
        if MMD_META.match(text):
            raise CardError(
                path,
                f"starts with '{text.split(':', 1)[0][:40]}:' but without a '---' line "
                "above; put the page's fields between two '---' lines",
            )
        return {}
    block = match.group(1) or ""
    if len(block) > MAX_FRONT_MATTER:
        raise CardError(
            path,
            f"the front matter has {len(block)} characters; at most "
            f"{MAX_FRONT_MATTER}, so move long text into the page body",
        )
    directive = re.search(r"^%.*", block, re.M)
    if directive:  # %YAML or %TAG: the parser's own words would be jargon (bad-input-3, F19)
        line = block[: directive.start()].count("\n") + 2
        raise CardError(
            path,
            f"the front matter between the '---' lines cannot be read (line {line}): "
            f"'{directive.group()[:40]}' is a YAML directive, which the handbook does not use; "
            "delete the line",
        )
    try:
        meta = copy.deepcopy(_load_yaml(block))  # a copy: the caller may change it
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        reason = " ".join(str(getattr(error, "problem", None) or "it is not valid YAML").split())
        if isinstance(error, (yaml.scanner.ScannerError, yaml.parser.ParserError)):
            reason += "; check indentation, and put text containing ':' in quotes"
        tag = re.search(r"could not determine a constructor for the tag '([^']*)'", reason)
        if tag:  # F06: '<<:' or a '!tag' in an editor's words
            what = (
                "'<<:' (fields copied from elsewhere)"
                if tag.group(1).endswith(":merge")
                else f"the tag '{tag.group(1).replace('tag:yaml.org,2002:', '!!')}'"
            )
            reason = f"{what} is a YAML feature the handbook does not read; write each field out"
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
    meta = parse_front_matter(text, path)  # its own, smaller bound first: the more exact message
    problem = size_problem(text)
    if problem:
        raise CardError(path, problem)
    stem, lang = languages.split(src_uri)
    return Page(src_uri=src_uri, path=path, lang=lang, stem=stem, meta=meta)


def image_problem(file: Path, src_uri: str) -> str | None:
    """Why an image of docs/ is not what its name says (docsfiles.not_an_image), or None;
    reads the first bytes of images only."""
    if not src_uri.lower().endswith(IMAGES):
        return None
    try:
        with file.open("rb") as opened:
            return not_an_image(src_uri, opened.read(HEAD))
    except OSError as error:
        return f"cannot be read ({error.strerror}); check the file"


MAX_NAME = 100  # characters of a page's name: room for '.en.md' and any file system


def name_problem(src_uri: str, languages: Languages) -> str | None:
    """What is wrong with a page's file name beyond its letters (N04, N05), or None."""
    stem = languages.split(src_uri)[0].rsplit("/", 1)[-1]
    if len(stem) > MAX_NAME:
        return f"has a name of {len(stem)} characters; at most {MAX_NAME}, so rename it shorter"
    if stem.endswith(f".{languages.default}"):
        return (
            f"ends in '.{languages.default}.md', but pages in the default language have no "
            f"language ending; rename it to {stem.rsplit('.', 1)[0]}.md"
        )
    return None


def scan_pages(
    docs_dir: Path, shown_as: str, languages: Languages
) -> tuple[list[Page], list[CardError]]:
    """Every Markdown page below docs_dir, and the errors of what cannot be published:
    unreadable pages, any file docs/ may not hold (docsfiles.refused), and any symbolic
    link or special file (a link could publish any file the build machine can read; a
    named pipe would hang the build). Dot files are skipped: MkDocs publishes none."""
    pages, errors = [], []
    for folder, dirs, files in os.walk(docs_dir, followlinks=False):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in [*dirs, *sorted(name for name in files if not name.startswith("."))]:
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
            elif refused(src_uri, languages):
                errors.append(CardError(path, str(refused(src_uri, languages))))
            elif image_problem(file, src_uri):
                errors.append(CardError(path, str(image_problem(file, src_uri))))
            elif name.endswith(".md") and name_problem(src_uri, languages):
                errors.append(CardError(path, str(name_problem(src_uri, languages))))
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
