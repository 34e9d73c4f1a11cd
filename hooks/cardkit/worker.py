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
from concurrent.futures import Future, ProcessPoolExecutor, TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

WORKERS = 2
# The longest a PDF job may take: a cold handbook PDF lays out in well under a minute on
# a busy 2-core machine; a document that draws without end (an SVG <use> bomb) is stopped.
TIMEOUT = 240  # seconds
_pool: ProcessPoolExecutor | None = None


class TimedOut(Exception):
    """A job ran past TIMEOUT (one message, for the build log)."""


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


def result(future: Future, function: Callable, *args, timeout: float | None = None):
    """The job's result; where the worker died (killed, out of memory), the job runs here.
    A job still running after timeout seconds (TIMEOUT) is stopped: TimedOut."""
    limit = TIMEOUT if timeout is None else timeout
    try:
        return future.result(timeout=limit)
    except BrokenProcessPool:
        stop()
        return function(*args)
    except FutureTimeout:
        stop(kill=True)
        raise TimedOut(f"took more than {limit:g} s and was stopped") from None


def stop(kill: bool = False) -> None:
    """Shut the pool down and wait for its processes to end; kill: end them now (a job that
    runs on, a failed build). Not waiting left the pool's thread closing its pipes while the
    interpreter exited: now and then an "OSError: Bad file descriptor" traceback."""
    global _pool
    if _pool is not None:
        processes = list(getattr(_pool, "_processes", {}).values()) if kill else []
        _pool.shutdown(wait=not kill, cancel_futures=True)
        for process in processes:
            process.kill()
        _pool = None
