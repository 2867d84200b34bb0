"""Signal wiring and Pelican-facing parts of the writer plugin (see __init__)."""

from __future__ import annotations

import functools
import gc
import io
import itertools
import logging
import os
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_NAMESPACE, DEFAULT_TESTS
from pelican import signals
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper
from pelican.utils import get_relative_path, path_to_url, posixize_path
from pelican.writers import Writer

from warta import findings
from warta.findings import Finding
from warta.fingerprint import (
    MISSING,
    Digester,
    StateStamper,
    Unstable,
    files_digest,
    hash_text,
    library_versions,
    plugin_code,
    site_code,
)
from warta.frontmatter import read_header
from warta.parallel import Background, Forked, fork_map, worker_count
from warta.paths import (
    ADDRESS_KEYS,
    NAME_MAX,
    OUTPUT_KEPT,
    OUTPUT_OWNERS,
    OutputPaths,
    emptied,
    emptying,
    first_symlink,
    link_target,
    long_name,
    output_collision,
)
from warta.plugin_order import (
    live_receivers,
    outside_extensions,
    outside_plugin_connected,
    own_module,
)
from warta.published import PREVIEWS_SAID, check_only

from .manifest import Entry, Manifest, OutputFolder, unchanged, write_stamped
from .templates import TemplateAnalyser, TemplateInputs, load_parsed, save_parsed

logger = logging.getLogger(__name__)

DEFAULTS = {
    "WRITER_INCREMENTAL": True,
    "WRITER_WORKERS": 0,  # 0: every core; 1: render in Pelican's process
    "WRITER_INPUTS": [],  # files or folders every page depends on (e.g. data/)
    "WRITER_CACHE_DIR": "writer",
    # A flush's page keys are taken on every core from this many pages a core
    # (fewer: in Pelican's process, where forking would cost more than it saves).
    "WRITER_KEYS_PER_WORKER": 1000,
}
STATE_KEY = "writer_build"  # in the generator context, shared with the Writer
# The manifest's digest of a file whose inputs have no digest (a page reading
# an outside plugin's Jinja global, a feed a `feed_generated` receiver may
# change): listed as written, never reused.
NO_DIGEST = ""
LIBRARIES = ("pelican", "jinja2", "markdown", "markupsafe", "babel", "feedgenerator")
# Instance attributes that never reach a template: back-references to the whole
# build (covered by the settings digest) or to Pelican's shared context.
SKIPPED_ATTRIBUTES = frozenset({"settings", "_context"})
# What a page's context has for a name it lacks (then the Jinja global counts).
_NOT_IN_CONTEXT = object()
_NOT_IN_CONTEXT_ID = id(_NOT_IN_CONTEXT)
# Names `_add_page` sets in a page's copy of its generator's context, besides
# the writer's keyword arguments: the page's own values.
PAGE_NAMES = frozenset({"output_file", "localsiteurl", "SITEURL"})


def setting(settings, name: str):
    return settings.get(name, DEFAULTS[name])


# -- digests of Pelican objects -------------------------------------------------------


