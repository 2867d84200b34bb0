"""progress: a one-line display of a long build in a terminal (nothing in CI).

What it adds: while Pelican runs, stderr shows "berita dibaca n/total ·
halaman ditulis m · t s", redrawn in place; the line ends when the build does.
Nothing changes in the site. The display itself is `warta.progress`; it
decides from the build's stderr: a terminal (also through `invoke build` and
scripts/build-site, which give the build a pseudo-terminal when they run in
one), and not CI. Piped into a file or another program, the build shows nothing.
"""

from __future__ import annotations

from pelican import signals

from warta.progress import BuildProgress

# One display per process; connected strongly (blinker keeps weak references to
# bound methods, which would vanish with a local instance).
DISPLAY = BuildProgress()


def register() -> None:
    signals.initialized.connect(DISPLAY.build_started, weak=False)
    signals.content_object_init.connect(DISPLAY.content_read, weak=False)
    signals.article_generator_pretaxonomy.connect(DISPLAY.articles_listed, weak=False)
    if DISPLAY.enabled:
        # The count of files written is for the line alone: a build that shows
        # none (CI, a pipe, the bench) does not listen to every write, which
        # the writer sends for each of 20,000 pages kept as well.
        signals.content_written.connect(DISPLAY.file_written, weak=False)
    signals.finalized.connect(DISPLAY.build_finished, weak=False)
