"""Reader layout (issue 18) on the built sample site, in Debian's Chromium at
390×844 and 1366×768: the headline photo in the first screen and not lazy,
sized thumbnails with alt text in listings, a compact phone header with a
menu that works without JavaScript, the article's aside beside it on wide
screens, galleries with captions and credits, and the print stylesheet.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCREENS = {"phone": (390, 844), "desk": (1366, 768)}

GEOMETRY_JS = """(selector) => [...document.querySelectorAll(selector)].map((el) => {
  const box = el.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, left: box.left, right: box.right,
          width: box.width, height: box.height,
          visible: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'};
})"""


def first_article_with(sample_site, selector: str) -> str:
    for path in sorted(sample_site.output.glob("berita/*/*/*/index.html"), reverse=True):
        relative = path.parent.relative_to(sample_site.output).as_posix() + "/"
        if sample_site.html(relative).select_one(selector):
            return relative
    raise AssertionError(f"no article page has {selector}")


@pytest.fixture(params=sorted(SCREENS))
def page(request, browser, served_site):
    width, height = SCREENS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.base = served_site
    tab.screen = request.param
    yield tab
    context.close()


def geometry(tab, selector: str) -> list[dict]:
    return tab.evaluate(GEOMETRY_JS, selector)


def test_the_headline_photo_is_in_the_first_screen_sized_and_not_lazy(page):
    page.goto(page.base + "/", wait_until="load")
    img = page.locator(".headline img").first
    assert img.get_attribute("loading") != "lazy"
    assert img.get_attribute("fetchpriority") == "high"
    assert int(img.get_attribute("width")) > 0 and int(img.get_attribute("height")) > 0
    assert img.get_attribute("alt").strip()
    [box] = geometry(page, ".headline img")
    height = page.viewport_size["height"]
    assert box["visible"] and box["top"] < height * 0.5, box
    # The headline's title is in the first screen too, below or beside its photo.
    [title] = geometry(page, "#headline-title")
    assert title["top"] < height, (title, height)


@pytest.mark.parametrize(
    "listing", ["", "rubrik/berita/", "wilayah/sumatera-selatan/", "arsip/2024/"]
)
def test_listing_thumbnails_have_size_alt_and_load_lazily_below_the_fold(
    page, sample_site, listing
):
    page.goto(f"{page.base}/{listing}", wait_until="load")
    thumbs = page.locator(".card__thumb img")
    count = thumbs.count()
    assert count >= 2, f"/{listing} lists no article with a photo"
    boxes = geometry(page, ".card__thumb img")
    height = page.viewport_size["height"]
    for index in range(count):
        img = thumbs.nth(index)
        assert int(img.get_attribute("width")) > 0
        assert int(img.get_attribute("height")) > 0
        assert img.get_attribute("alt").strip()
        # (One page for every screen: the card at a phone's foot is the one
        # below a laptop's, so the first screen's cards load at once and those
        # past a screen and a half wait: test_listings_load_at_once_…)
        if boxes[index]["top"] > 1.5 * height:
            assert img.get_attribute("loading") == "lazy", (listing, index, boxes[index])
    # Every file named by a thumbnail (WebP source and JPEG fallback) exists.
    soup = sample_site.html(listing)
    for picture in soup.select(".card__thumb"):
        for url in [picture.source["srcset"], picture.img["src"]]:
            assert (sample_site.output / url.lstrip("/")).is_file(), url


def test_the_phone_header_is_compact_and_its_menu_opens_without_javascript(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served_site + "/", wait_until="load")
    [main] = geometry(tab, "main")
    assert main["top"] <= 130, main
    menu_link = tab.locator(".site-nav a", has_text="Arsip")
    assert not menu_link.is_visible()
    assert tab.locator(".site-header__search-link").is_visible()
    tab.locator(".site-menu summary").click()
    assert menu_link.is_visible()
    menu_link.click()
    assert tab.url.rstrip("/").endswith("/arsip")
    context.close()


def test_on_a_desk_the_menu_and_search_form_are_shown_at_once(browser, served_site):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    tab.goto(served_site + "/", wait_until="load")
    assert tab.locator(".site-nav a", has_text="Arsip").is_visible()
    assert not tab.locator(".site-menu summary").is_visible()
    assert tab.locator("#site-search-q").is_visible()
    context.close()


def test_the_article_aside_is_beside_the_article_on_a_desk_and_after_it_on_a_phone(
    page, sample_site
):
    path = first_article_with(sample_site, ".article-aside")
    page.goto(f"{page.base}/{path}", wait_until="load")
    [article] = geometry(page, "article.article")
    [aside] = geometry(page, ".article-aside")
    if page.screen == "desk":
        assert aside["left"] >= article["right"], (article, aside)
        assert aside["top"] < 400, aside
    else:
        assert aside["top"] >= article["bottom"], (article, aside)
    soup = sample_site.html(path)
    titles = [h.get_text(" ", strip=True) for h in soup.select(".article-aside h2")]
    assert titles[0].startswith("Sebelumnya dari "), titles
    assert "Tag berita ini" in titles
    [home] = soup.select(".article-aside .article-aside__home a")
    assert home.get_text(" ", strip=True) == "Berita terbaru →"


def test_a_gallery_shows_its_photos_in_a_grid_with_captions_and_credits(page, sample_site):
    path = first_article_with(sample_site, ".galeri")
    soup = sample_site.html(path)
    figures = soup.select(".galeri figure")
    assert len(figures) >= 2
    for figure in figures:
        assert figure.img["alt"].strip()
        assert figure.img["width"] and figure.img["height"]
        assert figure.figcaption.get_text(strip=True)
        assert figure.figcaption.small.get_text(strip=True)
    page.goto(f"{page.base}/{path}", wait_until="load")
    boxes = geometry(page, ".galeri figure")
    if page.screen == "desk":  # two columns in the article column
        assert abs(boxes[0]["top"] - boxes[1]["top"]) < 2 and boxes[1]["left"] > boxes[0]["right"]
    else:
        assert boxes[1]["top"] >= boxes[0]["bottom"]


def test_print_shows_the_article_and_its_photo_without_navigation(
    browser, served_site, sample_site
):
    path = first_article_with(sample_site, ".article__figure")
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    tab.goto(f"{served_site}/{path}", wait_until="load")
    tab.emulate_media(media="print")
    for hidden in (".site-nav", ".site-search", ".article-aside", ".breadcrumbs", ".share"):
        assert all(not box["visible"] for box in geometry(tab, hidden)), hidden
    assert tab.locator(".article__body").is_visible()
    [body] = geometry(tab, ".article__body")
    [photo] = geometry(tab, ".article__figure img")
    assert photo["visible"] and abs(photo["width"] - body["width"]) <= 2, (photo, body)
    context.close()


def test_a_region_without_news_in_the_charted_months_says_so_instead_of_an_empty_chart(site):
    site.article(
        "baru.md",
        slug="patroli-palembang",
        title="Bawaslu Kota Palembang Gelar Patroli Pengawasan",
        date="2024-11-20 09:00",
        wilayah="Kota Palembang",
    )
    site.article(
        "lama.md",
        slug="rakor-lahat",
        title="Bawaslu Kabupaten Lahat Rapat Koordinasi",
        date="2022-06-14 10:00",
        wilayah="Kabupaten Lahat",
    )
    built = site.build(PLUGINS=["enrichment", "regions"])
    assert built.returncode == 0, built.log
    active = built.html("wilayah/sumatera-selatan/kota-palembang/")
    assert active.select_one("svg.region-chart__svg") is not None
    quiet = built.html("wilayah/sumatera-selatan/kabupaten-lahat/")
    section = quiet.find(id="activity-title").parent
    assert section.select_one("svg, figure") is None
    sentence = section.select_one("p").get_text(" ", strip=True)
    assert sentence == (
        "Tidak ada berita dalam 12 bulan terakhir (Desember 2023 sampai November 2024)."
    )
    # The page still lists the region's news.
    links = [a["href"] for a in quiet.select(".card a[href]")]
    assert any("rakor-lahat" in href for href in links), links


def test_the_aside_lists_only_earlier_releases_of_the_region(sample_site):
    """Looking backwards, an article's aside does not change when a newer
    release is published: every release it lists is older than the article,
    its "Semua berita …" link has no count, and each link leads to a page."""
    from datetime import datetime

    pages = sorted(sample_site.output.glob("berita/*/*/*/index.html"))
    boxes = province_boxes = 0
    for path in pages:
        relative = path.parent.relative_to(sample_site.output).as_posix() + "/"
        soup = sample_site.html(relative)
        published = datetime.fromisoformat(soup.select_one(".article__meta time")["datetime"])
        region = soup.select_one(".article-aside [aria-labelledby='aside-region-title']")
        if region is None:
            continue
        boxes += 1
        title = region.h2.get_text(" ", strip=True).removeprefix("Sebelumnya dari ")
        for time in region.select("ul.compact-list time"):
            assert datetime.fromisoformat(time["datetime"]) <= published, relative
        for link in region.select("a[href]"):
            target = sample_site.output / link["href"].strip("/") / "index.html"
            assert target.is_file(), (relative, link["href"])
        [every] = [a for a in region.select("p > a") if a.get_text().startswith("Semua")]
        assert every.get_text(" ", strip=True) == f"Semua berita {title}", relative
        if title == "Sumatera Selatan":
            province_boxes += 1
    assert boxes > 0 and province_boxes > 0, (boxes, province_boxes)


def test_region_pages_load_at_once_the_thumbnails_of_the_first_phone_screen_only(
    browser, served_site, sample_site
):
    regions = sorted(sample_site.output.glob("wilayah/*/*/index.html"))
    regions += sorted(sample_site.output.glob("wilayah/*/index.html"))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    seen_above = 0
    try:
        for path in regions:
            url = "/" + path.parent.relative_to(sample_site.output).as_posix() + "/"
            tab.goto(served_site + url, wait_until="load")
            thumbs = tab.locator(".card__thumb img")
            for index, box in enumerate(geometry(tab, ".card__thumb img")):
                lazy = thumbs.nth(index).get_attribute("loading") == "lazy"
                if box["top"] < 844:
                    seen_above += 1
                    assert not lazy, (url, index, box)
                elif box["top"] > 2 * 844:
                    assert lazy, (url, index, box)
    finally:
        context.close()
    assert seen_above > 0


@pytest.mark.parametrize(
    "listing",
    [
        "",
        "halaman/2/",
        "rubrik/berita/",
        "tag/dpt/",
        "arsip/2024/",
        "penulis/humas-bawaslu-kota-palembang/",
    ],
)
def test_listings_load_at_once_the_thumbnails_of_their_first_screen(page, listing):
    """A thumbnail the reader sees without scrolling is not lazy (it waited
    for layout, after the rest of the page): the home's first card below the
    headline on a phone, the third card of a listing at 1366 × 768 were."""
    page.goto(f"{page.base}/{listing}", wait_until="load")
    height = page.viewport_size["height"]
    thumbs = page.locator(".card__thumb img")
    boxes = geometry(page, ".card__thumb img")
    assert boxes, listing
    for index, box in enumerate(boxes):
        lazy = thumbs.nth(index).get_attribute("loading") == "lazy"
        if box["top"] < height:
            assert not lazy, (page.screen, listing, index, box)
        elif box["top"] > 2 * height:
            assert lazy, (page.screen, listing, index, box)


@pytest.mark.parametrize(
    "index", ["tag/", "rubrik/", "penulis/", "pejabat/", "arsip/", "wilayah/", ""]
)
def test_the_links_of_index_lists_are_a_fingers_target_on_a_phone(browser, served_site, index):
    """On a touch screen each link of a list of links (tags, rubrik, authors,
    officials, months, regions, the footer) is at least 44 px tall: they were
    one 20 px line of text each, a little apart."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    try:
        tab.goto(f"{served_site}/{index}", wait_until="load")
        boxes = tab.evaluate(
            """() => [...document.querySelectorAll(
                'main ul > li > a:first-child, footer ul > li > a')]
              .filter((a) => !a.closest('.card-list, .compact-list, .tag-list, .share__list'))
              .map((a) => [a.textContent.trim(), a.getBoundingClientRect().height])"""
        )
        assert len(boxes) > 5, boxes
        assert [box for box in boxes if box[1] < 44] == []
    finally:
        context.close()