def _shallow(value: Any, depth: int = 0) -> Any:
    """A value with every article/page in it replaced by its source file."""
    if isinstance(value, Content):
        return f"content:{value.source_path}"
    if depth > 3:
        return value
    if isinstance(value, (list, tuple)):
        return [_shallow(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {key: _shallow(item, depth + 1) for key, item in value.items()}
    return value


def _content_state(content: Content) -> dict:
    # Its URL and output path follow from this state and the settings (both
    # digested), so the costly URL properties are not needed here.
    return {k: v for k, v in vars(content).items() if k not in SKIPPED_ATTRIBUTES}


PELICAN_LINK_REGEX = "[{|](?P<what>.*?)[|}]"


def source_body(content: Content) -> str | None:
    """The body as every page shows it when that is its source HTML, the
    string object itself: a body without `{` or `|` (most releases) has
    nothing to resolve under Pelican's link syntax. None for any other body."""
    raw = content._content
    if (
        isinstance(raw, str)
        and not hasattr(content, "_get_content")
        and content.settings.get("INTRASITE_LINK_REGEX") == PELICAN_LINK_REGEX
        and "{" not in raw
        and "|" not in raw
    ):
        return raw
    return None


def rendered_body(content: Content, siteurl: str | None = None) -> str:
    """The body as a page shows it: links to other files ({filename}…) resolved.

    Resolving costs a regex pass per article: the source HTML when there is
    nothing to resolve (`source_body`)."""
    raw = source_body(content)
    if raw is not None:
        return raw
    return content.get_content(content.get_siteurl() if siteurl is None else siteurl)


def describe_content(content: Content, _digester) -> dict:
    """An article or page rendered as the page's subject: its whole state, with
    the content as rendered (links to other files resolved). The slow path of
    `ContentStamps.subject`, for a state pickle cannot write."""
    state = _content_state(content)
    state["content"] = rendered_body(content)
    return state


def reference_content(content: Content, _digester, with_body: bool = False) -> dict:
    """An article shown inside another page (a list, "baca juga"): its state, with
    the articles it points to by source file (a page that shows an article's
    related articles gets them as its own references). Not its body when it has
    a `Summary:` and the page's template is the theme's and reads no listed
    article's body (`with_body` False: `TemplateInputs.lists_bodies`): such
    lists show the summary, and Pelican derives one from the body only when
    there is none. (Feeds, which carry the body, add it themselves.) The slow
    path of `ContentStamps.reference`."""
    state = _content_state(content)
    if "summary" in content.metadata and not with_body:
        state.pop("_content", None)
    return _shallow(state)


# The body is digested on its own, as pages show it (`ContentStamps.body`).
NOT_IN_CORE = SKIPPED_ATTRIBUTES | {"_content"}


def core_state(content: Content) -> dict:
    """Its attributes but `NOT_IN_CORE`, in their order: a copy of its
    `__dict__` (in C) with those taken out, a tenth of a comprehension's time
    on an article's forty attributes (every article, every build)."""
    state = vars(content).copy()
    for name in NOT_IN_CORE:
        state.pop(name, None)
    return state


# Below this many contents per worker, forking for their stamps costs more than it saves.
PREFILL_PER_WORKER = 400
# Contents stamped per item of the early stamps' background (`ContentStamps.start_early`).
EARLY_CHUNK = 200


def content_key(content: Content) -> str:
    return f"content:{content.source_path}"


class ContentStamps:
    """Each article's and page's digests for one build, from one pickle of its state.

    - `core`: its state without the body, other contents written as their
      source file (collected as its leaves), other objects described in place
      as the Digester describes them (`StateStamper`).
    - `body`: the body as pages show it (`rendered_body`: links resolved);
      a source body's digest taken with the stamp by a worker, kept with the
      string it is of (`_source_bodies`).
    - `reference(c)`, an article inside another page's value (a list, "baca
      juga"): core and body (an outside plugin's list may show the body).
    - `subject(c)`, the article a page is about: core, body, and the
      reference of every content its state points to (related, prev/next).

    The same information as `describe_content`/`reference_content` walked by
    the Digester, at a fraction of the cost (the pickle walks plain values in
    C). A state pickle cannot write falls back to that walk (`None` here).
    """

    def __init__(self, digester: Digester) -> None:
        self.digester = digester
        self.stamper = StateStamper(
            leaf_types=(Content,),
            leaf_key=content_key,
            describers=digester.describers,
            skip_attributes=SKIPPED_ATTRIBUTES,
        )
        self._cores: dict[int, tuple[Content, str | None, tuple]] = {}
        self._bodies: dict[tuple[int, str | None], tuple[Content, str]] = {}
        self._references: dict[tuple[int, bool], tuple[Content, str | None]] = {}
        self.stamped = 0
        self.early = 0  # of them, taken by the early background
        self.fallbacks = 0
        self.seconds = 0.0
        self._early: tuple[Background, list, list] | None = None
        # id → (content, the `_content` string a worker digested, its digest)
        self._source_bodies: dict[int, tuple[Content, object, str]] = {}

    def _core(self, content: Content) -> tuple[str | None, tuple]:
        remembered = self._cores.get(id(content))
        if remembered is not None and remembered[0] is content:
            return remembered[1], remembered[2]
        # Wall time: the CPU clock is a system call (a microsecond, twice per article).
        started = time.perf_counter()
        state = core_state(content)
        try:
            core, leaves = self.stamper.stamp((type(content).__qualname__, state))
        except Unstable as exc:
            logger.debug("writer: %s: state digested the slow way (%s)", content_key(content), exc)
            core, leaves = None, ()
            self.fallbacks += 1
        self._cores[id(content)] = (content, core, leaves)
        self.stamped += 1
        self.seconds += time.perf_counter() - started
        return core, leaves

    def start_early(self, contents: list) -> None:
        """Start taking the state stamps of `contents` in a background process
        (`warta.parallel.Background`, on the core Pelican's process leaves
        idle) while the generators collect their pages; the first `prefill`
        takes what it finished. Only when the states cannot change before
        that flush: the caller starts it once every content is final (the
        first page or feed written: Pelican and warta's plugins change no
        content from then on) and while no outside plugin is connected, whose
        write signals' receivers may change a content (`drop_early` when one
        is by the flush)."""
        if self._early is not None:
            return
        known = list({id(content): content for content in contents if content is not None}.values())
        if not known:
            return
        where = {id(content): position for position, content in enumerate(known)}

        def stamp(bounds: tuple[int, int]) -> list:
            return [self._stamp_known(known, where, p) for p in range(*bounds)]

        bodies = [getattr(content, "_content", None) for content in known]  # as forked
        background = Background(stamp, min_items=1, niceness=0)
        for start in range(0, len(known), EARLY_CHUNK):
            background.add((start, min(start + EARLY_CHUNK, len(known))))
        self._early = (background, known, bodies)

    def drop_early(self) -> None:
        """Forget the early stamps (a content may have changed since): stop the
        background, use nothing it took."""
        if self._early is not None:
            self._early[0].done()
            self._early = None

    def _take_early(self) -> None:
        """The stamps the early background finished (it is stopped; the rest
        are taken as without it)."""
        if self._early is None:
            return
        background, known, bodies = self._early
        self._early = None
        started = time.perf_counter()
        for chunk, results in background.done().items():
            for position, result in enumerate(results, start=chunk * EARLY_CHUNK):
                content = known[position]
                remembered = self._cores.get(id(content))
                if result is None or (remembered is not None and remembered[0] is content):
                    continue
                self._keep(content, result, known, bodies[position])
                self.early += 1
        self.seconds += time.perf_counter() - started

    def _stamp_known(self, known: list, where: dict, position: int) -> tuple | None:
        """(stamp, leaves as positions in `known`) of `known[position]`, in a
        worker; None when the state has no stamp or a leaf is not in `known`
        (the parent stamps it when its page asks, `_core`, and says why)."""
        content = known[position]
        state = core_state(content)
        try:
            core, leaves = self.stamper.stamp((type(content).__qualname__, state))
        except Unstable:
            return None
        found = []
        for leaf in leaves:
            index = where.get(id(leaf))
            if index is None or known[index] is not leaf:
                return None
            found.append(index)
        raw = source_body(content)
        return core, tuple(found), None if raw is None else hash_text(raw)

    def _keep(self, content: Content, result: tuple, known: list, body: object) -> None:
        """A worker's `_stamp_known` result for `content`; `body`: its
        `_content` when the worker was forked, the string its body digest
        is of (`body` uses the digest while the page shows that string)."""
        core, found, body_digest = result
        self._cores[id(content)] = (content, core, tuple(known[index] for index in found))
        self.stamped += 1
        if body_digest is not None:
            self._source_bodies[id(content)] = (content, body, body_digest)

    def prefill(
        self, contents: list, workers: int, min_per_worker: int = PREFILL_PER_WORKER
    ) -> None:
        """Take the state stamps (`_core`) of many contents at once, on every
        core (`fork_map`: forked workers inherit the contents and the stamper
        as they are now, and send back each stamp and its leaves, as indices
        into `contents`). A warm build stamps every article of the site
        (90-150 µs each) while Pelican's process would otherwise do it alone.
        A content already stamped this build is left as it is, and one whose
        stamp the workers could not take (Unstable, a leaf that is not among
        `contents`) is stamped when its page asks (`_core`), as without this.
        The stamps the early background took (`start_early`) come first."""
        self._take_early()
        unique: dict[int, Content] = {}
        for content in contents:
            if content is not None and id(content) not in unique:
                unique[id(content)] = content
        known = list(unique.values())
        todo = [
            position
            for position, content in enumerate(known)
            if (remembered := self._cores.get(id(content))) is None or remembered[0] is not content
        ]
        if workers <= 1 or len(todo) < 2 * min_per_worker:
            return
        started = time.perf_counter()
        where = {id(content): position for position, content in enumerate(known)}

        def stamp(position: int):
            return self._stamp_known(known, where, position)

        bodies = [getattr(content, "_content", None) for content in known]  # as forked
        results = fork_map(stamp, todo, workers, min_items_per_worker=min_per_worker)
        for position, result in zip(todo, results, strict=True):
            if result is not None:
                self._keep(known[position], result, known, bodies[position])
        self.seconds += time.perf_counter() - started

    def body(self, content: Content, siteurl: str | None = None) -> str:
        key = (id(content), siteurl)
        remembered = self._bodies.get(key)
        if remembered is not None and remembered[0] is content:
            return remembered[1]
        text = rendered_body(content, siteurl)
        taken = self._source_bodies.get(id(content))
        if taken is not None and taken[0] is content and taken[1] is text:
            result = taken[2]  # the very string a worker digested
        else:
            result = hash_text(text)
        self._bodies[key] = (content, result)
        return result

    def reference(self, content: Content, with_body: bool = False) -> str | None:
        """`with_body`: always with the body (for templates that are not the
        theme's, whose lists may show it, and the theme's that read a listed
        article's body: `TemplateInputs.lists_bodies`); else only when it has
        no `Summary:` (such lists show the summary, which Pelican derives from
        the body only when there is none)."""
        key = (id(content), with_body)
        remembered = self._references.get(key)
        if remembered is not None and remembered[0] is content:
            return remembered[1]
        core, _leaves = self._core(content)
        if core is None:
            result = None
        elif "summary" in content.metadata and not with_body:
            result = hash_text("reference", core)
        else:
            result = hash_text("reference", core, self.body(content))
        self._references[key] = (content, result)
        return result

    def subject(self, content: Content, with_body: bool = False) -> str | None:
        core, leaves = self._core(content)
        if core is None:
            return None
        references = [self.reference(leaf, with_body) for leaf in leaves]
        if any(reference is None for reference in references):
            return None
        return hash_text("subject", core, self.body(content), *references)


def describe_paginator(paginator: Paginator, _digester) -> dict:
    # Not its object_list: page 3 of a listing shows its own twelve articles only,
    # and the counts below say when the number of pages changes.
    return {
        "name": paginator.name,
        "url": paginator.url,
        "count": paginator.count,
        "num_pages": paginator.num_pages,
        "per_page": paginator.per_page,
    }


# What Pelican's `Paginator.page` gives a Page (the listing's address, the
# articles on it, its number): its whole state.
PAGE_STATE = frozenset(
    {
        "full_name",
        "name",
        "extension",
        "base_name",
        "base_url",
        "object_list",
        "number",
        "paginator",
        "settings",
    }
)


def describe_page(page: Page, digester):
    """One page of a listing as its template sees it: the listing's names
    and address, its number, its paginator (`describe_paginator`) and the
    articles on it, each by its reference stamp, in order. The same state
    as the Digester's walk of its attributes, in one string instead of a
    mapping of nine: thousands of listing pages each have one. A Page with
    any other attribute (a plugin's) is described by its whole state."""
    state = vars(page)
    if digester is None or state.keys() != PAGE_STATE or type(page.object_list) is not list:
        return {key: value for key, value in state.items() if key not in SKIPPED_ATTRIBUTES}
    describe = digester._describe
    return "\x1e".join(
        (
            describe(page.full_name, 1),
            describe(page.name, 1),
            describe(page.extension, 1),
            describe(page.base_name, 1),
            describe(page.base_url, 1),
            describe(page.number, 1),
            describe(page.paginator, 1),
            *digester.item_texts(page.object_list, 2),
        )
    )


# What Pelican keeps on a Tag, Category or Author (described by its name, slug
# and address); any other attribute is a plugin's (a count of its articles, a
# description) that a template may show as it shows the name.
URL_WRAPPER_OWN = frozenset({"settings", "_name", "_slug", "_slug_from_name"})


def describe_url_wrapper(wrapper: URLWrapper, _digester) -> dict:
    described = {"name": wrapper.name, "slug": wrapper.slug, "url": wrapper.url}
    added = {key: value for key, value in vars(wrapper).items() if key not in URL_WRAPPER_OWN}
    if added:
        described["added"] = added
    return described


def new_digester(
    stamps: ContentStamps | None = None, with_body: bool = False
) -> tuple[Digester, ContentStamps]:
    """The build's Digester, describing contents through the build's ContentStamps
    (the slow walk only for a content whose state pickle cannot write).
    `with_body`: one for templates that are not the theme's, whose lists may
    show an article's body (sharing `stamps`, the theme's digester's)."""

    def subject(content: Content, digester: Digester):
        return stamps.subject(content, with_body) or describe_content(content, digester)

    def reference(content: Content, digester: Digester):
        return stamps.reference(content, with_body) or reference_content(
            content, digester, with_body
        )

    # Every article has its own Category and Author objects (Pelican makes
    # them per read, the article cache per snapshot): one description per
    # value, for this digester's build (its settings held, compared by identity).
    wrappers: dict[tuple, tuple[Any, dict]] = {}

    def url_wrapper(wrapper: URLWrapper, digester) -> dict:
        state = vars(wrapper)
        settings = state.get("settings")
        try:
            key = (type(wrapper), *((k, v) for k, v in state.items() if k != "settings"))
            remembered = wrappers.get(key)
        except TypeError:  # a plugin's attribute that is a list: not remembered
            return describe_url_wrapper(wrapper, digester)
        if remembered is not None and remembered[0] is settings:
            return remembered[1]
        described = describe_url_wrapper(wrapper, digester)
        wrappers[key] = (settings, described)
        return described

    digester = Digester(
        describers={
            Content: subject,
            Paginator: describe_paginator,
            Page: describe_page,
            URLWrapper: url_wrapper,
        },
        skip_attributes=SKIPPED_ATTRIBUTES,
        memo_types=(Content,),
        reference=reference,
    )
    stamps = stamps or ContentStamps(digester)
    return digester, stamps


def build_digest(settings, digester: Digester) -> str | None:
    """Everything that can change any page: code, theme, settings, versions, inputs."""
    settings_digest = digester.digest(dict(settings))
    if settings_digest is None:
        logger.debug("writer: settings have no stable digest; every page renders")
        return None
    import warta  # dates, Jinja filters and the domain core (regions, tags) shape pages

    searched = settings.get("PLUGIN_PATHS", [])
    code = [*searched, *warta.site_modules(), settings["THEME"]]
    code += plugin_code(settings.get("PLUGINS") or (), searched)
    # The settings file's functions (a Jinja filter) and the modules they may call.
    code += site_code(digester.code_files, code)
    code += list(setting(settings, "WRITER_INPUTS"))
    return hash_text(settings_digest, *library_versions(LIBRARIES), *files_digest(code))


# -- one build ------------------------------------------------------------------------


class Claim(NamedTuple):
    """Who a page is written for, as `_claim` needs it: `source`, the content
    (relative to content/) or "" for a listing; `own`, written at the content's
    own `Save_as:`; `rewrite`, written with override_output for that content,
    which replaces its own page; `preview`, the page of a content not published
    yet (a draft or an embargoed release: the development build's /draf/
    preview, which the public build does not write)."""

    source: str = ""
    own: bool = False
    rewrite: bool = False
    preview: bool = False


NO_CONTENT = Claim()


TEMPLATE_FAILED = "its template failed ("


class Failure(NamedTuple):
    """Why a page was not written, and what to do about it; `template`: the
    template file and line that failed ("…/footer.html:12"), when known."""

    reason: str
    suggestion: str
    template: str = ""


def template_location(exc: BaseException) -> str:
    """The template file and line where rendering failed: Jinja rewrites the
    traceback so that a template's frames carry its file and line."""
    found = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        if not frame.filename.endswith(".py") and os.path.isfile(frame.filename):
            found = f"{frame.filename}:{frame.lineno}"
    return found


@dataclass
class Job:
    """One file to produce: rendered here or in a worker, or reused from last build.

    `announce(reused)` runs in Pelican's process for every file of the build,
    written or reused, and sends the signal Pelican sends after writing it
    (`content_written`, `feed_written`): outside plugins see every file on every
    build, as with Pelican's own writer. A job `in_parent` is rendered in
    Pelican's process (feeds, while a plugin listens to `feed_generated`)."""

    site_path: str
    path: str
    fingerprint: str | None
    render: Any  # () -> str
    announce: Any = None  # (reused: bool) -> None, in Pelican's process
    in_parent: bool = False
    source: str = ""  # the article or page the file is for, to name in a message
    own: bool = False  # written at the content's own `Save_as:`
    # The source file (absolute) of a content whose own `Template:` renders
    # the page: a failure is said at that line.
    template_source: str = ""
    # () -> the fingerprint, taken when the job is produced (`WriterBuild.digested`).
    digest: Any = None
    # The article or page the page is about, whose stamps its digest needs
    # (taken for all of a flush's pages at once: `ContentStamps.prefill`).
    subject: Any = None
    # (template, own names) of a page's digest: the first of each is taken
    # in Pelican's process (`WriterBuild._fingerprints`); None for a feed.
    shape: tuple | None = None

    @property
    def own_template(self) -> bool:
        """The content's own `Template:` renders it."""
        return bool(self.template_source)

    def run(self) -> list | Failure:
        """Render and write the file. Returns the written file's stamp
        (`manifest.write_stamped`), or the Failure that kept it from being written."""
        try:
            text = self.render()
        except Exception as exc:  # a template that cannot render this page
            return Failure(
                f"{TEMPLATE_FAILED}{type(exc).__name__}: {exc})",
                "remove the Template: line, or ask the web team",
                template_location(exc),
            )
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            return write_stamped(self.path, text.encode("utf-8"))
        except OSError as exc:  # a full disk, a folder where the file goes
            return Failure(
                f"it cannot be saved ({exc.strerror or exc})",
                "check the space left on the disk and the output folder",
            )


class WriterBuild:
    """State of one build, kept in the generator context for the Writer."""

    def __init__(self, settings, output_path: str) -> None:
        self.settings = settings
        self.output = Path(output_path)
        folder = Path(settings["CACHE_PATH"]) / setting(settings, "WRITER_CACHE_DIR")
        # `invoke check` (WARTA_CHECK_ONLY) runs the whole pipeline but renders
        # no page: every finding comes before writing, and pages cost the most.
        self.check_only = check_only(settings)
        # `manages_output`: the writer empties the output instead of Pelican,
        # keeping the last build's files (its manifest), and removes at the end
        # those this build did not write again. `incremental`: files may be
        # reused; turned off for the build when the settings have no stable
        # digest, while the output is still the writer's to clean.
        self.manages_output = bool(setting(settings, "WRITER_INCREMENTAL")) and not self.check_only
        self.incremental = self.manages_output
        self.workers = worker_count(setting(settings, "WRITER_WORKERS"))
        self.manifest = Manifest(folder, self.output)
        self.templates_file = folder / "templates.json"  # what parsing the theme found
        self.folder = OutputFolder(self.output)
        self.digester, self.stamps = new_digester()
        self.body_digester, _ = new_digester(self.stamps, with_body=True)
        self.theme = os.path.realpath(settings["THEME"])
        self._theme_files: dict[str, bool] = {}
        self._settled: dict[int, tuple[object, bool]] = {}  # id → (global, settled_global)
        self._summaries: dict[int, tuple[object, bool]] = {}  # id → (TemplateInputs, summaries)
        self._outside: dict[int, tuple[object, OutsideCode]] = {}  # id → (environment, …)
        # id → (template, the outside globals it reads, or None: it runs outside code)
        self._outside_names: dict[int, tuple[object, frozenset[str] | None]] = {}
        self.digest_seconds = 0.0  # CPU time describing inputs: pages, feeds, the build
        # id → (value, its token in a page digest), for the body digester's
        # pages (False) and the theme's that list summaries (True).
        self._tokens: dict[bool, dict[int, tuple[object, str]]] = {False: {}, True: {}}
        # (id of TemplateInputs, summaries, ids of the values) → (inputs, the
        # values, the digest of their tokens), for the names pages share
        # (`_shared_part`), reset with the tokens.
        self._shared: dict[tuple, tuple[object, list, str | None]] = {}
        self._splits: dict[tuple, tuple[object, tuple]] = {}  # see `_split`
        self.digest: str | None = None
        self.analysers: dict[int, TemplateAnalyser] = {}  # one per Jinja environment
        self.parsed_templates: dict = {}  # shared: every generator has its own environment
        self.jobs: dict[str, Job] = {}  # site path → job, in writing order
        self.produced: dict[str, str] = {}  # site path → source, of the flushes so far
        self.flushed = False
        self.digests_taken = False  # a flush took fingerprints: the stamps are memoised
        self.frozen = False  # gc.freeze() in effect
        self.rendered = 0
        self.reused = 0
        self.started = time.monotonic()  # of the writing phase, reset at the first page
        self._cleaning: Forked | None = None  # the output's emptying, in a forked process
        self._cleaning_error: Exception | None = None

    def prepare(self, content_path: str) -> None:
        """Before the build: empty the output as Pelican would, keeping the pages
        the last build wrote (the `initialized` handler turned Pelican's own
        emptying off)."""
        emptied(self.output)  # (an emptying a stopped build left under way, in this process)
        if not self.manages_output:
            return
        self.manifest.load()
        output, content = os.path.realpath(self.output), os.path.realpath(content_path)
        inside_content = os.path.commonpath([output, content]) == output
        if self.settings.get("DELETE_OUTPUT_DIRECTORY") and not inside_content:
            keep, retention = self.manifest.last_files(), self.settings["OUTPUT_RETENTION"]
            if self._may_clean_aside(output, content):
                self._cleaning = Forked(self.folder.clean, keep, retention)
                emptying(self.output, self._wait_for_cleaning)
                findings.defer(self._finish_cleaning_when_stopped)
            else:
                self.folder.clean(keep, retention)

    def _may_clean_aside(self, output: str, content: str) -> bool:
        """Whether the output may be emptied by a forked process while Pelican's
        reads the sources (a warm build walks tens of thousands of kept files:
        0.4-0.8 s of Pelican's process at 10,000 releases). Only while the
        reading cannot see it or write into it: the output holds neither
        content/ nor the cache (files written there meanwhile would be
        deleted), and no outside code runs meanwhile (an outside plugin's
        receiver, Markdown extension or reader might write a file into the
        output, as Pelican's clean start lets it). warta's plugins look into
        the output through `warta.paths`, which waits for the emptying first
        (`emptying`). Not with one writer worker (WRITER_WORKERS = 1).
        `output`, `content`: real paths, content/ not inside the output."""
        cache = self.settings.get("CACHE_PATH")
        if cache and os.path.commonpath([output, os.path.realpath(cache)]) == output:
            return False
        if os.path.commonpath([output, content]) == content or self.workers <= 1:
            return False
        readers = (self.settings.get("READERS") or {}).values()
        return not (
            outside_plugin_connected(signals)
            or outside_extensions(self.settings.get("MARKDOWN") or {})
            or any(
                reader is not None and not own_module(getattr(reader, "__module__", ""))
                for reader in readers
            )
        )

    def _wait_for_cleaning(self) -> None:
        cleaning, self._cleaning = self._cleaning, None
        if cleaning is None:
            return
        try:
            cleaning.result()
        except Exception as exc:  # raised by `cleaned`, where the build can stop
            self._cleaning_error = exc

    def _joined_cleaning(self) -> Exception | None:
        """Wait for the output's emptying when a forked process does it
        (`prepare`, its lines said); what it raised, once."""
        emptied(self.output)  # (its waiter, `_wait_for_cleaning`, taken out)
        self._wait_for_cleaning()  # (should the output's real path have changed since)
        error, self._cleaning_error = self._cleaning_error, None
        return error

    def _finish_cleaning_when_stopped(self) -> None:
        """When the build stops before `cleaned`: the emptying waited for, and
        what it failed on said."""
        error = self._joined_cleaning()
        if error is not None:
            logger.error("writer: the output folder was not emptied: %s", error)

    def cleaned(self) -> None:
        """The emptying waited for, and what it raised raised: before anything
        is written, and before anything but the reading of the sources looks
        into the output."""
        error = self._joined_cleaning()
        if error is not None:
            raise error

    def start_writing(self, context: dict | None = None) -> None:
        """At each page or feed collected (`context`: the generator context)."""
        if self.rendered == self.reused == 0 and not self.jobs:
            self.cleaned()  # (a build with no WriterGenerator.generate_context)
            self.started = time.monotonic()
            if not self.frozen:
                # Every object made so far (the articles, the context) lives until
                # the pages are written: out of the collector's sight, its full
                # collections, which the many short-lived objects of digesting
                # set off, scan only what is new (a third of the digesting time
                # at 2,000 articles). Undone when the pages are written.
                gc.freeze()
                self.frozen = True
        if self.incremental and self.digest is None:
            started = time.process_time()
            self.digest = build_digest(self.settings, self.digester)
            if self.digest is None:
                self.incremental = False
            else:
                # Parsing the theme's templates again would find the same names.
                self.parsed_templates.update(load_parsed(self.templates_file, self.digest))
                self.stamp_early(context)
            self.digest_seconds += time.process_time() - started

    def stamp_early(self, context: dict | None) -> None:
        """At the first page or feed collected, every content is as its pages
        will show it: Pelican changes none while its generators write, nor do
        warta's plugins (all of them before, at `all_generators_finalized` and
        earlier). So their state stamps are taken now, by a background
        process, while the generators collect their pages (`start_early`), and
        not after, in Pelican's process, at the first flush. Not while an
        outside plugin is connected: its receiver of a write signal
        (`article_generator_write_article`) may change a content before the
        flush (the stamps are then taken at each flush, as before)."""
        if context is None or self.workers <= 1 or outside_plugin_connected(signals):
            return
        contents = []
        for value in context.values():
            if isinstance(value, (list, tuple)) and value and isinstance(value[0], Content):
                contents.extend(item for item in value if isinstance(item, Content))
        self.stamps.start_early(contents)
        if self.frozen:
            gc.freeze()  # (`Background` unfreezes when it has forked)

    def fingerprint(self, kind: str, parts: list[str | None]) -> str | None:
        if not self.incremental or self.digest is None or any(p is None for p in parts):
            return None
        return hash_text(self.digest, kind, *parts)

    def page_fingerprint(
        self, template, localcontext: dict, name: str, override, own: frozenset | None = None
    ) -> str | None:
        """`own`: the names whose values are the page's own (the writer's
        keyword arguments for it: its article, its page of a list, its
        `output_file`…); the others are the generator context's, the same
        objects on many pages (`_shared_part`). None: every name is the
        page's own. (Its CPU time is counted by `digested`, for all the
        pages of a flush.)"""
        if not self.incremental:
            return None
        return self._page_fingerprint(template, localcontext, name, override, own)

    def analyser(self, environment) -> TemplateAnalyser:
        """The analyser of one Jinja environment (each generator has its own)."""
        analyser = self.analysers.get(id(environment))
        if analyser is None:
            analyser = TemplateAnalyser(environment, self.parsed_templates)
            self.analysers[id(environment)] = analyser
        return analyser

    def _split(self, inputs: TemplateInputs, own: frozenset | None) -> tuple[tuple, tuple]:
        """(the shared names, the page's own names) a template reads, each in
        `inputs.ordered`'s order; once per template and set of own names."""
        key = (id(inputs), own)
        remembered = self._splits.get(key)
        if remembered is not None and remembered[0] is inputs:
            return remembered[1]
        if own is None:
            split = ((), inputs.ordered)
        else:
            split = (
                tuple(n for n in inputs.ordered if n not in own),
                tuple(n for n in inputs.ordered if n in own),
            )
        self._splits[key] = (inputs, split)
        return split

    def _tokens_of(
        self, template, localcontext: dict, names: tuple, summaries: bool, name: str
    ) -> list[str] | None:
        """(variable, token) of each of `names` as the page reads it: its
        value in the context, or the Jinja global of that name (MISSING for
        a settled function: its code is in the build digest). None when a
        value has no stable digest or is an outside plugin's global."""
        token = (self.digester if summaries else self.body_digester).token
        stamps_subject = self.stamps.subject
        # Most values are the same objects on every page (the settings, the
        # site's lists): each one's token is worked out once per build and
        # digester, as the Digester digests each object once.
        tokens = self._tokens[summaries]
        globals_ = template.environment.globals
        parts: list[str] = []
        for variable in names:
            if variable in localcontext:
                value = localcontext[variable]
            else:
                value = globals_.get(variable, MISSING)
                if not self.settled(value):
                    # A function an outside plugin made a Jinja global: what it
                    # returns may read the whole build (its recent titles),
                    # which no digest of the page's context can see.
                    return None
                if callable(value):
                    value = MISSING  # its code is in the build digest
            remembered = tokens.get(id(value))
            if remembered is not None and remembered[0] is value:
                parts += (variable, remembered[1])
                continue
            try:
                if isinstance(value, Content):
                    # The article a page is about: its subject stamp, without
                    # the Digester's walk to it (`ContentStamps.subject`).
                    stamp = stamps_subject(value, not summaries)
                    text = (
                        f"subject:{type(value).__qualname__}:{stamp}"
                        if stamp is not None
                        else token(value)
                    )
                else:
                    text = token(value)
            except (Unstable, RecursionError) as exc:
                logger.debug("writer: %s: %s has no stable digest (%s)", name, variable, exc)
                return None
            tokens[id(value)] = (value, text)
            parts += (variable, text)
        return parts

    def _shared_part(
        self, template, inputs: TemplateInputs, localcontext: dict, names: tuple, summaries: bool
    ) -> str | None:
        """The digest of the shared names' tokens, taken once for the same
        values: a page's context is a copy of its generator's, so the
        thousands of pages of one template read the same objects for these
        names. Keyed by the identity of each value the page reads (the
        context's, or for a name the context lacks the Jinja global's), the
        objects kept alive by the memo so that no id is reused, and reset
        whenever the tokens are (`digested`)."""
        if not names:
            return ""
        values = list(map(localcontext.get, names, itertools.repeat(_NOT_IN_CONTEXT)))
        ids = tuple(map(id, values))
        if _NOT_IN_CONTEXT_ID in ids:
            globals_ = template.environment.globals
            values += [
                globals_.get(variable, MISSING)
                for variable, value in zip(names, values, strict=False)
                if value is _NOT_IN_CONTEXT
            ]
            ids = tuple(map(id, values))
        key = (id(inputs), summaries, ids)
        remembered = self._shared.get(key)
        if remembered is not None and remembered[0] is inputs:
            return remembered[2]
        parts = self._tokens_of(template, localcontext, names, summaries, template.name)
        digest = None if parts is None else hash_text("shared", *parts)
        self._shared[key] = (inputs, values, digest)
        return digest

    def _page_fingerprint(
        self, template, localcontext: dict, name: str, override, own: frozenset | None = None
    ) -> str | None:
        inputs = self.analyser(template.environment).inputs(template.name)
        if inputs is None:
            return None
        summaries = self.summaries(template, inputs)
        shared_names, own_names = self._split(inputs, own)
        shared = self._shared_part(template, inputs, localcontext, shared_names, summaries)
        if shared is None:
            return None
        parts = self._tokens_of(template, localcontext, own_names, summaries, name)
        if parts is None or self.digest is None:
            return None
        return hash_text(
            self.digest,
            "page",
            name,
            template.name,
            inputs.source_digest,
            str(bool(override)),
            shared,
            *parts,
        )

    def runs_outside_code(self, template, localcontext: dict) -> bool:
        """Whether a page of `template` runs template code of an outside plugin:
        a tag of its Jinja extension, its filter or test, its Jinja global
        (`OutsideCode`). Such code may do anything while the page renders
        (write a bundle into the output, read a file, count the pages it
        sees), as it does under Pelican, which renders every page on every
        build in its own process: the page is rendered so, on every build. A
        template whose inputs are unknown (`{% include name %}`) runs such
        code if its environment has any."""
        environment = template.environment
        known = self._outside.get(id(environment))
        if known is None or known[0] is not environment:
            known = self._outside[id(environment)] = (environment, OutsideCode.of(environment))
        outside = known[1]
        if not outside:
            return False  # the sample site: no template can run any
        remembered = self._outside_names.get(id(template))
        if remembered is None or remembered[0] is not template:
            inputs = self.analyser(environment).inputs(template.name)
            remembered = self._outside_names[id(template)] = (template, outside.used_by(inputs))
            if remembered[1] is None:
                logger.debug(
                    "writer: %s uses an outside plugin's template code (%s): its pages "
                    "render on every build, in Pelican's process",
                    template.name,
                    outside.named_in(inputs),
                )
        used = remembered[1]
        # A global is the page's only when the context has no value of that name.
        return used is None or any(name not in localcontext for name in used)

    def settled(self, value) -> bool:
        """`settled_global`, asked once per global per build (every page asks)."""
        remembered = self._settled.get(id(value))
        if remembered is None or remembered[0] is not value:
            remembered = self._settled[id(value)] = (value, settled_global(value))
        return remembered[1]

    def summaries(self, template, inputs) -> bool:
        """Whether the articles the template lists count without their body
        (when they have a `Summary:`): a template of the theme that reads no
        listed article's body (`TemplateInputs.lists_bodies`) and applies no
        filter or test of an outside plugin, which may read the body of the
        article it is given (`settled_global`). Asked once per template."""
        remembered = self._summaries.get(id(inputs))
        if remembered is not None and remembered[0] is inputs:
            return remembered[1]
        environment = template.environment
        answer = (
            self.themes(template)
            and not inputs.lists_bodies
            and all(settled_filter(environment, name) for name in inputs.filters)
        )
        self._summaries[id(inputs)] = (inputs, answer)
        return answer

    def themes(self, template) -> bool:
        """Whether the template is a file of the site's theme, whose lists show
        summaries unless the analyser finds a body read (`lists_bodies`); an
        outside plugin's template is not."""
        filename = getattr(template, "filename", None)
        if not filename:
            return False
        known = self._theme_files.get(filename)
        if known is None:
            real = os.path.realpath(filename)
            known = self._theme_files[filename] = (
                os.path.commonpath([real, self.theme]) == self.theme
            )
        return known

    def reusable(self, job: Job) -> Entry | None:
        """The manifest entry to keep when the job has the same inputs as last
        build and its file is still as the writer left it. A `content_written`
        or `feed_written` handler that rewrote the file (a minifier, an image
        processor) must see it as rendered, not its own output again: such a
        file is rendered anew, as Pelican would."""
        entry = self.manifest.previous.get(job.site_path)
        if job.fingerprint is None or entry is None or entry.digest != job.fingerprint:
            return None
        stamp = unchanged(job.path, entry)
        return None if stamp is None else Entry(entry.digest, stamp)

    def digested(self, jobs: list[Job], flushing: bool) -> None:
        """Take the jobs' fingerprints now, before they render: what the pages
        and feeds show is the contents as they are now, after the signals
        sent while the site is written (article_generator_write_article,
        page_generator_write_page, article_writer_finalized), in which an
        outside plugin may change them. A content's stamp is taken once per
        flush: with an outside receiver connected, those of an earlier flush
        are forgotten, since such a receiver may have changed any content since."""
        if outside_plugin_connected(signals):
            self.stamps.drop_early()  # (connected since they started)
        if flushing and self.digests_taken and outside_plugin_connected(signals):
            self.digester, self.stamps = new_digester()
            self.body_digester, _ = new_digester(self.stamps, with_body=True)
            self._tokens = {False: {}, True: {}}  # (the old digesters' tokens)
            self._shared = {}
        started = time.process_time()
        if self.incremental and self.digest is not None:
            self.stamps.prefill(
                [job.subject for job in jobs if job.digest is not None], self.workers
            )
            if self.frozen:
                gc.freeze()  # (`fork_map` unfreezes when it has forked)
        pending = [job for job in jobs if job.digest is not None]
        for job, fingerprint in zip(pending, self._fingerprints(pending), strict=True):
            job.fingerprint, job.digest = fingerprint, None
            self.digests_taken = True
        self.digest_seconds += time.process_time() - started

    def _fingerprints(self, jobs: list[Job]) -> list[str | None]:
        """Each job's fingerprint (`Job.digest`). A warm build takes 20,000 at
        its first flush, each page's context described: the first page of
        each template (and of each set of own names) and every feed here, so
        that the template's inputs are parsed and its shared values described
        in Pelican's process, for this flush and the later ones; the others
        on every core (`fork_map`: the workers inherit that, and the stamps
        `prefill` took, and send back the fingerprints)."""
        fingerprints: list[str | None] = [None] * len(jobs)
        rest: list[int] = []
        shapes: set[tuple] = set()
        for position, job in enumerate(jobs):
            if job.shape is None or job.shape not in shapes:
                if job.shape is not None:
                    shapes.add(job.shape)
                fingerprints[position] = job.digest()
            else:
                rest.append(position)
        if rest:
            taken = fork_map(
                lambda position: jobs[position].digest(),
                rest,
                self.workers,
                min_items_per_worker=int(setting(self.settings, "WRITER_KEYS_PER_WORKER")),
            )
            for position, fingerprint in zip(rest, taken, strict=True):
                fingerprints[position] = fingerprint
            if self.frozen:
                gc.freeze()  # (`fork_map` unfreezes when it has forked)
        return fingerprints

    def add(self, job: Job) -> None:
        if self.flushed and self.check_only:  # a generator after the flush: nothing to write
            return
        if self.flushed:  # a generator after the flush: write at once
            self._produce([job])
            if self.manages_output:
                self.manifest.save()
        else:
            self.jobs.pop(job.site_path, None)  # an override replaces the earlier job
            self.jobs[job.site_path] = job

    def flush(
        self,
        owners: dict[str, str] | None = None,
        *,
        final: bool = True,
        kept: set[str] | None = None,
    ) -> None:
        """Produce every collected file; at the last flush (`final`, the writer
        generator's) record them for the next build and remove what the last
        build wrote and this one did not. `owners`: the files and folders
        plugins write themselves (OUTPUT_OWNERS); `kept`: the files plugins
        publish themselves and declared kept (OUTPUT_KEPT), left in the output
        for them."""
        if self.flushed:
            return
        self.cleaned()
        self.flushed = final
        jobs = refuse_collisions(
            list(self.jobs.values()), owners or {}, self.settings["PATH"], self.produced
        )
        self.jobs = {}
        self.produced.update((job.site_path, job.source) for job in jobs)
        if self.check_only:  # `invoke check`: the collisions are said, nothing is written
            make_page_folders(self.output, jobs)
            return
        try:
            self._produce(jobs, flushing=True)
        finally:
            if self.frozen and final:
                gc.unfreeze()
                self.frozen = False
        if not final:
            return
        if self.manages_output:
            # Also when nothing could be reused (settings without a stable
            # digest): the last build's files were kept, and those not written
            # again (a new draft's, a deleted release's pages) must go, and so
            # must the files plugins kept last build and no longer publish (a
            # new draft's social card).
            self.manifest.kept = set(kept or ())
            self.manifest.save()
            if self.digest is not None and not self.manifest.unusable:
                save_parsed(self.templates_file, self.digest, self.parsed_templates)
            self.folder.remove(self.manifest.gone())
        logger.info(
            "writer: %d files rendered, %d unchanged and reused (%d workers, %.1f s); "
            "inputs described in %.2f s of CPU in Pelican's process (%d articles and pages "
            "stamped in %.2f s%s%s)",
            self.rendered,
            self.reused,
            self.workers,
            time.monotonic() - self.started,
            self.digest_seconds,
            self.stamps.stamped,
            self.stamps.seconds,
            f", {self.stamps.early} of them early" if self.stamps.early else "",
            f", {self.stamps.fallbacks} the slow way" if self.stamps.fallbacks else "",
        )

    def foreign_writer(self, writer, kept: set[str] | None = None) -> None:
        """Another plugin's Writer wrote the site (its `get_writer` came first):
        nothing was collected here, so nothing of the last build may be taken
        as gone. The pages that writer did not write again are removed, as
        Pelican's clean start would have, and nothing is kept for reuse."""
        kind = type(writer)
        logger.warning(
            "writer: %s.%s (another plugin's 'get_writer', listed before 'writer') writes "
            "the site, not warta's writer, so pages are not reused between builds (to let "
            "it write the site, take 'writer' out of PLUGINS; else take '%s' out)",
            kind.__module__,
            kind.__qualname__,
            next((plugin_name(r) for r in writer_receivers()), "that plugin"),
        )
        self.flushed = True
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
        written = getattr(writer, "_written_files", None)
        if not self.manages_output or not isinstance(written, set):
            return
        produced = {self.folder.site_path(path) for path in written}
        self.manifest.current = {}
        self.manifest.kept = set(kept or ())
        self.folder.remove(self.manifest.last_files() - produced - self.manifest.kept)
        self.manifest.save()

    def inside_output(self, jobs: list[Job]) -> list[Job]:
        """The jobs whose file stays inside the output folder. One whose path
        leads elsewhere through a symbolic link (put there after the clean-up
        at the start, or in a build that does not clean) is not written: one
        error per link, naming it and how many files it would have taken."""
        inside = OutputPaths(self.output)
        kept, refused = [], {}
        for job in jobs:
            if inside.refusal(job.site_path) is None:
                kept.append(job)
                continue
            link = first_symlink(self.output, job.path)
            refused.setdefault(os.fspath(link) if link else os.fspath(self.output), []).append(job)
        for where, held in refused.items():
            target = link_target(Path(where)) if os.path.islink(where) else ""
            findings.report(
                logger,
                Finding(
                    where,
                    None,
                    "error",
                    f"{len(held)} files not written: their path leads outside the output "
                    f"folder{f' (a link to {target!r})' if target else ''}: "
                    f"{', '.join(job.site_path for job in held[:3])}",
                    "delete the symbolic link from the output folder and build again",
                ),
            )
        return kept

    def _produce(self, jobs: list[Job], *, flushing: bool = False) -> None:
        self.digested(jobs, flushing)
        to_render, reused = [], set()
        for job in jobs:
            kept = self.reusable(job)
            if kept is not None:
                self.reused += 1
                self.manifest.current[job.site_path] = kept
                reused.add(job.site_path)
            else:
                to_render.append(job)
                if self.incremental:
                    logger.debug(
                        "writer: rendering %s (%s)",
                        job.site_path,
                        "inputs have no stable digest" if job.fingerprint is None else "changed",
                    )
        kept_inside = self.inside_output(to_render)
        refused = {job.site_path for job in to_render} - {job.site_path for job in kept_inside}
        to_render = kept_inside
        results = {job.site_path: job.run() for job in to_render if job.in_parent}
        forked = [job for job in to_render if not job.in_parent]
        stamps = fork_map(Job.run, forked, self.workers, min_items_per_worker=32)
        results.update(zip((job.site_path for job in forked), stamps, strict=True))
        failed = {path: result for path, result in results.items() if isinstance(result, Failure)}
        # Said once for the whole build, at `finalized` (or when it stops): a
        # template failing on every page fails in each flush, and in
        # generators after the writer's.
        hold_failures(
            [(job, failed[job.site_path]) for job in to_render if job.site_path in failed]
        )
        for job in to_render:
            if failed.get(job.site_path):
                # One page its template cannot render (`Template: article` on a
                # page) must not take the site down: said, not written, and
                # rendered again next build.
                continue
            self.rendered += 1
            # Every file written is listed, with inputs described or not: the
            # last flush keeps exactly these, and the next build deletes the
            # file once it is not produced any more. A file no digest describes
            # (NO_DIGEST) matches no page's digest, so it renders again.
            self.manifest.current[job.site_path] = Entry(
                job.fingerprint or NO_DIGEST, results[job.site_path]
            )
        # In writing order, as Pelican would: every file, rendered or reused.
        for job in jobs:
            if job.announce and not failed.get(job.site_path) and job.site_path not in refused:
                job.announce(job.site_path in reused)


def shown_path(path: str) -> str:
    """A file as messages name it: from the project (the build's working
    folder, "theme/templates/base.html") when it is in it, else whole."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


# The pages of this build not written, said together at `finalized` (or when
# the build stops before it: `warta.findings.say_deferred`).
_HELD_FAILURES: list = []


def hold_failures(failures: list) -> None:
    if failures:
        _HELD_FAILURES.extend(failures)
        findings.defer(say_held_failures)


def say_held_failures() -> None:
    failures = list(_HELD_FAILURES)
    _HELD_FAILURES.clear()
    report_failures(failures)


def report_late_failures(_pelican) -> None:
    say_held_failures()


# (It writes nothing into the output: a listing taken before it is still the
# output's, `warta.paths.shared_listing`.)
report_late_failures.writes_no_output = True


def report_failures(failures: list) -> None:
    """One error per cause: a page its template cannot render, at the page's
    source; a template that fails on many pages (a partial reading a variable
    no plugin provides any more) once, at the template's file and line, with
    how many pages it kept from being written (it was an error per page, each
    blaming a release and its Template: line)."""
    by_cause: dict[tuple[str, str, bool], list] = {}
    for job, failure in failures:
        # A content's own `Template:` is its own cause: said at each content.
        # One template line failing is one cause whatever its message says of
        # each page ("… has no attribute 'uji-10'", "… 'uji-11'"): its type.
        reason = failure.reason
        if reason.startswith(TEMPLATE_FAILED) and failure.template and not job.own_template:
            reason = reason.split(":", 1)[0]
        cause = (reason, failure.template, job.own_template)
        by_cause.setdefault(cause, []).append((job, failure))
    for (reason, template, own_template), failed in by_cause.items():
        if len(failed) == 1 or own_template or not reason.startswith(TEMPLATE_FAILED):
            for job, failure in failed:
                suggestion = failure.suggestion
                line, written = None, ""
                if reason.startswith(TEMPLATE_FAILED) and not own_template:
                    # No Template: line of a content: the template itself, at its line.
                    path, _, number = template.rpartition(":")
                    where = f"{shown_path(path)}:{number}" if path else "the template"
                    suggestion = f"mend {where} (or the plugin that writes this page)"
                elif own_template:
                    line, written = template_line(job.template_source)
                findings.report(
                    logger,
                    Finding(
                        # a page of no content: the file it would have been
                        job.source or job.path,
                        line,
                        "error",
                        f"page not written: {failure.reason}{written}",
                        suggestion,
                    ),
                )
            continue
        path, _, line = template.rpartition(":")
        shown_pages = ", ".join(job.site_path for job, _ in failed[:3])
        first = failed[0][1].reason  # the first page's message: the others are alike
        findings.report(
            logger,
            Finding(
                shown_path(path) if path else failed[0][0].site_path,
                int(line) if line.isdigit() else None,
                "error",
                f"{len(failed)} pages not written: the template failed "
                f"({first.removeprefix(TEMPLATE_FAILED).removesuffix(')')})",
                "mend the template (or the plugin that writes these pages); the first "
                f"pages: {shown_pages}",
            ),
        )


def template_line(source_path: str) -> tuple[int | None, str]:
    """The line of a content's own `Template:` (where to mend a page its
    template cannot render) and the line as a message quotes it, ": 'Template:
    x'"; (None, "") when the source has none to read."""
    field = read_header(source_path).first("template") if source_path else None
    if field is None:
        return None, ""
    return field.line, f": '{field.name}: {field.value}'"


def refuse_collisions(
    jobs: list[Job],
    owners: dict[str, str],
    content_root: str,
    earlier: dict[str, str] | None = None,
) -> list[Job]:
    """The jobs less the pages of contents that would collide with another file:
    `Slug: feed.xml` makes a folder where the feed is a file (which stopped the
    build), `Slug: admin` a page the CMS then overwrote, `Slug: pagefind` one
    the search index deleted. Each is one error naming the content; the site's
    own pages and feeds always keep their address. `earlier`: the files of the
    flushes before this one (site path → source)."""
    files = {**(earlier or {}), **{job.site_path: job.source for job in jobs}}
    folders = page_folders(files)
    kept = []
    for job in jobs:
        hit = collision(job.site_path, files, folders, owners) if job.source else None
        if hit is None:
            kept.append(job)
            continue
        logger.error(
            "%s: page not written: its address '%s' collides with '%s': %s (%s)",
            address_line(content_root, job.source),
            job.site_path,
            *hit,
            "remove its Save_as: line: the address comes from the Slug:"
            if job.own
            else "give it another Slug:",
        )
    return kept


def page_folders(files) -> set[str]:
    """Every folder above the site paths `files` ("a/b/c.html": "a/b", "a").
    From each path up, stopping at the first folder found already: the pages
    of a site share their upper folders (20,000 paths, four folders deep, gave
    80,000 splits at each flush)."""
    folders: set[str] = set()
    for path in files:
        end = path.rfind("/")
        while end > 0:
            folder = path[:end]
            if folder in folders:
                break
            folders.add(folder)
            end = path.rfind("/", 0, end)
    return folders


def collision(
    site_path: str, files: dict[str, str], folders: set[str], owners: dict[str, str]
) -> tuple[str, str] | None:
    """(what a page at `site_path` collides with, whose it is), or None: a
    folder of other pages, another page's file where it needs a folder, or a
    file or folder a plugin writes itself (`output_collision`)."""
    if site_path in folders:
        return site_path + "/", "a folder of the site's pages is there"
    parts = site_path.split("/")
    for depth in range(1, len(parts)):
        ancestor = "/".join(parts[:depth])
        if ancestor in files:
            other = files[ancestor]
            there = f"the page of {other}" if other else "another file of the site"
            return ancestor, f"{there} is there"
    owned = output_collision(owners, site_path)
    return None if owned is None else (owned, f"{owners[owned]} writes there")


# -- the Writer -------------------------------------------------------------------------


class IncrementalWriter(Writer):
    """Pelican's Writer, collecting pages and feeds as jobs of the current build.

    Rendering and writing happen when the writer generator flushes (after every
    page-writing generator), in parallel and only for changed inputs. Without a
    build in the context (a writer used on its own), it behaves as Pelican's.
    """

    def _claim(self, path: str, override: bool, claim: Claim = NO_CONTENT) -> bool:
        """Pelican's rule for two writes to one file (see Writer._open_w), except
        that a collision skips the second page with an error instead of stopping
        the build: one bad article must not take the whole site down."""
        claimed = getattr(self, "_claimed_by", None)
        if claimed is None:
            claimed = self._claimed_by = {}
        source, own = claim.source, claim.own
        if (
            claim.rewrite
            and path in self._written_files
            and claimed.get(path, NO_CONTENT).source == source
        ):
            override = True
        name = long_name(self._site_path(path))
        if name:
            # An author, a tag or a rubrik of 300 letters: the write would stop
            # the build ("File name too long"). Held back: containment names
            # the file and line that make the name (and quotes it, so this goes).
            logger.error(
                "page not written: its address has a name longer than %d bytes: '%s' "
                "(shorten the Author:, Tags: or Category: that makes it)",
                NAME_MAX,
                name,
                extra={"warta_secondary": True},
            )
            return False
        if path in self._overridden_files and not override:
            logger.info('Skipping "%s", not overwriting', path)
            return False
        if path in self._overridden_files or (path in self._written_files and not override):
            if claim.preview:
                self._preview_refused(path, claim, claimed.get(path, NO_CONTENT))
                return False
            held = claimed.get(path, NO_CONTENT)
            if path not in self._overridden_files and outranks(claim, held):
                # The page written first was a content moved onto this address
                # (or a preview): the later one keeps it, whatever the order
                # the generators write in.
                if held.preview:
                    self._preview_refused(path, held, claim)
                else:
                    self._moved_refused(path, held, claim)
                claimed[path] = claim
                return True
            if claim.source and rank(claim) < rank(held):
                self._moved_refused(path, claim, held)
                return False
            first = held.source
            logger.error(
                "%s: page not written: its address %s is already taken%s (%s)",
                address_line(self.settings["PATH"], source) if source else self._site_path(path),
                self._site_path(path),
                f" by {first}" if first else " by a page of the site",
                "remove its Save_as: line: the address comes from the Slug:"
                if own
                else "give one of them another Slug:"
                if first
                else "give it another Slug:",
                extra={"warta_secondary": True},
            )
            return False
        if path in self._written_files:
            logger.info('Overwriting "%s"', path)
        if override:
            self._overridden_files.add(path)
        self._written_files.add(path)
        claimed.setdefault(path, claim)
        return True

    def _moved_refused(self, path: str, moved: Claim, kept: Claim) -> None:
        """One error for a content whose page is not written because it was
        moved onto the address of a page of the site or of another content's
        own page (`rank`): at the line of the key that moved it (its
        `Save_as:`, else the `Slug:` of a page at a site page's address),
        naming what is there."""
        address = self._site_path(path)
        findings.report(
            logger,
            Finding(
                moved.source,
                address_key_line(self.settings["PATH"], moved.source),
                "error",
                f"page not written: its address {address} is already taken by "
                f"{kept.source or 'a page of the site'}",
                "remove its Save_as: line: the address comes from the Slug:"
                if moved.own
                else "give it another Slug:",
            ),
        )

    def _preview_refused(self, path: str, claim: Claim, first: Claim) -> None:
        """A release not published yet whose preview address another page has:
        two drafts or embargoed releases with one `Slug:` (the CMS numbers an
        address against published releases only). Neither is on the public
        site, whose build writes no preview, so this is a suggestion, as
        content_lint's on the same `Slug:` line ("not published yet: once they
        are, it has the same address …"); a warning would fail the strict
        development build (CI) for releases nobody reads yet. Said on each
        release not previewed, whatever else is said of it (not held back),
        unless content_lint said it already, in the line that says the Slug:
        the two share (`warta.published.PREVIEWS_SAID`)."""
        said = getattr(self, "_previews_said", None) or {}
        named = claim.source.replace(os.sep, "/"), first.source.replace(os.sep, "/")
        if first.preview and said.get(named[0]) == named[1]:
            return  # content_lint said it with the Slug: they share, in one line
        address = "/" + self._site_path(path).removesuffix("index.html")
        if first.preview:
            taken = f"is the preview of {first.source}, which is not published yet either"
            suggestion = "give one of them another Slug before they are published"
        else:
            taken = f"is taken by {first.source or 'a page of the site'}"
            suggestion = "give it another Slug before it is published"
        findings.report(
            logger,
            Finding(
                claim.source,
                address_key_line(self.settings["PATH"], claim.source),
                "suggestion",
                f"not published yet, and not previewed: its preview address {address} {taken}",
                suggestion,
            ),
        )

    def _output_join(self, name: str) -> str:
        """Pelican's `sanitised_join(self.output_path, name)`: the absolute,
        normalised path of an output file, refused (RuntimeError) when it is
        not below the output folder; the folder's own absolute path worked out
        once, not twice a page (20,000 pages)."""
        base = getattr(self, "_output_base", None)
        if base is None or base[0] != self.output_path:
            folder = os.path.abspath(self.output_path)
            base = self._output_base = (self.output_path, folder, posixize_path(folder))
        joined = posixize_path(os.path.normpath(os.path.join(base[1], name)))
        if not joined.startswith(base[2]):
            raise RuntimeError(f"Attempted to break out of output directory to {joined}")
        return joined

    def _site_path(self, path: str) -> str:
        # `_output_join` gives absolute, normalised paths: below the output folder
        # a prefix is all there is to take off (relpath costs more, per page).
        prefix = getattr(self, "_output_prefix", None)
        if prefix is None:
            prefix = self._output_prefix = os.path.join(os.path.abspath(self.output_path), "")
        if path.startswith(prefix):
            return path[len(prefix) :].replace(os.sep, "/")
        return os.path.relpath(path, self.output_path).replace(os.sep, "/")

    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        # RFC 4287: a feed's id is its own. Pelican gives every feed the site's
        # address, so a reader may take a tag's feed for the site's. The main
        # feed keeps the id it has always had.
        main = self.urljoiner(self.feed_domain, context.get("FEED_ALL_ATOM") or "")
        if self.feed_url and self.feed_url != main:
            feed.feed["id"] = self.feed_url
        # Its rel=alternate link is the site's home in Pelican's; a feed of one
        # page's list (a region's) names that page when its writer says which
        # (`feed_page_url` in the context it passes: an address that follows
        # from the feed's path and the settings, both in the feed's digest).
        page = context.get("feed_page_url")
        if page is not None:
            feed.feed["link"] = self.urljoiner(self.site_url, page)
        return feed

    def _taxonomy_feed_page(self, context, path: str) -> str | None:
        """The address of the category, tag or author page whose feed Pelican
        writes at `path` ({KIND}_FEED_ATOM/_RSS with its slug), or None."""
        kinds = (("CATEGORY", "categories"), ("TAG", "tags"), ("AUTHOR", "authors"))
        lists = tuple(context.get(key) for _, key in kinds)
        made = getattr(self, "_feed_pages", None)
        if (
            made is None
            or made[0] is not context
            or any(a is not b for a, b in zip(made[1], lists, strict=True))
        ):
            pages = {}
            for (kind, _), wrappers in zip(kinds, lists, strict=True):
                if isinstance(wrappers, dict):
                    wrappers = wrappers.items()
                patterns = [self.settings.get(f"{kind}_FEED_{form}") for form in ("ATOM", "RSS")]
                for pattern in filter(None, patterns):
                    for wrapper, _articles in wrappers or ():
                        pages.setdefault(str(pattern).format(slug=wrapper.slug), wrapper.url)
            made = self._feed_pages = (context, lists, pages)
        return made[2].get(path)

    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, item)
        # The title is text on this site (pages escape it, feed.json carries it
        # as written); Pelican takes it as HTML and strips "<b>" out of it,
        # so feed readers would see another headline than the page.
        if feed.items and isinstance(getattr(item, "title", None), str):
            feed.items[-1]["title"] = str(item.title)

    def write_feed(
        self,
        elements,
        context,
        path=None,
        url=None,
        feed_type="atom",
        override_output=False,
        feed_title=None,
    ):
        build = context.get(STATE_KEY)
        if build is None or not path:
            return super().write_feed(
                elements, context, path, url, feed_type, override_output, feed_title
            )
        complete_path = self._output_join(path)
        if not self._claim(complete_path, override_output):
            return None
        if build.check_only:  # claimed, and listed for the collision check
            build.add(Job(self._site_path(complete_path), complete_path, None, None))
            return None
        build.start_writing(context)
        items = list(elements[: self.settings["FEED_MAX_ITEMS"]])
        if context.get("feed_page_url") is None:
            # Pelican writes a category's, tag's and author's feed with the
            # generator's context, which does not say whose feed it is: its
            # page is found from its path (as the settings make both).
            page = self._taxonomy_feed_page(context, path)
            if page is not None:
                context = {**context, "feed_page_url": page}

        def digest() -> str | None:
            # When the feed is made (`make_feed`), after the article_generator_write_article
            # receivers that may change its items' bodies. (Its CPU time is
            # counted by `WriterBuild.digested`.)
            return build.fingerprint(
                "feed",
                [
                    path,
                    str(url),
                    feed_type,
                    str(feed_title),
                    str(context.get("SITEURL")),
                    *(build.digester.reference_digest(item) for item in items),
                    *(build.stamps.body(item, context.get("SITEURL", "")) for item in items),
                ],
            )

        if signals.feed_generated.receivers:
            # A receiver may change the feed from anything in the build (a
            # count of all articles): no digest of its items can tell, so the
            # feed is written again on every build, as it is made anyway.
            digest = None

        built = {}  # the feed object of this build, once made

        def make_feed():
            if "feed" not in built:
                self.site_url = context.get("SITEURL", "")
                self.feed_domain = context.get("FEED_DOMAIN")
                self.feed_url = self.urljoiner(self.feed_domain, url or path)
                feed = self._create_new_feed(feed_type, feed_title, context)
                for item in items:
                    self._add_item_to_the_feed(feed, item)
                signals.feed_generated.send(context, feed=feed)
                built["feed"] = feed
            return built["feed"]

        def render() -> str:
            buffer = io.StringIO()
            make_feed().write(buffer, "utf-8")
            return buffer.getvalue()

        def announce(reused: bool) -> None:
            # A reused feed is still made (not written) when a plugin listens,
            # so `feed_generated` and `feed_written` fire for every feed.
            if feed_listeners():
                signals.feed_written.send(complete_path, context=context, feed=make_feed())

        build.add(
            Job(
                self._site_path(complete_path),
                complete_path,
                None,
                render,
                announce,
                in_parent=feed_listeners(),
                digest=digest,
            )
        )
        # Pelican returns the feed object; made only if the caller uses it.
        return LazyFeed(make_feed)

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        build = context.get(STATE_KEY)
        if build is None:
            return super().write_file(
                name,
                template,
                context,
                relative_urls,
                paginated,
                template_name,
                override_output,
                url,
                **kwargs,
            )
        if not name:
            return
        self._previews_said = context.get(PREVIEWS_SAID) or {}
        # Pelican lets an article or page with its own Save_as: replace any
        # page (`Save_as: index.html` takes the home page over). Here it never
        # does: it is refused like any page whose address is taken.
        source = source_of(kwargs)
        # A later write of the same content's page with override_output (an
        # outside plugin replacing an article's page) replaces it, as in Pelican.
        claim = Claim(
            source, own_save_as(kwargs), bool(override_output and source), previews(kwargs)
        )
        override_output = override_output and not source
        if build.check_only:  # `invoke check`: addresses claimed (collisions found), no page
            path = self._output_join(name)
            if self._claim(path, override_output, claim):
                site_path = self._site_path(path)
                build.add(Job(site_path, path, None, None, source=claim.source, own=claim.own))
            return
        build.start_writing(context)
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            per_page = (
                self.settings["PAGINATED_TEMPLATES"][template_name]
                or self.settings["DEFAULT_PAGINATION"]
            )
            paginators = {
                key: Paginator(name, url, value, self.settings, per_page)
                for key, value in paginated.items()
            }
            # Each page of a list made once (Pelican's writer makes it again as
            # its neighbours' previous and next page: 51,000 pages for 17,000
            # at 10,000 articles); a neighbour is the very page it names.
            made: dict[tuple[str, int], Page] = {}

            def page_of(key: str, number: int) -> Page:
                page = made.get((key, number))
                if page is None:
                    page = made[key, number] = paginators[key].page(number)
                return page

            for number in range(next(iter(paginators.values())).num_pages):
                page_kwargs = kwargs.copy()
                for key, paginator in paginators.items():
                    page = page_of(key, number + 1)
                    page_kwargs.update(
                        {
                            f"{key}_paginator": paginator,
                            f"{key}_page": page,
                            f"{key}_previous_page": page_of(key, number) if number else None,
                            f"{key}_next_page": page_of(key, number + 2)
                            if number + 1 < paginator.num_pages
                            else None,
                        }
                    )
                self._add_page(
                    build,
                    template,
                    context,
                    page.save_as,
                    page_kwargs,
                    relative_urls,
                    override_output,
                    Claim(source),  # a page of a listing: never the content's own address
                )
        else:
            self._add_page(
                build, template, context, name, kwargs, relative_urls, override_output, claim
            )

    def _add_page(
        self, build, template, context, name, kwargs, relative_urls, override, claim: Claim
    ) -> None:
        """One page: claimed, digested, collected as a job."""
        localcontext = context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = name
        localcontext.update(kwargs)
        path = self._output_join(name)
        if not self._claim(path, override, claim):
            return
        # Rendered on every build, in Pelican's process and in writing order,
        # as Pelican renders it (`WriterBuild.runs_outside_code`).
        outside = build.runs_outside_code(template, localcontext)
        # Digested when rendered (`WriterBuild.digested`), after the signals an
        # outside plugin may change the content in (page_generator_write_page).
        own = frozenset(kwargs) | PAGE_NAMES
        digest = (
            None
            if outside
            else functools.partial(
                build.page_fingerprint, template, localcontext, name, override, own
            )
        )

        def render() -> str:
            # Content objects resolve their links against the page being written.
            if localcontext["localsiteurl"]:
                context["localsiteurl"] = localcontext["localsiteurl"]
            return template.render(localcontext)

        def announce(reused: bool) -> None:
            # "Writing" as Pelican logs it; a reused file only at DEBUG: a warm
            # build keeps 20,000 of them, and a record each costs half a second.
            if reused:
                logger.debug('Keeping "%s"', path)
            else:
                logger.info('Writing "%s"', path)
            signals.content_written.send(path, context=localcontext)

        subject = next(
            (kwargs[key] for key in ("article", "page") if isinstance(kwargs.get(key), Content)),
            None,
        )
        own_template = subject if subject is not None and "template" in subject.metadata else None
        build.add(
            Job(
                self._site_path(path),
                path,
                None,
                render,
                announce,
                in_parent=outside,
                source=claim.source,
                own=claim.own,
                template_source=own_template.source_path if own_template is not None else "",
                digest=digest,
                subject=subject if digest is not None else None,
                shape=(template, own),
            )
        )


