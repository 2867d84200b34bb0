"""Hostile editorial data files (issue 14, "Nothing leaks"): every YAML file
under data/ is read through warta.yamlfile. A billion-laughs alias list, a
Python tag, a key written twice, an empty file, bytes that are not UTF-8, a
file too large or nested too deep each give one `data/x.yaml:LINE: message
(suggestion)` problem, quickly, without a traceback, and a build that meets one
says it once instead of a cascade of follow-up messages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from conftest import REPO, FixtureSite, shipped_plugins
from warta import yamlfile
from warta.regions import gazetteer
from warta.tags.officials import load_registry
from warta.tags.vocabulary import load_vocabulary

BILLION_LAUGHS = """\
- name: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  slug: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  group: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  description: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  aliases: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  detect: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  variants: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  positions: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  end: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""
# The same bomb as a mapping (the aliases file's shape), anchors from line 2.
BILLION_LAUGHS_MAPPING = '# alias bomb\n"16.01":\n  aliases: &a ["lol","lol","lol"]\n' + "".join(
    f'"16.{n:02d}":\n  aliases: &{chr(97 + n)} [' + ",".join([f"*{chr(96 + n)}"] * 9) + "]\n"
    for n in range(2, 10)
)
ALIASES_ONLY = "- name: Pilkada\n  slug: pilkada\n  aliases: *missing_anchor\n"

TAG = """\
- name: Pilkada Serentak 2024
  slug: pilkada-serentak-2024
  group: Pemilihan
  description: Pemilihan kepala daerah serentak 2024.
"""
OFFICIAL = """\
- name: Rini Anggraini
  slug: rini-anggraini
  positions:
    - position: Ketua
      institution: Bawaslu
      region: "16.71"
      start: 2023-08-20
"""
ALIASES = '"16.01":\n  seat: Baturaja\n  aliases: [OKU]\n'
GAZETTEER_CSV = (
    "code,level,name,parent\n16,provinsi,Sumatera Selatan,\n"
    "16.01,kabupaten,Kabupaten Ogan Komering Ulu,16\n16.71,kota,Kota Palembang,16\n"
)


def load_file(kind: str, path: Path) -> list[str]:
    """Problems of one data file, as the lines a build prints."""
    if kind == "vocabulary":
        _, problems = load_vocabulary(path, "data/official_tags.yaml")
        return [str(p) for p in problems]
    if kind == "officials":
        _, problems = load_registry(path, "data/officials.yaml", {"16.71": "Kota Palembang"})
        return [str(p) for p in problems]
    csv = path.parent / "gazetteer.csv"
    csv.write_text(GAZETTEER_CSV, encoding="utf-8")
    loaded, problems = gazetteer.load(csv, path, "data/regions/aliases.yaml")
    assert loaded is not None
    # A file that cannot be used at all is marked so that the plugin resolves
    # no region, rather than report every alias in use as unknown.
    per_entry = any("written twice" in p.message for p in problems)
    assert all(p.fatal != per_entry for p in problems)
    return [p.format() for p in problems]


DISPLAY = {
    "vocabulary": "data/official_tags.yaml",
    "officials": "data/officials.yaml",
    "aliases": "data/regions/aliases.yaml",
}
KINDS = list(DISPLAY)


def write_bytes(tmp_path: Path, data: bytes | str) -> Path:
    path = tmp_path / "data.yaml"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def one_problem(kind: str, path: Path) -> str:
    problems = load_file(kind, path)
    assert len(problems) == 1, problems
    assert "Traceback" not in problems[0]
    return problems[0]


# ---- each hostile input, in each data file ----------------------------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", KINDS)
def test_billion_laughs_is_one_error_at_the_first_anchor(tmp_path, kind):
    bomb = BILLION_LAUGHS_MAPPING if kind == "aliases" else BILLION_LAUGHS
    line = one_problem(kind, write_bytes(tmp_path, bomb))
    first_anchor = 3 if kind == "aliases" else 1
    assert line.startswith(f"{DISPLAY[kind]}:{first_anchor}: anchors are not allowed")
    assert "'&a'" in line and line.endswith(")")


