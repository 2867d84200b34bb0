"""Gate: the Atom feeds and the JSON Feed of the public build are complete and
machine-readable (issue #2, item 7): required elements, RFC 3339 dates, absolute
ids that stay the same from one build to the next."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

import gates
from conftest import REPO, run_build

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_feeds(output: Path) -> list[Path]:
    return sorted(output.rglob("feed.xml"))


def atom_problems(path: Path, siteurl: str, name: str = "feed.xml") -> list[str]:
    """What a feed reader would trip over in one Atom feed, one line each."""
    try:
        feed = etree.parse(str(path)).getroot()
    except etree.XMLSyntaxError as exc:
        return [f"{name}: not well-formed XML: {exc}"]
    if feed.tag != f"{ATOM}feed":
        return [f"{name}: root element is {feed.tag}, not Atom <feed>"]
    problems = []

    def need(element, child: str, where: str) -> etree._Element | None:
        found = element.find(f"{ATOM}{child}")
        if found is None or not (found.text or "").strip():
            problems.append(f"{name}: {where} has no <{child}>")
        return found

    def check_date(element, where: str) -> None:
        if element is not None and not gates.is_rfc3339(element.text):
            problems.append(f"{name}: {where} date is not RFC 3339: {element.text!r}")

    def check_iri(value: str | None, where: str) -> None:
        if not value or not urlsplit(value).scheme:
            problems.append(f"{name}: {where} is not an absolute IRI: {value!r}")

    check_iri(getattr(need(feed, "id", "feed"), "text", None), "feed id")
    need(feed, "title", "feed")
    check_date(need(feed, "updated", "feed"), "feed updated")
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if not self_links:
        problems.append(f"{name}: feed has no <link rel='self'>")
    for link in self_links:
        if not (link.get("href") or "").startswith(siteurl + "/"):
            problems.append(f"{name}: self link is not under {siteurl}: {link.get('href')!r}")
    feed_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    if not entries:
        problems.append(f"{name}: no entries")
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number}"
        check_iri(getattr(need(entry, "id", where), "text", None), f"{where} id")
        need(entry, "title", where)
        check_date(need(entry, "updated", where), f"{where} updated")
        check_date(entry.find(f"{ATOM}published"), f"{where} published")
        alternates = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if not alternates:
            problems.append(f"{name}: {where} has no <link rel='alternate'>")
        for link in alternates:
            if not (link.get("href") or "").startswith(siteurl + "/"):
                problems.append(f"{name}: {where} link not under {siteurl}: {link.get('href')!r}")
        if not feed_author and entry.find(f"{ATOM}author/{ATOM}name") is None:
            problems.append(f"{name}: {where} has no author (neither feed nor entry)")
        if entry.find(f"{ATOM}content") is None and entry.find(f"{ATOM}summary") is None:
            problems.append(f"{name}: {where} has neither <content> nor <summary>")
    return problems


def atom_ids(path: Path) -> list[str]:
    feed = etree.parse(str(path)).getroot()
    return [feed.findtext(f"{ATOM}id")] + [
        e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")
    ]


@pytest.fixture(scope="module")
def siteurl() -> str:
    from warta.build import load_settings

    return load_settings(REPO / "publishconf.py")["SITEURL"]


def test_the_site_feed_and_every_rubrik_tag_and_author_feed_is_complete_atom(
    published_site, siteurl
):
    feeds = atom_feeds(published_site.output)
    relative = {str(p.relative_to(published_site.output)) for p in feeds}
    assert "feed.xml" in relative
    for kind in ("rubrik", "tag", "penulis"):
        assert any(name.startswith(f"{kind}/") for name in relative), f"no {kind} feed: {relative}"
    problems = []
    for path in feeds:
        problems += atom_problems(path, siteurl, str(path.relative_to(published_site.output)))
    assert not problems, "\n".join(problems[:60])


def test_each_feed_has_its_own_id_and_the_site_name_once_in_its_title(published_site, siteurl):
    """Every feed had the site's address as its id (RFC 4287 says unique), and
    a region feed's title said the site's name twice."""
    feeds = atom_feeds(published_site.output)
    ids = {}
    for path in feeds:
        root = etree.parse(str(path)).getroot()
        relative = str(path.relative_to(published_site.output))
        ids.setdefault(root.findtext(f"{ATOM}id"), []).append(relative)
        title = root.findtext(f"{ATOM}title")
        assert title.count("Warta Bawaslu Sumatera Selatan") == 1, (relative, title)
    assert {feed_id: paths for feed_id, paths in ids.items() if len(paths) > 1} == {}
    assert ids[siteurl + "/"] == ["feed.xml"]  # the site's feed keeps the id it had
    assert any(name.startswith("wilayah/") for names in ids.values() for name in names)


def test_every_article_is_in_the_site_feed(published_site):
    feed = etree.parse(str(published_site.output / "feed.xml")).getroot()
    linked = {
        urlsplit(link.get("href")).path
        for link in feed.iter(f"{ATOM}link")
        if link.getparent().tag == f"{ATOM}entry"
    }
    articles = {
        page.url
        for page in gates.html_pages(published_site.output)
        if page.url.startswith("/berita/") and page.url.count("/") == 5
    }
    assert articles, "no article pages found under /berita/YYYY/MM/slug/"
    limit = 50  # FEED_MAX_ITEMS
    if len(articles) <= limit:
        assert articles == linked, sorted(articles ^ linked)


def test_feed_ids_stay_the_same_in_a_second_build(published_site, tmp_path):
    again = run_build(
        REPO / "content", tmp_path / "output", settings_file=REPO / "publishconf.py", strict=True
    )
    assert again.returncode == 0, again.log
    for path in atom_feeds(published_site.output):
        relative = path.relative_to(published_site.output)
        assert atom_ids(path) == atom_ids(again.output / relative), relative
    first = published_site.json("feed.json")
    second = again.json("feed.json")
    assert [i["id"] for i in first["items"]] == [i["id"] for i in second["items"]]


def test_the_json_feed_is_json_feed_1_1_with_the_warta_extension(published_site, siteurl):
    feed = published_site.json("feed.json")
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"]
    assert feed["feed_url"] == f"{siteurl}/feed.json"
    assert feed["home_page_url"].startswith(siteurl)
    assert feed["items"], "the JSON feed has no items"
    problems = []
    for number, item in enumerate(feed["items"], start=1):
        for key in ("id", "url", "title", "content_html", "date_published"):
            if not item.get(key):
                problems.append(f"item {number}: no {key}")
        if not str(item.get("url", "")).startswith(siteurl + "/"):
            problems.append(f"item {number}: url not under {siteurl}: {item.get('url')!r}")
        for key in ("date_published", "date_modified"):
            if key in item and not gates.is_rfc3339(item[key]):
                problems.append(f"item {number}: {key} is not RFC 3339: {item[key]!r}")
        if not isinstance(item.get("_warta"), dict):
            problems.append(f"item {number}: no _warta object")
    assert len({i["id"] for i in feed["items"]}) == len(feed["items"]), "duplicate item ids"
    assert not problems, "\n".join(problems[:60])


def test_the_atom_checker_reports_missing_elements_and_bad_dates(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
        "<id>/</id><updated>2024-11-17 09:30</updated>"
        "<entry><title>a</title><updated>2024-11-17T09:30:00+07:00</updated>"
        '<link href="https://contoh.example.org/a/" rel="alternate"/></entry></feed>',
        encoding="utf-8",
    )
    problems = "\n".join(atom_problems(path, "https://contoh.example.org"))
    assert "feed id is not an absolute IRI: '/'" in problems
    assert "feed updated date is not RFC 3339" in problems
    assert "feed has no <link rel='self'>" in problems
    assert "entry 1 has no <id>" in problems
    assert "entry 1 has no author" in problems
    assert "entry 1 has neither <content> nor <summary>" in problems


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2024-11-17T09:30:00+07:00", True),
        ("2024-11-17T02:30:00Z", True),
        ("2024-11-17T09:30:00.123+07:00", True),
        ("2024-11-17 09:30:00+07:00", False),
        ("2024-11-17T09:30:00", False),
        ("2024-13-17T09:30:00+07:00", False),
        ("17 November 2024", False),
    ],
)
def test_rfc3339_dates(value, valid):
    assert gates.is_rfc3339(value) is valid