# Modules whose Jinja globals are functions of their arguments alone (warta's
# filters and globals; Jinja's own range, dict, lipsum… are DEFAULT_NAMESPACE).
# (and warta's own code: `plugin_order.own_module`, the warta package and the
# plugins the project ships)
SETTLED_MODULES = ("jinja2", "markupsafe", "babel", "pelican")


def settled_global(value) -> bool:
    """Whether a Jinja global (or MISSING) can be left out of a page's digest:
    not a callable, one of Jinja's defaults, or one of SETTLED_MODULES' (their
    code is in the build digest). Not a clock or a random number (`time.time`,
    `datetime.now`: a built-in with no module of ours) nor an outside plugin's
    function, one installed with pip into Pelican's namespace included
    (`settled_module`): the page then renders on every build. Values of other globals
    are digested with the page's context."""
    if value is MISSING or not callable(value):
        return True
    if any(value is default for default in DEFAULT_NAMESPACE.values()):
        return True
    return settled_module(getattr(value, "__module__", None) or "")


def settled_module(module: str) -> bool:
    """Whether a module is warta's own (`own_module`) or one of
    SETTLED_MODULES', not a plugin installed with
    pip into Pelican's namespace (`pelican.plugins.webassets`: Pelican's own
    there are `pelican.plugins._utils` and `pelican.plugins.signals`)."""
    if own_module(module):
        return True
    parts = module.split(".")
    if parts[0] not in SETTLED_MODULES:
        return False
    return not (
        parts[:2] == ["pelican", "plugins"]
        and len(parts) > 2
        and not parts[2].startswith("_")
        and parts[2] != "signals"
    )