@pytest.mark.parametrize("kind", ["vocabulary", "officials"])
def test_an_alias_without_anchor_is_refused_at_its_line(tmp_path, kind):
    line = one_problem(kind, write_bytes(tmp_path, ALIASES_ONLY))
    assert line.startswith(f"{DISPLAY[kind]}:3: aliases are not allowed")


PYTHON_TAGS = [
    '- !!python/object/apply:os.system ["touch {flag}"]\n',
    "- name: !!python/object/apply:subprocess.check_output [[touch, '{flag}']]\n",
    "- !!python/name:os.system\n",
    "- name: !!binary aGVsbG8=\n",
    "- name: !custom x\n",
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("payload", PYTHON_TAGS)
def test_yaml_tags_are_refused_and_nothing_runs(tmp_path, kind, payload):
    flag = tmp_path / "executed"
    text = payload.format(flag=flag)
    if kind == "aliases":
        text = '"16.01":\n  aliases:\n  ' + text
    line = one_problem(kind, write_bytes(tmp_path, text))
    assert "YAML tags are not allowed" in line
    assert re.match(rf"{re.escape(DISPLAY[kind])}:\d+: ", line)
    assert not flag.exists()


@pytest.mark.parametrize("kind", ["vocabulary", "officials"])
def test_a_key_written_twice_names_both_lines(tmp_path, kind):
    base = TAG if kind == "vocabulary" else OFFICIAL
    text = base + "  slug: nama-lain\n"
    lines = len(base.splitlines())
    problem = one_problem(kind, write_bytes(tmp_path, text))
    assert problem.startswith(f"{DISPLAY[kind]}:{lines + 1}: key 'slug' written twice")
    assert f"lines 2 and {lines + 1}" in problem


def test_a_key_written_twice_in_a_position_names_both_lines(tmp_path):
    problem = one_problem(
        "officials", write_bytes(tmp_path, OFFICIAL + "      start: 2024-01-01\n")
    )
    assert problem.startswith("data/officials.yaml:8: key 'start' written twice")
    assert "lines 7 and 8" in problem


def test_a_key_written_twice_in_an_aliases_entry_names_both_lines(tmp_path):
    problems = load_file("aliases", write_bytes(tmp_path, ALIASES + "  seat: Martapura\n"))
    assert problems == [
        "data/regions/aliases.yaml:4: key 'seat' written twice in one entry: lines 2 and 4 "
        "(keep one of them; YAML would silently use the last)"
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "# semua tag dihapus\n", "~\n", "---\n"])
@pytest.mark.parametrize("kind", ["vocabulary", "officials"])
def test_an_empty_file_is_an_error(tmp_path, kind, text):
    problem = one_problem(kind, write_bytes(tmp_path, text))
    assert problem.startswith(f"{DISPLAY[kind]}:1: the file is empty (")


def test_a_vocabulary_without_tags_is_an_error(tmp_path):
    problem = one_problem("vocabulary", write_bytes(tmp_path, "[]\n"))
    assert problem.startswith("data/official_tags.yaml:1: the vocabulary has no tags")


@pytest.mark.parametrize("kind", ["vocabulary", "officials"])
def test_a_top_level_mapping_says_what_was_expected(tmp_path, kind):
    problem = one_problem(kind, write_bytes(tmp_path, "name: Pilkada\nslug: pilkada\n"))
    assert problem.startswith(f"{DISPLAY[kind]}:1: expected a list of")
    assert "found a mapping" in problem


def test_an_aliases_file_that_is_a_list_is_an_error(tmp_path):
    problem = one_problem("aliases", write_bytes(tmp_path, "- 16.01\n"))
    assert problem.startswith("data/regions/aliases.yaml:1: aliases file must be a mapping")


@pytest.mark.parametrize("kind", KINDS)
def test_bytes_that_are_not_utf8_name_the_line(tmp_path, kind):
    good = {"vocabulary": TAG, "officials": OFFICIAL, "aliases": ALIASES}[kind]
    data = good.encode("utf-8") + "# Kabupaten Ogan Komering Ulu — café\n".encode("cp1252")
    line = one_problem(kind, write_bytes(tmp_path, data))
    number = len(good.splitlines()) + 1
    assert line.startswith(f"{DISPLAY[kind]}:{number}: not UTF-8 text")
    assert line.endswith("(save the file as UTF-8)")


