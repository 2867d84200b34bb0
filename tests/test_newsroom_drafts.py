"""Drafts and embargo: previewed at /draf/ in the development build, never public."""

from __future__ import annotations

from conftest import article_text, line_of


def build_with_draft_and_embargo(site, *, publish: bool):
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    site.article("2024/draf.md", slug="masih-draf", date="2024-11-18 09:30", status="draft")
    site.article("2099/pleno.md", slug="embargo-pleno", date="2099-01-02 08:00")
    return site.build(publish=publish)


def releases_with_a_line(site, lines: dict[str, str]) -> None:
    """A release per name, dated 2024-11-18, with its line added at the end of
    the front matter (line 8)."""
    for name, line in lines.items():
        text = article_text(slug=f"zz-{name}", date="2024-11-18 09:30")
        site.article(f"2024/{name}.md", text.replace("\n\n", f"\n{line}\n\n", 1))


def article_urls(built) -> set[str]:
    return {item["url"].split("/berita/", 1)[1] for item in built.json("feed.json")["items"]}


def test_drafts_and_embargoed_articles_are_previewed_only_in_development(site):
    built = build_with_draft_and_embargo(site, publish=False)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {"2024/11/sudah-terbit/"}
    assert (site.output / "draf/masih-draf/index.html").exists()
    assert (site.output / "draf/embargo-pleno/index.html").exists()
    home_links = {a["href"] for a in built.html("").find_all("a", href=True)}
    assert not any("masih-draf" in href or "embargo-pleno" in href for href in home_links)


