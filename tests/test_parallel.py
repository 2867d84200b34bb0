"""warta.parallel.fork_map: the work really spreads, and nothing is lost on the way back."""

from __future__ import annotations

import logging
import os

import pytest

from warta.parallel import WorkerError, fork_map, in_worker


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
