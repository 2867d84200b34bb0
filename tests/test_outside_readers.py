"""A reader an outside plugin adds (releases as `.txt`) is read as Pelican reads
it: warta's Markdown front-matter checks and `--fix` suggestions are for files
the Markdown reader reads, and never claim the other file has none."""

from __future__ import annotations

import textwrap

from conftest import article_text, build_with_outside_plugin, line_of

TXT_READER = textwrap.dedent(
    '''
    """An outside plugin: a reader for .txt releases (title, date, blank line, text)."""
    from pelican import signals
    from pelican.readers import BaseReader


    class TxtReader(BaseReader):
        enabled = True
        file_extensions = ["txt"]

        def read(self, filename):
            with open(filename, encoding="utf-8") as handle:
                title, date, _, *text = handle.read().split("\\n")
            metadata = {
                "title": self.process_metadata("title", title),
                "date": self.process_metadata("date", date),
            }
            return "".join(f"<p>{line}</p>" for line in text if line), metadata


    def add_reader(readers):
        readers.reader_classes["txt"] = TxtReader


    def register():
        signals.readers_init.connect(add_reader)
    '''
)


def test_a_release_an_outside_reader_reads_gets_no_markdown_front_matter_checks(site, tmp_path):
    (site.content / "berita" / "polos.txt").write_text(
        "Bawaslu Kota Palembang Awasi Rapat Pleno Terbuka Rekapitulasi\n"
        "2024-11-20 10:00\n\n"
        "PALEMBANG – Bawaslu Kota Palembang mengawasi rapat pleno terbuka.\n",
        encoding="utf-8",
    )
    site.article("biasa.md", article_text(title="Rapat Koordinasi Pengawasan Tahapan Pilkada"))
    built = build_with_outside_plugin(site, tmp_path, "txtreader", TXT_READER)

    assert built.returncode == 0, built.log
    about_txt = [f for f in built.findings() if f.path.endswith("polos.txt")]
    assert about_txt == [], about_txt
    page = built.html(
        "berita/2024/11/bawaslu-kota-palembang-awasi-rapat-pleno-terbuka-rekapitulasi/"
    )
    assert page.h1.get_text(strip=True).startswith("Bawaslu Kota Palembang Awasi")
    # The Markdown release next to it is still checked: its short title is said.
    assert any(f.path.endswith("biasa.md") for f in built.findings("suggestion")), built.log


YAML_READER = textwrap.dedent(
    '''
    """An outside plugin as pelican-yaml-metadata is written: the Markdown
    reader, with the front matter between `---` lines read by a YAML parser."""
    import markdown
    import yaml
    from pelican import signals
    from pelican.readers import MarkdownReader


    class YamlMarkdownReader(MarkdownReader):
        def read(self, source_path):
            with open(source_path, encoding="utf-8") as handle:
                _, front, body = handle.read().split("---\\n", 2)
            content = markdown.Markdown(**self.settings["MARKDOWN"]).convert(body)
            metadata = {}
            for key, value in yaml.safe_load(front).items():
                if isinstance(value, list):
                    value = ", ".join(value)
                metadata[key.lower()] = self.process_metadata(key.lower(), str(value))
            return content, metadata


    def add_reader(readers):
        for extension in YamlMarkdownReader.file_extensions:
            readers.reader_classes[extension] = YamlMarkdownReader


    def register():
        signals.readers_init.connect(add_reader)
    '''
)


def test_a_release_an_outside_yaml_reader_reads_is_checked_as_that_reader_reads_it(site, tmp_path):
    """With a YAML front-matter reader, a `tags:` list is what the writer
    means; warta's own reading of the file must agree, not call the first
    `- item` the end of the front matter."""
    site.article(
        "yaml.md",
        "---\n"
        "title: Bawaslu Kota Palembang Awasi Rapat Pleno Terbuka Rekapitulasi\n"
        "date: 2024-11-20 10:00\n"
        "tags:\n"
        "  - Pilkada Serentak 2024\n"
        "  - Pengawasan Partisipatif\n"
        "category: Berita\n"
        "author: Humas Bawaslu Kota Palembang\n"
        "summary: Bawaslu Kota Palembang mengawasi rapat pleno terbuka rekapitulasi.\n"
        "slug: pleno-palembang\n"
        "---\n"
        "\n"
        "PALEMBANG – Bawaslu Kota Palembang mengawasi rapat pleno terbuka rekapitulasi.\n",
    )
    built = build_with_outside_plugin(site, tmp_path, "yamlreader", YAML_READER)

    assert built.returncode == 0, built.log
    about = [f for f in built.findings() if f.path.endswith("yaml.md")]
    assert about == [], about
    page = built.html("berita/2024/11/pleno-palembang/")
    tags = {a.get_text(strip=True) for a in page.select(".article__tags a")}
    assert {"Pilkada Serentak 2024", "Pengawasan Partisipatif"} <= tags, tags