def settled_filter(environment, name: str) -> bool:
    """Whether the filter and the test called `name` (either may be missing) are
    Jinja's own or `settled_global`: not an outside plugin's (nor a built-in
    such as `len`, which Jinja's `length` filter is, unless it is Jinja's)."""
    filter_ = environment.filters.get(name, MISSING)
    test = environment.tests.get(name, MISSING)
    return (filter_ is DEFAULT_FILTERS.get(name) or settled_global(filter_)) and (
        test is DEFAULT_TESTS.get(name) or settled_global(test)
    )


def make_page_folders(output: Path, jobs: list[Job]) -> None:
    """`invoke check` writes no page, but an outside plugin may write beside
    them as in a build, where Pelican's writer has made their folders (at
    `page_writer_finalized`, in a `content_written` receiver, in its own
    generator: pelican-show-source's copies of the sources): the output
    folder is made, and with an outside plugin the folder of every page."""
    output.mkdir(parents=True, exist_ok=True)
    if outside_plugin_connected(signals):
        for folder in sorted({os.path.dirname(job.path) for job in jobs}):
            os.makedirs(folder, exist_ok=True)


def settings_code(value) -> bool:
    """Whether a filter, test or global (or an extension's class) is the
    settings file's own: defined in the module that hands it to Jinja itself
    (`def penanda(…)` beside `JINJA_FILTERS = {…, "penanda": penanda}`), whose
    code and the site modules it imports are in the build digest. A function
    imported there from another module (an outside package's filter) is not,
    nor one a plugin adds (its module lists none)."""
    if isinstance(value, type):
        module = sys.modules.get(value.__module__)
        namespace = vars(module) if module is not None else None
    else:
        namespace = getattr(value, "__globals__", None)
    if not isinstance(namespace, dict):
        return False
    for key in ("JINJA_FILTERS", "JINJA_TESTS", "JINJA_GLOBALS"):
        handed = namespace.get(key)
        if isinstance(handed, dict) and any(item is value for item in handed.values()):
            return True
    environment = namespace.get("JINJA_ENVIRONMENT")
    extensions = environment.get("extensions") if isinstance(environment, dict) else None
    return isinstance(value, type) and any(item is value for item in extensions or ())


