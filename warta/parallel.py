"""Run a function over many items on every core, in forked worker processes.

Pelican builds in one process; the expensive parts of a build (Markdown, page
rendering, social cards) are independent per item. `fork_map` forks workers
that inherit the whole build state (templates, articles, settings) without
pickling it, runs one share of the items in each, and sends back only the
results. The parent runs a share itself, so two cores use one extra process.
`Background` hands items known early to a low-priority process; `Forked` runs
one call (a check that only reports) beside the caller.

What a worker logs is sent back and logged again in the parent, so the build
runner's warning and error counts stay right. An exception in a worker is
raised in the parent with the worker's traceback.

Forking is Linux/macOS only; elsewhere, with one worker, or with few items,
the items run in the calling process. No Pelican import.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import mmap
import os
import pickle
import sys
import tempfile
import time
import traceback
import weakref
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


def _become_worker() -> _RecordCollector:
    """In a forked child: mark it a worker and keep its log records for the parent."""
    global _IN_WORKER
    _IN_WORKER = True
    collector = _RecordCollector()
    # The parent's handlers (console, the runner's tally) would print or count in
    # this process; the parent replays the records through its own handlers.
    logging.getLogger().handlers = [collector]
    return collector


def _worker_payload(call: Callable[[], Any], failed: Any) -> tuple[bytes, int]:
    """In a forked child: run `call` as a worker and pickle (its value, its log
    records, its error as (exception, traceback)) for the parent, with `failed`
    for the value when it raised or the value cannot be pickled; and the exit
    status."""
    collector = _become_worker()
    value, error, status = failed, None, 0
    try:
        value = call()
    except BaseException as exc:  # everything, including SystemExit, goes back
        error = (_picklable(exc), traceback.format_exc())
        status = 1
    try:
        return pickle.dumps((value, collector.records, error), pickle.HIGHEST_PROTOCOL), status
    except Exception as exc:
        return pickle.dumps((failed, collector.records, (None, repr(exc)))), 1


def _run_worker(function: Callable, items: Sequence, write_fd: int) -> None:
    """In the forked child: run the share, send (results, records, error), never return."""
    status = 1
    try:
        payload, status = _worker_payload(lambda: [function(item) for item in items], [])
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
    """A worker's records through the caller's loggers. A filter that raises
    to drop a record drops it: Pelican's loggers say a message they have
    seen before that way (`FilteredMessage`, caught only in `Logger._log`),
    and a forked check may say what the caller's run said already (a
    subsite built inside the site's build, pelican-i18n-subsites)."""
    for record in records:
        target = logging.getLogger(record.name)
        if not target.isEnabledFor(record.levelno):
            continue
        try:
            target.handle(record)
        except Exception as exc:
            # Only that signal (no Pelican import here): anything else a
            # filter or handler raises is a fault, not a record said before.
            if type(exc).__name__ != "FilteredMessage":
                raise


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
    for error in errors:
        _raise_worker_error(error)

    merged: list = [None] * len(items)
    for index, results in enumerate(results_by_share):
        merged[index::count] = results
    return merged


def _raise_worker_error(error: tuple) -> None:
    """A worker's (exception, traceback) raised here, as if raised in the
    caller; the traceback logged for debugging."""
    exception, trace = error
    logger.debug("a build worker failed:\n%s", trace)
    if exception is not None:
        raise exception
    raise WorkerError(trace.strip().splitlines()[-1] if trace.strip() else "worker failed")