THEME_READER = textwrap.dedent(
    '''
    """An outside plugin whose reader puts a theme template into each release
    as it is read (as pelican-jinja2content renders releases with the theme)."""
    import os

    from pelican import signals
    from pelican.readers import MarkdownReader


    class WithContact(MarkdownReader):
        def read(self, source_path):
            content, metadata = super().read(source_path)
            for folder in self.settings.get("THEME_TEMPLATES_OVERRIDES") or ():
                partial = os.path.join(folder, "kontak.html")
                if os.path.isfile(partial):
                    with open(partial, encoding="utf-8") as handle:
                        content += handle.read()
            return content, metadata


    def add_reader(readers):
        readers.reader_classes["md"] = WithContact


    def register():
        signals.readers_init.connect(add_reader)
    '''
)


def test_a_template_an_outside_reader_reads_is_part_of_the_article_cache_key(site, tmp_path):
    """A theme partial an outside reader put into releases (pelican-jinja2content)
    was edited: warm builds kept the old text from the article cache in the
    pages and feeds; a clean build showed the new one."""
    site.article("rapat.md", article_text(slug="rapat-koordinasi-pengawasan"))
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    partial = overrides / "kontak.html"
    partial.write_text('<p class="kontak">Kontak humas: 0711-000-1</p>', encoding="utf-8")
    theme = {"THEME_TEMPLATES_OVERRIDES": [str(overrides)]}
    cold = build_with_outside_plugin(site, tmp_path, "kontak", THEME_READER, **theme)
    assert cold.returncode == 0, cold.log
    address = "berita/2024/11/rapat-koordinasi-pengawasan/"
    assert cold.html(address).find("p", class_="kontak").get_text().endswith("0711-000-1")
    partial.write_text('<p class="kontak">Kontak humas: 0711-000-2</p>', encoding="utf-8")
    warm = build_with_outside_plugin(site, tmp_path, "kontak", THEME_READER, **theme)
    assert warm.returncode == 0, warm.log
    assert warm.html(address).find("p", class_="kontak").get_text().endswith("0711-000-2")


TYPED_YAML_READER = textwrap.dedent(
    '''
    """An outside plugin as pelican-yaml-metadata 2.2 reads a front matter: the
    values as YAML types them (a list stays a list, a number a number), the
    date and the tags made Pelican's."""
    import markdown
    import yaml
    from pelican import signals
    from pelican.readers import MarkdownReader


    class TypedYamlReader(MarkdownReader):
        def read(self, source_path):
            with open(source_path, encoding="utf-8") as handle:
                _, front, body = handle.read().split("---\\n", 2)
            content = markdown.Markdown(**self.settings["MARKDOWN"]).convert(body)
            metadata = {}
            for key, value in yaml.safe_load(front).items():
                if key in ("date", "tags", "category", "author"):
                    if isinstance(value, list):
                        value = ", ".join(map(str, value))
                    value = self.process_metadata(key, str(value))
                metadata[key] = value
            return content, metadata


    def add_reader(readers):
        readers.reader_classes["md"] = TypedYamlReader


    def register():
        signals.readers_init.connect(add_reader)
    '''
)


def test_a_list_or_a_number_where_the_site_shows_text_is_one_finding_at_its_key(site, tmp_path):
    """pelican-yaml-metadata keeps `image-caption: [satu, dua]` a list and
    `title: 2024` a number: the page showed `['satu', 'dua']` and feed.json a
    JSON number, with no finding. Each is one line at its key, naming the value."""
    site.article(
        "yaml.md",
        "---\n"
        "title: 2024\n"
        "date: 2024-11-20 10:00\n"
        "category: Berita\n"
        "author: Humas Bawaslu Kota Palembang\n"
        "tags: [Pilkada Serentak 2024]\n"
        "summary: Bawaslu Kota Palembang mengawasi rapat pleno terbuka rekapitulasi.\n"
        "slug: pleno-palembang\n"
        "image-caption: [satu, dua]\n"
        "---\n"
        "\n"
        "PALEMBANG – Bawaslu Kota Palembang mengawasi rapat pleno terbuka rekapitulasi.\n",
    )
    built = build_with_outside_plugin(site, tmp_path, "typedyaml", TYPED_YAML_READER)

    typed = [
        (f.line, f.level, f.message)
        for f in built.findings()
        if f.path.endswith("yaml.md") and "not as text" in f.message
    ]
    assert typed == [
        (
            2,
            "warning",
            'title is read as a number, not as text: 2024 (put the value in quotes: title: "2024")',
        ),
        (
            9,
            "error",
            "image-caption is read as a list, not as text: the page would show "
            "['satu', 'dua'] (write it as one text in quotes: image-caption: \"satu, dua\")",
        ),
    ], built.log
    assert built.returncode == 1, built.log


