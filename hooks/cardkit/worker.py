"""The second core: PDF jobs run in worker processes beside the HTML build.

A pool of two processes (both languages at once), started on first use and kept for the
next build under `mkdocs serve`. "spawn" starts each worker as a fresh interpreter, so it
inherits no state (open files, threads) of the build process.
"""

from __future__ import annotations

import multiprocessing
import site
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

WORKERS = 2
_pool: ProcessPoolExecutor | None = None


def submit(function: Callable, *args) -> Future:
    global _pool
    if _pool is None:
        # the folder that holds cardkit (the engine puts it on the path only while it loads
        # the hooks); a stdlib function, so the worker can unpickle it before cardkit
        _pool = ProcessPoolExecutor(
            max_workers=WORKERS,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=site.addsitedir,
            initargs=(str(Path(__file__).resolve().parent.parent),),
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