@pytest.mark.parametrize("kind", KINDS)
def test_a_utf16_file_is_named_as_not_utf8(tmp_path, kind):
    line = one_problem(kind, write_bytes(tmp_path, TAG.encode("utf-16")))
    assert line.startswith(f"{DISPLAY[kind]}:1: not UTF-8 text")


def test_a_utf8_bom_is_accepted(tmp_path):
    path = write_bytes(tmp_path, b"\xef\xbb\xbf" + TAG.encode("utf-8"))
    vocabulary, problems = load_vocabulary(path, "data/official_tags.yaml")
    assert problems == []
    assert [t.slug for t in vocabulary.tags] == ["pilkada-serentak-2024"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_tab_in_the_indentation_is_named(tmp_path, kind):
    text = {
        "vocabulary": TAG.replace("  slug:", "\tslug:"),
        "officials": OFFICIAL.replace("  slug:", "\tslug:"),
        "aliases": ALIASES.replace("  seat:", "\tseat:"),
    }[kind]
    line = one_problem(kind, write_bytes(tmp_path, text))
    assert line == f"{DISPLAY[kind]}:2: tab in the indentation (indent with spaces)"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", KINDS)
def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path, kind):
    path = write_bytes(tmp_path, "# " + "x" * 100 + "\n")
    with path.open("ab") as handle:
        handle.write(b"# padding\n" * (yamlfile.MAX_BYTES // 10 + 1))
    line = one_problem(kind, path)
    assert line.startswith(f"{DISPLAY[kind]}: file too large: ")
    assert f"{yamlfile.MAX_BYTES:,}" in line


@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", ["vocabulary", "aliases"])
def test_too_many_values_are_refused_before_they_are_built(tmp_path, kind):
    # Under the size bound, but building this many objects would take minutes.
    count = yamlfile.MAX_VALUES + 10
    text = (
        "- a\n" * count if kind == "vocabulary" else '"16.01":\n  aliases:\n' + "   - a\n" * count
    )
    assert len(text.encode()) < yamlfile.MAX_BYTES
    line = one_problem(kind, write_bytes(tmp_path, text))
    assert re.match(rf"{re.escape(DISPLAY[kind])}:\d+: too many values: more than ", line), line


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", KINDS)
def test_a_fifo_or_a_device_is_refused_without_blocking(tmp_path, kind):
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    assert "not a regular file" in one_problem(kind, fifo)
    assert "not a regular file" in one_problem(kind, Path("/dev/zero"))
    # committed as a link to it: refused as a link, unread (`yamlfile.link_refusal`)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    assert "symbolic link refused (not read): it points to '/dev/zero'" in one_problem(kind, zero)


@pytest.mark.parametrize("kind", KINDS)
def test_two_documents_are_refused(tmp_path, kind):
    good = {"vocabulary": TAG, "officials": OFFICIAL, "aliases": ALIASES}[kind]
    line = one_problem(kind, write_bytes(tmp_path, good + "---\n" + good))
    assert line.startswith(f"{DISPLAY[kind]}:{len(good.splitlines()) + 1}: more than one")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("- name: Pilkada\n  slug: [pilkada\n", "not valid YAML"),
        ("- name: Pilkada\x00\n", "character not allowed"),
        ("- name: Pilkada\n  start: 2024-13-45\n", "value cannot be read: '2024-13-45'"),
        ("- name: " + "9" * 5000 + "\n", "value cannot be read"),
        ("- ? [a, b]\n  : c\n", "not valid YAML"),
    ],
    ids=["syntax", "nul", "impossible-date", "huge-number", "list-as-key"],
)
def test_other_broken_values_are_one_problem_with_a_line(tmp_path, text, needle):
    for kind in ("vocabulary", "officials"):
        line = one_problem(kind, write_bytes(tmp_path, text))
        assert re.match(rf"{re.escape(DISPLAY[kind])}:\d+: ", line), line
        assert needle in line