def test_the_public_build_never_writes_drafts_or_embargoed_articles(site):
    built = build_with_draft_and_embargo(site, publish=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {"2024/11/sudah-terbit/"}
    written = built.files()
    assert not [path for path in written if "masih-draf" in path or "embargo-pleno" in path]
    assert not (site.output / "draf").exists()


def test_an_embargoed_article_is_published_once_its_time_has_come(site):
    site.article("2099/pleno.md", slug="embargo-pleno", date="2099-01-02 08:00")
    # The same source, built "after" its date: Pelican compares with the build time,
    # which WITH_FUTURE_DATES stands in for here.
    built = site.build(publish=True, WITH_FUTURE_DATES=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {"2099/01/embargo-pleno/"}


def test_a_page_is_held_back_as_an_article_is_and_said_once_at_its_line(site):
    """Pages (content/halaman/) had their own rule: a future `Date:` was
    published at once (its sitemap date in the future), and a page held back
    by `Embargo:`, `Stauts: draft`, `draft: true`, `Published: false`, `Terbit:
    tidak` or `Draf: ya` was held back with no word, where an article gets one
    line with the fix. A page now waits for its Date: as an article does, and
    each held-back page is said once at its line."""
    flags = {
        "embargo": "Embargo: 2099-03-01 10:00",
        "stauts": "Stauts: draft",
        "draft": "draft: true",
        "published": "Published: false",
        "terbit": "Terbit: tidak",
        "draf": "Draf: ya",
    }
    for name, line in flags.items():
        site.page(f"{name}.md", f"Title: Halaman {name.title()}\nSlug: zq-{name}\n{line}\n\nIsi.\n")
    site.page("nanti.md", "Title: Halaman Nanti\nSlug: zq-nanti\nDate: 2099-03-01 10:00\n\nIsi.\n")
    site.page("kini.md", "Title: Halaman Kini\nSlug: zq-kini\nDate: 2024-03-01 10:00\n\nIsi.\n")

    for publish in (False, True):
        built = site.build(publish=publish)
        assert built.returncode == 0, built.log
        said = [f for f in built.findings() if f.path.startswith("content/halaman/")]
        held = {
            (f.path, f.line, f.level)
            for f in said
            if "is read as Status: draft: this page is not published" in f.message
        }
        assert held == {(f"content/halaman/{name}.md", 3, "warning") for name in flags}, said
        [embargo] = [f for f in said if f.path == "content/halaman/nanti.md"]
        assert (embargo.line, embargo.level) == (3, "suggestion"), embargo
        assert embargo.message.startswith("embargoed until 2099-03-01 10:00 WIB"), embargo
        assert len(said) == len(flags) + 1, said
        written = built.files()
        assert "zq-kini/index.html" in written
        assert not [path for path in written if path.startswith("zq-") and "kini" not in path]
        sitemap = built.text("sitemap.xml")
        assert "zq-kini" in sitemap and "zq-nanti" not in sitemap and "2099" not in sitemap
        previews = {path for path in written if path.startswith("draf/halaman/")}
        expected = {f"draf/halaman/zq-{name}/index.html" for name in [*flags, "nanti"]}
        assert previews == (set() if publish else expected)


def test_a_release_in_a_drafts_folder_is_a_draft_and_said_at_the_file(site):
    """A release under content/berita/draf/, drafts/ or _drafts/ (any case, at
    any depth) was published with no word, where staff put it to keep it
    back. It is a draft: previewed at /draf/ in the development build, never
    written by the public one, cold or warm, and said once at the file; a
    copy of a published release kept there (its Slug: too) stops nothing."""
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    folders = {
        "draf": "draf",
        "drafts": "drafts",
        "garis": "_drafts",
        "tahun": "2024/Draf",
        "dalam": "DRAFTS/2024",
    }
    for name, folder in folders.items():
        site.article(f"{folder}/{name}.md", slug=f"zq-{name}", date="2024-11-18 09:30")
    site.article("draf/salinan.md", slug="sudah-terbit", date="2024-11-17 09:30")
    site.page("draf/halaman.md", "Title: Halaman Draf\nSlug: zq-halaman\n\nIsi.\n")
    kept = {f"content/berita/{folder}/{name}.md" for name, folder in folders.items()}
    kept |= {"content/berita/draf/salinan.md", "content/halaman/draf/halaman.md"}

    for publish in (False, True):
        for _ in ("cold", "warm"):
            built = site.build(publish=publish)
            assert built.returncode == 0, built.log
            said = [f for f in built.findings() if "drafts folder" in f.message]
            assert {f.path for f in said} == kept and len(said) == len(kept), said
            assert {f.level for f in said} == {"suggestion"}
            assert all("move it out of the" in f.message for f in said), said
            assert not [f for f in built.findings("error")], built.log
            assert article_urls(built) == {"2024/11/sudah-terbit/"}
            written = built.files()
            assert not [path for path in written if "zq-" in path and "draf/" not in path]
            previews = {path for path in written if path.startswith("draf/")}
            expected = {f"draf/zq-{name}/index.html" for name in folders}
            expected |= {"draf/halaman/zq-halaman/index.html"}
            assert expected <= previews if not publish else previews == set(), previews
            page = built.html("berita/2024/11/sudah-terbit/")
            assert (
                page.h1.get_text(strip=True)
                == "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan"
            )


YAML_DRAFT = """\
---
title: "Bawaslu Kota Palembang Siapkan Rilis Zqxyamldraft"
date: 2024-11-18 09:30
slug: yaml-draf
draft: true
---

PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis yang belum boleh terbit.
"""


def test_another_generators_draft_flag_keeps_a_release_unpublished_and_is_said(site):
    """`draft: true` (Hugo, Decap) and `published: false` (Jekyll) were read as
    unknown keys: the release went out in every listing and feed."""
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    site.article("2024/yaml.md", YAML_DRAFT)
    site.article("2024/ya.md", slug="draft-ya", date="2024-11-18 10:00", draft="ya")
    site.article("2024/jekyll.md", slug="jekyll-draf", date="2024-11-18 11:00", published="false")
    site.article("2024/lepas.md", slug="draft-false", date="2024-11-18 12:00", draft="false")
    # A yes or a no as people write one: as meant; anything else: a draft.
    site.article("2024/terbit-ya.md", slug="published-ya", date="2024-11-18 13:00", published="ya")
    site.article("2024/tidak.md", slug="draft-tidak", date="2024-11-18 14:00", draft="tidak")
    site.article("2024/ragu.md", slug="draft-ragu", date="2024-11-18 15:00", draft="mungkin")
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {
        "2024/11/sudah-terbit/",
        "2024/11/draft-false/",
        "2024/11/published-ya/",
        "2024/11/draft-tidak/",
    }
    written = built.files()
    assert not [p for p in written if "yaml-draf" in p or "draft-ya" in p or "jekyll" in p]
    said = sorted(
        w.split(" (write 'Status: draft'")[0]
        for w in built.log_lines("warning")
        if "is read as Status: draft" in w
    )
    assert said == [
        "berita/2024/jekyll.md:8: 'Published: false' is read as Status: draft: "
        "this release is not published",
        "berita/2024/ragu.md:8: 'Draft: mungkin' is read as Status: draft (neither a yes nor "
        "a no): this release is not published",
        "berita/2024/ya.md:8: 'Draft: ya' is read as Status: draft: this release is not published",
        "berita/2024/yaml.md:5: 'draft: true' is read as Status: draft: "
        "this release is not published",
    ]
    development = site.build()
    assert development.returncode == 0, development.log
    assert (site.output / "draf/yaml-draf/index.html").exists()


def test_a_draft_with_a_published_releases_address_does_not_stop_the_site(site):
    site.article("2024/terbit.md", slug="rapat-pleno", date="2024-11-17 09:30")
    site.article("2024/draf.md", slug="rapat-pleno", date="2024-11-18 09:30", status="draft")
    site.article("2024/pleno-2.md", slug="rapat-pleno-2", date="2099-01-02 08:00")
    site.article("2024/lama.md", slug="rapat-pleno-2", date="2024-10-02 08:00")
    site.article("2099/terbit-lagi.md", slug="rapat-lain", date="2024-01-03 08:00")
    site.article("2099/embargo-2.md", slug="rapat-lain", date="2024-01-03 09:00", status="draft")
    built = site.build(publish=True, strict=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {
        "2024/11/rapat-pleno/",
        "2024/01/rapat-lain/",
        "2024/10/rapat-pleno-2/",
    }
    said = [s for s in built.log_lines("suggestion") if "not published yet" in s]
    assert sorted(s.split(": not")[0] for s in said) == [
        "berita/2024/draf.md:3",
        "berita/2099/embargo-2.md:3",
    ], built.log
    namesake = [s for s in built.log_lines("suggestion") if "is also used by" in s]
    assert [s.split(": Slug")[0] for s in namesake] == ["berita/2024/pleno-2.md:3"]


def test_two_unpublished_releases_at_one_address_do_not_stop_the_public_site(site):
    """Two embargoed releases with one headline (the CMS numbers an address
    against published releases only), one with no Slug: at all: Pelican's
    duplicate among its drafts was an error on both, and the public build (the
    hourly run that publishes embargoed releases) failed for releases it does
    not even write. Now a suggestion on each, once, with its line when known."""
    title = "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan Kampanye"
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    site.article("2099/satu.md", title=title, date="2099-01-02 08:00")
    site.article("2099/dua.md", title=title, date="2099-01-09 08:00")
    site.article("2099/tiga.md", slug="rapat-pleno", date="2099-01-03 08:00", status="draft")
    site.article("2099/empat.md", slug="rapat-pleno", date="2099-01-04 08:00", status="draft")
    built = site.build(publish=True, strict=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {"2024/11/sudah-terbit/"}
    said = [(f.path, f.line) for f in built.findings() if "same address" in f.message]
    assert sorted(said, key=str) == sorted(
        [
            ("content/berita/2099/satu.md", None),
            ("content/berita/2099/dua.md", None),
            ("content/berita/2099/tiga.md", 3),
            ("content/berita/2099/empat.md", 3),
        ],
        key=str,
    ), built.log
    assert {f.level for f in built.findings() if "same address" in f.message} == {"suggestion"}
    assert [f for f in built.findings() if f.level in ("error", "warning")] == [], built.log


def test_two_unpublished_releases_at_one_address_do_not_stop_the_development_build(site):
    """Two embargoed releases with one `Slug:`: their previews cannot both be
    at /draf/<slug>/. The writer said so as an error that failed the
    development build (and `invoke build --strict`, CI) for two releases
    nobody reads yet, and said nothing when the file also had an unrelated
    warning (a short summary), which hid its held-back error. Now one
    suggestion on the release not previewed, as content_lint's on the same
    `Slug:` line, whatever else is said of it."""
    short = "Ringkasan rapat yang terlalu pendek"  # 35 characters: a warning
    pairs = {"pleno": None, "kampanye": short}
    for slug, summary in pairs.items():
        for number in (1, 2):
            fields = {"summary": summary} if summary else {}
            site.article(
                f"2099/{slug}-{number}.md",
                title=f"Bawaslu Kota Palembang Gelar Rapat {slug.title()} Ke-{number}",
                slug=f"rapat-{slug}",
                date=f"2099-01-0{number} 10:00",
                **fields,
            )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    assert built.findings("error") == [], built.log
    for slug in pairs:
        names = {f"content/berita/2099/{slug}-{n}.md" for n in (1, 2)}
        said = [f for f in built.findings() if "not previewed" in f.message]
        [refused] = [f for f in said if f.path in names]
        assert (refused.line, refused.level) == (3, "suggestion"), built.log
        [previewed] = names - {refused.path}
        assert f"/draf/rapat-{slug}/ is the preview of {previewed.split('/', 1)[1]}" in (
            refused.message
        )
        number = previewed.removesuffix(".md")[-1]
        title = built.html(f"draf/rapat-{slug}/").find("h1").get_text(strip=True)
        assert title.endswith(f"Ke-{number}"), title


def test_a_slug_shared_by_two_drafts_is_one_line_at_the_one_not_previewed(site):
    """Two drafts with one `Slug:` were told twice at the Slug: line of the one
    not previewed: content_lint's "not published yet: once they are, it has
    the same address …" (or "Slug '…' is also used by …", dated in other
    months) and the writer's "not previewed: its preview address … is the
    preview of …". Now one line says both, with one suggestion. A draft whose
    preview a published page takes (its own Save_as:) keeps the writer's line."""
    pairs = {
        "kembar": ("2024-11-10 10:00", "2024-11-12 10:00"),  # one month: one address
        "bulan": ("2024-10-10 10:00", "2024-12-10 10:00"),  # two months: one Slug
    }
    for slug, dates in pairs.items():
        for number, date in enumerate(dates, 1):
            site.article(
                f"2024/{slug}-{number}.md",
                title=f"Bawaslu Kota Palembang Gelar Rapat {slug.title()} Ke-{number}",
                slug=f"rapat-{slug}",
                date=date,
                status="draft",
            )
    site.article("2024/lain.md", slug="rapat-lain", date="2024-11-13 10:00", status="draft")
    taker = article_text(title="Bawaslu Kota Palembang Gelar Rapat Pleno Terbuka", slug="pleno")
    site.article(
        "2024/terbit.md", taker.replace("\n\n", "\nSave_as: draf/rapat-lain/index.html\n\n", 1)
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    for slug, address in (("kembar", "/berita/2024/11/rapat-kembar/"), ("bulan", None)):
        names = {f"content/berita/2024/{slug}-{n}.md" for n in (1, 2)}
        title = built.html(f"draf/rapat-{slug}/").find("h1").get_text(strip=True)
        previewed = f"content/berita/2024/{slug}-{title[-1]}.md"
        [refused] = names - {previewed}
        [said] = [f for f in built.findings() if f.path == refused and f.line == 3]
        assert said.level == "suggestion", built.log
        other = previewed.removeprefix("content/")
        assert f"/draf/rapat-{slug}/ is the preview of {other}" in said.message, said
        if address:  # the address they will share once published, where there is one
            assert f"the same address {address} as {other}" in said.message, said
        assert said.message.endswith("(give one of them another Slug before they are published)")
        # The release previewed is told of the Slug too, once.
        [told] = [f for f in built.findings() if f.path == previewed and f.line == 3]
        assert "not previewed" not in told.message, told
    [taken] = [f for f in built.findings() if f.path == "content/berita/2024/lain.md"]
    assert (taken.line, taken.level) == (3, "suggestion"), built.log
    assert "/draf/rapat-lain/ is taken by berita/2024/terbit.md" in taken.message, taken


def test_an_indented_status_line_is_an_error_not_a_published_draft(site):
    """`    Status: draft` below `Summary:` (four spaces, or a tab) is more of the
    summary to Pelican's reader: the draft went out under "build ok", its page
    saying "… Status: draft"."""
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    for name, indent in (("spasi", "    "), ("tab", "\t")):
        text = article_text(slug=f"draf-{name}", date="2024-11-18 09:30")
        text = text.replace("\n\n", f"\n{indent}Status: draft\n\n", 1)
        site.article(f"2024/{name}.md", text)
    built = site.build(publish=True)
    assert built.returncode == 1, built.log
    errors = [(f.path, f.line, f.message.split(",")[0]) for f in built.findings("error")]
    assert sorted(errors) == [
        ("content/berita/2024/spasi.md", 8, "'Status: draft' is indented"),
        ("content/berita/2024/tab.md", 8, "'Status: draft' is indented"),
    ], built.log


def test_a_draft_flag_in_indonesian_or_misspelt_never_lets_a_release_out(site):
    """`Draf: ya`, `Terbit: tidak`, `Stauts: draft`, `Status-Draft: yes`,
    `Embargo: …`: unknown keys, ignored without a word, and every one of
    these releases was published."""
    site.article("2024/sudah.md", slug="sudah-terbit", date="2024-11-17 09:30")
    flags = {
        "draf": "Draf: ya",
        "terbit": "Terbit: tidak",
        "stauts": "Stauts: draft",
        "statu": "Statu: draft",
        "status-draft": "Status-Draft: yes",
        "embargo": "Embargo: 2026-12-20 10:00",
    }
    releases_with_a_line(site, flags)
    built = site.build(publish=True)
    assert article_urls(built) == {"2024/11/sudah-terbit/"}, built.log
    assert not [p for p in built.files() if "zz-" in p], built.log
    said = sorted((f.path.rsplit("/", 1)[1], f.line, f.level) for f in built.findings())
    assert said == sorted(
        (f"{name}.md", 8, "warning")  # read as Status: draft, and said once
        for name in flags
    ), built.log
    [embargo] = [f for f in built.findings() if f.path.endswith("embargo.md")]
    assert "write 'Date: 2026-12-20 10:00'" in embargo.message, embargo


def test_a_draft_flag_indented_or_with_a_space_before_its_colon_is_an_error(site):
    """`    Draf: ya` (indented) was more of the Summary, `Draf : ya` the first
    line of the text: both drafts went out under "check ok"."""
    site.article("2024/sudah.md", slug="sudah-terbit", date="2024-11-17 09:30")
    lines = {
        "indent-draf": "    Draf: ya",
        "indent-draft": "    draft: true",
        "tab-terbit": "\tTerbit: tidak",
        "indent-embargo": "    Embargo: 2099-01-01",
        "space-draf": "Draf : ya",
        "space-embargo": "Embargo : 2099-01-01 10:00",
    }
    releases_with_a_line(site, lines)
    built = site.build(publish=True)
    assert built.returncode == 1, built.log
    errors = sorted((f.path.rsplit("/", 1)[1], f.line) for f in built.findings("error"))
    assert errors == sorted((f"{name}.md", 8) for name in lines), built.log


def test_keys_that_only_look_like_publication_keys_hold_nothing_back(site):
    """`Publisher:`, `Stats: 120`, `Status-Laporan: selesai` and a publishDate
    no later than Date: (Hugo, Decap) held correct releases back as drafts."""
    lines = {
        "publisher": "Publisher: Bawaslu Kabupaten Lahat",
        "stats": "Stats: 120",
        "status-laporan": "Status-Laporan: selesai",
        "publishdate": "publishDate: 2024-11-18",
        "published-at": "published_at: 2024-11-18T02:30:00Z",
    }
    releases_with_a_line(site, lines)
    built = site.build(publish=True, strict=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {f"2024/11/zz-{name}/" for name in lines}


def test_a_later_embargo_key_holds_the_release_back_and_gives_the_date_to_write(site):
    text = article_text(slug="zz-embargo", date="2024-11-18 09:30")
    site.article(
        "2024/embargo.md", text.replace("\n\n", "\nEmbargo: 5 Desember 2026 pukul 10.00 WIB\n\n", 1)
    )
    built = site.build(publish=True)
    assert article_urls(built) == set(), built.log
    [said] = [f for f in built.findings() if f.line == 8]
    assert said.level == "warning" and "'Date: 2026-12-05 10:00'" in said.message, said


def test_a_misspelt_status_with_a_state_the_site_does_not_know_is_held_back(site):
    """`Stauts: pending`, `Statu: belum` were a suggestion ("unknown key")
    and "check ok", and the public build published them (`Status: pending`
    is an error); `Stauts: published` says the release is out."""
    lines = {"pending": "Stauts: pending", "belum": "Statu: belum", "keluar": "Stauts: published"}
    releases_with_a_line(site, lines)
    built = site.build(publish=True)
    assert article_urls(built) == {"2024/11/zz-keluar/"}, built.log
    said = sorted((f.path.rsplit("/", 1)[1], f.line, f.level) for f in built.findings())
    assert said == [
        ("belum.md", 8, "warning"),
        ("keluar.md", 8, "suggestion"),
        ("pending.md", 8, "warning"),
    ], built.log


def yaml_release(name: str, lines: str) -> str:
    """A `---` front matter with `lines` after its date (line 4 on)."""
    return (
        f"---\ntitle: Bawaslu Kota Palembang Siapkan Rilis Zqx{name}\n"
        f"date: 2024-11-18 09:30\nslug: zz-{name}\n{lines}---\n\n"
        "PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis yang belum boleh terbit.\n"
    )


def test_a_draft_flag_anywhere_in_a_yaml_front_matter_keeps_the_release_unpublished(site):
    """A value over several lines as yaml.safe_dump writes it, a `|+` block
    scalar with a blank line in it, or a quoted key: the front matter ended
    early or the key went unread, and the draft was published with
    `draft: true` shown in its text."""
    one, two = (
        "Rapat koordinasi pengawasan tahapan kampanye",
        "di seluruh kecamatan Kota Palembang.",
    )
    releases = {
        "quoted": f"summary: '{one}.\n\n\n  {two}'\ndraft: true\n",
        "keep": f"summary: |+\n  {one} {two}\n\ndraft: true\n",
        "folded": f"summary: >-\n  {one}\n\n  {two}\n\ndraft: true\n",
        "key": '"draft": true\n',
        "plain": f"summary: {one}\n  {two}\n'draft': yes\n",
    }
    for name, lines in releases.items():
        site.article(f"2024/{name}.md", yaml_release(name, lines))
    site.article("2024/sudah.md", slug="sudah-terbit", date="2024-11-17 09:30")
    built = site.build(publish=True)
    assert article_urls(built) == {"2024/11/sudah-terbit/"}, built.log
    assert not [p for p in built.files() if "zz-" in p], built.log
    said = sorted(
        (f.path.rsplit("/", 1)[1], f.line, f.level) for f in built.findings() if f.line
    )  # (not release_defaults' "supplied Category …", said of the file)
    draft_lines = {"quoted": 9, "keep": 8, "folded": 10, "key": 5, "plain": 7}
    assert said == sorted((f"{name}.md", line, "warning") for name, line in draft_lines.items()), (
        built.log
    )


def test_a_yaml_front_matter_that_cannot_be_read_is_one_error_at_its_line(site):
    site.article("2024/tab.md", yaml_release("tab", "tags:\n  - Pemilu 2029\n\tdraft: true\n"))
    built = site.build(publish=True)
    assert built.returncode == 1, built.log
    said = [(f.path.rsplit("/", 1)[1], f.line, f.level) for f in built.findings() if f.line]
    assert said == [("tab.md", 7, "error")], built.log


def test_a_front_matter_error_is_said_once_without_its_consequences(site):
    """A tab before `Draf: ya` below `Tags:` also gave "unknown tag 'Pemilu
    2029 Draf: ya'", and `Status : draft` (read as the lead) "no region"."""
    for name, line in {"tab": "Tags: Pemilu 2029\n\tDraf: ya", "spasi": "Status : draft"}.items():
        text = article_text(slug=f"zz-{name}", date="2024-11-18 09:30", tags="")
        site.article(f"2024/{name}.md", text.replace("\n\n", f"\n{line}\n\n", 1))
    built = site.build(publish=True)
    assert built.returncode == 1, built.log
    said = sorted((f.path.rsplit("/", 1)[1], f.line, f.level) for f in built.findings() if f.line)
    assert said == [("spasi.md", 7, "error"), ("tab.md", 8, "error")], built.log


UNCLOSED_HEAD = """\
---
title: Bawaslu Lahat Gelar Rapat Evaluasi Pengawasan Tahapan {n}
date: 2024-11-13 10:00
slug: belum-tutup-{n}
category: Berita
"""
UNCLOSED_LEAD = (
    "\nLAHAT – Bawaslu Kabupaten Lahat menggelar rapat evaluasi pengawasan tahapan kampanye "
    "pada Rabu (13/11/2024).\n"
)


def test_a_draft_flag_of_a_dashed_front_matter_with_no_closing_line_holds_it_back(site):
    """A `---` front matter with no closing `---`: read only to its first
    blank line, so `draft: true` below a quoted summary over two paragraphs,
    or below a blank line, was the page's text, and the public build
    published it (its page, feeds, sitemap), the check saying nothing or
    two lines for it. It is read as the block a CMS means, up to the
    release's text."""
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    quoted = (
        'summary: "Bawaslu Kabupaten Lahat menggelar rapat evaluasi pengawasan tahapan.\n\n'
        'Rapat dihadiri seluruh Panwaslu Kecamatan se-Kabupaten Lahat."\ndraft: true\n'
    )
    below = (
        "summary: Bawaslu Kabupaten Lahat menggelar rapat evaluasi distribusi logistik "
        "Pilkada 2024.\n\ndraft: true\n"
    )
    site.article("2024/kutip.md", UNCLOSED_HEAD.format(n=1) + quoted + UNCLOSED_LEAD)
    site.article("2024/kosong.md", UNCLOSED_HEAD.format(n=2) + below + UNCLOSED_LEAD)
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {"2024/11/sudah-terbit/"}
    assert not [p for p in built.files() if "belum-tutup" in p]
    assert not [p for p in built.files() if p.endswith(".xml") and "belum-tutup" in built.text(p)]
    said = [
        (f.path, f.line, f.level, f.message.split(" (")[0])
        for f in built.findings()
        if f.path.endswith(("kutip.md", "kosong.md")) and f.line is not None
    ]
    flag = "'draft: true' is read as Status: draft: this release is not published"
    assert sorted(said) == [
        ("content/berita/2024/kosong.md", 8, "warning", flag),
        ("content/berita/2024/kutip.md", 9, "warning", flag),
    ]


def test_a_draft_flag_below_a_lead_like_a_key_holds_back_and_the_lead_stays_the_text(site):
    """`LAHAT: Bawaslu …` after the blank line of a `---` block, then
    `Embargo: …` and a `---` rule: the embargo kept the whole block YAML, so
    the lead was a key (the check said to delete it) and left the page. A
    `draft: true` below the blank line of a `Title:` block was published as
    the page's text, with two lines said of it. Each holds the release back
    with one line, and the lead is its text."""
    lead = "LAHAT: Bawaslu Kabupaten Lahat menggelar rapat koordinasi pengawasan tahapan."
    site.article(
        "2024/embargo.md",
        "---\ntitle: Bawaslu Lahat Gelar Rapat Koordinasi Pengawasan\ndate: 2024-11-12 10:00\n"
        "slug: rapat-embargo\ntags: Pilkada 2024\n\n"
        f"{lead}\n\nEmbargo: hingga Selasa pukul 10.00 WIB.\n\n---\n\n"
        "Narahubung: Humas Bawaslu Kabupaten Lahat\n",
    )
    site.article(
        "2024/bawah.md",
        article_text(slug="draf-di-bawah", date="2024-11-14 10:00").replace(
            "\n\n", "\n\ndraft: true\n\n", 1
        ),
    )
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {"2024/11/sudah-terbit/"}
    assert not [p for p in built.files() if "rapat-embargo" in p or "draf-di-bawah" in p]
    said = sorted(
        (f.path.rsplit("/", 1)[1], f.line, f.level)
        for f in built.findings()
        if f.path.endswith(("embargo.md", "bawah.md")) and f.line is not None
    )
    draft_line = line_of(site.content / "berita/2024/bawah.md", "draft: true")
    assert said == [("bawah.md", draft_line, "warning"), ("embargo.md", 9, "warning")]
    development = site.build()
    assert development.returncode == 0, development.log
    page = development.html("draf/rapat-embargo/")
    assert lead in [p.get_text(" ", strip=True) for p in page.find_all("p")]


LAHAT_HEAD = (
    "---\ntitle: Bawaslu Kabupaten Lahat Awasi Debat Publik {tag}\ndate: 2024-11-19 12:00\n"
    "slug: {slug}\ncategory: Berita\nauthor: Humas Bawaslu Kabupaten Lahat\n"
    "summary: Bawaslu Kabupaten Lahat mengawasi debat publik pasangan calon bupati.\n"
)
LAHAT_LEAD = "LAHAT- Bawaslu Kabupaten Lahat mengawasi debat publik {tag}."


def test_a_draft_flag_anywhere_below_the_front_matter_holds_the_release_back(site):
    """A `draft: true` after a `LAHAT-` lead of a `---` block with no closing
    line (with or without a blank line before the lead), `Status: draft` after
    the lead of a `Title:` block, `- draft: true` below the lead of a `---`
    block closed further down: each was published, the check silent. Each is
    held back now, with one warning at its line."""
    releases = {
        "unc": LAHAT_HEAD + "\n" + LAHAT_LEAD + "\n\ndraft: true\n",
        "nobl": LAHAT_HEAD + LAHAT_LEAD + "\n\ndraft: true\n",
        "nobt": article_text(
            slug="zz-nobt", date="2024-11-19 11:00", body=LAHAT_LEAD.format(tag="NOBT")
        ).replace("\n\n", "\n", 1)
        + "\nStatus: draft\n",
        "title": article_text(
            slug="zz-title", date="2024-11-19 11:00", body=LAHAT_LEAD.format(tag="TITLE")
        )
        + "\n\tPublished: 'no'\n",
        "list": LAHAT_HEAD + "\n" + LAHAT_LEAD + "\n\n- draft: true\n\n---\n\nNarahubung: Humas\n",
    }
    for name, text in releases.items():
        site.article(f"2024/{name}.md", text.format(tag=f"R{name.upper()}", slug=f"zz-{name}"))
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {"2024/11/sudah-terbit/"}
    assert not [p for p in built.files() if "zz-" in p]
    for listing in ("sitemap.xml", "feed.xml", "feed.json"):
        assert "zz-" not in built.text(listing), listing
    said = sorted(
        (f.path.rsplit("/", 1)[1], f.line, f.level)
        for f in built.findings()
        if f.path.rsplit("/", 1)[1][:-3] in releases and f.line is not None
    )
    flag_lines = {
        name: next(
            n
            for n, line in enumerate(text.splitlines(), 1)
            if line.strip().lstrip("- ").lower().startswith(("draft:", "status:", "published:"))
        )
        for name, text in releases.items()
    }
    assert said == sorted((f"{name}.md", line, "warning") for name, line in flag_lines.items())
    # (where it is said as it is: the lead, not a blank line, ends some of these)
    messages = {
        f.path.rsplit("/", 1)[1]: f.message.split(": this release")[0]
        for f in built.findings()
        if f.path.endswith("nobl.md") and f.line is not None
    }
    assert messages == {
        "nobl.md": "'draft: true' is below the front matter, in the release's text, and "
        "is read as Status: draft"
    }


def test_a_tab_indented_draft_flag_read_as_more_of_the_title_holds_it_back():
    """`Title: …` then a tab-indented `draft: true`: an error, yet the
    publishing build made a page titled '… draft: true'. The reader hands
    Pelican `Status: draft`."""
    import markdown

    from warta.markdown_source import SourceExtension

    text = article_text(title="Bawaslu Lahat Awasi Kampanye").replace(
        "\nDate:", "\n\tdraft: true\nDate:", 1
    )
    md = markdown.Markdown(extensions=["meta", SourceExtension()])
    md.convert(text)
    assert md.Meta["status"] == ["draft"]


def test_report_and_invitation_lines_like_keys_are_the_text_and_hold_nothing_back(site):
    """`Status: Diregistrasi` in a report paragraph after the lead, `Status:
    Siaga 1 ditetapkan …` as the first paragraph, `Tayang: Sabtu malam …` in
    an invitation: the release's text, published as written, with no line
    said of them (they held releases back, one named as an unknown key)."""
    lead = "LAHAT: Bawaslu Kabupaten Lahat meregistrasi laporan dugaan politik uang."
    report = "Nomor: 012/Reg/LP/PB/Kab/06.07/XI/2024\nStatus: Diregistrasi"
    bodies = {
        "laporan": f"{lead}\n\n{report}\n\nPemeriksaan para pihak dimulai pekan ini.",
        "siaga": "Status: Siaga 1 ditetapkan BPBD Kabupaten Lahat sejak Senin pagi.\n\n" + lead,
        "tayang": f"{lead}\n\nTayang: Sabtu malam, langsung di TVRI Sumatera Selatan.",
    }
    for name, body in bodies.items():
        site.article(f"2024/{name}.md", article_text(slug=f"zz-{name}", body=body))
    site.article(
        "2024/dashed.md",
        LAHAT_HEAD.format(tag="RDASH", slug="zz-dashed")
        + "\n"
        + LAHAT_LEAD.format(tag="RDASH")
        + "\n\nKetua Bawaslu hadir.\n\nStatus: Diregistrasi dan dalam kajian awal.\n\n---\n\n"
        + "Narahubung: Humas\n",
    )
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    urls = article_urls(built)
    assert {url.split("/")[2] for url in urls} == {
        "zz-laporan",
        "zz-siaga",
        "zz-tayang",
        "zz-dashed",
    }
    held = [
        f for f in built.findings() if "not published" in f.message or "unknown key" in f.message
    ]
    assert held == []
    texts = {
        url.split("/")[2]: [
            p.get_text(" ", strip=True) for p in built.html("berita/" + url).find_all("p")
        ]
        for url in urls
    }
    assert "Status: Diregistrasi dan dalam kajian awal." in texts["zz-dashed"]
    assert any("Status: Diregistrasi" in p for p in texts["zz-laporan"])
    assert "Tayang: Sabtu malam, langsung di TVRI Sumatera Selatan." in texts["zz-tayang"]
    assert any(p.startswith("Status: Siaga 1") for p in texts["zz-siaga"])


def test_a_dashes_line_inside_an_open_quoted_title_is_one_error_at_the_title(site):
    """`title: "Rapat Pleno …` / `---` / `Bawaslu Mengawasi"` / `tags: …` /
    `---`: the first `---` closed the front matter, and the release went out
    with a stray quote in its title, the rest of the title and the tags as
    its text. An error at the title's line, which fails the build."""
    site.article(
        "2024/kutip.md",
        '---\ntitle: "Rapat Pleno Kabupaten Lahat Zqxkutip\n---\nBawaslu Mengawasi"\n'
        "date: 2024-11-18 09:30\nslug: zz-kutip\ntags: Pilkada 2024\n---\n\n"
        "LAHAT- Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi suara.\n",
    )
    site.article(
        "2024/daftar.md",
        yaml_release("daftar", "tags: [Pilkada 2024, Rekapitulasi\n...\n  Suara]\n"),
    )
    built = site.build(publish=True)
    assert built.returncode == 1, built.log
    said = [(f.path.rsplit("/", 1)[1], f.line, f.level) for f in built.findings() if f.line]
    assert sorted(said) == [("daftar.md", 5, "error"), ("kutip.md", 2, "error")], built.log


def test_release_schedule_and_visibility_keys_hold_the_release_back_and_innocent_ones_do_not(
    site,
):
    """`Release-Date:`, `Jadwal:`, `Go-Live:` later than the Date:, `Tampil:
    tidak`, `Rahasia: ya`, `Pending: true`, a note naming an embargo or a
    draft: each was an "unknown key" suggestion, and the release went out (the
    strict build too). Each is held back now with the warning a misspelt
    publication key gets; a schedule key of something else, an earlier release
    date, a visibility key with no yes or no, and a known key naming a draft
    regulation hold nothing back."""
    held = {
        "release-date": "Release-Date: 2024-11-20",
        "rilis": "Rilis: 2024-11-20",
        "tanggal-rilis": "Tanggal-Rilis: 2024-11-20 09:00",
        "jadwal": "Jadwal: 2024-11-20 09:00",
        "scheduled": "Scheduled: 2024-11-20",
        "go-live": "Go-Live: 2024-11-20",
        "release-camel": "releaseDate: 2024-11-20",
        "tampil": "Tampil: tidak",
        "rahasia": "Rahasia: ya",
        "private": "Private: true",
        "visible": "Visible: false",
        "unlisted": "Unlisted: true",
        "publikasi": "Publikasi: tidak",
        "tahan": "Tahan: ya",
        "ditahan": "Ditahan: ya",
        "hold": "Hold: true",
        "pending": "Pending: true",
        "keterangan": "Keterangan: EMBARGO hingga 20 November 2024",
        "catatan": "Catatan: draf, jangan diterbitkan dulu",
        "masih": "Catatan: masih draf",
    }
    innocent = {
        "sidang": "Jadwal-Sidang: 2024-11-25",
        "lebih-awal": "Release-Date: 2024-11-17",
        "narasumber": "Tampil: Ketua Bawaslu Kota Palembang",
        "humas": "Publikasi: Humas Bawaslu Kota Palembang",
        "rapat": "Keterangan: Rapat pleno terbuka untuk umum",
        "tampil-ya": "Tampil: ya",
        "deskripsi": "Deskripsi: Draf PKPU Kampanye dibahas bersama jajaran",
        "hitung": "Keterangan: Embargo hasil hitung cepat berakhir pukul 15.00 WIB",
        "sumber": "Sumber: https://sumsel.bawaslu.go.id/draf/siaran-pers.pdf",
    }
    releases_with_a_line(site, {**held, **innocent})
    site.article(
        "2024/pkpu.md",
        article_text(
            slug="zz-pkpu",
            date="2024-11-18 09:30",
            summary="Bawaslu Kota Palembang membahas draf PKPU bersama jajaran pengawas ad hoc.",
        ),
    )
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {f"2024/11/zz-{name}/" for name in [*innocent, "pkpu"]}
    assert not [p for p in built.files() if any(f"zz-{name}/" in p for name in held)]
    warned = {
        (f.path.rsplit("/", 1)[1], f.line, f.level)
        for f in built.findings()
        if f.level != "suggestion"
    }
    # (`Deskripsi:` is the key meant as Summary:, said so, and published)
    meant = {("deskripsi.md", 8, "warning")}
    assert warned == {(f"{name}.md", 8, "warning") for name in held} | meant, built.log
    said = {f.path.rsplit("/", 1)[1]: f.message for f in built.findings("warning")}
    assert "read as Status: draft" not in said["deskripsi.md"], said
    assert "write 'Summary: Draf PKPU" in said["deskripsi.md"], said
    assert said["tampil.md"].startswith(
        "unknown key 'Tampil: tidak' is read as Status: draft: this release is not published"
    ), said
    assert "write 'Date: 2024-11-20'" in said["release-date.md"], said


def test_a_key_with_a_letter_other_than_a_to_z_is_said_and_held_back_as_its_letters_read(site):
    """`Stätus: draft`, `Émbargo: …`, `Drаft: true` with a Cyrillic а: no
    reader reads such a key, so the line ended the front matter, no word was
    said, and the release went out. A key that reads as a publication key
    once its letters are folded (accents off, look-alikes as Latin letters)
    holds the release back, at its line, also in a `---` block; any other is
    named at its line with the key to write."""
    held = {
        "umlaut": "Stätus: draft",
        "accent": "Émbargo: 2099-12-09",
        "dze": "\u0405tatus: draft",
        "cyr-a": "Dr\u0430ft: true",
        "cyr-o": "Embarg\u043e: 2099-12-09",
    }
    named = {"zirk": "Zirkeyé: nilai", "terbit": "Stätus: published"}
    releases_with_a_line(site, {**held, **named, "mid": "Zirkeyé: nilai\nRegion: Kota Palembang"})
    site.article(
        "2024/yaml.md",
        "---\ntitle: Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan\n"
        "date: 2024-11-18 09:30\nslug: zz-yaml\nÉmbargo: 2099-12-09\n---\n\n"
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n",
    )
    built = site.build(publish=True)
    assert article_urls(built) == {f"2024/11/zz-{name}/" for name in [*named, "mid"]}, built.log
    said = {
        (f.path.rsplit("/", 1)[1], f.line, f.level)
        for f in built.findings()
        if f.level != "suggestion"
    }
    assert said == {
        *((f"{name}.md", 8, "warning") for name in [*held, *named]),
        ("yaml.md", 5, "warning"),
        ("mid.md", 8, "error"),
    }, built.log
    messages = {f.path.rsplit("/", 1)[1]: f for f in built.findings() if f.level != "suggestion"}
    assert "is read as Status: draft" in messages["cyr-a.md"].message
    assert "U+0430 CYRILLIC SMALL LETTER A" in messages["cyr-a.md"].message
    assert "is read as Status: draft" in messages["yaml.md"].message
    assert messages["zirk.md"].message.endswith(
        "(write the key in the letters A–Z: 'Zirkeye: nilai')"
    )
    assert messages["terbit.md"].message.startswith(
        "'Stätus:' is not read as a key: 'ä' is not A–Z"
    )
    assert messages["mid.md"].message.endswith("'Zirkeye: nilai')")


def test_a_folder_or_file_named_as_a_draft_holds_the_release_back_with_a_warning(site):
    """A release in `embargo/`, `Draf Desember/`, `belum-terbit/` … or named
    `DRAF-zirkon.md`, `zirkon.draft.md`, `EMBARGO 7 Des - zirkon.md` was
    published with "0 warning(s)": only a folder named draf/drafts/draft
    exactly held it back. A folder or file whose words name a draft or an
    embargo holds it back now, with a warning naming that folder or file;
    a file named after its title's own words (`…-kritisi-draf-pkpu.md` of
    "… Draf PKPU") and other names are published."""
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    folders = {
        "embargo": "embargo",
        "garis": "_embargo",
        "unpublished": "unpublished",
        "belum": "belum-terbit",
        "desember": "Draf Desember",
        "lama": "draft-lama",
        "tahun": "drafts-2026",
        "old": "draf.old",
        "jangan": "Draft (jangan terbit)",
    }
    files = {
        "depan": "2024/DRAF-zqx.md",
        "titik": "2024/zqx.draft.md",
        "belakang": "2024/zqx-draf.md",
        "spasi": "2024/EMBARGO 7 Des - zqx.md",
    }
    for name, folder in folders.items():
        site.article(f"{folder}/a.md", slug=f"zq-{name}", date="2024-11-18 09:30")
    for name, path in files.items():
        site.article(path, slug=f"zq-{name}", date="2024-11-18 09:30")
    site.article(
        "2024/2024-11-18-bawaslu-kritisi-draf-pkpu.md",
        title="Bawaslu Kota Palembang Kritisi Draf PKPU Kampanye",
        slug="zz-pkpu",
        date="2024-11-18 10:00",
    )
    site.article("konsep-acara/a.md", slug="zz-konsep", date="2024-11-18 11:00")
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {
        "2024/11/sudah-terbit/",
        "2024/11/zz-pkpu/",
        "2024/11/zz-konsep/",
    }
    assert not [p for p in built.files() if "zq-" in p]
    said = {f.path: f for f in built.findings() if f.level != "suggestion"}
    expected = {f"content/berita/{folder}/a.md" for folder in folders.values()}
    expected |= {f"content/berita/{path}" for path in files.values()}
    assert set(said) == expected, built.log
    assert {(f.line, f.level) for f in said.values()} == {(None, "warning")}
    assert said["content/berita/Draf Desember/a.md"].message == (
        "the folder 'Draf Desember/' says 'draf': read as Status: draft, this release is not "
        "published (previewed at /draf/ in the development build) "
        "(to publish it, move it out of the Draf Desember/ folder)"
    )
    assert said["content/berita/2024/EMBARGO 7 Des - zqx.md"].message.endswith(
        "(to publish it, rename the file without 'embargo')"
    )
    development = site.build()
    assert development.returncode == 0, development.log
    assert (site.output / "draf/zq-desember/index.html").exists()


def test_a_draft_name_is_found_as_fold_reads_it_past_the_quick_check():
    """`draft_name` skips a plain ASCII path holding no stem of a draft word
    (most paths): every word and pair holds one, and a name `fold` reads as
    one (an apostrophe, an accent, wide letters, a soft hyphen) is still one."""
    from warta.published import _DRAFT_STEMS, DRAFT_NAME_PAIRS, DRAFT_NAME_WORDS, draft_name

    said = [*DRAFT_NAME_WORDS, *(" ".join(pair) for pair in DRAFT_NAME_PAIRS)]
    assert all(any(stem in words for stem in _DRAFT_STEMS) for words in said)
    for path, found in [
        ("berita/dr'aft/a.md", ("dr'aft/", "draft")),
        ("berita/DRÁF/a.md", ("DRÁF/", "draf")),
        ("berita/\uff24\uff32\uff21\uff26.md", ("\uff24\uff32\uff21\uff26.md", "draf")),
        ("berita/em\u00adbargo-a.md", ("em\u00adbargo-a.md", "embargo")),
        ("berita\\belum-terbit\\a.md", ("belum-terbit/", "belum terbit")),
        ("berita/2024/bawaslu-sosialisasi-pengawasan.md", None),
    ]:
        assert draft_name(path) == found, path
    assert draft_name("berita/bawaslu-kritisi-draf-pkpu.md", "Bawaslu Kritisi Draf PKPU") is None


def test_an_embargo_or_draft_notice_at_the_start_of_the_title_holds_the_release_back(site):
    """`Title: [EMBARGO 7/12] …`, `DRAF - …`, `[DRAFT] …`, `JANGAN TERBIT …`:
    the release was published at once with its notice as the page's heading
    (the strict build too). The title's notice holds it back now, with a
    warning at the Title: line; a title whose own words are "Draf",
    "Embargo" or "Jangan Terbitkan" is published."""
    place = "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan"
    held = {
        "kurung": f"[EMBARGO 7/12] {place}",
        "strip": f"DRAF - {place}",
        "draft": f"[DRAFT] {place}",
        "jangan": f"JANGAN TERBIT {place}",
        "titik-dua": f"Draft: {place}",
    }
    innocent = {
        "pkpu": "Bawaslu Kota Palembang Bahas Draf PKPU Kampanye",
        "draf-awal": "Draf PKPU Kampanye Dibahas Bawaslu Kota Palembang",
        "hitung": "Embargo Hasil Hitung Cepat Berakhir Pukul 15.00 WIB",
        "hoaks": "Jangan Terbitkan Hoaks, Bawaslu Kota Palembang Imbau Warga",
    }
    for name, title in {**held, **innocent}.items():
        site.article(f"2024/{name}.md", title=title, slug=f"zz-{name}", date="2024-11-18 09:30")
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert article_urls(built) == {f"2024/11/zz-{name}/" for name in innocent}, built.log
    said = {
        (f.path.rsplit("/", 1)[1], f.line, f.level)
        for f in built.findings()
        if f.level != "suggestion"
    }
    assert said == {(f"{name}.md", 1, "warning") for name in held}, built.log
    [kurung] = [f for f in built.findings() if f.path.endswith("/kurung.md")]
    assert kurung.message == (
        "the title starts with '[EMBARGO 7/12]', which is read as Status: draft: this release "
        "is not published (to hold it back, write 'Status: draft' (an embargo: the Date: it "
        "goes out) and take '[EMBARGO 7/12]' out of the title; to publish, take it out)"
    )


# An embargo notice pasted at the top of the text, as a release's letterhead
# writes it, and the Date: it stands for (WIB).
EMBARGO_NOTICES = {
    "hingga": ("EMBARGO hingga Kamis, 10 Desember 2026 pukul 10.00 WIB", "2026-12-10 10:00"),
    "pisah": ("EMBARGO – hingga 10 Desember 2026 pukul 10.00 WIB", "2026-12-10 10:00"),
    "di": ("DIEMBARGO HINGGA 10 DESEMBER 2026", "2026-12-10"),
    "tebal": ("**EMBARGO:** Kamis, 10 Desember 2026 pukul 10.00 WIB", "2026-12-10 10:00"),
    "sd": ("Embargo s.d. 10 Desember 2026 pukul 10.00 WIB", "2026-12-10 10:00"),
    "garis": ("Embargo s/d 10/12/2026 pukul 10.00 WIB", "2026-12-10 10:00"),
    "sampai": ("Embargo sampai: 10/12/2026 10.00 WIB", "2026-12-10 10:00"),
    "miring": ("_Embargo: 10/12/2026_", "2026-12-10"),
    "wita": ("*Embargo hingga Kamis (10/12/2026) pukul 11.00 WITA.*", "2026-12-10 10:00"),
    "inggris": ("EMBARGOED UNTIL 10 December 2026 10:00 WIB", "2026-12-10 10:00"),
    "kutipan": ("> **Embargo sampai dengan 10 Desember 2026 pukul 10.00 WIB**", "2026-12-10 10:00"),
    # the same hold in other words
    "untuk": ("Untuk diterbitkan: 10 Desember 2026 pukul 10.00 WIB", "2026-12-10 10:00"),
    "siar": ("UNTUK DISIARKAN 10 DESEMBER 2026 PUKUL 10.00 WIB", "2026-12-10 10:00"),
    "larang": ("Dilarang terbit sebelum 10 Desember 2026", "2026-12-10"),
}


def test_an_embargo_notice_at_the_top_of_the_text_holds_the_release_back(site):
    """`EMBARGO hingga Kamis, 10 Desember 2026 pukul 10.00 WIB` above the lead
    (and `**EMBARGO:** …`, `Embargo sampai: …`, `DIEMBARGO HINGGA …`) was
    published at once, in the sitemap and the feeds, with no line or a line
    about the lead's date: only `Embargo: …` held a release back. Each holds
    it back as `Embargo:` does, with a line at the notice naming the Date: to
    write; one with no time (`hingga pemberitahuan lebih lanjut`) too, and one
    under a letterhead's first line, in the same paragraph."""
    lead = "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat evaluasi pengawasan tahapan."
    notices = {
        **{
            name: (f"{notice}\n\n{lead}", 9, date)
            for name, (notice, date) in EMBARGO_NOTICES.items()
        },
        "lanjut": (f"EMBARGO hingga pemberitahuan lebih lanjut\n\n{lead}", 9, None),
        "kop": (
            f"SIARAN PERS\nEmbargo hingga 10 Desember 2026 pukul 10.00 WIB\n\n{lead}",
            10,
            "2026-12-10 10:00",
        ),
    }
    for name, (body, _, _) in notices.items():
        site.article(f"2024/{name}.md", slug=f"zz-{name}", date="2024-11-18 09:30", body=body)
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    built = site.build(publish=True)
    assert article_urls(built) == {"2024/11/sudah-terbit/"}, built.log
    assert not [p for p in built.files() if "zz-" in p], built.log
    for name, (_, line, date) in notices.items():
        held = [
            f
            for f in built.findings()
            if f.path.endswith(f"/{name}.md") and "read as Status: draft" in f.message
        ]
        assert [(f.line, f.level) for f in held] == [(line, "warning")], (name, built.log)
        written = f"write 'Date: {date}'" if date else "'Date: YYYY-MM-DD HH:MM' (WIB)"
        assert written in held[0].message, held


def test_a_draft_notice_at_the_top_of_the_text_holds_the_release_back(site):
    """`**DRAF — belum boleh terbit**` pasted above the lead was published at
    once, with no line; it holds the release back, with one line at the notice."""
    lead = "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat evaluasi pengawasan tahapan."
    site.article(
        "2024/draf.md",
        slug="zz-draf",
        date="2024-11-18 09:30",
        body=f"**DRAF — belum boleh terbit**\n\n{lead}",
    )
    site.article("2024/terbit.md", slug="sudah-terbit", date="2024-11-17 09:30")
    built = site.build(publish=True)
    assert article_urls(built) == {"2024/11/sudah-terbit/"}, built.log
    said = [f for f in built.findings() if f.path.endswith("/draf.md") and f.line == 9]
    assert [f.level for f in said] == ["warning"], built.log
    assert said[0].message.startswith(
        "the notice '**DRAF — belum boleh terbit**' is in the release's text, "
        "and is read as Status: draft: this release is not published"
    )
    assert "write 'Status: draft' in the front matter" in said[0].message


def test_a_key_line_meta_does_not_read_that_ends_the_front_matter_holds_the_release_back(site):
    """`Status naskah: draft`, `Status = draft`, `Catatan redaksi: masih draf`
    and the CMS's label `Diturunkan pada: …` as the front matter's last line
    ended it and were published as the lead, with no line said; `Status：draft`
    and `Belum terbit: ya` were an error, and the release was written all the
    same. Each was meant as front matter, and holds the release back with one
    line at its line. A lead written with no blank line above it is still
    the lead."""
    site.article("2024/sudah.md", slug="sudah-terbit", date="2024-11-17 09:30")
    lines = {
        "status-naskah": "Status naskah: draft",
        "status-sama": "Status = draft",
        "status-pisah": "Status - draft",
        "status-titik": "Status. draft",
        "catatan-redaksi": "Catatan redaksi: masih draf, tunggu persetujuan ketua",
        "diturunkan-pada": "Diturunkan pada: 2024-12-01 10:00",
        "berlaku-hingga": "Berlaku hingga: 2024-12-01 10:00",
        "tanggal-diturunkan": "Tanggal diturunkan: 2024-12-01",
        "status-lebar": "Status\uff1adraft",  # (a full-width colon: an error of its own)
        "belum-terbit": "Belum terbit: ya",
    }
    releases_with_a_line(site, lines)
    leads = {
        "lead-dash": "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi.",
        "lead-dot": "Palembang. Bawaslu Kota Palembang menggelar rapat koordinasi.",
        "lead-status": "STATUS = WASPADA",
        # The lead's paragraph below it is its text, whatever its lines say.
        "lead-jadwal": "PALEMBANG – KPU Sumsel menggelar debat publik kedua.\n"
        "Jadwal tayang: Sabtu malam di TVRI Sumsel.",
        "lead-kutip": 'Ketua Bawaslu Sumsel mengimbau: "Jangan terbitkan berita hoaks."',
    }
    releases_with_a_line(site, leads)
    built = site.build(publish=True)

    assert article_urls(built) == {"2024/11/sudah-terbit/"} | {
        f"2024/11/zz-{name}/" for name in leads
    }, built.log
    said = [
        (f.path.rsplit("/", 1)[1], f.line)
        for f in built.findings()
        if f.level in ("warning", "error")
        and ("not published" in f.message or "the front matter ends" in f.message)
        and f.path.rsplit("/", 1)[1][:-3] in lines
    ]
    assert sorted(said) == sorted((f"{name}.md", 8) for name in lines), built.log
    held = [f for f in built.findings() if "not published" in f.message]
    assert not [f for f in held if f.path.rsplit("/", 1)[1][:-3] in leads], built.log


def test_a_hidden_release_is_said_to_be_published_at_its_address(site):
    """`Status: hidden` publishes the release at its address (left out of the
    lists): said as a suggestion, with the status that keeps it off the site;
    `Status: sembunyi` is told both."""
    releases_with_a_line(site, {"hidden": "Status: hidden", "sembunyi": "Status: sembunyi"})
    built = site.build(publish=True)

    hidden = [f for f in built.findings() if f.path.endswith("hidden.md")]
    assert [(f.line, f.level) for f in hidden] == [(8, "suggestion")], built.log
    assert "at its own address only" in hidden[0].message
    assert "'Status: draft'" in hidden[0].message
    assert (built.output / "berita/2024/11/zz-hidden/index.html").is_file()
    hint = [f.message for f in built.findings("error") if f.path.endswith("sembunyi.md")]
    assert len(hint) == 1 and "'Status: draft'" in hint[0] and "'Status: hidden'" in hint[0]
