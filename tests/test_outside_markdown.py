"""A Markdown extension an outside plugin adds converts as in Pelican.

Pelican's reader builds one `Markdown` instance per file, in Pelican's own
process. Third-party extensions count on both: one numbers a document's
sections with a counter set when the instance is built (never reset), another
collects what it finds into the plugin's module for a page it writes at
`finalized`. parallel_markdown converts a cold build's files in forked workers
with instances reused between files: the counter ran on from one release into
the next ("Bagian 4" opening a release), and what the collector found stayed in
the workers (an empty index). With an extension that is neither
Python-Markdown's own nor warta's, the files are read as Pelican reads them.
"""

from __future__ import annotations

import json
import textwrap

from conftest import (
    REPO,
    append_text,
    article_text,
    assert_same_tree,
    build_with_outside_plugin,
    clean_build_with,
    newsroom,
)
from warta.build import load_settings

NUMBERING_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin: a Markdown extension numbering each release's
    sections, and an index of every section at /bagian.json."""
    import json
    import os

    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor
    from pelican import signals

    FOUND = []


    class Numbering(Treeprocessor):
        def __init__(self, md):
            super().__init__(md)
            self.count = 0  # per document: Pelican builds a Markdown per file

        def run(self, root):
            for heading in root.iter("h2"):
                self.count += 1
                heading.text = f"Bagian {self.count}: {heading.text}"
                FOUND.append(heading.text)


    class NumberingExtension(Extension):
        def extendMarkdown(self, md):
            md.treeprocessors.register(Numbering(md), "numbering", 5)


    def add_extension(pelican):
        markdown = pelican.settings["MARKDOWN"]
        markdown.setdefault("extensions", []).append(NumberingExtension())


    def write_index(pelican):
        with open(os.path.join(pelican.output_path, "bagian.json"), "w") as handle:
            json.dump(sorted(FOUND), handle)


    def register():
        signals.initialized.connect(add_extension)
        signals.finalized.connect(write_index)
    '''
)


def test_an_outside_markdown_extension_converts_each_file_as_pelican_does(site, tmp_path):
    for number in range(1, 7):
        site.article(
            f"rilis-{number}.md",
            article_text(
                title=f"Bawaslu Kota Palembang Gelar Rapat Pengawasan Ke-{number}",
                date=f"2024-10-{10 + number:02d} 09:00",
                slug=f"rilis-{number}",
                body=f"""
                PALEMBANG – Bawaslu Kota Palembang menggelar rapat ke-{number}.

                ## Persiapan

                Rapat membahas kesiapan pengawas.

                ## Hasil

                Rapat menyepakati jadwal patroli.
                """,
            ),
        )
    built = build_with_outside_plugin(
        site,
        tmp_path,
        "penomoran",
        NUMBERING_PLUGIN,
        PARALLEL_MARKDOWN_MIN_FILES=1,
        PARALLEL_MARKDOWN_WORKERS=2,
    )
    assert built.returncode == 0, built.log

    for number in range(1, 7):
        page = built.html(f"berita/2024/10/rilis-{number}/")
        headings = [h.get_text(strip=True) for h in page.select("article h2")]
        assert headings[:2] == ["Bagian 1: Persiapan", "Bagian 2: Hasil"], (number, headings)
    index = json.loads((built.output / "bagian.json").read_text(encoding="utf-8"))
    assert index == sorted(["Bagian 1: Persiapan", "Bagian 2: Hasil"] * 6)


SNIPPET_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin adding, at `initialized`, a Markdown extension that puts
    a file of the site's into a release where it writes `{!name!}` (as
    markdown-include does with its base_path)."""
    import os
    import re

    from markdown.extensions import Extension
    from markdown.preprocessors import Preprocessor
    from pelican import signals


    class Include(Preprocessor):
        def __init__(self, md, folder):
            super().__init__(md)
            self.folder = folder

        def run(self, lines):
            out = []
            for line in lines:
                found = re.fullmatch(r"\\{!(.+)!\\}", line.strip())
                if not found:
                    out.append(line)
                    continue
                with open(os.path.join(self.folder, found[1]), encoding="utf-8") as handle:
                    out.extend(handle.read().splitlines())
            return out


    class IncludeExtension(Extension):
        def __init__(self, folder):
            super().__init__()
            self.folder = folder

        def extendMarkdown(self, md):
            md.preprocessors.register(Include(md, self.folder), "sisipan", 101)


    def add_extension(pelican):
        folder = pelican.settings["SISIPAN_PATH"]
        pelican.settings["MARKDOWN"].setdefault("extensions", []).append(IncludeExtension(folder))


    def register():
        signals.initialized.connect(add_extension)
    '''
)


def test_a_snippet_an_outside_extension_puts_in_a_release_is_current_on_a_warm_build(
    site, tmp_path
):
    """The contact snippet every release includes was edited: the warm build
    rendered the pages again (the folder is in WRITER_INPUTS) with the old
    number, the article cache's body as read before; a clean build showed the
    new one."""
    files = newsroom(site)
    snippets = tmp_path / "sisipan"
    snippets.mkdir()
    snippet = snippets / "kontak.md"
    snippet.write_text("Narahubung humas: 0711-000-1\n", encoding="utf-8")
    for name in ("rilis-1", "rilis-4"):
        append_text(files[name], "\n{!kontak.md!}\n")
    settings = load_settings(REPO / "pelicanconf.py")
    declared = {
        "SISIPAN_PATH": str(snippets),
        "WRITER_INPUTS": [*settings["WRITER_INPUTS"], str(snippets)],
    }

    def contact(built, name):
        page = built.html(f"berita/2024/10/{name}/")
        return [p.get_text() for p in page.select("article p") if "Narahubung" in p.get_text()]

    cold = build_with_outside_plugin(site, tmp_path, "sisipan", SNIPPET_PLUGIN, **declared)
    assert cold.returncode == 0, cold.log
    assert contact(cold, "rilis-1") == ["Narahubung humas: 0711-000-1"]
    snippet.write_text("Narahubung humas: 0711-000-2\n", encoding="utf-8")
    warm = build_with_outside_plugin(site, tmp_path, "sisipan", SNIPPET_PLUGIN, **declared)
    assert warm.returncode == 0, warm.log
    assert contact(warm, "rilis-1") == contact(warm, "rilis-4") == ["Narahubung humas: 0711-000-2"]
    clean = clean_build_with(site, tmp_path, "sisipan", **declared)
    assert_same_tree(warm.output, clean.output)
