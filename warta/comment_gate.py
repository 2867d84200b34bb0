"""A gate in front of Isso: new comments only in the threads the site shows open.

Isso has no closed threads: the site's comment slot takes the form out of a
closed thread's page, but Isso's API took a comment posted to it directly
(`POST /new?uri=<thread>`), and to any other `uri` it was asked for (a
draft's, an unpublished one's, one nobody built). This WSGI middleware
passes every request to Isso except a new comment (or reply) to a thread the
last build did not list as open, which it answers with 403 and one
Indonesian line.

The list is the comments plugin's `COMMENTS_THREADS_SAVE_AS` file
(`komentar/utas-terbuka.json` in the output): `{"open": {thread: closes}}`,
`closes` the ISO time (WIB) a thread closes by COMMENTS_CLOSE_AFTER_DAYS or
null, so a thread closes on time with no build in between. The file is read
again whenever it changes; a missing or unreadable one closes every thread
(refusing is the safe side), said once on stderr.

Run: `python -m warta.comment_gate ISSO_CFG THREADS_JSON` (what `invoke
comments` runs), or wrap `isso.make_app(conf)` with `gate(app, path)`.
No Pelican import.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

WIB = dt.timezone(dt.timedelta(hours=7))
CLOSED_MESSAGE = "Kolom komentar berita ini sudah ditutup atau tidak tersedia."


class OpenThreads:
    """The open threads of `path`, read again when the file changes."""

    def __init__(self, path: str | os.PathLike, log=sys.stderr) -> None:
        self.path = Path(path)
        self.log = log
        self._stamp: tuple | str | None = "unread"
        self._open: dict[str, dt.datetime | None] = {}

    def _load(self) -> None:
        try:
            stat = self.path.stat()
        except OSError:
            stamp = None
        else:
            stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        if stamp == self._stamp:
            return  # (a missing file said once, until it appears)
        self._stamp = stamp
        self._open = {}
        problem = None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            listed = data["open"]
            if not isinstance(listed, dict):
                raise TypeError("'open' is not an object")
            for thread, closes in listed.items():
                when = dt.datetime.fromisoformat(closes) if closes else None
                if when is not None and when.tzinfo is None:
                    when = when.replace(tzinfo=WIB)
                self._open[str(thread)] = when
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self._open = {}
            problem = exc
        if problem is not None:
            print(
                f"{self.path}: comment threads not read, every thread closed: {problem} "
                "(build the site with the comment provider on; the comments plugin writes it)",
                file=self.log,
            )

    def is_open(self, thread: str, now: dt.datetime | None = None) -> bool:
        self._load()
        if thread not in self._open:
            return False
        closes = self._open[thread]
        return closes is None or (now or dt.datetime.now(WIB)) < closes


def _is_new(environ) -> bool:
    """Whether Isso would take this request as its `POST /new`.

    Isso's SubURI takes an `X-Script-Name` header's value off the front of
    the path (`/x/new` with `X-Script-Name: /x` is its `/new`), and Werkzeug
    sends `//new` on to `/new`; a POST whose path, as sent or with that
    prefix off, ends in a `new` segment is gated (one Isso has not is
    refused, not passed: refusing is the safe side).
    """
    if environ.get("REQUEST_METHOD", "GET").upper() != "POST":
        return False
    path = environ.get("PATH_INFO", "") or "/"
    paths = [path]
    prefix = environ.get("HTTP_X_SCRIPT_NAME")
    if prefix and path.startswith(prefix):
        paths.append(path[len(prefix) :])
    return any([part for part in each.split("/") if part][-1:] == ["new"] for each in paths)


def gate(app, threads_path: str | os.PathLike, log=sys.stderr):
    """`app` (Isso's WSGI app) refusing a new comment to a thread not open."""
    from werkzeug.wrappers import Request

    threads = OpenThreads(threads_path, log)

    def gated(environ, start_response):
        if _is_new(environ):
            # The thread as Isso reads it: Werkzeug's first `uri`, blank or not.
            uri = Request(environ).args.get("uri", "")
            if not threads.is_open(uri):
                body = json.dumps({"error": CLOSED_MESSAGE}, ensure_ascii=False).encode()
                start_response(
                    "403 Forbidden",
                    [
                        ("Content-Type", "application/json; charset=utf-8"),
                        ("Content-Length", str(len(body))),
                    ],
                )
                return [body]
        return app(environ, start_response)

    return gated


def main(argv: list[str] | None = None) -> int:
    """Isso (its config file) behind the gate, served as `isso run` serves it."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m warta.comment_gate ISSO_CFG THREADS_JSON", file=sys.stderr)
        return 2
    from urllib.parse import urlsplit

    from werkzeug.serving import run_simple

    from isso import config, make_app

    conf = config.load(config.default_file(), args[0])
    listen = urlsplit(conf.get("server", "listen"))
    run_simple(listen.hostname, listen.port, gate(make_app(conf), args[1]), threaded=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
