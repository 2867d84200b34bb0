"""/admin/ as the build writes it (issue 17): the CMS bundle served from the
site itself, a configuration generated from the project's data (gazetteer
with the staff aliases, official vocabulary, officials, rubrik, checker
limits), escaped, left out of the sitemaps, a clear message when the bundle
is not installed, and the same browser gate as the site's pages: no request
to another host and no axe-core violation at 390 px and 1366 px."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

import pytest
from lxml import etree
from test_gates_browser import HEIGHT, WIDTHS, PageWatch

from conftest import REPO, FixtureSite, newsroom, run_build
from warta import frontmatter
from warta.regions.gazetteer import load as load_gazetteer


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("cms-site"))
    newsroom(site)
    result = site.build(strict=True)
    assert result.returncode == 0, result.log
    return result


def admin_config(result) -> dict:
    return json.loads(result.text("admin/config.json"))


def test_admin_page_loads_only_local_scripts_and_no_inline_code(built):
    page = built.html("admin/")
    scripts = [script.get("src") for script in page.find_all("script")]
    assert scripts == ["warta-cms-id.js", "js-yaml.min.js", "warta-cms.js", "decap-cms.js"]
    assert all(script.string is None for script in page.find_all("script"))
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert page.html["lang"] == "id"
    for name in scripts:
        assert (built.output / "admin" / name).stat().st_size > 0
    bundle = REPO / "node_modules" / "decap-cms" / "dist"
    chunks = sorted(p.name for p in bundle.glob("*.decap-cms.js"))
    assert chunks and all((built.output / "admin" / name).exists() for name in chunks)
    assert (built.output / "admin" / "decap-cms.js.LICENSE.txt").exists()


def test_config_is_generated_from_the_project_data(built, vocabulary):
    document = admin_config(built)
    config, warta = document["cms"], document["warta"]
    assert config["locale"] == "id"
    # The decap-server of `invoke cms` (no repository named), not asked as a
    # local backend which modes it has: saving writes files, as every mode does.
    assert config["backend"]["name"] == "proxy" and "local_backend" not in config
    assert "publish_mode" not in config
    berita, halaman = config["collections"]
    assert (berita["folder"], berita["format"]) == ("content/berita", "warta-berita")
    assert (halaman["folder"], halaman["format"]) == ("content/halaman", "warta-halaman")
    fields = {field["name"]: field for field in berita["fields"]}
    assert all(field["label"] and field.get("hint") for field in berita["fields"][:-1])

    regions = {option["value"]: option["label"] for option in fields["region"]["options"]}
    # Staff aliases and seats are searchable in the label; the value is what
    # `invoke new` writes (official name, or the code of a kecamatan).
    assert "OKU" in regions["Kabupaten Ogan Komering Ulu"]
    assert "Baturaja" in regions["Kabupaten Ogan Komering Ulu"]
    # A kecamatan named with a number word is found as staff write it.
    assert {"Ilir Barat I", "Ilir Barat 1"} <= set(
        regions["16.71.04"].split(" (", 1)[1].split(")")[0].split(", ")
    ), regions["16.71.04"]
    gazetteer, _ = load_gazetteer(
        REPO / "data/regions/gazetteer.csv", REPO / "data/regions/aliases.yaml"
    )
    kecamatan = [code for code in regions if code[:1].isdigit()]
    assert kecamatan and all(code.startswith("16.") for code in kecamatan)
    assert len(kecamatan) == sum(
        1 for u in gazetteer.units.values() if u.level == "kecamatan" and u.code.startswith("16.")
    )
    kabkota = [u for u in gazetteer.units.values() if u.level in ("kabupaten", "kota")]
    assert all(u.name in regions for u in kabkota)
    assert list(regions)[:2] == ["Sumatera Selatan", "Kabupaten Ogan Komering Ulu"]

    tags = fields["tags"]
    assert tags["multiple"] is True
    assert [o["value"] for o in tags["options"]] == [
        tag.name
        for _group, group_tags in vocabulary.grouped()
        for tag in sorted(group_tags, key=lambda t: t.name)
    ]
    assert all(o["label"].startswith(tag_group(vocabulary, o["value"])) for o in tags["options"])
    assert "free_tags" not in fields  # OFFICIAL_TAGS_ALLOW_FREE = False

    assert fields["category"]["options"] == ["Berita", "Siaran Pers", "Pengumuman"]
    assert fields["title"]["pattern"][0] == "^[\\s\\S]{20,150}$"
    assert fields["summary"]["pattern"][0] == "^[\\s\\S]{60,300}$"
    assert fields["image"]["media_folder"] == "/content/images/{{year}}"
    assert fields["image_alt"]["widget"] == "warta-alt"
    assert [spec["key"] for spec in warta["formats"]["berita"]][:8] == [
        "Title",
        "Date",
        "Slug",
        "Category",
        "Author",
        "Region",
        "Tags",
        "Summary",
    ]
    always = [spec["key"] for spec in warta["formats"]["berita"] if spec["always"]]
    assert "Author" not in always and "Region" not in always  # the build supplies them
    # A file with `Rubrik: Siaran Pers` opens with its rubrik chosen, as the build reads it.
    aliases = {spec["field"]: spec["aliases"] for spec in warta["formats"]["berita"]}
    assert {field: aliases[field] for field in aliases if aliases[field]} == {
        "title": ["Judul"],
        "date": ["Tanggal"],
        "category": ["Rubrik", "Kategori", "Categories"],
        "author": ["Penulis"],
        "region": ["Wilayah"],
        "tags": ["Tag"],
        "summary": ["Ringkasan"],
        "kedaluwarsa": [
            "expiryDate",
            "expiry_date",
            "unpublishDate",
            "Expires",
            "Tayang-Hingga",
            "Berlaku-Sampai",
            "Diturunkan-Pada",
        ],
    }
    # Each of them the build reads as the take-down date, as the field writes it.
    assert all(frontmatter.is_end_key(key) for key in ["Kedaluwarsa", *aliases["kedaluwarsa"]])
    # The take-down date: an optional date in WIB, empty on a new release.
    ending = fields["kedaluwarsa"]
    assert (ending["label"], ending["widget"], ending["required"]) == (
        "Diturunkan pada (WIB)",
        "warta-datetime",
        False,
    )
    assert "default" not in ending
    assert {o["name"] for o in warta["officials"]} >= {"Kiagus Ahmad Zulkarnain"}
    # No author of the form's own: the build supplies one for a release without Author:.
    assert "region_authors" not in warta and "default_author" not in warta
    assert warta["preview_css"] == "../theme/css/warta.css"
    assert (built.output / "theme" / "css" / "warta.css").exists()


def tag_group(vocabulary, name: str) -> str:
    return next(tag.group for tag in vocabulary.tags if tag.name == name)


def test_settings_reach_the_form(tmp_path):
    site = FixtureSite(tmp_path)
    newsroom(site)
    result = site.build(
        CONTENT_LINT_RUBRIK=["Berita", "Opini"],
        CONTENT_LINT_TITLE_MIN=30,
        OFFICIAL_TAGS_ALLOW_FREE=True,
        CMS_BACKEND={"name": "gitea", "repo": "humas/warta", "base_url": "https://git.example.id"},
        REGIONS_HOME_PROVINCE="18",
    )
    assert result.returncode == 0, result.log
    document = admin_config(result)
    fields = {f["name"]: f for f in document["cms"]["collections"][0]["fields"]}
    assert fields["category"]["options"] == ["Berita", "Opini"]
    assert fields["title"]["pattern"][0] == "^[\\s\\S]{30,150}$"
    assert fields["free_tags"]["widget"] == "list"
    assert document["warta"]["allow_free_tags"] is True
    assert document["cms"]["backend"]["name"] == "gitea"
    assert "publish_mode" not in document["cms"]  # Decap's Gitea backend has no workflow
    codes = [o["value"] for o in fields["region"]["options"] if o["value"][:1].isdigit()]
    assert codes and all(code.startswith("18.") for code in codes)


def test_data_from_files_staff_edit_is_escaped(tmp_path):
    aliases = tmp_path / "aliases.yaml"
    hostile = "OKU</script><script>alert(1)</script>&"
    aliases.write_text(f'"16.01":\n  aliases: ["{hostile}"]\n', encoding="utf-8")
    site = FixtureSite(tmp_path)
    newsroom(site)
    result = site.build(REGIONS_ALIASES=str(aliases))
    assert result.returncode == 0, result.log
    raw = result.text("admin/config.json")
    assert "<" not in raw and ">" not in raw and "&" not in raw
    regions = admin_config(result)["warta"]["regions"]  # value → label
    assert hostile in regions["Kabupaten Ogan Komering Ulu"]


def test_admin_is_left_out_of_sitemaps(built):
    tree = etree.fromstring((built.output / "sitemap.xml").read_bytes())
    urls = [loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert urls and not any("/admin" in url for url in urls)


def test_a_missing_bundle_is_one_clear_warning(tmp_path):
    site = FixtureSite(tmp_path)
    newsroom(site)
    empty = tmp_path / "no-bundle"
    empty.mkdir()
    result = site.build(strict=True, CMS_BUNDLE_DIR=str(empty))
    assert result.returncode != 0
    warnings = [line for line in result.log_lines("warning") if "CMS bundle" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith("package.json: the CMS bundle is not installed")
    assert "npm ci" in warnings[0]
    assert not (site.output / "admin").exists()
    assert "Traceback" not in result.log


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_admin_passes_the_browser_gate(browser, served_site, width):
    """The public build's /admin/ sign-in screen, like every page kind in
    test_gates_browser.py: no foreign request, no error, no axe violation."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHT})
    try:
        tab = PageWatch(context, served_site)
        problems = tab.visit("/admin/")
        tab.page.get_by_role("button", name="Masuk").wait_for()
        problems += tab.axe() + tab.overflow()
        assert problems == []
    finally:
        context.close()


