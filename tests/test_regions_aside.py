"""The article aside looks backwards (plugins/regions, partials/article_aside.html).

Every article page has an aside. When it listed the newest releases and a
count, one new release changed every article page of the site: the writer
rendered them all again and the publish pushed them all. Now it shows the
releases of the article's region published *before* it, the one published
next in that region, a link to all of the region's news (no count) and a link
to the newest releases on the home page: a new release changes its own page
and the page of its region's newest release until then, and leaves the others
as they were (the writer reuses them: the file is not written again).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import OFFICES, FixtureSite, assert_same_tree, clean_build_with, shipped_plugins

NO_SEARCH = {"SEARCH_ENABLED": False}

PALEMBANG = ("Kota Palembang", "PALEMBANG")
LAHAT = ("Kabupaten Lahat", "LAHAT")


def release(site: FixtureSite, slug: str, office, date: str, **extra) -> Path:
    name, dateline = office
    return site.article(
        f"{slug}.md",
        title=f"Bawaslu {name} {extra.pop('what', 'Awasi Tahapan Pemilihan')} ({slug})",
        date=date,
        slug=slug,
        author=f"Humas Bawaslu {name}",
        tags=extra.pop("tags", "Pilkada Serentak 2024"),
        summary=f"Bawaslu {name} mengawasi tahapan pemilihan ({slug}).",
        body=f"{dateline} – Bawaslu {name} mengawasi tahapan pemilihan.",
        **extra,
    )


def newsroom(site: FixtureSite) -> None:
    """Seven releases of Kota Palembang and five of Kabupaten Lahat over two
    months, two of the province office, and three Palembang releases that must
    never be listed: a draft, a hidden one and an embargoed one (dated 2099)."""
    for number in range(1, 8):
        release(site, f"palembang-{number}", PALEMBANG, f"2024-10-{2 * number:02d} 09:00")
    for number in range(1, 6):
        release(site, f"lahat-{number}", LAHAT, f"2024-10-{2 * number + 1:02d} 10:00")
    for number in (1, 2):
        site.article(
            f"sumsel-{number}.md",
            title=f"Bawaslu Provinsi Sumatera Selatan Gelar Rapat Koordinasi Ke-{number}",
            date=f"2024-10-{20 + number:02d} 08:00",
            slug=f"sumsel-{number}",
            author="Humas Bawaslu Provinsi Sumatera Selatan",
            summary=f"Bawaslu Provinsi Sumatera Selatan menggelar rapat koordinasi ke-{number}.",
            body="PALEMBANG – Bawaslu Provinsi Sumatera Selatan menggelar rapat koordinasi.",
            wilayah="Sumatera Selatan",
        )
    release(site, "palembang-draf", PALEMBANG, "2024-10-09 09:00", status="draft")
    release(site, "palembang-tersembunyi", PALEMBANG, "2024-10-11 09:00", status="hidden")
    release(site, "palembang-embargo", PALEMBANG, "2099-01-01 09:00")


def article_pages(output: Path) -> dict[str, int]:
    """Each article page's modification time: the writer moves a reused page
    back untouched and writes a rendered one again."""
    return {
        path.parent.name: path.stat().st_mtime_ns for path in output.glob("berita/*/*/*/index.html")
    }


def page_of(output: Path, slug: str) -> Path:
    [page] = output.glob(f"berita/*/*/{slug}/index.html")
    return page


def aside(built, slug: str):
    page = page_of(built.output, slug)
    return built.html(page.parent.relative_to(built.output).as_posix() + "/").select_one(
        "aside.article-aside"
    )


def slugs_of(links) -> list[str]:
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links]


def region_box(aside_element):
    return aside_element.select_one("section[aria-labelledby='aside-region-title']")


def test_the_aside_lists_the_earlier_releases_of_the_region_and_never_an_unlisted_one(site):
    newsroom(site)
    built = site.build(**NO_SEARCH)
    assert built.returncode == 0, built.log

    box = region_box(aside(built, "palembang-6"))
    assert box.h2.get_text(" ", strip=True) == "Sebelumnya dari Kota Palembang"
    # The four before it, newest first: not the draft (9 Oct), the hidden
    # release (11 Oct) or the embargoed one, not any later one.
    assert slugs_of(box.select("ul.compact-list a")) == [
        "palembang-5",
        "palembang-4",
        "palembang-3",
        "palembang-2",
    ]
    dates = [time["datetime"][:10] for time in box.select("ul.compact-list time")]
    assert dates == ["2024-10-10", "2024-10-08", "2024-10-06", "2024-10-04"]
    [later] = box.select("p.article-aside__next")
    assert later.select_one(".muted").get_text(strip=True) == "Berikutnya dari Kota Palembang"
    assert slugs_of(later.select("a")) == ["palembang-7"]
    [every] = [a for a in box.select("p > a") if a.get_text(strip=True).startswith("Semua")]
    assert every.get_text(" ", strip=True) == "Semua berita Kota Palembang"  # no count
    assert every["href"].rstrip("/").endswith("wilayah/sumatera-selatan/kota-palembang")
    [home] = aside(built, "palembang-6").select("p.article-aside__home a")
    assert home.get_text(" ", strip=True) == "Berita terbaru →"
    assert home["href"] in ("/", "")
    headings = [h.get_text(" ", strip=True) for h in aside(built, "palembang-6").select("h2")]
    assert headings == ["Sebelumnya dari Kota Palembang", "Tag berita ini"]

    # The region's first release: nothing before it, said in Indonesian.
    first = region_box(aside(built, "palembang-1"))
    assert first.select("ul a") == []
    assert first.select_one("p.muted").get_text(" ", strip=True) == (
        "Belum ada berita sebelumnya dari Kota Palembang."
    )
    # The region's newest listed release has no "next": the embargoed one waits.
    assert region_box(aside(built, "palembang-7")).select("p.article-aside__next") == []
    # A hidden release has its page and its aside, but is in no one's list.
    hidden_box = region_box(aside(built, "palembang-tersembunyi"))
    assert slugs_of(hidden_box.select("ul a"))[0] == "palembang-5"
    unlisted = {"palembang-draf", "palembang-tersembunyi", "palembang-embargo"}
    for page in built.output.glob("berita/*/*/*/index.html"):
        listed = slugs_of(aside(built, page.parent.name).select("a[href*='/berita/']"))
        assert not unlisted & set(listed), (page.parent.name, listed)

    # Lahat's releases see Lahat's; the province office's see the province's
    # (every region of it: Palembang and Lahat too), earlier ones only.
    lahat = region_box(aside(built, "lahat-3"))
    assert lahat.h2.get_text(" ", strip=True) == "Sebelumnya dari Kabupaten Lahat"
    assert slugs_of(lahat.select("ul a")) == ["lahat-2", "lahat-1"]
    province = region_box(aside(built, "sumsel-1"))
    assert province.h2.get_text(" ", strip=True) == "Sebelumnya dari Sumatera Selatan"
    assert slugs_of(province.select("ul a")) == [
        "palembang-7",  # 14 October
        "palembang-6",  # 12 October
        "lahat-5",  # 11 October
        "palembang-5",  # 10 October
    ]


def test_a_new_release_changes_only_the_asides_whose_next_it_is(site, tmp_path):
    """The aside alone (without the related plugin, which adds "Baca juga" and
    the site-wide previous/next links): one new release renders again its own
    page and those whose "Berikutnya" it becomes, no other article page."""
    without_related = {**NO_SEARCH, "PLUGINS": [p for p in shipped_plugins() if p != "related"]}
    newsroom(site)
    first = site.build(verbose=True, **without_related)
    assert first.returncode == 0, first.log
    before = article_pages(site.output)
    before_aside = {slug: str(aside(first, slug)) for slug in before}

    # The newest release of the site, in Kabupaten Lahat.
    release(site, "lahat-6", LAHAT, "2024-10-25 10:00")
    second = site.build(verbose=True, **without_related)
    assert second.returncode == 0, second.log
    after = article_pages(site.output)
    rendered = sorted(slug for slug, stamp in after.items() if before.get(slug) != stamp)
    # Lahat's newest until now and the province office's newest (the
    # province's box follows every release of the province, as its page does).
    assert rendered == ["lahat-5", "lahat-6", "sumsel-2"], rendered
    changed_aside = sorted(
        slug for slug in before if str(aside(second, slug)) != before_aside[slug]
    )
    assert changed_aside == ["lahat-5", "sumsel-2"]
    for slug in changed_aside:
        later = region_box(aside(second, slug)).select(".article-aside__next a")
        assert slugs_of(later) == ["lahat-6"], slug
    assert slugs_of(region_box(aside(second, "lahat-6")).select("ul a")) == [
        "lahat-5",
        "lahat-4",
        "lahat-3",
        "lahat-2",
    ]
    # The same files as a clean build: nothing the pages show was missed.
    clean = clean_build_with(
        site, tmp_path, **without_related, WRITER_INCREMENTAL=False, WRITER_WORKERS=1
    )
    assert_same_tree(site.output, clean.output)


def test_with_every_plugin_a_new_release_renders_a_handful_of_article_pages(site):
    """A year of releases of six offices (240), then one more: a few article
    pages are rendered again, not all of them. Besides the aside's "Berikutnya",
    the related plugin changes the page of the site's newest release until
    then (its "Berikutnya" below the article) and the "Baca juga" lists the new
    release joins; the writer also renders again the pages whose "Baca juga"
    or neighbour links show one of those (their files come out the same)."""
    start = dt.datetime(2024, 1, 1, 9, 0)
    tags = ["Politik Uang", "Netralitas ASN", "Pengawasan Partisipatif", "Kampanye"]
    for number in range(240):
        office = OFFICES[number % len(OFFICES)]
        date = start + dt.timedelta(hours=33 * number)
        release(
            site,
            f"rilis-{number}",
            office,
            f"{date:%Y-%m-%d %H:%M}",
            tags=f"Pilkada Serentak 2024, {tags[number // 6 % len(tags)]}",
        )
    first = site.build(verbose=True, **NO_SEARCH)
    assert first.returncode == 0, first.log
    before = article_pages(site.output)
    before_bytes = {slug: page_of(site.output, slug).read_bytes() for slug in before}
    before_aside = {slug: str(aside(first, slug)) for slug in before}
    assert len(before) == 240

    newest_lahat = max(n for n in range(240) if OFFICES[n % len(OFFICES)] == LAHAT)
    release(site, "rilis-baru", LAHAT, f"{start + dt.timedelta(hours=33 * 240):%Y-%m-%d %H:%M}")
    second = site.build(verbose=True, **NO_SEARCH)
    assert second.returncode == 0, second.log
    after = article_pages(site.output)
    rendered = sorted(slug for slug, stamp in after.items() if before.get(slug) != stamp)
    changed = sorted(
        slug for slug in before if page_of(site.output, slug).read_bytes() != before_bytes[slug]
    )
    print(f"article pages rendered again: {len(rendered)} of {len(after)}: {rendered}")
    print(f"article pages whose file changed: {len(changed)}: {changed}")
    changed_aside = [slug for slug in before if str(aside(second, slug)) != before_aside[slug]]
    assert changed_aside == [f"rilis-{newest_lahat}"]
    # The site's newest until now: its "Berikutnya" below the article.
    assert changed == sorted({f"rilis-{newest_lahat}", "rilis-239"}), changed
    # Measured: 12 of 241 (every article page before the aside looked backwards).
    assert "rilis-baru" in rendered and len(rendered) <= 15, rendered


def test_the_box_is_the_first_kabupaten_kota_of_the_home_province_else_the_province():
    from plugins.regions.pages import aside_region_code
    from warta.enrichment import Place, RegionRef

    province = Place("16", "Sumatera Selatan", "provinsi", "wilayah/sumatera-selatan/")
    palembang = Place("16.71", "Kota Palembang", "kota", "wilayah/sumatera-selatan/kota-palembang/")
    jakarta = Place("31", "DKI Jakarta", "provinsi", "wilayah/dki-jakarta/")
    kecamatan = RegionRef(
        "16.71.04", "Ilir Barat Satu", "kecamatan", "", ancestors=(province, palembang)
    )
    in_palembang = RegionRef(*vars(palembang).values(), ancestors=(province,))
    in_sumsel = RegionRef(*vars(province).values())
    in_jakarta = RegionRef(
        "31.71", "Kota Administrasi Jakarta Pusat", "kota", "", ancestors=(jakarta,)
    )
    boxes = {"16", "16.71"}
    # A kecamatan's box is its kabupaten/kota.
    assert aside_region_code([kecamatan], boxes, "16") == "16.71"
    # A kabupaten/kota wins over the province, whatever their order.
    assert aside_region_code([in_sumsel, in_palembang], boxes, "16") == "16.71"
    assert aside_region_code([in_sumsel], boxes, "16") == "16"
    # Outside the home province: no box (its first region is not in it).
    assert aside_region_code([in_jakarta, in_sumsel], boxes, "16") is None
    assert aside_region_code([], boxes, "16") is None


def test_a_release_about_a_region_with_no_page_yet_renders_a_handful_of_article_pages(site):
    """The first release about a kabupaten and kecamatan makes their region
    pages; the pages of the other releases do not show them, and must not
    render again. (A hidden release's header names a region without a page
    unlinked: what says so is kept in that article's own enrichment, not as the
    site's list of region pages, which every article page would then read.)"""
    for number in range(30):
        office = OFFICES[number % len(OFFICES)]
        date = f"2024-10-{number % 28 + 1:02d} {9 + number % 8:02d}:00"
        release(site, f"rilis-{number}", office, date)
    first = site.build(**NO_SEARCH)
    assert first.returncode == 0, first.log
    before = article_pages(site.output)
    release(
        site,
        "rilis-rupit",
        ("Kabupaten Musi Rawas Utara", "RUPIT"),
        "2024-09-02 09:00",  # before all the others: nobody's "Berikutnya"
        tags="Netralitas ASN",  # in no other release's related list
        wilayah="Musi Rawas Utara",
    )
    second = site.build(**NO_SEARCH)
    assert second.returncode == 0, second.log
    region_page = "wilayah/sumatera-selatan/kabupaten-musi-rawas-utara/index.html"
    assert (site.output / region_page).is_file()
    after = article_pages(site.output)
    rendered = sorted(slug for slug, stamp in after.items() if before.get(slug) != stamp)
    # Measured: 7 of 31 (all 31 while every article page read the list of region pages).
    assert "rilis-rupit" in rendered and len(rendered) <= 8, rendered