SUBSITE_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin building a second site of the same content inside the
    main site's `finalized`, as pelican-i18n-subsites builds each language's
    subsite: STATIC_PATHS = [], the photos linked to the main site's copies."""
    import os

    from pelican import Pelican, signals
    from pelican.settings import configure_settings

    made = []


    def next_subsite(pelican):
        if made:
            return
        made.append("en")
        settings = dict(pelican.settings)
        settings["OUTPUT_PATH"] = os.path.join(settings["OUTPUT_PATH"], "en")
        settings["CACHE_PATH"] = os.path.join(settings["CACHE_PATH"], "en")
        settings["STATIC_PATHS"] = []
        settings["SITEURL"] = settings["SITEURL"] + "/en"
        Pelican(configure_settings(settings)).run()


    def register():
        signals.finalized.connect(next_subsite)
    '''
)


def test_a_file_the_main_site_publishes_is_not_said_unpublished_by_a_subsite(site, tmp_path):
    """The subsite reads no static path: each of the main site's photos and
    extra files was warned "not published" once per subsite, telling staff to
    remove files the site uses. A file no site publishes is still said."""
    site.article("rapat.md", article_text(slug="rapat-koordinasi-pengawasan"))
    (site.content / "extra").mkdir()
    (site.content / "extra" / "favicon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8"
    )
    (site.content / "catatan.docx").write_bytes(b"PK")
    built = build_with_outside_plugin(site, tmp_path, "subsitus", SUBSITE_PLUGIN)

    assert (built.output / "en" / "index.html").is_file(), built.log
    unpublished = [f.path for f in built.findings() if "not published" in f.message]
    assert unpublished == ["content/catatan.docx"] * len(unpublished), built.log
    assert unpublished, built.log


JINJA_READER = textwrap.dedent(
    '''
    """An outside plugin as pelican-jinja2content 1.0.1 is written: each release
    rendered as a Jinja template, then read by a subclass of Pelican's Markdown
    reader put in the place of the site's."""
    import os
    import tempfile

    from jinja2 import Environment
    from pelican import signals
    from pelican.readers import MarkdownReader


    class JinjaMarkdownReader(MarkdownReader):
        def read(self, source_path):
            with open(source_path, encoding="utf-8") as handle:
                text = Environment().from_string(handle.read()).render()
            with tempfile.NamedTemporaryFile(suffix=".md", delete=False) as rendered:
                rendered.write(text.encode())
            try:
                return super().read(rendered.name)
            finally:
                os.unlink(rendered.name)


    def add_reader(readers):
        for extension in JinjaMarkdownReader.file_extensions:
            readers.reader_classes[extension] = JinjaMarkdownReader


    def register():
        signals.readers_init.connect(add_reader)
    '''
)


def test_a_release_an_outside_markdown_reader_reads_keeps_the_dates_the_site_reads(site, tmp_path):
    """The site reads a Date in the forms staff type and refuses one it would
    have to guess; a plugin's subclass of Pelican's Markdown reader in the
    place of ours refused the first and published the second on dateutil's
    guess (12/08 as 8 December)."""
    site.article(
        "agustus.md",
        article_text(
            title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan Agustus",
            date="12 Agustus 2024 09.30 WIB",
            slug="rakor-agustus",
        ),
    )
    guessed = site.article(
        "garis-miring.md",
        article_text(
            title="Bawaslu Kota Palembang Gelar Rapat Evaluasi Pengawasan Tahapan",
            date="12/08/2024 09:30",
            slug="rakor-garis-miring",
        ),
    )
    built = build_with_outside_plugin(site, tmp_path, "jinjareader", JINJA_READER)

    page = built.html("berita/2024/08/rakor-agustus/")
    assert page.find("time", datetime=lambda v: bool(v and v.startswith("2024-08-12T09:30")))
    assert not [f for f in built.findings("error") if f.path.endswith("agustus.md")], built.log
    # The guess is refused at its line, and no page is written on either date.
    assert [f.line for f in built.findings("error") if f.path.endswith("garis-miring.md")] == [
        line_of(guessed, "Date:")
    ], built.log
    assert not [p for p in built.files() if "rakor-garis-miring" in p], built.files()
