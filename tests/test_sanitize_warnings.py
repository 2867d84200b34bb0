"""sanitize's warnings: each removal said once, at the line where the writer
wrote it, quoting it as written, with a suggestion that fits what was written."""

from __future__ import annotations

from bs4 import BeautifulSoup

from plugins.sanitize.clean import Located, clean_html, locate, removal_lines
from plugins.sanitize.plugin import removal_finding
from tests.conftest import article_text, line_of

SUGGESTION = "write the release in Markdown; ask the web team to embed media"


def sanitize_findings(built) -> list[tuple[str, int | None, str]]:
    """(file name, line, message and suggestion) of each of sanitize's warnings."""
    return [
        (finding.path.rsplit("/", 1)[-1], finding.line, finding.message)
        for finding in built.findings("warning")
        if "of the published text" in finding.message
        or "from the published text" in finding.message
    ]


def test_removal_lines_count_only_the_line_ends_markdown_counts():
    # U+2028/U+2029, VT, FF and NEL end no line for Pelican's Markdown.
    source = "Title: a\u2028b\u2029c\x0bd\x0ce\x85f\r\nDate: x\r\n\r\n<script>a</script>\n"
    _cleaned, removed = clean_html("<script>a</script>")
    assert removal_lines(source, removed, first_line=3) == [4]


def test_a_line_separator_in_the_title_moves_no_warning(site):
    site.article(
        "garis.md",
        article_text(
            title="Bawaslu Kota Palembang\u2028Gelar Rapat\u2029Koordinasi Pengawasan",
            slug="garis",
            body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
            "Kata <svg onload=alert(1)></svg> lain.",
        ),
    )
    built = site.build()
    assert built.returncode == 0, built.log
    assert sanitize_findings(built) == [
        ("garis.md", 11, f"raw HTML removed from the published text: '<svg>' ({SUGGESTION})")
    ]


LINK_BODY = """\
LAHAT – Bawaslu Kabupaten Lahat menggelar rapat.

Tautan [klik](javascript:alert(1)) di sini.

Lagi <a href="jav&#x09;ascript:alert(1)">tab</a> dan <A HREF="JavaScript:alert(1)">b</A>.
"""


def test_each_removed_address_is_found_at_its_own_line_as_written():
    source = article_text(body=LINK_BODY)
    first = source.splitlines().index("LAHAT – Bawaslu Kabupaten Lahat menggelar rapat.") + 1
    html = (
        '<p>Tautan <a href="javascript:alert(1)">klik</a> di sini.</p>\n'
        '<p>Lagi <a href="jav&#x09;ascript:alert(1)">tab</a> dan '
        '<A HREF="JavaScript:alert(1)">b</A>.</p>'
    )
    _cleaned, removed = clean_html(html)
    assert [(place.line, place.shown) for place in locate(source, removed, first_line=first)] == [
        (first + 2, "javascript:alert(1)"),
        (first + 4, 'href="jav&#x09;ascript:alert(1)"'),
        (first + 4, 'HREF="JavaScript:alert(1)"'),
    ]


def test_a_removal_not_written_so_in_the_file_has_no_line():
    _cleaned, removed = clean_html('<p><a href="java&#115;cript:x()">a</a></p>')
    assert locate("Title: x\n\nTeks lain.\n", removed, first_line=3) == [
        Located(None, 'href="javascript:x()"')
    ]


def test_a_second_javascript_link_written_otherwise_is_said_at_its_line(site):
    site.article("tautan.md", article_text(slug="tautan", body=LINK_BODY))
    built = site.build()
    assert built.returncode == 0, built.log
    assert sorted(sanitize_findings(built)) == [
        (
            "tautan.md",
            11,
            "link address removed from the published text: 'javascript:alert(1)' "
            "(use an https:// address)",
        ),
        (
            "tautan.md",
            13,
            "raw HTML removed from the published text: "
            f"'HREF=\"JavaScript:alert(1)\"' ({SUGGESTION})",
        ),
        (
            "tautan.md",
            13,
            "raw HTML removed from the published text: "
            f"'href=\"jav&#x09;ascript:alert(1)\"' ({SUGGESTION})",
        ),
    ]


