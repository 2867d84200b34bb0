"""Unit tests of the comments plugin's pure logic: thread ids, states, providers."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from plugins.comments.providers import PROVIDERS, client_config
from plugins.comments.threads import (
    CommentsError,
    fallback_thread_id,
    is_valid_thread_id,
    new_thread_id,
    parse_close_after_days,
    parse_state,
    parse_thread_id,
    thread_state,
)
from warta import frontmatter

WIB = ZoneInfo("Asia/Jakarta")
PUBLISHED = dt.datetime(2024, 11, 17, 9, 30, tzinfo=WIB)


@pytest.mark.parametrize("value", ["t-3f9a1c2b7d4e5f60", "rakor-palembang-2024", "abc", "a" * 64])
def test_good_thread_ids_are_accepted(value):
    assert parse_thread_id(f"  {value} ") == value


@pytest.mark.parametrize(
    "value",
    [
        "",
        "ab",
        "a" * 65,
        "T-ABC123",
        "rakor_palembang",
        "-abc",
        "abc-",
        "a--b",
        "berita/2024/x",
        "é-abc",
    ],
)
def test_bad_thread_ids_are_refused_with_a_hint(value):
    with pytest.raises(CommentsError) as caught:
        parse_thread_id(value)
    assert caught.value.value == value.strip()
    assert "lowercase" in caught.value.hint


def test_fallback_depends_only_on_the_relative_path():
    first = fallback_thread_id("berita/2024/rakor-palembang.md")
    assert first == fallback_thread_id("berita/2024/rakor-palembang.md")
    assert first == fallback_thread_id("berita\\2024\\rakor-palembang.md")  # a Windows checkout
    assert first == fallback_thread_id("./berita/2024/rakor-palembang.md")
    assert first != fallback_thread_id("berita/2024/rakor-prabumulih.md")
    assert is_valid_thread_id(first)
    assert first.startswith("src-")


def test_fallback_is_a_fixed_value_across_releases():
    # Threads on a live comment server are keyed by this id: the algorithm must never change.
    assert fallback_thread_id("berita/2024/rakor-palembang.md") == "src-b4b63ee436827745"


def test_new_thread_ids_are_valid_and_unique():
    ids = {new_thread_id() for _ in range(50)}
    assert len(ids) == 50
    assert all(is_valid_thread_id(i) and len(i) == 32 for i in ids)


def test_every_thread_id_in_the_sample_content_is_valid_and_unique():
    # `invoke new` wrote these; the plugin must accept its format.
    content = Path(__file__).resolve().parents[1] / "content"
    ids = []
    for path in sorted(content.glob("berita/**/*.md")):
        text = path.read_text(encoding="utf-8")
        thread = frontmatter.parse(text).front_matter.first("Thread")
        if thread:
            ids.append(parse_thread_id(thread.value))
    assert ids, "the sample content has no Thread ids"
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("value", "state"), [("open", "open"), ("Closed", "closed"), (" off ", "off")]
)
def test_comments_metadata_values(value, state):
    assert parse_state(value) == state


@pytest.mark.parametrize("value", ["tutup", "no", "false", "closed now"])
def test_bad_comments_metadata_values(value):
    with pytest.raises(CommentsError) as caught:
        parse_state(value)
    assert caught.value.hint == "use open, closed or off"


def test_state_defaults_to_open():
    state = thread_state(None, PUBLISHED, PUBLISHED + dt.timedelta(days=400), None)
    assert (state.state, state.closed_by) == ("open", None)


def test_editor_states_win():
    later = PUBLISHED + dt.timedelta(days=1)
    assert thread_state("off", PUBLISHED, later, 30).state == "off"
    closed = thread_state("closed", PUBLISHED, later, 30)
    assert (closed.state, closed.closed_by) == ("closed", "editor")


def test_close_after_days_counts_from_publication_to_build_time():
    just_before = PUBLISHED + dt.timedelta(days=30) - dt.timedelta(minutes=1)
    assert thread_state(None, PUBLISHED, just_before, 30).state == "open"
    at_limit = thread_state(None, PUBLISHED, PUBLISHED + dt.timedelta(days=30), 30)
    assert (at_limit.state, at_limit.closed_by) == ("closed", "age")
    # An explicit "open" restates the default; it does not bypass the site policy.
    assert thread_state("open", PUBLISHED, PUBLISHED + dt.timedelta(days=31), 30).state == "closed"
    # "off" still removes the section of an old article.
    assert thread_state("off", PUBLISHED, PUBLISHED + dt.timedelta(days=31), 30).state == "off"


@pytest.mark.parametrize("value", [0, -3, 2.5, "30", True])
def test_bad_close_after_days(value):
    with pytest.raises(CommentsError):
        parse_close_after_days(value)


def test_good_close_after_days():
    assert parse_close_after_days(None) is None
    assert parse_close_after_days(30) == 30


def test_front_matter_line_finds_front_matter_keys_only():
    text = "Title: Rapat\nDate: 2024-11-17 09:30\nthread: bad value\n\nThread: in the body\n"
    front_matter = frontmatter.parse(text).front_matter
    assert front_matter.line("Thread") == 3
    assert front_matter.line("Comments") is None


def test_no_provider_means_no_client_config():
    assert client_config({"COMMENTS_PROVIDER": None}) is None


def test_isso_client_config():
    config = client_config(
        {"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": "https://komentar.example.go.id/"}
    )
    assert config["name"] == "isso"
    assert config["server"] == "https://komentar.example.go.id"
    assert config["host"] == "komentar.example.go.id"
    assert config["script"] == "https://komentar.example.go.id/js/embed.min.js"
    assert config["attributes"]["data-isso"] == "https://komentar.example.go.id"
    assert config["attributes"]["data-isso-lang"] == "id"
    # comments.js loads Isso's stylesheet itself, before the script draws the form.
    assert config["stylesheet"] == "https://komentar.example.go.id/css/isso.css"
    assert config["attributes"]["data-isso-css"] == "false"


def test_remark42_is_one_more_registry_entry():
    assert set(PROVIDERS) >= {"isso", "remark42"}
    config = client_config(
        {"COMMENTS_PROVIDER": "remark42", "COMMENTS_REMARK42_URL": "https://remark.example.go.id"}
    )
    assert config["script"] == "https://remark.example.go.id/web/embed.js"
    assert config["options"]["host"] == "https://remark.example.go.id"


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ({"COMMENTS_PROVIDER": "disqus"}, "unknown COMMENTS_PROVIDER"),
        ({"COMMENTS_PROVIDER": "isso"}, "COMMENTS_ISSO_URL"),
        (
            {"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": "komentar.example"},
            "COMMENTS_ISSO_URL",
        ),
        (
            {"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": "ftp://x.example"},
            "COMMENTS_ISSO_URL",
        ),
    ],
)
def test_bad_provider_settings(settings, fragment):
    with pytest.raises(CommentsError) as caught:
        client_config(settings)
    assert fragment in caught.value.message


def test_each_articles_source_path_is_worked_out_once(tmp_path):
    """Pelican works an article's path below content/ out at each ask (a
    relpath): the thread's fallback id and the duplicate check share one."""
    from types import SimpleNamespace

    from plugins.comments import plugin

    asked = []

    class Release:
        def __init__(self) -> None:
            self.source_path = str(tmp_path / "content" / "berita" / "rapat.md")
            self.metadata: dict = {}
            self.date = dt.datetime(2024, 11, 4, 9, 30, tzinfo=dt.UTC)

        @property
        def relative_source_path(self) -> str:
            asked.append(1)
            return "berita/rapat.md"

    release = Release()
    generator = SimpleNamespace(
        settings={},
        context={},
        articles=[release],
        translations=[],
        drafts=[],
        drafts_translations=[],
    )
    plugin.add_comments(generator)
    assert release.enrichment.comments["thread"]
    assert asked == [1]