def own_code(value) -> bool:
    """Template code whose pages need not render on every build in Pelican's
    process: Jinja's, warta's and the other `settled_global` modules', and the
    settings file's (`settings_code`), also with arguments bound
    (`functools.partial`: Pelican's `plugin_enabled` test). Anything else is an
    outside plugin's (or a clock's)."""
    while isinstance(value, functools.partial):
        value = value.func
    return settled_global(value) or settings_code(value)


@dataclass(frozen=True)
class OutsideCode:
    """The template code of an environment that is not `own_code`, by name:
    filters, tests, globals, and extensions by identifier."""

    filters: frozenset[str] = frozenset()
    tests: frozenset[str] = frozenset()
    globals: frozenset[str] = frozenset()
    extensions: frozenset[str] = frozenset()

    @classmethod
    def of(cls, environment) -> OutsideCode:
        return cls(
            frozenset(
                name
                for name, value in environment.filters.items()
                if value is not DEFAULT_FILTERS.get(name) and not own_code(value)
            ),
            frozenset(
                name
                for name, value in environment.tests.items()
                if value is not DEFAULT_TESTS.get(name) and not own_code(value)
            ),
            frozenset(name for name, value in environment.globals.items() if not own_code(value)),
            frozenset(
                identifier
                for identifier, extension in environment.extensions.items()
                if not own_code(type(extension))
            ),
        )

    def __bool__(self) -> bool:
        return bool(self.filters or self.tests or self.globals or self.extensions)

    def named_in(self, inputs: TemplateInputs | None) -> str:
        """What of it a template with `inputs` uses, as a message says it."""
        if inputs is None:
            return "its inputs are unknown"
        used = [
            *(f"tag of {name}" for name in sorted(inputs.extensions & self.extensions)),
            *(
                f"filter or test {name!r}"
                for name in sorted(inputs.filters & (self.filters | self.tests))
            ),
        ]
        return ", ".join(used)

    def used_by(self, inputs: TemplateInputs | None) -> frozenset[str] | None:
        """None when a template with `inputs` runs outside code whatever its
        context (a filter, a test, an extension's tag, or unknown inputs);
        else the outside globals it reads, which it calls unless a page's
        context has a value of that name."""
        if inputs is None or inputs.extensions & self.extensions:
            return None
        if inputs.filters & (self.filters | self.tests):
            return None
        return inputs.names & self.globals


