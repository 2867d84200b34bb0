"""Newsroom in the browser: Decap CMS at /admin/, configured from the project's data.

What it adds to the output (CMS_SAVE_AS, default "admin/"):
- `index.html`: the page staff open; no inline script, `noindex`.
- `decap-cms.js` and its chunks, copied from the npm package `decap-cms`
  (package.json pins it; `npm ci` installs it): served from the site itself,
  never from a CDN.
- `js-yaml.min.js`, copied from the npm package `js-yaml` (package.json pins
  it): the YAML reader of the format, for a front matter between `---` lines.
- `warta-cms.js` (plugins/cms/static/): our front-matter format (`Key: value`
  lines, blank line, body, or YAML between `---` lines; key order, unknown
  keys and comments kept), the Indonesian
  UI locale, the slug and alt-text widgets, and the article preview.
- `config.json`: the CMS configuration generated from the gazetteer and its
  aliases, the official vocabulary, the officials registry, CONTENT_LINT_*,
  OFFICIAL_TAGS_ALLOW_FREE and the dateline reader's separators and patterns
  (see config.py).

`config.json` and `index.html` are made again only when something they are
made from changed (with the caches on: CACHE_PATH, LOAD_CONTENT_CACHE and
CACHE_CONTENT): the kept key (`admin_key`, in CACHE_PATH/cms/admin.json) is a
digest of the data files' bytes (and whether each is a link), the settings of
INPUT_SETTINGS, the backend's environment variables, the day (the officials'
positions held today), the addresses the CMS must not take (`taken`: the
listed releases and the output's top-level names), this plugin's and warta's
code and Python's version. While it is unchanged and both files in the
output are the bytes last written (the writer keeps them from one build to
the next: `warta.paths.keep_output`), they are left as they are: a warm
build at 2,000 releases spent 0.2 s of CPU making them again.

Settings (defaults in DEFAULTS): CMS_ENABLED, CMS_SAVE_AS, CMS_BUNDLE_DIR
(None: <project>/node_modules/decap-cms/dist), CMS_BACKEND (Decap's `backend`
block; None: GitHub with the repository in WARTA_CMS_REPO or GITHUB_REPOSITORY,
the OAuth client in WARTA_CMS_AUTH_URL, else the local decap-server of `invoke
cms` on 127.0.0.1:8081), CMS_LOCAL_BACKEND (URL of a local
decap-server, what `invoke cms` sets), CMS_REGION_KECAMATAN_PROVINCES (provinces
whose kecamatan are offered; None: REGIONS_HOME_PROVINCE).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import NamedTuple

from pelican import signals

import warta
from warta.contents import (
    DRAFT_LISTS,
    HIDDEN_LISTS,
    contents_of,
    is_articles_generator,
    is_pages_generator,
)
from warta.deploy import unpublished_names
from warta.fingerprint import files_digest, hash_bytes, hash_text
from warta.paths import OUTPUT_OWNERS, keep_output, own_output, save_cache
from warta.published import check_only, written
from warta.regions.configured import (
    ALIASES_DEFAULT,
    GAZETTEER_DEFAULT,
    data_path,
    load_configured,
)
from warta.siteurl import SiteUrlError, cms_variable_problem
from warta.snapshots import content_digest
from warta.source_checks import Rules
from warta.tags.officials import load_region_names, load_registry
from warta.tags.vocabulary import load_vocabulary
from warta.yamlfile import link_refusal

from .config import (
    CmsInputs,
    cms_config,
    dated_release_keys,
    dateline_forms,
    official_entries,
    region_contexts,
    region_options,
    region_spellings,
    tag_options,
    tag_spellings,
    taken_addresses,
    warta_data,
)
from .page import admin_html

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
STATIC = Path(__file__).resolve().parent / "static"
DEFAULTS = {
    "CMS_ENABLED": True,
    "CMS_SAVE_AS": "admin/",
    "CMS_BUNDLE_DIR": None,
    "CMS_BACKEND": None,
    "CMS_LOCAL_BACKEND": None,
    "CMS_REGION_KECAMATAN_PROVINCES": None,
}
BUNDLE_PACKAGE = "decap-cms"
# Where `invoke cms` runs decap-server (its default port, on loopback only).
LOCAL_PROXY_PORT = 8081
LOCAL_PROXY_URL = f"http://127.0.0.1:{LOCAL_PROXY_PORT}/api/v1"
# The files of the bundle that the browser loads: the entry, its lazy chunks, the
# WebAssembly it fetches, and the licence notices the entry points to.
BUNDLE_SUFFIXES = (".decap-cms.js", ".wasm")
BUNDLE_FILES = ("decap-cms.js", "decap-cms.js.LICENSE.txt")
# Files of other npm packages the page loads (package, file), copied under the
# file's own name: the YAML reader of warta-cms.js.
VENDOR_FILES = (("js-yaml", "dist/js-yaml.min.js"),)
# Ours: the scripts in the order index.html loads them (before decap-cms.js), the styles.
STATIC_SCRIPTS = ("warta-cms-id.js", "warta-cms.js", "warta-cms.css")
# The files made here (not copied), kept in the output from one build to the
# next while what they are made from is unchanged (`admin_key`).
MADE_FILES = ("config.json", "index.html")
# Every setting `gather_inputs` and `write_admin` read that shapes those files
# (tests/test_cms_site.py checks that no other is read).
INPUT_SETTINGS = (
    "CMS_BACKEND",
    "CMS_LOCAL_BACKEND",
    "CMS_REGION_KECAMATAN_PROVINCES",
    "CMS_SAVE_AS",
    "CONTENT_LINT_RUBRIK",
    "CONTENT_LINT_SUMMARY_MAX",
    "CONTENT_LINT_SUMMARY_MIN",
    "CONTENT_LINT_TITLE_MAX",
    "CONTENT_LINT_TITLE_MIN",
    "DATA_PATH",
    "DEFAULT_CATEGORY",
    "IMAGES_MAX_SOURCE_BYTES",
    "OFFICIAL_TAGS_ALLOW_FREE",
    "OFFICIAL_TAGS_OFFICIALS",
    "OFFICIAL_TAGS_VOCABULARY",
    "OUTPUT_RETENTION",
    "REGIONS_ALIASES",
    "REGIONS_GAZETTEER",
    "REGIONS_HOME_PROVINCE",
    "SITENAME",
    "SITEURL",
    "THEME_STATIC_DIR",
)
# What `default_backend` reads from the environment.
BACKEND_VARIABLES = ("WARTA_CMS_REPO", "GITHUB_REPOSITORY", "WARTA_CMS_AUTH_URL")
KEPT_FORMAT = "warta-cms-admin-1"
KEPT_FILE = Path("cms") / "admin.json"


def setting(settings: dict, key: str):
    return settings.get(key, DEFAULTS[key])


def default_backend() -> dict:
    """GitHub, with the repository Actions names (GITHUB_REPOSITORY) or WARTA_CMS_REPO;
    without one, the local decap-server that `invoke cms` runs."""
    repo = os.environ.get("WARTA_CMS_REPO") or os.environ.get("GITHUB_REPOSITORY") or ""
    if not repo:
        return {"name": "proxy", "proxy_url": LOCAL_PROXY_URL, "branch": "main"}
    backend = {"name": "github", "repo": repo, "branch": "main"}
    auth_url = os.environ.get("WARTA_CMS_AUTH_URL")
    if auth_url:
        backend["base_url"] = auth_url
    return backend


def check_backend_variables(pelican) -> None:
    """initialized: WARTA_CMS_REPO or WARTA_CMS_AUTH_URL set to a value the
    public /admin/config.json must not carry (a token, a password:
    `warta.siteurl.cms_variable_problem`) stops the build at its start, as
    WARTA_SITEURL does, with one error naming the variable, not its value."""
    settings = pelican.settings
    if not setting(settings, "CMS_ENABLED") or setting(settings, "CMS_BACKEND"):
        return
    finding = cms_variable_problem(os.environ)
    if finding is not None:
        raise SiteUrlError(finding)


def _data_file(settings: dict, key: str, default: str) -> Path:
    value = settings.get(key)
    return Path(value) if value else Path(settings.get("DATA_PATH") or "data") / default


class DataFiles(NamedTuple):
    """The data files `gather_inputs` reads (and `admin_key` keys)."""

    gazetteer: Path
    aliases: Path | None  # (None when REGIONS_ALIASES is "")
    vocabulary: Path
    officials: Path


def data_files(settings: dict) -> DataFiles:
    """The gazetteer, its aliases, the official vocabulary and the officials."""
    aliases = settings.get("REGIONS_ALIASES", ALIASES_DEFAULT)
    return DataFiles(
        data_path(settings.get("REGIONS_GAZETTEER", GAZETTEER_DEFAULT)),
        data_path(aliases) if aliases else None,
        _data_file(settings, "OFFICIAL_TAGS_VOCABULARY", "official_tags.yaml"),
        _data_file(settings, "OFFICIAL_TAGS_OFFICIALS", "officials.yaml"),
    )


def admin_key(settings: dict, taken: dict[str, list[str]]) -> str:
    """A digest of everything `config.json` and `index.html` are made from."""
    parts = [KEPT_FORMAT, sys.version, dt.date.today().isoformat()]
    parts += files_digest([Path(__file__).parent, *warta.site_modules()])
    parts += [f"{name}={settings.get(name)!r}" for name in INPUT_SETTINGS]
    parts += [f"{name}={os.environ.get(name, '')}" for name in BACKEND_VARIABLES]
    for path in filter(None, data_files(settings)):
        # A link (or a file in a linked folder) is refused unread
        # (warta.yamlfile.link_refusal): keyed by what it points to, never
        # opened (a pipe or /dev/zero would hang).
        refused = link_refusal(path, str(path))
        if refused is not None:
            parts += [str(path), "link", refused.message]
        else:
            parts += [str(path), "file", content_digest(path) or "unreadable"]
    parts.append(json.dumps(taken, sort_keys=True))
    return hash_text(*parts)


def kept_path(settings: dict) -> Path | None:
    """Where the key of the files last made is kept: None with the caches off."""
    cache = settings.get("CACHE_PATH")
    if not (cache and settings.get("LOAD_CONTENT_CACHE") and settings.get("CACHE_CONTENT")):
        return None
    return Path(cache) / KEPT_FILE


def kept_made(settings: dict, target: Path, key: str) -> dict | None:
    """The record of the last build's `config.json` and `index.html` (their
    digests, and the numbers its line said) when it was made under `key` and
    both files in `target` are still those bytes; None otherwise."""
    path = kept_path(settings)
    if path is None:
        return None
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["format"] != KEPT_FORMAT or kept["key"] != key:
            return None
        for name in MADE_FILES:
            if hash_bytes((target / name).read_bytes()) != kept["files"][name]:
                return None
        return kept
    except (OSError, ValueError, KeyError, TypeError):
        return None


def gather_inputs(settings: dict) -> CmsInputs:
    """What /admin/ is configured from."""
    rules = Rules()

    files = data_files(settings)
    # The gazetteer the regions plugin loads; problems in these files are the
    # regions and official_tags plugins' to report (no region options meanwhile).
    gazetteer, _ = load_configured(settings)
    home = settings.get("REGIONS_HOME_PROVINCE")
    provinces = setting(settings, "CMS_REGION_KECAMATAN_PROVINCES") or ([home] if home else [])
    region_names = load_region_names(files.gazetteer)
    vocabulary, _ = load_vocabulary(files.vocabulary, str(files.vocabulary), region_names)
    registry, _ = load_registry(files.officials, str(files.officials), region_names)
    regions = region_options(gazetteer, home, tuple(provinces)) if gazetteer else []
    site_url = settings.get("SITEURL") or ""
    theme_css = f"{settings.get('THEME_STATIC_DIR', 'theme')}/css/warta.css"
    return CmsInputs(
        site_name=settings.get("SITENAME", ""),
        rubrik=tuple(settings.get("CONTENT_LINT_RUBRIK") or rules.rubrik),
        title_min=settings.get("CONTENT_LINT_TITLE_MIN", rules.title_min),
        title_max=settings.get("CONTENT_LINT_TITLE_MAX", rules.title_max),
        summary_min=settings.get("CONTENT_LINT_SUMMARY_MIN", rules.summary_min),
        summary_max=settings.get("CONTENT_LINT_SUMMARY_MAX", rules.summary_max),
        regions=regions,
        default_category=settings.get("DEFAULT_CATEGORY") or "",
        region_spellings=region_spellings(gazetteer, regions, home) if gazetteer else {},
        region_contexts=region_contexts(gazetteer, regions) if gazetteer else {},
        tags=tag_options(vocabulary),
        tag_spellings=tag_spellings(vocabulary),
        dateline=dateline_forms(home),
        allow_free_tags=bool(settings.get("OFFICIAL_TAGS_ALLOW_FREE")),
        officials=official_entries(registry, dt.date.today()),
        backend=setting(settings, "CMS_BACKEND") or default_backend(),
        local_backend=setting(settings, "CMS_LOCAL_BACKEND"),
        site_url=site_url if site_url.startswith(("http://", "https://")) else "",
        # Relative to /admin/: the same file the site's pages load.
        preview_css=f"../{theme_css}",
        media_library_max_mb=max(
            1, int(settings.get("IMAGES_MAX_SOURCE_BYTES", 10_000_000)) // 1_000_000
        ),
        media_library_max_bytes=int(settings.get("IMAGES_MAX_SOURCE_BYTES", 10_000_000)),
    )


def config_json(document: dict) -> str:
    """JSON with <, > and & escaped too: the data (aliases, names) comes from files
    staff edit, and stays inert even if a page ever embeds it in a <script>."""
    text = json.dumps(document, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def bundle_dir(settings: dict) -> Path:
    configured = setting(settings, "CMS_BUNDLE_DIR")
    if configured:
        return Path(configured)
    return PROJECT_ROOT / "node_modules" / BUNDLE_PACKAGE / "dist"


def vendor_files() -> list[Path]:
    """The files of VENDOR_FILES in the project's node_modules."""
    return [PROJECT_ROOT / "node_modules" / package / name for package, name in VENDOR_FILES]