DEEP_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from warta.regions import gazetteer
from warta.tags.vocabulary import load_vocabulary
path = Path(sys.argv[1])
_, problems = load_vocabulary(path, "data/official_tags.yaml")
print(problems[0])
print(gazetteer.apply_aliases(None, path.read_text(), "data/regions/aliases.yaml")[0].format())
"""


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "text",
    ["[" * 200_000, "- " * 100_000 + "x\n", "{a: " * 50_000],
    ids=["flow-sequences", "block-sequences", "flow-mappings"],
)
def test_very_deep_nesting_is_refused_without_crashing(tmp_path, text):
    # In a child process: LibYAML's composer recursing 200,000 levels would
    # kill the interpreter (SIGSEGV), and with it a test run in-process.
    path = write_bytes(tmp_path, text)
    script = DEEP_SCRIPT.format(repo=str(REPO))
    proc = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=100
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("data/official_tags.yaml:1: nested more than")
    assert lines[1].startswith("data/regions/aliases.yaml:1: nested more than")


def test_the_shipped_data_files_pass_the_loader():
    for path in sorted((REPO / "data").rglob("*.yaml")):
        display = str(path.relative_to(REPO))
        data, problems = yamlfile.load(path, display)
        assert problems == [], problems
        assert data


# ---- in a build: one line, no cascade ----------------------------------------


def build_errors(log: str) -> list[str]:
    """Error lines as `path:line: message`, in the runner's old
    (`error: path: msg`) or new (`path: error: msg`) form."""
    found = []
    for line in log.splitlines():
        if line.startswith("error: "):
            found.append(line[len("error: ") :])
        elif ": error: " in line:
            where, _, message = line.partition(": error: ")
            found.append(f"{where}: {message}")
    return found


def news_site(tmp_path: Path) -> FixtureSite:
    site = FixtureSite(tmp_path / "site")
    site.article(
        "2024/rapat.md",
        title="Ketua Bawaslu Kota Palembang Pimpin Rapat Koordinasi",
        slug="ketua-bawaslu-kota-palembang-pimpin-rapat",
        body=textwrap.dedent(
            """\
            BATURAJA – "Pengawasan harus ketat," kata Ketua Bawaslu Kota Palembang, Rini Anggraini.

            "Kami siap," ujar Anggota Bawaslu Kabupaten Ogan Komering Ulu, Ahmad Fauzi Rahman.
            """
        ),
    )
    return site


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    ("setting", "name", "first_anchor"),
    [
        ("OFFICIAL_TAGS_OFFICIALS", "officials.yaml", 1),
        ("OFFICIAL_TAGS_VOCABULARY", "official_tags.yaml", 1),
        ("REGIONS_ALIASES", "aliases.yaml", 3),
    ],
)
def test_a_build_with_an_alias_bomb_says_it_once(tmp_path, setting, name, first_anchor):
    bomb = tmp_path / "data" / name
    bomb.parent.mkdir()
    bomb.write_text(
        BILLION_LAUGHS_MAPPING if name == "aliases.yaml" else BILLION_LAUGHS, encoding="utf-8"
    )
    site = news_site(tmp_path)
    result = site.build(**{setting: str(bomb)})
    assert result.returncode == 1, result.log
    for forbidden in ("Traceback", "MemoryError", "build stopped", "RecursionError"):
        assert forbidden not in result.log
    errors = build_errors(result.log)
    assert len(errors) == 1, errors
    assert re.search(rf"{re.escape(name)}:{first_anchor}: anchors are not allowed", errors[0])
    # Nothing that depends on the file cascades: no unknown region for the
    # dateline, no "official not in the registry" for every name in the text.
    assert "unknown region" not in result.log
    if setting == "OFFICIAL_TAGS_OFFICIALS":
        assert "not in the registry" not in result.log
        # the anchors' error is the one line: no "could not be read" after it
        assert "the officials registry could not be read" not in result.log
    else:  # the shipped registry works: the unregistered name is suggested
        assert "not in the registry: 'Ahmad Fauzi Rahman'" in result.log


@pytest.mark.timeout(300)
def test_a_build_with_a_duplicate_key_in_the_vocabulary_names_both_lines(tmp_path):
    vocabulary = tmp_path / "data" / "official_tags.yaml"
    vocabulary.parent.mkdir()
    vocabulary.write_text(TAG + "  group: Isu\n", encoding="utf-8")
    result = news_site(tmp_path).build(OFFICIAL_TAGS_VOCABULARY=str(vocabulary))
    assert result.returncode == 1, result.log
    errors = build_errors(result.log)
    assert len(errors) == 1, errors
    assert (
        "official_tags.yaml:5: key 'group' written twice in one entry: lines 3 and 5" in (errors[0])
    )
    assert "Traceback" not in result.log


def only_error_at(result, name: str) -> str:
    """The message of the build's one error, which names the data file `name`."""
    assert result.returncode == 1, result.log
    [error] = build_errors(result.log)
    where, _, message = error.partition(": ")
    assert where.endswith(name)
    return message