def test_posix_path_is_paths_own():
    """The fallback thread id is a digest of the source path's text as
    `Path(...).as_posix()` gives it; the comments plugin skips the Path where
    the text is already that, so both must agree to the character for every
    path (a moved thread loses its comments): every path of up to four parts
    of odd names ("", ".", "..", ".h", "a.", a backslash), with up to three
    leading slashes and with and without a trailing one."""
    import itertools

    from plugins.comments.plugin import posix_path

    parts = ["a", ".", "..", "", "b.md", ".h", "x y", "\\", "..md", "a."]
    checked = 0
    for count in range(1, 5):
        for combo in itertools.product(parts, repeat=count):
            for lead in ("", "/", "//", "///"):
                path = lead + "/".join(combo)
                for text in (path, path + "/"):
                    assert posix_path(text) == Path(text).as_posix(), text
                    checked += 1
    assert posix_path("") == Path("").as_posix()
    assert checked > 80_000


@pytest.mark.parametrize(
    "url",
    [
        "http://admin:rahasia@komentar.example.go.id",
        "https://admin@komentar.example.go.id/isso/",
        "https://admin:rahasia@komentar.example.go.id:8443",
    ],
)
def test_a_server_url_with_a_user_name_or_password_is_refused_without_showing_it(url):
    with pytest.raises(CommentsError) as caught:
        client_config({"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": url})
    error = caught.value
    assert error.message == "COMMENTS_ISSO_URL has a user name or password in it"
    assert error.value.startswith(url.split("://")[0] + "://***@komentar.example.go.id")
    assert "rahasia" not in f"{error.message} {error.value} {error.hint}"
    assert "admin" not in f"{error.message} {error.value} {error.hint}"
    assert "no user name or password" in error.hint