def bundle_files(folder: Path) -> list[Path]:
    files = [folder / name for name in BUNDLE_FILES if (folder / name).is_file()]
    files += sorted(p for p in folder.iterdir() if p.name.endswith(BUNDLE_SUFFIXES))
    return list(dict.fromkeys(files))


# Output folder → (listed releases' "YYYY/MM/slug", top names only unlisted
# contents use, the build's OUTPUT_OWNERS: what plugins write, claimed up to
# the end), from all_generators_finalized to the finalized handler.
_PUBLISHED: dict[str, tuple[list[str], set[str], dict[str, str]]] = {}


def claim_admin(generators) -> None:
    """/admin/ is the CMS's, written after the pages: a page there (`Slug:
    admin`) would be overwritten unseen. Also notes which addresses the site
    lists, for the CMS's "-2" (`taken_addresses`)."""
    if not generators or not setting(generators[0].settings, "CMS_ENABLED"):
        return
    folder = setting(generators[0].settings, "CMS_SAVE_AS").strip("/")
    own_output(generators[0].context, f"{folder}/", "the newsroom CMS (CMS_SAVE_AS)")
    if check_only(generators[0].settings):
        return  # `invoke check` writes no /admin/
    # Left in the output by the writer's clean start: `write_admin` leaves them
    # as they are while what they are made from is unchanged, else replaces them.
    keep_output(generators[0].context, [f"{folder}/{name}" for name in MADE_FILES])
    # Published articles are `articles` and `translations`; the other lists
    # (hidden, drafts) are short: no property of 10,000 articles is formatted.
    articles = [
        a for g in generators if is_articles_generator(g) for a in (*g.articles, *g.translations)
    ]
    pages = [p for g in generators if is_pages_generator(g) for p in (*g.pages, *g.translations)]
    unlisted = written(contents_of(generators, DRAFT_LISTS + HIDDEN_LISTS))
    article_top = str(generators[0].settings.get("ARTICLE_SAVE_AS") or "").split("/", 1)[0]

    def top(content) -> str:
        return str(content.save_as).split("/", 1)[0]

    _PUBLISHED[os.path.realpath(generators[0].output_path)] = (
        dated_release_keys(generators[0].settings.get("ARTICLE_SAVE_AS", ""), articles),
        {top(c) for c in unlisted} - {article_top, *(top(p) for p in pages)},
        generators[0].context.setdefault(OUTPUT_OWNERS, {}),
    )