def test_public_build_on_github_signs_in_to_the_repository(tmp_path, monkeypatch):
    """What publish.yml passes: the repository and the OAuth client's address."""
    monkeypatch.setenv("GITHUB_REPOSITORY", "bawaslu-sumsel/warta")
    monkeypatch.setenv("WARTA_CMS_AUTH_URL", "https://masuk.example.org")
    monkeypatch.setenv("WARTA_SITEURL", "https://warta.example.org")
    site = FixtureSite(tmp_path)
    newsroom(site)
    result = site.build(strict=True, publish=True)
    assert result.returncode == 0, result.log
    config = admin_config(result)["cms"]
    # (the CMS's commits named in Indonesian: test_the_commits_the_cms_makes_…)
    assert config["backend"].pop("commit_messages")["update"] == "Ubah {{collection}} “{{slug}}”"
    assert config["backend"] == {
        "name": "github",
        "repo": "bawaslu-sumsel/warta",
        "branch": "main",
        "base_url": "https://masuk.example.org",
    }
    assert config["site_url"] == "https://warta.example.org"
    assert "local_backend" not in config
    assert config["publish_mode"] == "editorial_workflow"


@pytest.mark.parametrize(
    ("variable", "value", "problem"),
    [
        (
            "WARTA_CMS_REPO",
            "https://x-access-token:ghp_zirSECRETtoken123@github.com/bawaslu/warta",
            "it is more than owner/name (a web address, a user name or a token)",
        ),
        ("WARTA_CMS_REPO", "bawaslu/warta/ghp_zirSECRETtoken123/x", "it is not the repository"),
        (
            "WARTA_CMS_AUTH_URL",
            "https://admin:zirSECRETpassword@auth.example.org",
            "it holds a user name or a password ('…@' before the host)",
        ),
        (
            "WARTA_CMS_AUTH_URL",
            "https://auth.example.org/?access_token=zirSECRETtoken123",
            "its query holds a secret ('?token=…')",
        ),
    ],
)
def test_a_secret_in_the_cms_variables_stops_the_build_and_is_never_published(
    tmp_path, monkeypatch, variable, value, problem
):
    """WARTA_CMS_REPO as a URL with a token, WARTA_CMS_AUTH_URL with a
    password or a `?access_token=`: copied as set into the public
    /admin/config.json, under "build ok". The build stops at its start, as
    for WARTA_SITEURL, with one error naming the variable and not its value."""
    monkeypatch.setenv("WARTA_CMS_REPO", "bawaslu-sumsel/warta")
    monkeypatch.setenv("WARTA_CMS_AUTH_URL", "https://masuk.example.org")
    monkeypatch.setenv(variable, value)
    monkeypatch.setenv("WARTA_SITEURL", "https://warta.example.org")
    site = FixtureSite(tmp_path)
    newsroom(site)
    result = site.build(publish=True)
    assert result.returncode == 1, result.log
    [error] = result.findings("error")
    assert error.message.startswith(f"{variable} is refused, {problem}"), error
    assert "zirSECRET" not in result.log
    assert not (result.output / "admin" / "config.json").exists()


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("https://auth.example.org/#access_token=ghp_abc", "it holds a fragment"),
        ("https://auth.example.org/?access%5Ftoken=ghp_abc", "its query holds a secret"),
        ("https://auth.example.org/?client%2Dsecret=abc&x=1", "its query holds a secret"),
        ("https://auth.example.org/masuk?lang=id", None),
    ],
)
def test_the_cms_auth_address_is_refused_with_a_fragment_or_a_quoted_secret_name(value, problem):
    """A secret after `#` (`#access_token=…`) or in a percent-quoted query
    name (`?access%5Ftoken=…`) passed the check and was published in
    /admin/config.json: any fragment is refused, and the query's names are
    read unquoted, as the client reads them."""
    from warta.siteurl import cms_auth_url_problem

    found = cms_auth_url_problem(value)
    if problem is None:
        assert found is None
    else:
        assert found is not None and found.startswith(problem), found