class Forked:
    """One call run in a forked child while the caller goes on: `result()`
    waits for it, replays what it logged and returns what it returned, or
    raises what it raised.

    For work the build needs late or only for what it says (a check that
    only reports findings), started once its inputs are final: the child
    sees the state as it was at the fork, and what it changes stays there.
    Pelican's process works alone through most of a warm build, so such a
    call takes the idle core instead of its time. The result comes back
    pickled through a temporary file (the child never waits for a caller
    that is not reading yet). Without `fork`, inside a worker, or on one
    core, the call runs at once in the caller (its errors raised then).
    """

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self.pid: int | None = None
        self._taken = False
        self._value: Any = None
        if not hasattr(os, "fork") or _IN_WORKER or worker_count() <= 1:
            self._value = function(*args)
            return
        self._results = tempfile.TemporaryFile()  # noqa: SIM115 (closed by `result`)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        gc.freeze()
        try:
            pid = os.fork()
            if pid == 0:
                self._run_child(function, args)
        except OSError as exc:  # no fork: as without a core to spare
            logger.debug("forked call run in the caller: %s", exc)
            self._results.close()
            self._value = function(*args)
            return
        finally:
            gc.unfreeze()
        self.pid = pid
        # Dropped without `result` (the build stopped): the child is waited for.
        self._reaper = weakref.finalize(self, _reap, pid)

    def _run_child(self, function: Callable[..., Any], args: tuple) -> None:
        status = 1
        try:
            payload, status = _worker_payload(lambda: function(*args), None)
            _write_all(self._results.fileno(), payload)
        except BaseException:
            status = 1
        finally:
            os._exit(status)  # never run the parent's cleanup code in the child

    def result(self) -> Any:
        """Wait for the child; replay its log records; its return value (or
        its exception raised here). Call once."""
        if self._taken:
            raise RuntimeError("Forked.result() called twice")
        self._taken = True
        if self.pid is None:
            return self._value
        pid, self.pid = self.pid, None
        self._reaper.detach()  # (its pid may be another child's once waited for)
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:  # reaped elsewhere (SIGCHLD ignored): the file tells
            status = None
        payload = _read_all(self._results.fileno())
        self._results.close()
        try:
            value, records, error = pickle.loads(payload)
        except Exception:
            value, records = None, []
            error = (None, f"forked process {pid} ended without a result (wait status {status})")
        _replay(records)
        if error:
            _raise_worker_error(error)
        return value


def _write_all(fd: int, data: bytes) -> None:
    """All of `data` at the start of the file, however many writes it takes."""
    written = 0
    while written < len(data):
        written += os.pwrite(fd, memoryview(data)[written:], written)


def _read_all(fd: int) -> bytes:
    """The whole file, from its start."""
    with os.fdopen(os.dup(fd), "rb") as file:
        return file.read()


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):  # (already waited for)
        os.waitpid(pid, 0)