MARKDOWN_BODY = """\
LAHAT – Bawaslu Kabupaten Lahat menggelar rapat.

Tautan [klik](javascript:alert(1)) dan [data](data:text/html;base64,PHA+) di sini.

Foto ![Peserta rapat](javascript:alert(2)) dan <img src="data:image/png;base64,AA" alt="Aula">.
"""
IMAGE_SUGGESTION = (
    "use an https:// address, or put the photo in content/images/<year>/ "
    "and write ![…]({static}/images/<year>/<file>)"
)


def test_a_markdown_link_or_image_with_a_refused_address_is_said_as_written(site):
    site.article("md.md", article_text(slug="md", body=MARKDOWN_BODY))
    built = site.build()
    assert built.returncode == 0, built.log
    assert sanitize_findings(built) == [
        (
            "md.md",
            11,
            "link address removed from the published text: 'javascript:alert(1)' "
            "(use an https:// address)",
        ),
        (
            "md.md",
            11,
            "link address removed from the published text: 'data:text/html;base64,PHA+' "
            "(use an https:// address)",
        ),
        (
            "md.md",
            13,
            "image left out of the published text, its address refused: 'javascript:alert(2)'; "
            f"its alt text 'Peserta rapat' is kept as text ({IMAGE_SUGGESTION})",
        ),
        (
            "md.md",
            13,
            "image left out of the published text, its address refused: "
            f"'src=\"data:image/png;base64,AA\"'; its alt text 'Aula' is kept as text "
            f"({IMAGE_SUGGESTION})",
        ),
    ]
    body = built.html("berita/2024/11/md/").select_one(".article__body")
    assert body.find("img") is None  # no broken image without its src
    photo = body.find_all("p")[-1]
    assert photo.get_text() == "Foto Peserta rapat dan Aula."
    assert [link.get("href") for link in body.find_all("a")] == [None, None]


STRAY_BODY = """\
LAHAT – Bawaslu Kabupaten Lahat menggelar rapat.

Kata </script> lain dan <!-- catatan redaksi: jangan terbit --> serta </div>\
 dan <![CDATA[ isi ]]> selesai.

BACA JUGA: Judul "'><svg onload=alert(1)> </script> &amp; lain

Paragraf <script>alert(2)</script> ketiga[^1].

[^1]: Catatan </script> kaki.
"""


def test_stray_end_tags_comments_and_cdata_are_said_and_no_text_is_lost(site):
    site.article("liar.md", article_text(slug="liar", body=STRAY_BODY))
    built = site.build()
    assert built.returncode == 0, built.log
    raw = "raw HTML removed from the published text"
    stray = "an end tag with no start (delete it)"
    assert sanitize_findings(built) == [
        ("liar.md", 11, f"{raw}: '</script>', {stray}"),
        (
            "liar.md",
            11,
            "HTML comment removed from the published text: "
            "'<!-- catatan redaksi: jangan terbit -->' "
            "(delete it: keep editorial notes out of the release file)",
        ),
        ("liar.md", 11, f"{raw}: '</div>', {stray}"),
        (
            "liar.md",
            11,
            "CDATA markup removed from the published text: '<![CDATA[ isi ]]>', "
            "its text 'isi' is kept (write the text without <![CDATA[ and ]]>)",
        ),
        (
            "liar.md",
            13,
            f"{raw}: '<svg>', never closed; the text after it is kept ({SUGGESTION})",
        ),
        ("liar.md", 13, f"{raw}: '</script>', {stray}"),
        ("liar.md", 15, f"{raw}: '<script>' ({SUGGESTION})"),
        ("liar.md", 17, f"{raw}: '</script>', {stray}"),
    ]
    body = built.html("berita/2024/11/liar/").select_one(".article__body")
    paragraphs = [" ".join(p.get_text().split()) for p in body.find_all("p")]
    assert "Kata lain dan serta dan isi selesai." in paragraphs
    assert "BACA JUGA: Judul “’> & lain" in paragraphs
    assert "Paragraf ketiga1." in paragraphs
    assert body.find(["script", "svg"]) is None