@pytest.mark.parametrize(
    "url",
    [
        "https://komentar.example.go.id/is so",
        'https://k.example/"onload="x',
        "https://k.example/</script><script>alert(1)</script>",
        "https://k.example/<b>",
        "https://k example.go.id",
        "https://komentar.example.go.id:99999",
        "https://komentar.example.go.id/?",
        "https://komentar.example.go.id/a\\b",
        "https://komentar.example.go.id/%zz",
    ],
)
def test_server_urls_that_cannot_work_are_refused(url):
    with pytest.raises(CommentsError) as caught:
        client_config({"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": url})
    assert caught.value.message == "COMMENTS_ISSO_URL is not a comment server URL"
    assert caught.value.value == url


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("https://komentar.example.go.id/js/embed.min.js", "https://komentar.example.go.id"),
        ("https://bawaslu.example/isso/js/embed.min.js", "https://bawaslu.example/isso"),
        ("http://127.0.0.1:8080/js/embed.dev.js", "http://127.0.0.1:8080"),
    ],
)
def test_the_embed_scripts_url_is_refused_with_the_servers_base_url(url, base):
    with pytest.raises(CommentsError) as caught:
        client_config({"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": url})
    assert caught.value.message == (
        "COMMENTS_ISSO_URL is the address of the comment script, not of the server"
    )
    assert caught.value.hint == f"give the server's base URL: '{base}'"


@pytest.mark.parametrize(
    "url",
    [
        "https://komentar.example.go.id",
        "https://komentar.example.go.id/isso/",
        "http://127.0.0.1:8080",
        "http://[::1]:8080",
        "https://bawaslu.example/komentar%20sumsel",
    ],
)
def test_good_server_urls_are_accepted(url):
    config = client_config({"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": url})
    assert config["server"] == url.rstrip("/")


def isso_on(site_url: str, server: str) -> dict:
    return client_config(
        {"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": server, "SITEURL": site_url}
    )


def test_an_http_server_on_an_https_site_is_refused():
    with pytest.raises(CommentsError) as caught:
        isso_on("https://warta-sumsel.example.org", "http://komentar.example.go.id")
    assert caught.value.message == (
        "COMMENTS_ISSO_URL is http on an https site (https://warta-sumsel.example.org)"
    )
    assert caught.value.value == "http://komentar.example.go.id"
    assert caught.value.hint == "browsers block it there: use 'https://komentar.example.go.id'"


@pytest.mark.parametrize(
    ("site_url", "server"),
    [
        ("https://warta-sumsel.example.org", "https://komentar.example.go.id"),
        ("https://warta-sumsel.example.org", "http://127.0.0.1:8080"),
        ("https://warta-sumsel.example.org", "http://localhost:8080"),
        ("", "http://komentar.example.go.id"),  # the preview: SITEURL is empty
        ("http://127.0.0.1:8000", "http://komentar.example.go.id"),
    ],
)
def test_http_servers_are_allowed_where_browsers_load_them(site_url, server):
    assert isso_on(site_url, server)["server"] == server
