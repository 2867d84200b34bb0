"""warta.parallel: fork_map spreads the work and loses nothing on the way back;
Background computes in a low-priority process what the caller hands it;
Forked runs one call beside the caller and brings back what it returned,
logged or raised."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from warta.parallel import Background, Forked, WorkerError, fork_map, in_worker

REPO = Path(__file__).resolve().parents[1]


def square_with_pid(number: int) -> tuple[int, int, bool]:
    if number == 7:
        logging.getLogger("warta.test").warning("angka %d dari pekerja", number)
    return number * number, os.getpid(), in_worker()


def test_results_in_order_from_more_than_one_process():
    results = fork_map(square_with_pid, range(64), 2, min_items_per_worker=1)
    assert [square for square, _, _ in results] == [n * n for n in range(64)]
    pids = {pid for _, pid, _ in results}
    assert os.getpid() in pids and len(pids) == 2
    assert any(flag for _, _, flag in results) and not in_worker()


def log_from_worker(number: int) -> int:
    if number == 7:
        logging.getLogger("warta.test.log").warning("hanya dari pekerja: %d", number)
    return number


def test_worker_log_records_reach_the_parent(caplog):
    # Its own message: Pelican's loggers drop a message they have seen before,
    # and another test here logs from a worker too.
    caplog.set_level(logging.WARNING, logger="warta.test.log")
    # Item 7 lands in the second share with two workers (items[1::2]).
    fork_map(log_from_worker, range(16), 2, min_items_per_worker=1)
    assert [r.getMessage() for r in caplog.records] == ["hanya dari pekerja: 7"]


def fail_on_five(number: int) -> int:
    if number == 5:
        raise ValueError(f"bad item {number}")
    return number


def test_a_worker_exception_is_raised_in_the_parent():
    with pytest.raises(ValueError, match="bad item 5"):
        fork_map(fail_on_five, range(16), 2, min_items_per_worker=1)


class Unpicklable(Exception):
    def __init__(self, handle):
        super().__init__("tidak bisa dikirim")
        self.handle = handle

    def __reduce__(self):
        raise TypeError("no pickling")


def fail_unpicklably(number: int) -> int:
    if number == 3:
        raise Unpicklable(lambda: None)
    return number


def test_an_unpicklable_exception_becomes_a_worker_error():
    with pytest.raises(WorkerError, match="tidak bisa dikirim"):
        fork_map(fail_unpicklably, range(16), 2, min_items_per_worker=1)


def test_few_items_run_in_the_calling_process():
    results = fork_map(square_with_pid, range(3), 2)
    assert {pid for _, pid, _ in results} == {os.getpid()}


# -- Background: work handed to a low-priority process while the caller goes on ----


def background_square(number: int) -> tuple[int, int, bool]:
    if number == 13:
        raise ValueError("tiga belas")
    if number == 21:
        logging.getLogger("warta.test.background").warning("dari latar: %d", number)
    return number * number, os.getpid(), in_worker()


def finished_in_background(background: Background, wanted: int, timeout: float = 60.0) -> None:
    """Wait until the child has written `wanted` results (it runs at nice 19:
    on a busy machine it may take a moment to get a core)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        written = os.fstat(background._results.fileno()).st_size
        if written and background._results_count() >= wanted:
            return
        time.sleep(0.05)
    raise AssertionError(f"the background child did not finish {wanted} items in {timeout} s")


def test_background_computes_items_added_while_the_caller_goes_on(caplog):
    caplog.set_level(logging.WARNING, logger="warta.test.background")
    background = Background(background_square, min_items=8)
    for number in range(40):
        background.add(number)
    background.add(lambda: None)  # cannot be pickled: left to the caller
    finished_in_background(background, 39)  # every item but 13 (raised) and the lambda
    done = background.done()
    assert sorted(done) == [n for n in range(40) if n != 13]
    for index, (square, pid, flag) in done.items():
        assert square == index * index
        assert pid != os.getpid() and flag
    assert not in_worker()
    # The record of an item returned is logged in the caller, once.
    assert [r.getMessage() for r in caplog.records if r.name == "warta.test.background"] == [
        "dari latar: 21"
    ]
    with pytest.raises(RuntimeError):
        background.done()


def test_background_stops_when_asked_and_returns_only_what_it_finished():
    background = Background(slow_square, min_items=1)
    for number in range(200):
        background.add(number)
    finished_in_background(background, 1)
    done = background.done()
    assert done and len(done) < 200
    assert sorted(done) == list(range(len(done)))  # in order, from the first
    assert all(value == index * index for index, value in done.items())


def slow_square(number: int) -> int:
    time.sleep(0.02)
    return number * number


def test_background_with_few_items_never_starts():
    background = Background(background_square, min_items=64)
    for number in range(10):
        background.add(number)
    assert background.pid is None
    assert background.done() == {}