def kept_names(settings, owners: dict[str, str]) -> set[str]:
    """Top-level names the output keeps from before this build without its
    writing them: OUTPUT_RETENTION's, but those a plugin of this build writes
    (`OUTPUT_OWNERS`: the search index's folder while search indexes)."""
    written_tops = {path.strip("/").split("/", 1)[0] for path in owners}
    return set(unpublished_names(settings.get("OUTPUT_RETENTION"), published=written_tops))


def write_admin(pelican) -> None:
    settings = pelican.settings
    if not setting(settings, "CMS_ENABLED"):
        return
    save_as = setting(settings, "CMS_SAVE_AS").strip("/")
    output = Path(pelican.output_path).resolve()
    target = (output / save_as).resolve()
    if output not in target.parents:
        logger.error("CMS_SAVE_AS must be a folder inside the output: '%s'", save_as)
        return
    source = bundle_dir(settings)
    missing = [file for file in vendor_files() if not file.is_file()]
    if (not (source / "decap-cms.js").is_file() or missing) and not check_only(settings):
        # No /admin/: not what the last build made of it either (kept for this
        # one by the writer since `claim_admin`).
        for name in MADE_FILES:
            with contextlib.suppress(OSError):
                (target / name).unlink(missing_ok=True)
    if not (source / "decap-cms.js").is_file():
        logger.warning(
            "%s: the CMS bundle is not installed, /%s/ not written: '%s' "
            "(run `npm ci` in the project folder; scripts/build-site does it)",
            "package.json",
            save_as,
            source,
        )
        return
    if missing:
        logger.warning(
            "%s: a file the CMS loads is not installed, /%s/ not written: '%s' "
            "(run `npm ci` in the project folder; scripts/build-site does it)",
            "package.json",
            save_as,
            missing[0],
        )
        return
    if check_only(settings):
        return  # `invoke check` writes no file
    # The CMS gives a new release or page "-2" where the site already has its
    # address: the build would refuse it after the CMS saved it.
    releases, unlisted, owners = _PUBLISHED.pop(os.path.realpath(output), ([], set(), {}))
    taken = taken_addresses(output, releases, unlisted, save_as, kept_names(settings, owners))
    target.mkdir(parents=True, exist_ok=True)
    for file in [*bundle_files(source), *vendor_files()]:
        shutil.copyfile(file, target / file.name)
    for script in STATIC_SCRIPTS:
        shutil.copyfile(STATIC / script, target / script)
    key = admin_key(settings, taken)
    made = kept_made(settings, target, key)
    if made is None:
        made = make_admin(settings, target, taken, key)
    logger.info(
        "cms: /%s/ written (%d regions, %d official tags, %d officials)",
        save_as,
        made["regions"],
        made["tags"],
        made["officials"],
    )


def make_admin(settings: dict, target: Path, taken: dict[str, list[str]], key: str) -> dict:
    """Write `config.json` and `index.html` into `target`; their record, kept
    (`kept_path`) for the next build under `key`."""
    inputs = gather_inputs(settings)
    inputs.taken = taken
    document = {"cms": cms_config(inputs), "warta": warta_data(inputs)}
    texts = {"config.json": config_json(document), "index.html": admin_html(inputs.site_name)}
    for name in MADE_FILES:
        (target / name).write_text(texts[name], encoding="utf-8")
    made = {
        "format": KEPT_FORMAT,
        "key": key,
        "files": {name: hash_bytes(texts[name].encode("utf-8")) for name in MADE_FILES},
        "regions": len(inputs.regions),
        "tags": len(inputs.tags),
        "officials": len(inputs.officials),
    }
    path = kept_path(settings)
    if path is not None:
        save_cache(
            path,
            json.dumps(made).encode("utf-8"),
            owner="cms",
            consequence="the next build makes /admin/'s configuration again",
        )
    return made


def register() -> None:
    signals.initialized.connect(check_backend_variables)
    signals.all_generators_finalized.connect(claim_admin)
    signals.finalized.connect(write_admin)