def test_taken_addresses_name_only_what_the_site_lists(tmp_path):
    """What /admin/config.json lists for the CMS's "-2": the listed releases'
    addresses and the site's top-level names, never a hidden page's folder (nor
    anything of a draft: its slug would tell its headline on the public site)."""
    from types import SimpleNamespace as Release

    from plugins.cms.config import dated_release_keys, taken_addresses

    for name in ("berita", "kontak", "rahasia", "tag"):
        (tmp_path / name).mkdir()
    (tmp_path / "feed.xml").write_text("x", encoding="utf-8")
    dated = "berita/{date:%Y}/{date:%m}/{slug}/index.html"
    releases = dated_release_keys(
        dated,
        [
            Release(date=dt.date(2024, 12, 2), slug="apel-siaga"),
            Release(date=dt.date(2024, 11, 18), slug="rapat-pleno"),
        ],
    )
    assert dated_release_keys("{slug}.html", [Release(date=dt.date(2024, 1, 1), slug="x")]) == []
    assert releases == ["2024/11/rapat-pleno", "2024/12/apel-siaga"]
    assert taken_addresses(tmp_path, releases, {"rahasia"}, "admin") == {
        "berita": ["2024/11/rapat-pleno", "2024/12/apel-siaga"],
        "halaman": ["admin", "berita", "feed.xml", "kontak", "tag"],
    }


