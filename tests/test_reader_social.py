"""What a link preview and a search engine read from the public build's pages:
OpenGraph and Twitter tags on every page kind, and the NewsArticle JSON-LD of
every article with the fields Google asks for (headline of at most 110
characters, image, dates with their offset, author, publisher logo), also
for a title with quotes, `</script>` and an emoji and a release without a
photo."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

import gates
from conftest import REPO

HEADLINE_MAX = 110


@pytest.fixture(scope="module")
def siteurl() -> str:
    from warta.build import load_settings

    return load_settings(REPO / "publishconf.py")["SITEURL"]


def local_file(output: Path, siteurl: str, url: str) -> Path:
    """The built file an absolute URL of the site names (none for another URL)."""
    if not url.startswith(siteurl + "/"):
        return output / "(not an address of the site)"
    path = urlsplit(url).path[len(urlsplit(siteurl).path) :].lstrip("/")
    target = output / path
    return target / "index.html" if url.endswith("/") else target


def metas(page) -> dict[str, str]:
    found = {}
    for meta in page.tree.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            found[key] = meta.get("content")
    return found


def json_ld(tree) -> list[dict]:
    return [json.loads(s.text) for s in tree.xpath("//script[@type='application/ld+json']")]


def test_every_page_kind_has_a_preview_with_an_image(published_site, siteurl):
    """Only article pages had an og:image: a link to the home page, a region,
    a tag or a listing shared in WhatsApp showed no picture. Pages without a
    photo of their own show the site's logo, as a small square card."""
    problems = []
    kinds = gates.page_kinds(published_site.output)
    for pattern, page in kinds.items():
        if pattern == "/404.html" or pattern.startswith("admin"):
            continue
        found = metas(page)
        [canonical] = page.tree.xpath("//link[@rel='canonical']/@href")
        where = f"{page.url} [{pattern}]"
        if canonical != siteurl + page.url:
            problems.append(f"{where}: canonical {canonical!r}")
        if found.get("og:url") != canonical:
            problems.append(f"{where}: og:url {found.get('og:url')!r} is not the canonical")
        for key in ("og:title", "og:description", "og:type", "twitter:title"):
            if not (found.get(key) or "").strip():
                problems.append(f"{where}: no {key}")
        image = found.get("og:image")
        if not image:
            problems.append(f"{where}: no og:image")
            continue
        file = local_file(published_site.output, siteurl, image)
        if not file.is_file():
            problems.append(f"{where}: og:image {image} is no file")
            continue
        with Image.open(file) as picture:
            kind, (width, height) = picture.format, picture.size
        if kind not in ("PNG", "JPEG", "WEBP", "GIF"):
            problems.append(f"{where}: og:image is {kind}")
        large = width >= 1200 and width > height
        wanted = "summary_large_image" if large else "summary"
        if found.get("twitter:card") != wanted:
            problems.append(
                f"{where}: twitter:card {found.get('twitter:card')!r} for {width}×{height}"
            )
    assert not problems, "\n".join(problems)
    assert "berita/*/*/*/" in kinds and "wilayah/*/*/" in kinds


def article_problems(page, output: Path, siteurl: str) -> list[str]:
    [title] = page.tree.xpath("//main//h1")
    title = title.text_content().strip()
    [article] = [block for block in json_ld(page.tree) if block.get("@type") == "NewsArticle"]
    problems = []
    headline = article["headline"]
    if len(headline) > HEADLINE_MAX:
        problems.append(f"headline of {len(headline)} characters")
    if headline != title:
        cut = headline.removesuffix("…")
        if not (headline.endswith("…") and title.startswith(cut) and title[len(cut)] == " "):
            problems.append(f"headline {headline!r} is not the title cut at a word")
    if not article.get("image"):
        problems.append("no image")
    for url in article.get("image", []):
        if not local_file(output, siteurl, url).is_file():
            problems.append(f"image {url} is no file")
    for key in ("datePublished", "dateModified"):
        if not gates.is_rfc3339(article.get(key)) or article[key].endswith("Z"):
            problems.append(f"{key} {article.get(key)!r} has no +07:00-style offset")
    for author in article.get("author") or [None]:
        if not author or not author.get("name"):
            problems.append(f"author {author!r}")
        elif not local_file(output, siteurl, author.get("url", "")).is_file():
            problems.append(f"author url {author.get('url')!r} is no page")
    logo = article["publisher"]["logo"]["url"]
    if not local_file(output, siteurl, logo).is_file():
        problems.append(f"publisher logo {logo} is no file")
    if article["mainEntityOfPage"] != siteurl + page.url:
        problems.append(f"mainEntityOfPage {article['mainEntityOfPage']!r}")
    return [f"{page.url}: {problem}" for problem in problems]


def test_every_articles_json_ld_has_what_google_reads(published_site, siteurl):
    """Ten of the sample's 40 headlines were longer than 110 characters (up
    to 128), three releases without a photo had no image, and authors had no
    page: the headline is cut at a word with "…", the social card is an
    image of every release, and each author links its page."""
    pages = [
        page
        for page in gates.html_pages(published_site.output)
        if page.url.startswith("/berita/") and page.url.count("/") == 5
    ]
    assert len(pages) >= 40
    problems = [p for page in pages for p in article_problems(page, published_site.output, siteurl)]
    assert not problems, "\n".join(problems)


TRICKY_TITLE = (
    'Ketua Bawaslu: "Awasi Kampanye </script><script>alert(1)</script> di Kecamatan'
    ' Buay Pematang Ribu Ranau Tengah" 🗳️ Jelang Pemungutan Suara Pilkada Serentak 2024'
)