def test_home_rubrik_blocks_list_releases_the_main_column_does_not_show(sample_site):
    home = sample_site.html("")
    main = {a["href"] for a in home.select(".headline a[href], #latest-title ~ * .card a[href]")}
    assert len(main) >= 5, main
    blocks = home.select(".rubrik-block")
    assert blocks
    in_blocks = [a["href"] for block in blocks for a in block.select("ul a[href]")]
    assert in_blocks, "the rubrik blocks list nothing"
    assert not set(in_blocks) & main


def test_retitling_an_old_release_renders_again_only_pages_that_show_it(site):
    """The aside reads only the article's own region box (the releases of its
    region before it), not every article: a headline fixed in an old release
    leaves the other releases' pages alone (they were all rendered again when
    the aside read `articles`)."""
    import re

    offices = [("Kota Palembang", "PALEMBANG"), ("Kabupaten Lahat", "LAHAT")]
    for number in range(24):
        office, dateline = offices[number % 2]
        site.article(
            f"rilis-{number}.md",
            title=f"Bawaslu {office} Awasi Tahapan Pemilihan Bagian Ke-{number}",
            date=f"2024-{1 + number // 3:02d}-{1 + number % 3 * 9:02d} 09:00",
            slug=f"rilis-{number}",
            tags="Pilkada Serentak 2024",
            summary=f"Bawaslu {office} mengawasi tahapan pemilihan bagian ke-{number}.",
            body=f"{dateline} – Bawaslu {office} mengawasi tahapan pemilihan.",
        )
    first = site.build(verbose=True, SEARCH_ENABLED=False)
    assert first.returncode == 0, first.log
    pages = sorted(site.output.glob("berita/*/*/*/index.html"))
    assert len(pages) == 24
    before = {path: path.read_bytes() for path in pages}
    every_file = {p: p.read_bytes() for p in site.output.rglob("*") if p.is_file()}

    oldest = site.content / "berita" / "rilis-0.md"
    oldest.write_text(
        oldest.read_text(encoding="utf-8").replace("Bagian Ke-0", "Bagian Pertama"),
        encoding="utf-8",
    )
    second = site.build(verbose=True, SEARCH_ENABLED=False)
    assert second.returncode == 0, second.log
    changed = [path for path in pages if path.exists() and path.read_bytes() != before[path]]
    rendered = int(re.findall(r"writer: (\d+) files rendered", second.log)[-1])
    # Its own page, and the few whose aside ("Sebelumnya dari …": the next
    # releases of its region), "Baca juga" or neighbour links show it.
    assert site.output.joinpath("berita/2024/01/rilis-0/index.html") in changed
    assert len(changed) <= 6, [p.parent.name for p in changed]
    # Listings (some of every page of a paginated listing), feeds and those
    # pages: about 40. When the aside read `articles`, every article page too.
    differing = sorted(
        str(p.relative_to(site.output))
        for p, content in every_file.items()
        if not p.exists() or p.read_bytes() != content
    )
    assert rendered < 45, "\n".join(differing)
    assert len(differing) < rendered + 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_browser_bar_takes_the_header_colour_in_either_scheme(browser, served_site, scheme):
    """In the dark scheme a phone's browser bar stayed the light scheme's blue
    (#0b4f8a) above the darker header (#0d3d69): one theme-color for both.
    The theme-color the browser uses (the first whose media matches) is the
    header's background in either scheme."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(served_site + "/", wait_until="load")
        colours = tab.evaluate(
            """() => {
              const used = [...document.querySelectorAll('meta[name="theme-color"]')]
                .find((meta) => !meta.media || matchMedia(meta.media).matches);
              const probe = document.createElement('div');
              probe.style.color = used ? used.content : 'transparent';
              document.body.append(probe);
              const bar = getComputedStyle(probe).color;
              probe.remove();
              return {bar, header: getComputedStyle(document.querySelector('.site-header'))
                                     .backgroundColor};
            }"""
        )
    finally:
        context.close()
    assert colours["bar"] == colours["header"], colours


def test_a_screen_reader_hears_the_pagination_links_without_their_arrows(browser, served_site):
    """The links before and after the page numbers were named "‹ Sebelumnya"
    and "Berikutnya ›": a screen reader read out "single left-pointing angle
    quotation mark". The arrows are hidden from it, as the theme's others are."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(served_site + "/rubrik/berita/halaman/2/", wait_until="load")
        pagination = tab.get_by_role("navigation", name="Halaman")
        previous = pagination.get_by_role("link", name="Sebelumnya", exact=True).count()
        following = pagination.get_by_role("link", name="Berikutnya", exact=True).count()
        arrows = tab.evaluate(
            "() => [...document.querySelectorAll('.pagination a')].map((a) => a.innerText)"
        )
    finally:
        context.close()
    assert (previous, following) == (1, 1), arrows
    assert "‹ Sebelumnya" in arrows and "Berikutnya ›" in arrows  # still shown


def test_the_pagination_arrows_sit_inside_their_links_box(page):
    """The arrow of "Berikutnya ›" and "‹ Sebelumnya" (a span hidden from
    screen readers) got the bordered box of a page number: a box inside the
    link's box, and a link taller than the numbers beside it. Each link is
    one box now, as tall as the numbers."""
    page.goto(page.base + "/rubrik/berita/halaman/2/", wait_until="load")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.pagination li > *')].map((el) => ({
          text: el.innerText, height: el.getBoundingClientRect().height,
          inner: [...el.querySelectorAll('*')].filter((c) =>
            parseFloat(getComputedStyle(c).borderTopWidth) > 0).length}))"""
    )
    assert {"‹ Sebelumnya", "Berikutnya ›"} <= {box["text"] for box in boxes}, boxes
    assert all(box["inner"] == 0 for box in boxes), boxes
    assert len({round(box["height"]) for box in boxes}) == 1, boxes