class LazyFeed:
    """What `write_feed` returns: the feed Pelican's writer would return, made
    (and `feed_generated` sent) when a caller first uses it. The writer's own
    generators ignore it, so a reused feed is not made for nothing."""

    def __init__(self, make) -> None:
        self._make = make

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._make(), name)


def feed_listeners() -> bool:
    """True when any plugin listens to the feed signals: feeds are then made in
    Pelican's process, where `feed_generated` receivers (and their state) live."""
    return bool(signals.feed_generated.receivers or signals.feed_written.receivers)


def rank(claim: Claim) -> int:
    """Who keeps an address two pages are written at: a page of the site (2)
    before a content at the address its settings give it (1), and that before
    a content its own `Save_as:` moved there (0). A content never overrides a
    page of the site, and the content that moved onto another's address is
    the one not written, in the development build and the public one alike."""
    if not claim.source:
        return 2
    return 0 if claim.own else 1


def outranks(claim: Claim, held: Claim) -> bool:
    """Whether `claim` takes an address `held` claimed first: a page to be
    published over a preview (which the public build does not write), or a
    page of a higher `rank`. Of equals, the first keeps it."""
    if claim.preview:
        return False
    return held.preview or rank(claim) > rank(held)


def source_of(kwargs: dict) -> str:
    """The source file (relative to the content folder) of the article or page a
    page is written for, to name it in a message; "" for listings."""
    for key in ("article", "page"):
        content = kwargs.get(key)
        if isinstance(content, Content):
            return content.relative_source_path or ""
    return ""