def test_a_title_with_quotes_a_script_tag_and_an_emoji_reads_whole_everywhere(site, siteurl):
    (site.content / "images").mkdir()
    logo = REPO / "content" / "images" / "logo-warta.png"  # the site's own, as SITE_LOGO names it
    (site.content / "images" / "logo-warta.png").write_bytes(logo.read_bytes())
    site.article(
        "kutipan.md",
        slug="kutipan",
        title=TRICKY_TITLE,
        tags="Kampanye",
        body="MUARADUA – Bawaslu Kabupaten Ogan Komering Ulu Selatan mengawasi kampanye.",
    )
    built = site.build(publish=True, SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    [page] = [p for p in gates.html_pages(built.output) if p.url.endswith("/kutipan/")]
    # The title's `</script>` ends no script: no script element of its own.
    assert [s for s in page.tree.iter("script") if (s.text or "").strip() == "alert(1)"] == []
    found = metas(page)
    assert found["og:title"] == found["twitter:title"] == TRICKY_TITLE
    assert page.tree.xpath("//main//h1")[0].text_content().strip() == TRICKY_TITLE
    [article] = [b for b in json_ld(page.tree) if b["@type"] == "NewsArticle"]
    assert len(TRICKY_TITLE) > HEADLINE_MAX
    assert article["headline"].endswith(" Buay Pematang Ribu Ranau…"), article["headline"]
    assert article_problems(page, built.output, siteurl) == []
    # No photo: the social card is its image, and the preview's too.
    card = f"{siteurl}/berita/2024/11/kutipan/og.png"
    assert article["image"] == [card]
    assert found["og:image"] == card and found["twitter:card"] == "summary_large_image"


def test_page_two_of_a_listing_is_shared_as_page_two(published_site):
    """Page 2, 3… of every listing had page 1's og:title and twitter:title
    (its <title> and h1 said "(halaman 2)"): a shared link read as page 1."""
    import re

    pages = {page.url: page for page in gates.html_pages(published_site.output)}
    numbered = {url: m for url in pages if (m := re.search(r"/halaman/(\d+)/$", url))}
    assert len({url.split("/halaman/")[0] for url in numbered}) >= 4, sorted(numbered)
    problems = []
    for url, match in sorted(numbered.items()):
        found = metas(pages[url])
        first = metas(pages[url[: match.start()] + "/"])
        wanted = f"{first['og:title']} (halaman {match[1]})"
        if (found["og:title"], found["twitter:title"]) != (wanted, wanted):
            problems.append(f"{url}: {found['og:title']!r}, {found['twitter:title']!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("lang", "locale"),
    [("id", "id_ID"), ("en", "en_US"), ("en-GB", "en_GB"), ("ms", "ms_MY"), ("zz", ""), ("", "")],
)
def test_og_locale_is_the_language_with_its_likeliest_territory(lang, locale):
    from warta.jinja_filters import og_locale

    assert og_locale(lang) == locale


def test_a_release_in_english_is_previewed_as_english(site):
    """A release with `Lang: en` said og:locale id_ID (its JSON-LD said en)."""
    site.article("en.md", slug="statement", title="Bawaslu Statement on Voter Lists", lang="en")
    site.article("id.md", slug="rilis", title="Bawaslu Awasi Daftar Pemilih")
    built = site.build(SEARCH_ENABLED=False, PLUGINS=[])
    assert built.returncode == 0, built.log
    locales = {}
    for page in gates.html_pages(built.output):
        for name in ("statement", "rilis"):
            if name in page.url:
                locales[name] = metas(page).get("og:locale")
    assert locales == {"statement": "en_US", "rilis": "id_ID"}
    assert metas(gates.page_by_url(built.output)["/"])["og:locale"] == "id_ID"


def test_a_translation_is_linked_both_ways_for_readers_and_search_engines(site, siteurl):
    """The same release in English (one slug, `Lang: en`) was written to
    …/rapat-en/ and put in the sitemap and feed, but no page linked it: a
    reader of the Indonesian release never learnt of it, and search engines
    had no hreflang pair. Each now links the other, in the head and under
    its title, named in its own language."""
    site.article("id.md", slug="rapat", title="Bawaslu Gelar Rapat Pengawasan")
    site.article(
        "en.md",
        slug="rapat",
        title="Bawaslu Holds a Supervision Meeting",
        lang="en",
        body="PALEMBANG – Bawaslu held a supervision meeting.",
    )
    built = site.build(publish=True, SEARCH_ENABLED=False, PLUGINS=[])
    assert built.returncode == 0, built.log
    pages = gates.page_by_url(built.output)
    indonesian, english = "/berita/2024/11/rapat/", "/berita/2024/11/rapat-en/"
    for url, other, lang, name in [
        (indonesian, english, "en", "English"),
        (english, indonesian, "id", "Indonesia"),
    ]:
        tree = pages[url].tree
        alternates = {link.get("hreflang"): link.get("href") for link in tree.xpath("//link")}
        alternates.pop(None)
        assert alternates == {"id": siteurl + indonesian, "en": siteurl + english}, url
        [link] = tree.xpath("//main//*[contains(@class, 'article__translations')]//a")
        assert (link.get("href"), link.get("hreflang"), link.get("lang")) == (
            siteurl + other,
            lang,
            lang,
        )
        assert link.text_content() == name
    # A release without a translation says nothing of it.
    site.content.joinpath("berita", "en.md").unlink()
    alone = site.build(publish=True, SEARCH_ENABLED=False, PLUGINS=[])
    tree = gates.html_pages.__wrapped__(alone.output)
    [page] = [p for p in tree if p.url == indonesian]
    assert page.tree.xpath("//link[@hreflang]") == []
    assert page.tree.xpath("//*[contains(@class, 'article__translations')]") == []