def test_a_background_child_stops_when_its_parent_is_gone():
    """A build that dies without collecting leaves no process behind."""
    script = (
        "import os, time\n"
        "from warta.parallel import Background\n"
        "background = Background(time.sleep, min_items=1)\n"
        "for _ in range(500):\n"
        "    background.add(0.01)\n"
        "print(background.pid, flush=True)\n"
        "os._exit(0)\n"  # no collection, no finalizer: as if killed
    )
    started = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    child = int(started.stdout.strip())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.05)
    assert not _running(child), "the background child outlived its parent"


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# -- Forked: one call beside the caller ------------------------------------------


def report_from_child(path: str) -> tuple[int, bool]:
    logging.getLogger("warta.test.forked").warning("temuan dari proses anak")
    Path(path).write_text("ditulis", encoding="utf-8")  # (a side effect outside memory)
    return os.getpid(), in_worker()


def test_a_forked_call_runs_beside_the_caller_and_brings_back_its_value_and_log(caplog, tmp_path):
    caplog.set_level(logging.WARNING, logger="warta.test.forked")
    forked = Forked(report_from_child, str(tmp_path / "jejak.txt"))
    assert forked.pid not in (None, os.getpid())
    pid, worker = forked.result()
    assert pid != os.getpid() and worker and not in_worker()
    # Its records are replayed by `result`, once, through the caller's handlers.
    assert [r.getMessage() for r in caplog.records] == ["temuan dari proses anak"]
    assert (tmp_path / "jejak.txt").read_text(encoding="utf-8") == "ditulis"
    with pytest.raises(RuntimeError, match="twice"):
        forked.result()


def fail_in_child() -> None:
    raise ValueError("rilis rusak")


def exit_in_child() -> None:
    os._exit(3)  # no result written: as if killed


def test_what_a_forked_call_raises_is_raised_by_result():
    forked = Forked(fail_in_child)
    with pytest.raises(ValueError, match="rilis rusak"):
        forked.result()
    with pytest.raises(WorkerError, match="ended without a result"):
        Forked(exit_in_child).result()


def forked_inside_a_worker(_item: int) -> tuple[int, int, bool]:
    return os.getpid(), Forked(os.getpid).result(), in_worker()


def test_a_forked_call_inside_a_worker_runs_in_the_worker():
    """A worker forks no grandchild: the call runs where it is made (the
    caller's own share, outside a worker, forks as usual)."""
    results = fork_map(forked_inside_a_worker, range(2), 2, min_items_per_worker=1)
    assert [(own == called, worker) for own, called, worker in results] == [
        (False, False),
        (True, True),
    ]


def test_a_forked_call_dropped_without_its_result_leaves_no_process_behind():
    """A build that stops before `result` (the runner says what was deferred,
    or the process goes on: `invoke livereload`) reaps the child once the
    Forked is collected."""
    forked = Forked(time.sleep, 0.01)
    child = forked.pid
    del forked
    assert not _running(child)
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # waited for already: no zombie left


REPEATED = f"sudah dikatakan {os.getpid()}-{time.monotonic_ns()}"


def say_repeated() -> str:
    logging.getLogger("warta.test.repeat").warning(REPEATED)
    return "selesai"


def test_a_record_the_callers_logger_said_meanwhile_is_dropped_not_raised(caplog):
    """Pelican's loggers refuse a message said before by raising in their
    filter (caught only in `Logger._log`): the record of a forked call that
    the caller said meanwhile (a subsite's run inside the site's, whose
    lints say the same lines) is dropped, as when said twice in one process."""
    from pelican.log import FatalLogger

    caplog.set_level(logging.WARNING, logger="warta.test.repeat")
    repeat = logging.getLogger("warta.test.repeat")
    assert isinstance(repeat, FatalLogger)
    forked = Forked(say_repeated)
    repeat.warning(REPEATED)  # said here while the child runs
    assert forked.result() == "selesai"
    assert [r.getMessage() for r in caplog.records if r.name == repeat.name] == [REPEATED]


def refuse_by_fault(record: logging.LogRecord) -> bool:
    raise RuntimeError("filter rusak")


def test_a_filter_that_fails_otherwise_is_a_fault_not_a_record_dropped():
    """Only Pelican's signal for a message said before drops a record; a
    filter (or handler) failing otherwise stops the caller, as it would have
    in one process."""
    faulty = logging.getLogger("warta.test.faulty")
    forked = Forked(say_faulty)
    faulty.addFilter(refuse_by_fault)  # (in the caller only: the child logged before)
    try:
        with pytest.raises(RuntimeError, match="filter rusak"):
            forked.result()
    finally:
        faulty.removeFilter(refuse_by_fault)


def say_faulty() -> str:
    logging.getLogger("warta.test.faulty").error("kesalahan dari anak")
    return "selesai"


def test_a_forked_calls_result_is_read_when_its_child_was_reaped_elsewhere():
    """With SIGCHLD ignored the kernel reaps children itself (`waitpid`
    finds none): the result is in the file all the same."""
    import signal

    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        forked = Forked(sum, [1, 2, 3])
        time.sleep(0.2)  # (reaped by now)
        assert forked.result() == 6
    finally:
        signal.signal(signal.SIGCHLD, previous)