def data_link(tmp_path: Path, name: str, target: Path) -> Path:
    """data/`name` below `tmp_path`, committed as a link to `target`."""
    link = tmp_path / "data" / name
    link.parent.mkdir()
    link.symlink_to(target)
    return link


def link_refused(target: Path) -> str:
    """The build's words for a data file that is a link to `target`."""
    return (
        f"symbolic link refused (not read): it points to '{target}'"
        " (commit the file itself in its place, not a link to it)"
    )


# Each data file's setting and name (the gazetteer's two settings name one
# file in the shipped configuration: the regions' and the office names').
DATA_FILE_SETTINGS = [
    (("OFFICIAL_TAGS_OFFICIALS",), "officials.yaml"),
    (("OFFICIAL_TAGS_VOCABULARY",), "official_tags.yaml"),
    (("REGIONS_ALIASES",), "aliases.yaml"),
    (("REGIONS_GAZETTEER", "OFFICIAL_TAGS_REGION_NAMES"), "gazetteer.csv"),
]


@pytest.mark.timeout(300)
@pytest.mark.parametrize(("settings", "name"), DATA_FILE_SETTINGS)
def test_a_data_file_that_is_a_link_is_refused_and_its_target_not_read(tmp_path, settings, name):
    # A staffer can commit data/officials.yaml as a link to a file of the CI
    # machine; read, its first line was quoted in the public build log.
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=ghp_rahasia_sekali\n", encoding="utf-8")
    link = data_link(tmp_path, name, secret)
    result = news_site(tmp_path).build(**dict.fromkeys(settings, str(link)))
    assert "ghp_rahasia_sekali" not in result.log
    assert "Traceback" not in result.log
    assert only_error_at(result, name) == link_refused(secret)


@pytest.mark.timeout(300)
@pytest.mark.parametrize(("settings", "name"), DATA_FILE_SETTINGS)
def test_a_data_file_that_is_a_link_is_never_opened(tmp_path, settings, name):
    """Refused, a link's target was still opened by the official tags
    stage's cache digest (the bytes of each data file): a link to a pipe or
    /dev/zero hung the build or filled its memory. A pipe tells whether it
    was opened: opening its other end succeeds only while a reader has it
    open (and lets that reader go on)."""
    pipe = tmp_path / "pipa"
    os.mkfifo(pipe)
    link = data_link(tmp_path, name, pipe)
    opened: list[bool] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            try:
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:  # (ENXIO: no reader has it open)
                time.sleep(0.02)
            else:
                opened.append(True)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        result = news_site(tmp_path).build(**dict.fromkeys(settings, str(link)))
    finally:
        done.set()
        watcher.join()
    assert opened == []
    assert only_error_at(result, name) == link_refused(pipe)


@pytest.mark.timeout(300)
@pytest.mark.parametrize(("settings", "name"), DATA_FILE_SETTINGS)
def test_a_data_file_in_a_folder_that_is_a_link_is_refused_unread(tmp_path, settings, name):
    """The file itself was checked, not its folder: `data/` committed as a
    link to a folder of the CI machine had its files read, and the first
    line of one quoted in the public build log. A folder of the checkout
    (the working folder here) that is a link refuses every data file in it."""
    elsewhere = tmp_path / "di-luar"
    elsewhere.mkdir()
    (elsewhere / name).write_text("TOKEN=ghp_rahasia_sekali\n", encoding="utf-8")
    (tmp_path / "data").symlink_to(elsewhere, target_is_directory=True)
    path = tmp_path / "data" / name
    result = news_site(tmp_path).build(cwd=tmp_path, **dict.fromkeys(settings, str(path)))
    assert "ghp_rahasia_sekali" not in result.log
    assert "Traceback" not in result.log
    assert only_error_at(result, name) == (
        f"symbolic link refused (not read): its folder 'data' is a link to '{elsewhere}'"
        " (commit the folder 'data' itself in its place, not a link to it)"
    )


