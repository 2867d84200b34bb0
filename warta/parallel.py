"""Run a function over many items on every core, in forked worker processes.

Pelican builds in one process; the expensive parts of a build (Markdown, page
rendering, social cards) are independent per item. `fork_map` forks workers
that inherit the whole build state (templates, articles, settings) without
pickling it, runs one share of the items in each, and sends back only the
results. The parent runs a share itself, so two cores use one extra process.

What a worker logs is sent back and logged again in the parent, so the build
runner's warning and error counts stay right. An exception in a worker is
raised in the parent with the worker's traceback.

Forking is Linux/macOS only; elsewhere, with one worker, or with few items,
the items run in the calling process. No Pelican import.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

logger = logging.getLogger(__name__)

_IN_WORKER = False


class WorkerError(RuntimeError):
    """A worker process failed; the message carries its traceback."""


def in_worker() -> bool:
    """True in a forked worker (displays and other side effects stay in the parent)."""
    return _IN_WORKER


def worker_count(setting: int | None = None) -> int:
    """The workers to use: the setting if positive, else the cores this process may use."""
    if setting and int(setting) > 0:
        return int(setting)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS
        return max(1, os.cpu_count() or 1)


class _RecordCollector(logging.Handler):
    """Keeps a worker's log records (as plain, picklable records) for the parent."""

    def __init__(self) -> None:
        super().__init__(level=logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info))
            record.exc_info = None
        try:
            pickle.dumps(record)
        except Exception:  # an unpicklable `extra` value: keep the message only
            record = logging.makeLogRecord(
                {
                    "name": record.name,
                    "levelno": record.levelno,
                    "levelname": record.levelname,
                    "msg": record.msg,
                    "pathname": record.pathname,
                    "lineno": record.lineno,
                }
            )
        self.records.append(record)


def _run_worker(function: Callable, items: Sequence, write_fd: int) -> None:
    """In the forked child: run the share, send (results, records, error), never return."""
    global _IN_WORKER
    _IN_WORKER = True
    status = 0
    collector = _RecordCollector()
    root = logging.getLogger()
    # The parent's handlers (console, the runner's tally) would print or count in
    # this process; the parent replays the records through its own handlers.
    root.handlers = [collector]
    results: list = []
    error: tuple | None = None
    try:
        results = [function(item) for item in items]
    except BaseException as exc:  # everything, including SystemExit, goes back
        error = (_picklable(exc), traceback.format_exc())
        status = 1
    try:
        payload = pickle.dumps((results, collector.records, error), pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        payload = pickle.dumps(([], collector.records, (None, repr(exc))))
        status = 1
    try:
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(status)  # never run the parent's cleanup code in the child


def _picklable(exc: BaseException) -> BaseException | None:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return None


def _replay(records: list[logging.LogRecord]) -> None:
    for record in records:
        target = logging.getLogger(record.name)
        if target.isEnabledFor(record.levelno):
            target.handle(record)


def fork_map(
    function: Callable[[Any], Any],
    items: Sequence,
    workers: int | None = None,
    *,
    min_items_per_worker: int = 8,
) -> list:
    """`[function(item) for item in items]`, spread over `workers` processes.

    Results come back in the order of `items` and must be picklable. `function`
    must not depend on changes other items make to shared state: each worker
    sees the state as it was when `fork_map` was called.
    """
    items = list(items)
    count = min(worker_count(workers), max(1, len(items) // max(1, min_items_per_worker)))
    if count <= 1 or not hasattr(os, "fork") or _IN_WORKER:
        return [function(item) for item in items]

    shares = [items[index::count] for index in range(count)]
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or buffered output would be printed once per process
    children: list[tuple[int, int]] = []
    gc.freeze()  # keeps the collector from touching (and so copying) every object
    try:
        for share in shares[1:]:
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_fd)
                _run_worker(function, share, write_fd)
            os.close(write_fd)
            children.append((pid, read_fd))
    finally:
        gc.unfreeze()

    own_error: BaseException | None = None
    try:
        own = [function(item) for item in shares[0]]
    except BaseException as exc:  # still collect the children before raising
        own_error = exc
        own = []

    results_by_share = [own]
    records: list[logging.LogRecord] = []
    errors: list[tuple] = []
    for pid, read_fd in children:
        with os.fdopen(read_fd, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        try:
            results, share_records, error = pickle.loads(payload)
        except Exception:
            results, share_records = [], []
            error = (None, f"worker {pid} ended without a result (wait status {status})")
        results_by_share.append(results)
        records.extend(share_records)
        if error:
            errors.append(error)
    _replay(records)
    if own_error is not None:
        raise own_error
    for exception, trace in errors:
        # The worker's exception as if raised here; its traceback for debugging.
        logger.debug("a build worker failed:\n%s", trace)
        if exception is not None:
            raise exception
        raise WorkerError(trace.strip().splitlines()[-1] if trace.strip() else "worker failed")

    merged: list = [None] * len(items)
    for index, results in enumerate(results_by_share):
        merged[index::count] = results
    return merged