def test_an_unclosed_script_takes_no_paragraph_with_it():
    cleaned, removed = clean_html(
        "<p>Kata <script> lain</p>\n<p>Paragraf <b onclick=x>dua</b>.</p>"
    )
    assert cleaned == "<p>Kata  lain</p>\n<p>Paragraf <b>dua</b>.</p>"
    assert [(r.shown, r.note) for r in removed] == [
        ("<script>", "never closed; the text after it is kept"),
        ("onclick=", ""),
    ]


def test_a_closed_script_or_svg_goes_with_its_content_and_no_end_tag_is_stray():
    fragment = "<p>a <script>x()</script> b <svg><circle r=1></circle></svg> c<div/>d</div></p>"
    cleaned, removed = clean_html(fragment)
    assert "x()" not in cleaned
    assert [r.shown for r in removed] == ["<script>", "<svg>"]


REFUSED_IMAGES_BODY = """\
LAHAT – Bawaslu Kabupaten Lahat menggelar rapat.

P1 <img alt="Ketua > Anggota" src="javascript:alert(1)"> akhir.

P2 <img src="data:image/svg+xml,<svg onload=alert(1)>" alt="alt sembilan"> akhir.

P3 <picture><img src="javascript:alert(2)" alt="alt satu"></picture> akhir.
"""


def test_a_refused_image_with_a_quoted_gt_or_in_a_picture_is_left_out_whole(site):
    site.article("gambar.md", article_text(slug="gambar", body=REFUSED_IMAGES_BODY))
    built = site.build()
    assert built.returncode == 0, built.log
    left_out = "image left out of the published text, its address refused"
    assert sanitize_findings(built) == [
        (
            "gambar.md",
            11,
            f"{left_out}: 'src=\"javascript:alert(1)\"'; its alt text 'Ketua > Anggota' "
            f"is kept as text ({IMAGE_SUGGESTION})",
        ),
        (
            "gambar.md",
            13,
            f"{left_out}: 'src=\"data:image/svg+xml,<svg onload=alert(1)>\"'; its alt text "
            f"'alt sembilan' is kept as text ({IMAGE_SUGGESTION})",
        ),
        (
            "gambar.md",
            15,
            f"{left_out}: 'src=\"javascript:alert(2)\"'; its alt text 'alt satu' "
            f"is kept as text ({IMAGE_SUGGESTION})",
        ),
    ]
    body = built.html("berita/2024/11/gambar/").select_one(".article__body")
    assert body.find("img") is None  # no image without its src
    assert [" ".join(p.get_text().split()) for p in body.find_all("p")][1:] == [
        "P1 Ketua > Anggota akhir.",
        "P2 alt sembilan akhir.",
        "P3 alt satu akhir.",
    ]


def test_clean_html_reads_an_image_tag_as_the_html_tokenizer_does():
    cleaned, removed = clean_html(
        '<p>a <img alt="x > y" src="javascript:1"> b '
        "<picture><source srcset=\"f.webp\"><img src='data:,<b>' alt='z'></picture></p>"
    )
    soup = BeautifulSoup(cleaned, "html.parser")
    assert soup.find("img") is None
    assert soup.get_text() == "a x > y b z"
    assert [(r.shown, r.image_alt) for r in removed] == [
        ('src="javascript:1"', "x > y"),
        ('src="data:,<b>"', "z"),
    ]


def test_an_image_in_a_picture_with_an_allowed_src_stays():
    fragment = '<p><picture><source srcset="f.webp"><img src="f.jpg" alt="z"></picture></p>'
    assert clean_html(fragment) == (fragment, [])


def test_a_closed_noscript_holding_a_paragraph_is_one_removal():
    # The HTML parser reads a <noscript>'s content as text: the </p> in it ends
    # no block, and its </noscript> closes it.
    cleaned, removed = clean_html("<p>P7 <noscript><p>teks</p></noscript> akhir.</p>")
    assert BeautifulSoup(cleaned, "html.parser").get_text() == "P7  akhir."
    assert [r.shown for r in removed] == ["<noscript>"]
    assert "never closed" not in removed[0].note