@pytest.mark.parametrize("day", ["2024-01-05", "1000-12-31", "9999-01-01", "0999-03-04"])
def test_a_release_keys_year_and_month_are_strftimes(day):
    from plugins.cms.config import year_month

    date = dt.datetime.fromisoformat(day)
    assert year_month(date) == f"{date:%Y}/{date:%m}"


def test_taken_addresses_leave_out_what_the_output_keeps_unwritten(tmp_path):
    """OUTPUT_RETENTION's names are kept from before the build: a checkout's
    .git, or the last index while search is off, was listed as a page's
    address; the index folder this build writes stays listed."""
    from plugins.cms.config import taken_addresses
    from plugins.cms.plugin import kept_names

    for name in (".git", "pagefind", "tag"):
        (tmp_path / name).mkdir()
    settings = {"OUTPUT_RETENTION": [".git", "pagefind"]}
    indexing = kept_names(settings, {"pagefind/": "the search index", "feed.json": "feed"})
    assert taken_addresses(tmp_path, [], set(), "admin", indexing)["halaman"] == [
        "admin",
        "pagefind",
        "tag",
    ]
    off = kept_names(settings, {})
    assert taken_addresses(tmp_path, [], set(), "admin", off)["halaman"] == ["admin", "tag"]


def test_every_collections_photos_go_where_the_build_takes_them(built):
    """A page's body "Foto" was saved beside the page, where the build refuses
    photos: every collection has a media folder under content/images/."""
    collections = {c["name"]: c for c in admin_config(built)["cms"]["collections"]}
    assert collections["berita"]["media_folder"] == "/content/images/{{year}}"
    assert collections["halaman"]["media_folder"] == "/content/images/halaman"
    for collection in collections.values():
        public = collection["public_folder"]
        assert collection["media_folder"] == f"/content/{public}", collection["name"]


