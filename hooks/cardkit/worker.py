"""The second core: PDF jobs run in worker processes beside the HTML build.

A pool of two processes (both languages at once), started on first use and kept for the
next build under `mkdocs serve`. The workers are forked from the build after WeasyPrint and
pypdf are imported, so a worker starts in milliseconds with every module it needs (a spawned
worker imported MkDocs, WeasyPrint and pypdf again: about 1.5 s of a core per build, which
cost more than the second core gave at the handbook's size). A job is plain data in and out.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

WORKERS = 2
_pool: ProcessPoolExecutor | None = None


def _preload() -> None:
    """Import the PDF engines here, once, so that every forked worker has them."""
    import pypdf  # noqa: F401
    import weasyprint  # noqa: F401


def submit(function: Callable, *args) -> Future:
    global _pool
    if _pool is None:
        _preload()
        _pool = ProcessPoolExecutor(
            max_workers=WORKERS, mp_context=multiprocessing.get_context("fork")
        )
    return _pool.submit(function, *args)


def result(future: Future, function: Callable, *args):
    """The job's result; where the worker died (killed, out of memory), the job runs here."""
    try:
        return future.result()
    except BrokenProcessPool:
        stop()
        return function(*args)


def stop() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