def own_save_as(kwargs: dict) -> bool:
    """Whether the page is an article or page written at its own `Save_as:`
    (not `override_save_as`, which url_cache sets on every content, nor a
    `Save_as:` a draft's preview waits with)."""
    for key in ("article", "page"):
        content = kwargs.get(key)
        if isinstance(content, Content) and "save_as" in content.metadata:
            return str(content.save_as) == str(content.metadata["save_as"])
    return False


def previews(kwargs: dict) -> bool:
    """Whether the page is the preview of an article or page not published yet
    (a draft; Pelican makes an embargoed, future-dated article one)."""
    return any(
        isinstance(kwargs.get(key), Content) and kwargs[key].status == "draft"
        for key in ("article", "page")
    )


def address_key_line(content_root: str, source: str) -> int | None:
    """The line of the front-matter key that makes `source`'s address
    (ADDRESS_KEYS, else Title:): where to mend it; None when it has none."""
    try:
        front = read_header(os.path.join(content_root, source))
    except OSError:
        return None
    for key in (*ADDRESS_KEYS, "title"):
        line = front.line(key)
        if line:
            return line
    return None


def address_line(content_root: str, source: str) -> str:
    """`source`, with the line of the front-matter key that makes its address
    when there is one (`address_key_line`)."""
    line = address_key_line(content_root, source)
    return f"{source}:{line}" if line else source


