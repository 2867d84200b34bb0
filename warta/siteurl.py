"""The public site's address (publishconf.py's SITEURL) from `WARTA_SITEURL`.

Unset, the public build takes the sample site's address (`SAMPLE_SITEURL` of
pelicanconf.py). Set, it must be a full web address (`https://host[/path]`):
a publishing job whose secret or variable is missing passes it empty, and a
site built with an empty address, or one without its scheme, has broken
links, canonical addresses, feed and sitemap. The build stops at its start
instead, with one error naming the value and the fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from warta.findings import Finding
from warta.paths import host_of

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


def address_problem(written: str) -> str | None:
    """Why `written` (as set, spaces around it allowed) is no full web address
    the public site can have ("it is empty", "it has no https:// in front",
    …), or None when it is one: an http(s) scheme and a host."""
    value = written.strip()
    if not written:
        return "it is empty"
    if not value:
        return "it holds only spaces"
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:  # "https://[x/"
        return "it is no web address"
    if "://" not in value:
        return "it has no https:// in front"
    if scheme not in ("http", "https"):
        return f"'{scheme}://' is no web address's scheme"
    if not host_of(value):
        return "it names no host (or a port that is no number)"
    return None


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
                f"{VARIABLE} is not the public site's full address, {problem}: '{written}'",
                f"set {VARIABLE} to a full https:// address, e.g. {EXAMPLE}",
            )
        )
    return written.strip().rstrip("/")