def test_a_noscript_in_one_paragraph_gives_one_warning(site):
    site.article(
        "noscript.md",
        article_text(
            slug="noscript",
            body="LAHAT – Bawaslu Kabupaten Lahat menggelar rapat.\n\n"
            "P7 <noscript><p>teks</p></noscript> akhir.",
        ),
    )
    built = site.build()
    assert built.returncode == 0, built.log
    found = sanitize_findings(built)
    assert [(name, line) for name, line, _message in found] == [("noscript.md", 11)]
    assert found[0][2].startswith("raw HTML removed from the published text: '<noscript>'")
    assert "never closed" not in found[0][2]
    body = built.html("berita/2024/11/noscript/").select_one(".article__body")
    assert body.find("noscript") is None


def test_the_words_a_dropped_element_takes_with_it_are_named():
    fragment = (
        '<p>P2 <svg><text x="1" y="2">Hasil 52 persen</text><style>.a{}</style></svg> akhir '
        "<noscript>teks &amp; noscript</noscript> <template><b>isi</b></template> "
        "<math><mi>x</mi></math> <script>alert(1)</script> <svg onload=x></svg>.</p>"
    )
    cleaned, removed = clean_html(fragment)
    assert " ".join(BeautifulSoup(cleaned, "html.parser").get_text().split()) == "P2 akhir ."
    assert [(r.shown, r.lost_text) for r in removed] == [
        ("<svg>", "Hasil 52 persen"),
        ("<noscript>", "teks & noscript"),
        ("<template>", "isi"),
        ("<math>", "x"),
        ("<script>", ""),  # code, no words
        ("<svg>", ""),
    ]


def test_a_closed_svg_or_noscript_names_the_text_it_took(site):
    site.article(
        "hilang.md",
        article_text(
            slug="hilang",
            body="LAHAT – Bawaslu Kabupaten Lahat menggelar rapat.\n\n"
            'P2 <svg><text x="1" y="2">Hasil 52 persen</text></svg> akhir.\n\n'
            "P3 <noscript>teks noscript</noscript> akhir.",
        ),
    )
    built = site.build()
    assert built.returncode == 0, built.log
    raw = "raw HTML removed from the published text"
    assert sanitize_findings(built) == [
        (
            "hilang.md",
            11,
            f"{raw}: '<svg>', its text 'Hasil 52 persen' left out with it "
            "(write the text in Markdown, outside the <svg>)",
        ),
        (
            "hilang.md",
            13,
            f"{raw}: '<noscript>', its text 'teks noscript' left out with it "
            "(write the text in Markdown, outside the <noscript>)",
        ),
    ]


def test_an_event_handler_is_quoted_with_its_name_as_written(site):
    site.article(
        "handler.md",
        article_text(
            slug="handler",
            body="LAHAT – Bawaslu Kabupaten Lahat menggelar rapat.\n\n"
            'Kata <b onClick="alert(1)">tebal</b> dan <i ONMOUSEOVER = x>miring</i>.',
        ),
    )
    built = site.build()
    assert built.returncode == 0, built.log
    raw = "raw HTML removed from the published text"
    assert sanitize_findings(built) == [
        ("handler.md", 11, f"{raw}: 'onClick=' ({SUGGESTION})"),
        ("handler.md", 11, f"{raw}: 'ONMOUSEOVER=' ({SUGGESTION})"),
    ]
    body = built.html("berita/2024/11/handler/").select_one(".article__body")
    assert [tag.attrs for tag in body.find_all(["b", "i"])] == [{}, {}]


def test_a_markdown_link_whose_address_hides_its_scheme_in_a_reference_is_said_at_its_line(
    site,
):
    """`[a](&#x6A;avascript:alert(1))` was made safe with no line: the address
    was looked for as the parser read it ('javascript:…'), not as written."""
    body = (
        "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat.\n\n"
        "Tautan [klik](&#x6A;avascript:alert(1)) di sini.\n\n"
        "Foto ![Peserta rapat](&#x6A;avascript:alert(2)) di aula.\n"
    )
    path = site.article("ref.md", article_text(slug="ref", body=body))
    built = site.build()
    assert built.returncode == 0, built.log
    found = [(line, message.split(" (")[0]) for _, line, message in sanitize_findings(built)]
    assert found == [
        (
            line_of(path, "Tautan"),
            "link address removed from the published text: '&#x6A;avascript:alert(1)'",
        ),
        (
            line_of(path, "Foto"),
            "image left out of the published text, its address refused: "
            "'&#x6A;avascript:alert(2)'; its alt text 'Peserta rapat' is kept as text",
        ),
    ], built.log


