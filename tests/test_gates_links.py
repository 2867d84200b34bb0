"""Gate: every internal link, resource and #fragment of the built site resolves,
and links to other hosts appear only where they are allowed (issue #2, item 7)."""

from __future__ import annotations

import gates


def test_every_internal_link_and_fragment_resolves_in_the_sample_site(sample_site):
    problems = gates.check_links(sample_site.output)
    assert not problems, gates.summarize(problems)


def test_absolute_links_of_the_published_site_resolve_too(published_site):
    from warta.build import load_settings

    siteurl = load_settings(gates.REPO / "publishconf.py")["SITEURL"]
    problems = gates.check_links(published_site.output, siteurl=siteurl)
    assert not problems, gates.summarize(problems)


def test_the_link_checker_reports_each_kind_of_problem(tmp_path):
    """The gate itself can fail: a hand-made site with one problem of each kind."""
    (tmp_path / "berita" / "a").mkdir(parents=True)
    (tmp_path / "berita" / "a" / "index.html").write_text(
        '<!doctype html><html lang="id"><body><main id="isi">'
        '<h2 id="bagian">Bagian</h2>'
        '<a href="/berita/a/#bagian">ok</a> <a href="../../#isi">ok</a> <a href="#isi">ok</a>'
        '<a href="/berita/b/">hilang</a> <a href="/#tidak-ada">fragmen</a>'
        '<img src="/images/x.jpg" alt=""> <img srcset="/berita/a/ 1x, /y.jpg 2x" alt="">'
        '<nav class="menu"><a href="https://contoh.example.com/">luar</a></nav>'
        '<div class="share"><a href="https://wa.me/?text=x">WhatsApp</a></div>'
        '<script src="https://cdn.example.com/x.js"></script>'
        '<a href="mailto:humas@example.org">surel</a> <a href="/berita/a/%7Ex">kode</a>'
        "</main></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><body><main id="isi"></main></body></html>',
        encoding="utf-8",
    )
    problems = gates.check_links(tmp_path)
    text = "\n".join(problems)
    assert "no file for '/berita/b/'" in text
    assert "no element with id 'tidak-ada' in /" in text
    assert "no file for '/images/x.jpg'" in text
    assert "no file for '/y.jpg'" in text
    assert "no file for '/berita/a/~x'" in text  # URL-decoded before lookup
    assert "external link outside the allowed places" in text and "contoh.example.com" in text
    assert "resource from another host" in text and "cdn.example.com" in text
    assert len(problems) == 7, text  # the good links, the share link and mailto: pass