# -- the generator that flushes, and signal handlers ----------------------------------


class WriterGenerator:
    """Not a page generator: it sets the build up before Pelican empties the
    output, and renders the collected pages once every page-writing generator
    before it in PLUGINS has run."""

    def __init__(self, context, settings, path, theme, output_path, *args, **kwargs) -> None:
        self.context = context
        self.build = WriterBuild(settings, output_path)
        self.build.prepare(path)
        context[STATE_KEY] = self.build

    def generate_context(self) -> None:
        # Pelican calls it after the articles' and pages' (and the generators'
        # before this one), before the static files' and before any output.
        self.build.cleaned()

    def generate_output(self, writer) -> None:
        kept = self.context.get(OUTPUT_KEPT)
        if not isinstance(writer, IncrementalWriter):
            self.build.foreign_writer(writer, kept)
            return
        self.build.flush(self.context.get(OUTPUT_OWNERS), kept=kept)


def flush_written(generator, writer) -> None:
    """article_writer_finalized, page_writer_finalized: the pages that generator
    wrote are on disk when its `*_writer_finalized` handlers run, as with
    Pelican's writer (pelican-show-source reads them there)."""
    build = generator.context.get(STATE_KEY)
    if build is not None and isinstance(writer, IncrementalWriter):
        build.flush(generator.context.get(OUTPUT_OWNERS), final=False)


def get_generators(pelican):
    return WriterGenerator


# Pelican's line when more than one `get_writer` receiver gives a Writer.
WRITERS_FOUND = "%s writers found, using only first one"


def get_writer(pelican):
    """warta's Writer. When this receiver comes first and another plugin's
    gives a Writer too, Pelican uses this one and counts them ("2 writers
    found"): one line names the Writer left out (`OtherWriters`)."""
    OtherWriters.sent_to = pelican
    return IncrementalWriter


class OtherWriters(logging.Filter):
    """On Pelican's logger: when Pelican counts more than one Writer, the
    later `get_writer` receivers are asked which gave one, to name it. Only
    then: each receiver is otherwise called once a build, by Pelican's send."""

    sent_to = None  # the Pelican of the last get_writer

    def filter(self, record: logging.LogRecord) -> bool:
        pelican, OtherWriters.sent_to = OtherWriters.sent_to, None
        receivers = writer_receivers()
        if record.msg != WRITERS_FOUND or pelican is None:
            return True
        if not receivers or receivers[0] is not get_writer:
            return True
        for receiver in receivers[1:]:
            other = receiver(pelican)
            if isinstance(other, type):
                logger.warning(
                    "writer: warta's writer writes the site, not %s.%s (another plugin's "
                    "'get_writer', listed after 'writer') (to let that Writer write the site, "
                    "take 'writer' out of PLUGINS; else take '%s' out)",
                    other.__module__,
                    other.__qualname__,
                    plugin_name(receiver),
                )
        return True


def writer_receivers() -> list:
    """The receivers of `get_writer`, in connection order."""
    return live_receivers(signals.get_writer)


def plugin_name(receiver) -> str:
    """The name PLUGINS gives the plugin of a signal's receiver."""
    module = getattr(receiver, "__module__", None) or "?"
    if module.startswith("pelican.plugins."):
        return module.split(".")[2]
    return module.split(".")[0]


def take_over_output_cleaning(pelican) -> None:
    """Pelican would empty the whole output; the writer keeps reusable pages.
    (A run starts: nothing held from an earlier one in this process.)"""
    _HELD_FAILURES.clear()
    if setting(pelican.settings, "WRITER_INCREMENTAL"):
        pelican.delete_outputdir = False
    warn_early_finalizers()


def warn_early_finalizers() -> None:
    """A `*_writer_finalized` handler connected before the writer's (its plugin
    listed before `writer`) runs before the pages are written: it would find
    the last build's pages, or none. Said once a build, naming it."""
    for signal in (signals.article_writer_finalized, signals.page_writer_finalized):
        for handler in live_receivers(signal):
            if handler is flush_written:
                break
            logger.warning(
                "writer: %s.%s handles %s before the pages are written, and finds the "
                "last build's (list its plugin after 'writer' in PLUGINS)",
                getattr(handler, "__module__", "?"),
                getattr(handler, "__qualname__", repr(handler)),
                signal.name,
            )


def register():
    signals.initialized.connect(take_over_output_cleaning)
    signals.article_writer_finalized.connect(flush_written)
    signals.page_writer_finalized.connect(flush_written)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    pelican_logger = logging.getLogger("pelican")  # where Pelican counts the Writers
    if not any(isinstance(f, OtherWriters) for f in pelican_logger.filters):
        pelican_logger.addFilter(OtherWriters())
    signals.finalized.connect(report_late_failures)