def test_a_long_image_address_hiding_its_scheme_in_a_reference_is_named_whole_at_its_line():
    """The address as the tag writes it was read from the attribute already cut
    to 80 characters for the message (`src="…"` and its quotes count): a
    76-character address was looked for ending in '…', found nowhere, and the
    warning had no line."""
    address = "&#x6A;avascript:alert(1)//" + "a" * 50
    source = article_text(body=f"Foto ![Peserta rapat]({address}) di aula.\n")
    first = source.splitlines().index(f"Foto ![Peserta rapat]({address}) di aula.") + 1
    _cleaned, removed = clean_html(
        f'<p>Foto <img alt="Peserta rapat" src="{address}" /> di aula.</p>'
    )
    [place] = locate(source, removed, first_line=1)
    finding = removal_finding("berita/foto.md", removed[0], place)
    assert (finding.line, finding.level, finding.message) == (
        first,
        "warning",
        f"image left out of the published text, its address refused: '{address}'; "
        "its alt text 'Peserta rapat' is kept as text",
    )


def test_a_body_whose_references_are_only_written_out_is_not_parsed_again(monkeypatch):
    """A dateline's `&ndash;` (a body in eight) is written out as `–` by the
    cleaning, which takes nothing out: no parse of the body to find what was
    taken out. A body with something taken out is still parsed and reported."""
    from plugins.sanitize import clean

    def no_parse(*_):
        raise AssertionError("nothing was taken out")

    with monkeypatch.context() as patched:
        patched.setattr(clean, "_Reporter", no_parse)
        body = "<p>PALEMBANG &ndash; Bawaslu &amp; KPU &lt;rapat&gt; &hellip;</p>"
        assert clean_html(body) == ("<p>PALEMBANG – Bawaslu &amp; KPU &lt;rapat&gt; …</p>", [])
    cleaned, removed = clean_html("<p>PALEMBANG &ndash; Bawaslu<!-- catatan --></p>")
    assert cleaned == "<p>PALEMBANG – Bawaslu</p>"
    assert [r.what for r in removed] == ["HTML comment"]


def test_a_body_left_as_it_is_is_not_cleaned_again_by_the_next_build(tmp_path, monkeypatch):
    """Bodies the cleaning left as they were are remembered by their digest
    between builds (for one code and nh3 version): the next build does not
    clean them again. One with something to take out is cleaned every build,
    so its warnings are said every build; a changed body is cleaned."""
    from plugins.sanitize import plugin

    path = tmp_path / "cache" / plugin.CACHE_FILE
    plain = "<p>PALEMBANG – Bawaslu Kota Palembang menggelar rapat.</p>"
    active = "<p>Kata <svg onload=alert(1)></svg> lain.</p>"
    first = plugin.UnchangedFragments(path, "kode-1")
    assert first.clean(plain) == clean_html(plain) == (plain, [])
    assert first.clean(active) == clean_html(active)
    first.save()

    cleaned = []

    def counting(fragment):
        cleaned.append(fragment)
        return clean_html(fragment)

    monkeypatch.setattr(plugin, "clean_html", counting)
    second = plugin.UnchangedFragments(path, "kode-1")
    assert second.clean(plain) == (plain, [])
    assert second.clean(active) == clean_html(active) and clean_html(active)[1]
    edited = plain.replace("rapat", "rapat koordinasi")
    assert second.clean(edited) == (edited, [])
    assert cleaned == [active, edited]
    # Another version of the code: everything is cleaned again.
    cleaned.clear()
    assert plugin.UnchangedFragments(path, "kode-2").clean(plain) == (plain, [])
    assert cleaned == [plain]