def test_a_data_path_that_climbs_back_out_of_a_linked_folder_is_refused(tmp_path, monkeypatch):
    """`data/x/../officials.yaml` with `data/x` a link: the path, made
    absolute as text, named no link, and the system read the file beside the
    link's target."""
    from warta import yamlfile

    (tmp_path / "di-luar" / "sub").mkdir(parents=True)
    (tmp_path / "di-luar" / "officials.yaml").write_text("TOKEN=rahasia\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x").symlink_to(tmp_path / "di-luar" / "sub")
    monkeypatch.chdir(tmp_path)
    text, [problem] = yamlfile.read_text(Path("data/x/../officials.yaml"), "data/officials.yaml")
    assert text is None
    assert problem.message == (
        f"symbolic link refused (not read): its folder 'x' is a link to '{tmp_path}/di-luar/sub'"
    )
    # A path with `..` through no link is read as it always was.
    (tmp_path / "data" / "officials.yaml").write_text("officials: []\n", encoding="utf-8")
    assert yamlfile.read_text(Path("data/../data/officials.yaml"), "x") == ("officials: []\n", [])


@pytest.mark.timeout(300)
def test_the_office_names_file_as_a_link_is_said_without_the_regions_plugin(tmp_path):
    """OFFICIAL_TAGS_REGION_NAMES as a link, with no regions plugin to say it
    (it says it when it reads the same file): the office names were left
    out without a word, offices shown by their codes ('Bawaslu 16.71')."""
    secret = tmp_path / "rahasia.csv"
    secret.write_text("kode,nama\n16.71,Kota Rahasia\n", encoding="utf-8")
    link = tmp_path / "data" / "gazetteer.csv"
    link.parent.mkdir()
    link.symlink_to(secret)
    plugins = [name for name in shipped_plugins() if name != "regions"]
    result = news_site(tmp_path).build(OFFICIAL_TAGS_REGION_NAMES=str(link), PLUGINS=plugins)
    assert result.returncode == 1, result.log
    assert "Rahasia" not in result.log
    assert only_error_at(result, "gazetteer.csv") == link_refused(secret)


def test_a_data_file_that_is_a_link_is_named_by_its_own_path(tmp_path, monkeypatch):
    """The official tags plugin showed a data file by its path resolved: a
    link to a file of the project (data/officials.yaml -> ../.git/config)
    was named as the file it points to, and the error sent staff there."""
    from plugins.official_tags.plugin import display_path

    target = tmp_path / ".git" / "config"
    target.parent.mkdir()
    target.write_text("[core]\n", encoding="utf-8")
    link = tmp_path / "data" / "officials.yaml"
    link.parent.mkdir()
    link.symlink_to(Path("..") / ".git" / "config")
    monkeypatch.chdir(tmp_path)
    assert display_path(link) == "data/officials.yaml"
    assert display_path(tmp_path / "data" / "." / "officials.yaml") == "data/officials.yaml"
    assert display_path(target) == ".git/config"


@pytest.mark.timeout(300)
def test_the_office_names_file_as_a_link_to_the_regions_gazetteer_is_said(tmp_path):
    """OFFICIAL_TAGS_REGION_NAMES a link to the file REGIONS_GAZETTEER names:
    the official tags plugin took the two for one file (paths compared
    resolved) and left the refusal to the regions plugin, which read its
    own file, not a link, and said nothing."""
    gazetteer = tmp_path / "wilayah.csv"
    shutil.copy(REPO / "data" / "regions" / "gazetteer.csv", gazetteer)
    link = tmp_path / "data" / "gazetteer.csv"
    link.parent.mkdir()
    link.symlink_to(gazetteer)
    result = news_site(tmp_path).build(
        REGIONS_GAZETTEER=str(gazetteer), OFFICIAL_TAGS_REGION_NAMES=str(link)
    )
    assert result.returncode == 1, result.log
    assert only_error_at(result, "gazetteer.csv") == link_refused(
        gazetteer
    )  # the link, not the file it points to