def test_admin_is_made_again_only_when_what_it_is_made_from_changed(tmp_path):
    """A warm build leaves config.json and index.html as the last build wrote
    them while their data files, settings, the addresses the site lists and
    the code are unchanged (0.2 s of CPU at 2,000 releases); a change to any
    of them, or a hand's edit of the file, makes them again, as a clean build
    makes them."""
    site = FixtureSite(tmp_path / "site")
    newsroom(site)
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text('"16.01":\n  aliases: ["OKU Induk"]\n', encoding="utf-8")
    settings = {"REGIONS_ALIASES": str(aliases)}
    admin = site.output / "admin"

    def build(**more) -> tuple[bytes, bytes]:
        result = site.build(strict=True, **settings, **more)
        assert result.returncode == 0, result.log
        clean = run_build(
            site.content,
            tmp_path / "clean" / "output",
            strict=True,
            overrides={**settings, **more},
            cache=tmp_path / "clean" / "cache",
        )
        assert clean.returncode == 0, clean.log
        for name in ("config.json", "index.html"):
            assert (admin / name).read_bytes() == (clean.output / "admin" / name).read_bytes()
        return (admin / "config.json").stat().st_mtime_ns, (admin / "index.html").stat().st_mtime_ns

    def regions() -> dict:
        return json.loads((admin / "config.json").read_text(encoding="utf-8"))["warta"]["regions"]

    first = build()
    assert build() == first  # nothing changed: left as it was
    assert "OKU Induk" in regions()["Kabupaten Ogan Komering Ulu"]

    aliases.write_text('"16.01":\n  aliases: ["Bumi Sebiduk Sehaluan"]\n', encoding="utf-8")
    changed = build()  # a data file
    assert changed != first
    assert "Bumi Sebiduk Sehaluan" in regions()["Kabupaten Ogan Komering Ulu"]

    settings["CONTENT_LINT_TITLE_MIN"] = 30  # a setting
    assert build() != changed
    fields = json.loads((admin / "config.json").read_text(encoding="utf-8"))["cms"]
    title = next(f for f in fields["collections"][0]["fields"] if f["name"] == "title")
    assert title["pattern"][0] == "^[\\s\\S]{30,150}$"
    again = build()
    assert build() == again

    site.article("rilis-baru.md", title="Bawaslu Sumsel Awasi Rekapitulasi Suara", slug="baru")
    added = build()  # a release the CMS must not number again
    assert added != again
    taken = json.loads((admin / "config.json").read_text(encoding="utf-8"))["warta"]["taken"]
    assert any(key.endswith("/baru") for key in taken["berita"])

    (admin / "config.json").write_text("{}", encoding="utf-8")  # a hand's edit
    assert build() != added


def test_admin_key_covers_every_setting_and_file_admin_is_made_from(tmp_path):
    """Every setting write_admin reads to make config.json and index.html is in
    INPUT_SETTINGS (the others decide whether /admin/ is written at all, where
    the bundle is, or keep the gazetteer's cache), and every file it opens
    is a data file of the key (`data_files`), a file it copies or a cache."""
    from plugins.cms import plugin
    from warta.build import load_settings

    read: set[str] = set()

    class Reading(dict):
        def get(self, key, default=None):
            read.add(key)
            return super().get(key, default)

        def __getitem__(self, key):
            read.add(key)
            return super().__getitem__(key)

        def __contains__(self, key):
            read.add(key)
            return super().__contains__(key)

    output = tmp_path / "output"
    output.mkdir()
    settings = load_settings(
        REPO / "pelicanconf.py",
        {"PATH": str(tmp_path), "OUTPUT_PATH": str(output), "CACHE_PATH": str(tmp_path / "c")},
    )
    opened: list[str] = []
    watching = [True]

    def audit(event, args):
        if watching[0] and event == "open" and isinstance(args[0], str | os.PathLike):
            opened.append(os.path.realpath(args[0]))

    sys.addaudithook(audit)
    try:
        plugin.write_admin(
            type("Pelican", (), {"settings": Reading(settings), "output_path": str(output)})
        )
    finally:
        watching[0] = False
    deciding = {"CMS_ENABLED", "CMS_BUNDLE_DIR", "WARTA_CHECK_ONLY"}
    caches = {"CACHE_PATH", "LOAD_CONTENT_CACHE", "CACHE_CONTENT"}
    assert read - deciding - caches <= set(plugin.INPUT_SETTINGS)
    keyed = {os.path.realpath(path) for path in filter(None, plugin.data_files(settings))}
    copied = {os.path.realpath(p) for p in plugin.bundle_files(plugin.bundle_dir(settings))}
    copied |= {os.path.realpath(p) for p in plugin.vendor_files()}
    copied |= {os.path.realpath(plugin.STATIC / name) for name in plugin.STATIC_SCRIPTS}
    inside = (str(output), str(tmp_path / "c"), str(REPO / "plugins"), str(REPO / "warta"))
    others = [
        path
        for path in opened
        if path not in keyed | copied and not path.startswith(inside) and "python" not in path
    ]
    assert others == []
    assert keyed <= set(opened)