def test_a_body_whose_references_are_only_written_out_is_not_cleaned_again(tmp_path, monkeypatch):
    """A body whose cleaning only writes its character references out (a
    dateline's `&ndash;`, a body in eight) is remembered by its digest too:
    the next build writes them out again without nh3's parse, the same text."""
    from plugins.sanitize import plugin

    path = tmp_path / "cache" / plugin.CACHE_FILE
    dateline = "<p>PALEMBANG &ndash; Bawaslu &amp; KPU &lt;rapat&gt; &hellip;</p>"
    expected = clean_html(dateline)
    assert expected[0] != dateline and expected[1] == []
    first = plugin.UnchangedFragments(path, "kode-1")
    assert first.clean(dateline) == expected
    first.save()

    def no_cleaning(fragment):
        raise AssertionError(f"cleaned again: {fragment}")

    monkeypatch.setattr(plugin, "clean_html", no_cleaning)
    assert plugin.UnchangedFragments(path, "kode-1").clean(dateline) == expected


def test_a_warm_build_says_the_same_removals_and_publishes_the_same_bodies(site):
    site.article(
        "aktif.md",
        title="Bawaslu Kota Palembang Gelar Rapat",
        slug="aktif",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
        "Kata <svg onload=alert(1)></svg> lain.",
    )
    site.article(
        "bersih.md",
        title="Bawaslu Kabupaten Lahat Awasi Kampanye",
        slug="bersih",
        body="LAHAT – Bawaslu Kabupaten Lahat mengawasi kampanye.\n\nParagraf *kedua*.",
    )
    cold = site.build()
    assert cold.returncode == 0, cold.log
    pages = {
        slug: str(cold.html(f"berita/2024/11/{slug}/").select_one(".article__body"))
        for slug in ("aktif", "bersih")
    }
    assert "None" not in pages.values()
    warm = site.build()
    assert warm.returncode == 0, warm.log
    assert sanitize_findings(warm) == sanitize_findings(cold) != []
    assert {
        slug: str(warm.html(f"berita/2024/11/{slug}/").select_one(".article__body"))
        for slug in ("aktif", "bersih")
    } == pages


# As pelican-render-math 1.0.5 is written: a Markdown extension added at
# `initialized` that puts its MathJax loader, a <script>, into each release
# holding math.
MATH_PLUGIN = '''
"""An outside plugin: a Markdown extension adding a script after math."""
from markdown import Extension
from markdown.postprocessors import Postprocessor
from pelican import signals


class AddLoader(Postprocessor):
    def run(self, text):
        if "$$" not in text:
            return text
        return text + "\\n<script type='text/javascript'>window.MathJax = {};</script>"


class MathExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(AddLoader(md), "math_loader", 0)


def add_extension(pelican):
    pelican.settings["MARKDOWN"].setdefault("extensions", []).append(MathExtension())


def register():
    signals.initialized.connect(add_extension)
'''


def test_a_script_an_outside_markdown_extension_adds_is_said_to_be_the_plugins(site, tmp_path):
    from tests.conftest import build_with_outside_plugin

    release = site.article(
        "rumus.md",
        article_text(
            title="Bawaslu Kota Palembang Hitung Partisipasi Pemilih Pilkada",
            slug="rumus",
            body="PALEMBANG – Partisipasi dihitung dengan $$p = h / d$$ untuk tiap TPS.",
        ),
    )
    built = build_with_outside_plugin(site, tmp_path, "rumus_math", MATH_PLUGIN)

    page = built.html("berita/2024/11/rumus/")
    body = page.find(class_="article__body") or page.find("article")
    assert body.find("script", string=lambda text: bool(text and "MathJax" in text)) is None
    said = [f for f in built.findings("warning") if f.path.endswith("rumus.md")]
    assert len(said) == 1, built.log
    # Not the writer's: named as the plugin's, with nothing to change in the release.
    assert said[0].line is None, said
    assert "converted with rumus_math, which may have added it" in said[0].message, said
    line = f"{said[0].message} {said[0].suggestion}"
    assert "write the release in Markdown" not in line, said
    assert "load what the plugin needs from the theme" in line, said
    assert "<script" not in release.read_text(encoding="utf-8")
