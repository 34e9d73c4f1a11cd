"""A build that fails for a reason outside the pages (a full disk, a page that nests beyond
what Markdown can read, a theme folder without the handbook's templates) ends with one
sentence naming the cause and what to do, not with a Python traceback."""

from __future__ import annotations

import errno
import os
import shutil

from jinja2 import TemplateNotFound
from mkdocs.exceptions import Abort, BuildError


def free_space(path: str) -> str:
    """'the disk holding /x/site (12 MB free)', for the nearest folder of path that exists."""
    folder = os.path.abspath(path)
    while not os.path.isdir(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    try:
        free = shutil.disk_usage(folder).free // 1_000_000
    except OSError:
        return f"the disk holding {folder}"
    return f"the disk holding {folder} ({free} MB free)"


def disk_full(path: str) -> str:
    return (
        f"{free_space(path)} is full; free some space (or build on another disk) and "
        "build again; the last good site/ is kept"
    )


def explain(error: BaseException) -> str | None:
    """The one-line cause of a build error that would otherwise end in a traceback; None
    for errors MkDocs already reports in words (BuildError) or that are not known here."""
    if isinstance(error, BuildError):
        return None
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(str(error.filename or error.filename2 or "."))
    if isinstance(error, RecursionError):
        return (
            "a page nests lists, quotes, brackets or HTML too deeply for Markdown "
            "(the line above names it); write it flatter"
        )
    if isinstance(error, TemplateNotFound):
        return (
            f"the theme's template '{error.name}' is missing; mkdocs.yml's "
            "theme.custom_dir must be overrides"
        )
    if isinstance(error, OSError):
        return f"{error.filename or 'a file'} cannot be read or written ({error.strerror})"
    return None


def stop(error: BaseException) -> None:
    """End the build with the cause in words (Abort: MkDocs prints it, no traceback)."""
    message = explain(error)
    if message:
        raise Abort(f"Aborted: {message}")
