"""Comment providers: what the page needs to load one, after the reader asks.

Pure logic (no Pelican import). Each provider is one `Provider` entry: the
settings it reads and a function that turns them into the client
configuration that `theme/static/js/comments.js` uses (the script to insert,
its attributes, options). The JS side has one matching `mounts` entry that
creates the provider's element. Adding a provider means one entry here and
one there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from warta.siteurl import address_problem

from .threads import CommentsError


@dataclass(frozen=True)
class Provider:
    name: str
    label: str  # shown to readers, e.g. in the privacy note
    url_setting: str  # the setting holding the server's base URL
    # Can existing comments be shown with the reply form hidden (closed threads)?
    read_only: bool
    client: Callable[[str, Mapping], dict]  # (server URL, settings) → provider options


def _isso_client(server: str, settings: Mapping) -> dict:
    return {
        "script": f"{server}/js/embed.min.js",
        # comments.js inserts the stylesheet and waits for it before the script:
        # Isso's own (data-isso-css) comes after its form is drawn, which then
        # jumps into shape (a layout shift under the reader's finger).
        "stylesheet": f"{server}/css/isso.css",
        # Isso reads data-isso-* attributes from every <script>; comments.js sets
        # them on the script it inserts. Isso ships an Indonesian translation.
        "attributes": {
            "data-isso": server,
            "data-isso-lang": "id",
            "data-isso-css": "false",
            # No avatars and no votes: plainer threads on phones, and voting
            # would store a hash of each voter's address for nothing we need.
            "data-isso-avatar": "false",
            "data-isso-vote": "false",
            "data-isso-sorting": "oldest",
        },
    }


def _remark42_client(server: str, settings: Mapping) -> dict:
    # Sketch, not tested against a Remark42 server: Remark42 reads a global
    # `remark_config` and its thread key is `url`; comments.js sets both.
    return {
        "script": f"{server}/web/embed.js",
        "options": {
            "host": server,
            "site_id": settings.get("COMMENTS_REMARK42_SITE_ID") or "remark",
            "components": ["embed"],
            "locale": "en",  # Remark42 has no Indonesian translation
            "no_footer": True,
        },
    }


PROVIDERS: dict[str, Provider] = {
    "isso": Provider("isso", "Isso", "COMMENTS_ISSO_URL", read_only=True, client=_isso_client),
    "remark42": Provider(
        "remark42", "Remark42", "COMMENTS_REMARK42_URL", read_only=True, client=_remark42_client
    ),
}


# A host name or IPv4 address (or an IPv6 one in brackets), with an optional port.
_HOST_RE = re.compile(
    r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$"
)


def _loopback(url: str) -> bool:
    """A server on this computer (a preview), which browsers let https pages reach."""
    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.") or host.endswith(".localhost")


def masked(url: str) -> str:
    """`url` with any user name and password in it replaced by `***`, for messages."""
    scheme, at, rest = url.partition("://")
    if not at:
        return url
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        authority = "***@" + authority.rpartition("@")[2]
    return f"{scheme}://{authority}{slash}{path}"


def server_url(setting: str, value: object) -> str:
    """A provider's base URL: http(s), with a host, no query; trailing `/` removed."""
    text = str(value or "").strip()
    parts = urlsplit(text)
    if "@" in parts.netloc:
        # Every page would publish the secret, and browsers refuse such URLs anyway.
        raise CommentsError(
            f"{setting} has a user name or password in it",
            masked(text),
            f"no user name or password in the URL: give '{masked(text).replace('***@', '', 1)}'",
        )
    # The rules of a full web address are SITEURL's (`warta.siteurl`): http(s),
    # a host name or IP address, a port 1–65535, a path, no query or fragment.
    if address_problem(text) is not None:
        raise CommentsError(
            f"{setting} is not a comment server URL",
            text,
            "use e.g. 'https://komentar.example.go.id' or 'http://127.0.0.1:8080'",
        )
    if parts.path.lower().endswith(".js"):
        # The src of the embed line the server's manual shows, pasted as is.
        folder = parts.path.rsplit("/", 1)[0]
        base = folder.removesuffix("/js").removesuffix("/web")
        raise CommentsError(
            f"{setting} is the address of the comment script, not of the server",
            text,
            f"give the server's base URL: '{parts.scheme}://{parts.netloc}{base}'",
        )
    return text.rstrip("/")


def client_config(settings: Mapping) -> dict | None:
    """What templates and comments.js need for COMMENTS_PROVIDER, or None when off.

    Raises CommentsError for an unknown provider or a missing/bad server URL
    (an http one on an https SITEURL included).
    """
    name = settings.get("COMMENTS_PROVIDER")
    if name in (None, "", False):
        return None
    provider = PROVIDERS.get(str(name).strip().lower())
    if provider is None:
        raise CommentsError(
            "unknown COMMENTS_PROVIDER", str(name), f"use one of {', '.join(PROVIDERS)} or None"
        )
    server = server_url(provider.url_setting, settings.get(provider.url_setting))
    site = urlsplit(str(settings.get("SITEURL") or "").strip())
    if site.scheme == "https" and server.startswith("http:") and not _loopback(server):
        # An https page may not load an http script (mixed content), and readers'
        # names, addresses and comments would travel unencrypted.
        raise CommentsError(
            f"{provider.url_setting} is http on an https site ({site.scheme}://{site.netloc})",
            server,
            f"browsers block it there: use '{server.replace('http:', 'https:', 1)}'",
        )
    return {
        "name": provider.name,
        "label": provider.label,
        "server": server,
        "host": urlsplit(server).netloc,
        "read_only": provider.read_only,
        **provider.client(server, settings),
    }


def privacy_url(value: object) -> str:
    """COMMENTS_PRIVACY_URL: a full http(s) URL (kept), or an address in this site,
    given with or without its leading `/` (returned without it, as Pelican's
    `*_URL` settings are written); raises CommentsError."""
    text = value.strip() if isinstance(value, str) else ""
    parts = urlsplit(text)
    if parts.scheme in ("http", "https") and _HOST_RE.match(parts.netloc):
        return text
    address = text.lstrip("/")
    if not address or parts.scheme or parts.netloc or text.startswith("//") or " " in address:
        raise CommentsError(
            "COMMENTS_PRIVACY_URL is not the address of a privacy page",
            str(value),
            "give the privacy page's address in this site, e.g. 'kebijakan-privasi/', "
            "or a full URL 'https://…'",
        )
    return address
