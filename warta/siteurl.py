"""The public site's address (publishconf.py's SITEURL) from `WARTA_SITEURL`.

Unset, the public build takes the sample site's address (`SAMPLE_SITEURL` of
pelicanconf.py). Set, it must be a full web address (`https://host[/path]`):
a publishing job whose secret or variable is missing passes it empty, and a
site built with an empty address, or one without its scheme, has broken
links, canonical addresses, feed and sitemap. The build stops at its start
instead, with one error naming the value and the fix.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from urllib.parse import unquote_plus, urlsplit

from warta.findings import Finding
from warta.paths import host_of
from warta.text import shown_controls

VARIABLE = "WARTA_SITEURL"
EXAMPLE = "https://warta-sumsel.example.org"


class SiteUrlError(SystemExit):
    """`WARTA_SITEURL` is no full web address: the public build stops at its
    start. A SystemExit whose code is the finding's line, so that `pelican -s
    publishconf.py` prints that one line and stops (Pelican logs any other
    exception of the settings file with a traceback); `warta.build` reports
    the finding itself."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.text())
        self.finding = finding


# What an address may hold after its scheme (RFC 3986's unreserved
# characters, %XX escapes and the sub-delimiters but the quote, with ':@/'
# and the brackets of an IPv6 host), letters of any script (an IDN host or
# path as written) and '?#', said apart as a query or a fragment. Quotes,
# angle brackets, backslashes, spaces and control characters are not.
_ADDRESS_CHARACTER = re.compile(r"[A-Za-z0-9\-._~%!$&()*+,;=:@/\[\]?#]")
_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# A DNS label: letters (any script: an IDN written as such, or its xn-- form),
# digits and hyphens, 1–63 of them, no hyphen first or last.
_LABEL = re.compile(r"(?!-)[^\W_]([^\W_]|-){0,62}(?<!-)|[^\W_]")


def _host_name_problem(host: str) -> str | None:
    """Why `host` (urlsplit's hostname: lower case, no brackets) is neither an
    IP address nor a DNS name, or None."""
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    name = host.removesuffix(".")  # "example.org." is the same name
    labels = name.split(".")
    if len(name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        return f"'{host}' is no host name (labels of letters, digits and inner hyphens)"
    return None


def address_problem(written: str) -> str | None:
    """Why `written` (as set, spaces around it allowed) is no full web address
    the public site can have ("it is empty", "it has no https:// in front",
    …), or None when it is one: an http(s) scheme, a host that is a DNS name
    or an IP address, an optional port 1–65535 and an optional path of
    characters an address may hold, with no user name, query or fragment
    (SITEURL is the start of every link, canonical address, feed and sitemap
    entry the build writes)."""
    value = written.strip()
    if not written:
        return "it is empty"
    if not value:
        return "it holds only spaces"
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        return "it holds a space, a line break or another control character"
    try:
        parts = urlsplit(value)
        scheme = parts.scheme.lower()
    except ValueError:  # "https://[x/"
        return "it is no web address"
    if "://" not in value:
        return "it has no https:// in front"
    if scheme not in ("http", "https"):
        return f"'{scheme}://' is no web address's scheme"
    rest = value.partition("://")[2]
    for ch in rest:
        if not (_ADDRESS_CHARACTER.fullmatch(ch) or ch.isalnum()):
            return f"it holds {ch!r}, which no web address has"
    if _ESCAPE.search(rest):
        return "it holds a '%' that is no %XX escape"
    if parts.query or "?" in rest:
        return "it has a query ('?…'), which every link would carry"
    if parts.fragment or "#" in rest:
        return "it has a fragment ('#…'), which every link would end in"
    port_text = parts.netloc.rpartition(":")[2]
    try:
        port = parts.port
    except ValueError:  # "https://x.org:65536" (and "https://x.org:abc", said below)
        port = 0 if port_text.isdigit() else None
    if port is not None and not 1 <= port <= 65535:
        return f"its port ({port_text}) is not one of 1–65535"
    if not host_of(value):
        return "it names no host (or a port that is no number)"
    if "@" in parts.netloc:
        return "it holds a user name ('…@' before the host)"
    return _host_name_problem(parts.hostname or "")


def public_siteurl(
    environ: Mapping[str, str], default: str, settings_file: str = "publishconf.py"
) -> str:
    """The public site's address: `WARTA_SITEURL` without spaces around it or
    a final slash, or `default` when it is not set at all. Set to no full web
    address (empty, blank, without its scheme) it raises `SiteUrlError`."""
    written = environ.get(VARIABLE)
    if written is None:
        return default.strip().rstrip("/")
    problem = address_problem(written)
    if problem:
        raise SiteUrlError(
            Finding(
                settings_file,
                None,
                "error",
                f"{VARIABLE} is not the public site's full address, {problem}: "
                f"'{shown_controls(written)}'",
                f"set {VARIABLE} to a full https:// address, e.g. {EXAMPLE}",
            )
        )
    return written.strip().rstrip("/")


# The CMS's GitHub repository and OAuth client (plugins/cms `default_backend`),
# copied into the public /admin/config.json as set: a token or a password in
# either is published. The repository is its `owner/name` only (GitHub's
# characters of each); the client's address a full http(s) address with no
# user name or password, no query naming a secret and no fragment.
CMS_REPO_VARIABLE = "WARTA_CMS_REPO"
CMS_AUTH_VARIABLE = "WARTA_CMS_AUTH_URL"
_REPOSITORY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9._-]{1,100}")
# A query parameter that carries a secret (`?token=`, `?access_token=`,
# `?client_secret=`, `?password=`, `?key=`, `?sig=` …), any case.
_SECRET_PARAMETER = re.compile(
    r"(?:^|[_-])(?:token|secret|password|passwd|pass|pwd|key|apikey|auth|sig|signature|"
    r"credential|credentials|session|code)(?:$|[_-])",
    re.IGNORECASE,
)


def cms_repo_problem(written: str) -> str | None:
    """Why `WARTA_CMS_REPO`'s value is no GitHub repository as `owner/name`, or None."""
    value = written.strip()
    if _REPOSITORY.fullmatch(value) and value.split("/")[1] not in (".", ".."):
        return None
    if "@" in value or "://" in value:
        return "it is more than owner/name (a web address, a user name or a token)"
    return "it is not the repository as owner/name"


def cms_auth_url_problem(written: str) -> str | None:
    """Why `WARTA_CMS_AUTH_URL`'s value is no address the public CMS may
    carry, or None: a user name or password before the host, a query
    naming a secret (`?token=…`, `?access%5Ftoken=…` read unquoted) or any
    fragment (`#access_token=…`), would be published; no http(s) address
    is none the CMS can sign in at."""
    value = written.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return "it is no web address"
    if "@" in parts.netloc:
        return "it holds a user name or a password ('…@' before the host)"
    if parts.fragment:
        return "it holds a fragment ('#…', e.g. '#access_token=…')"
    names = [unquote_plus(pair.partition("=")[0]) for pair in re.split(r"[&;]", parts.query)]
    if any(_SECRET_PARAMETER.search(name) for name in names):
        return "its query holds a secret ('?token=…')"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "it is not a full https:// address"
    return None


def cms_variable_problem(environ: Mapping[str, str]) -> Finding | None:
    """The error of the first CMS variable set to a value the public
    /admin/config.json must not carry (`cms_repo_problem`,
    `cms_auth_url_problem`), naming the variable, never its value."""
    checks = (
        (CMS_REPO_VARIABLE, cms_repo_problem, "the repository as owner/name, e.g. bawaslu/warta"),
        (
            CMS_AUTH_VARIABLE,
            cms_auth_url_problem,
            "the OAuth client's https:// address alone (its secrets stay in the client)",
        ),
    )
    for variable, problem_of, wanted in checks:
        written = environ.get(variable)
        problem = problem_of(written) if written else None
        if problem:
            return Finding(
                "",
                None,
                "error",
                f"{variable} is refused, {problem}: the CMS would publish it in /admin/config.json",
                f"set {variable} to {wanted}",
            )
    return None
