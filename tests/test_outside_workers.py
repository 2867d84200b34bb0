"""What an outside plugin logs from processes it starts itself (a
`multiprocessing.Pool`, as pelican-htmlmin and pelican-precompress run in
`finalized`) is counted by the build runner, once, as what the build's own
process logs: an error line printed means the build failed."""

from __future__ import annotations

import io
import logging
import multiprocessing
import textwrap

from conftest import build_with_outside_plugin
from warta.build import TallyHandler
from warta.parallel import fork_map

POOL_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin: minifies the output in a pool of its own workers."""
    import logging
    import multiprocessing

    from pelican import signals

    logger = logging.getLogger(__name__)


    def minify(path):
        logger.error("minify: failed to process %s", path)


    def run(pelican):
        pool = multiprocessing.get_context("fork").Pool(2)
        pool.map(minify, ["a.html", "b.html"])
        pool.close()
        pool.join()


    def register():
        signals.finalized.connect(run)
    '''
)


def test_errors_an_outside_plugins_pool_logs_fail_the_build(site, tmp_path):
    built = build_with_outside_plugin(site, tmp_path, "minify", POOL_PLUGIN)

    errors = [f.message for f in built.findings("error")]
    assert sorted(errors) == [
        "minify: failed to process a.html",
        "minify: failed to process b.html",
    ], built.log
    assert built.returncode == 1, built.log
    assert "build FAILED: 2 error(s)" in built.log.splitlines()[-1], built.log


def pool_worker(name: str) -> None:
    logging.getLogger("warta.test.outside").error("dari pool: %s", name)


def fork_map_worker(number: int) -> int:
    if number == 7:  # in the second share: a forked worker of fork_map
        logging.getLogger("warta.test.outside").error("dari fork_map: %d", number)
    return number


def test_each_record_of_a_forked_process_is_counted_once():
    stream = io.StringIO()
    handler = TallyHandler(stream, logging.WARNING)
    root = logging.getLogger()
    previous = root.handlers[:]
    root.handlers = [handler]
    try:
        with multiprocessing.get_context("fork").Pool(2) as pool:
            pool.map(pool_worker, ["a.html", "b.html"])
        fork_map(fork_map_worker, range(16), 2, min_items_per_worker=1)
        handler.flush_held()
    finally:
        root.handlers = previous
        handler.close()

    assert sorted(f.message for f in handler.findings) == [
        "dari fork_map: 7",
        "dari pool: a.html",
        "dari pool: b.html",
    ]
    assert handler.errors == 3
    assert sorted(stream.getvalue().splitlines()) == [
        "error: dari fork_map: 7",
        "error: dari pool: a.html",
        "error: dari pool: b.html",
    ]