class Background:
    """Items computed by one forked process at the lowest priority while the
    caller goes on; the caller takes what is done and computes the rest.

    A build has stretches where Pelican's process works alone (it reads the
    articles one by one, then each plugin passes over them) while the other
    cores idle. Work whose inputs are known early (a file to check, an
    article as read) can be handed over then: `add` appends the item, the
    child (forked at the `min_items`-th item, at nice 19 by default, so that it
    takes only time no other process wants) computes items in order, and `done` stops it
    and returns {index: result} for the items it finished. The caller computes
    the others as it would have without it (e.g. with `fork_map`), so a
    background that never started, fell behind or failed changes nothing but
    the time taken.

    `function` must be pure as for `fork_map`, and should report problems in
    its result rather than log them: records a computation logs are replayed
    by `done` only for the items it returns. Items travel pickled through a
    temporary file (never a pipe, which would block the caller when the child
    falls behind); results come back the same way when the child has stopped.
    `niceness` orders several backgrounds: the lower one gets the idle core first.
    """

    def __init__(
        self, function: Callable[[Any], Any], *, min_items: int = 64, niceness: int = 19
    ) -> None:
        self.function = function
        self.min_items = min_items
        self.niceness = niceness
        self.count = 0  # items added
        self.pid: int | None = None
        self._usable = hasattr(os, "fork") and not _IN_WORKER and worker_count() > 1
        # Both files are closed by `done`, or when this object is collected.
        self._feed = tempfile.TemporaryFile() if self._usable else None  # noqa: SIM115
        self._offset = 0
        # [0:8] bytes of whole items in the feed, [8] no more items, [9] stop now.
        self._flags = mmap.mmap(-1, 16) if self._usable else None
        self._results = tempfile.TemporaryFile() if self._usable else None  # noqa: SIM115
        self._finished = False
        if self._usable:
            # Dropped without `done` (the build failed): the child stops too.
            weakref.finalize(self, _stop_child, self._flags)

    def add(self, item: Any) -> None:
        index = self.count
        self.count += 1
        if not self._usable or self._finished or self._flags[8]:
            return  # not forking, collected, or no more items (a full disk)
        try:
            frame = _frame((index, item))
        except Exception:  # left to the caller; the child skips the index
            return
        try:
            os.pwrite(self._feed.fileno(), frame, self._offset)
        except OSError as exc:  # a full disk: the child finishes what it has
            logger.debug("background feed stopped: %s", exc)
            self._flags[8] = 1
            return
        self._offset += len(frame)
        self._flags[0:8] = self._offset.to_bytes(8, "little")  # after the write: seen whole
        if self.pid is None and self.count >= self.min_items:
            self._start()

    def _start(self) -> None:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        gc.freeze()
        self._parent = os.getpid()  # before the fork: the child may run after the parent died
        try:
            pid = os.fork()
            if pid == 0:
                self._run_child()
        except OSError as exc:  # no fork: the caller computes everything
            logger.debug("background work not started: %s", exc)
            self._usable = False
            return
        finally:
            gc.unfreeze()
        self.pid = pid

    def _run_child(self) -> None:
        status = 0
        try:
            collector = _become_worker()
            os.nice(self.niceness)
            parent = self._parent
            feed, results = self._feed.fileno(), self._results.fileno()
            read_at = written_at = 0
            # Stopped when asked, and when the parent is gone (a failed build).
            while not self._flags[9] and os.getppid() == parent:
                written = int.from_bytes(self._flags[0:8], "little")
                if read_at >= written:
                    if self._flags[8]:
                        break
                    time.sleep(0.005)
                    continue
                payload, read_at = _read_frame(feed, read_at)
                index, item = pickle.loads(payload)
                collector.records = []
                try:
                    frame = _frame((index, self.function(item), collector.records))
                except Exception:  # the caller computes this one and sees the error
                    continue
                os.pwrite(results, frame, written_at)
                written_at += len(frame)
        except BaseException:
            status = 1
        finally:
            os._exit(status)  # never run the parent's cleanup code in the child

    def _results_count(self) -> int:
        """Results the child has written so far (what tests wait on)."""
        if not self._usable or self._results.closed:
            return 0
        return sum(1 for _ in _frames(self._results.fileno()))

    def done(self) -> dict[int, Any]:
        """Stop the child and return {index: result} for the items it finished
        (their log records replayed); call once."""
        if self._finished:
            raise RuntimeError("Background.done() called twice")
        self._finished = True
        if not self._usable or self.pid is None:
            return {}
        self._flags[8] = self._flags[9] = 1
        _, status = os.waitpid(self.pid, 0)
        finished: dict[int, Any] = {}
        records: list[logging.LogRecord] = []
        for payload in _frames(self._results.fileno()):
            try:
                index, result, item_records = pickle.loads(payload)
            except Exception:  # a frame cut short: the child died while writing it
                break
            finished[index] = result
            records.extend(item_records)
        _replay(records)
        self._feed.close()
        self._results.close()
        if status:
            logger.debug("background work ended with wait status %s", status)
        return finished


def _stop_child(flags: mmap.mmap) -> None:
    flags[8] = flags[9] = 1


def _frame(value: Any) -> bytes:
    """`value` pickled, after its length (8 bytes): one record of a feed or results file."""
    payload = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return len(payload).to_bytes(8, "little") + payload


def _read_frame(fd: int, offset: int) -> tuple[bytes, int]:
    """The payload of the frame at `offset`, and the offset of the next one
    (b"" past the end or for a frame cut short)."""
    header = os.pread(fd, 8, offset)
    if len(header) < 8:
        return b"", offset
    length = int.from_bytes(header, "little")
    chunks, start = [], offset + 8
    while length > 0:
        chunk = os.pread(fd, length, start)
        if not chunk:
            return b"", offset
        chunks.append(chunk)
        length -= len(chunk)
        start += len(chunk)
    return b"".join(chunks), start


def _frames(fd: int):
    """Every whole frame's payload of a file, in order."""
    offset = 0
    while True:
        payload, offset = _read_frame(fd, offset)
        if not payload:
            return
        yield payload
