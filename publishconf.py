"""Settings for the public site: absolute URLs, canonical links and feeds.

`WARTA_SITEURL` overrides the address (the publishing workflow sets it from the
GitHub Pages URL); unset, the address is the sample site's. Set, it must be a
full https:// address: empty, blank or without its scheme, the build stops at
its start with one error (warta/siteurl.py).
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403
from warta.siteurl import public_siteurl

# Read here again, not taken from pelicanconf: a module imported before holds
# the address of its time. (A value copied with a newline or spaces around it
# is the address without them.) Unset: the sample site's address. Set to no
# full https:// address (empty: a publishing job's secret or variable is
# missing; blank; without its scheme) the build stops here with one error:
# a site built with it would have broken links, feed and sitemap.
SITEURL = PUBLIC_SITEURL = public_siteurl(os.environ, SAMPLE_SITEURL)  # noqa: F405
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
LOG_FILTER = []
# Drafts and embargoed articles (a Date: in the future is a draft until then) are
# previewed at /draf/ in the development build only; the public site never has them.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""


# ---- publishing (invoke publish / invoke gh-pages) ----
# One place for every deployment setting; each can be overridden by the
# environment variable of the same name prefixed with WARTA_.
def _env(name, default=None):
    return os.environ.get(f"WARTA_{name}", default)


# rsync target: "user@host:/var/www/warta" (over SSH) or a local folder.
DEPLOY_RSYNC_TARGET = _env("DEPLOY_RSYNC_TARGET", "")
DEPLOY_SSH_PORT = _env("DEPLOY_SSH_PORT")
DEPLOY_SSH_OPTIONS = _env("DEPLOY_SSH_OPTIONS", "")  # e.g. "-i ~/.ssh/warta_deploy"
# gh-pages: the branch ghp-import writes, the remote it pushes to, the checkout it works in.
DEPLOY_GH_PAGES_BRANCH = _env("DEPLOY_GH_PAGES_BRANCH", "gh-pages")
DEPLOY_GH_PAGES_REMOTE = _env("DEPLOY_GH_PAGES_REMOTE", "origin")
DEPLOY_GH_PAGES_REPO = _env("DEPLOY_GH_PAGES_REPO", os.path.dirname(os.path.abspath(__file__)))
DEPLOY_CNAME = _env("DEPLOY_CNAME")
# GitHub Pages refuses a published site over 1 GB: gh-pages publishing (and the
# Pages workflow) stop before that with the site's largest parts named.
# (as written: `invoke gh-pages` and `invoke pages-size` read it and name a bad value)
DEPLOY_PAGES_MAX_BYTES = _env("DEPLOY_PAGES_MAX_BYTES", "1000000000")
# Precompressed twins for hosts that serve them: "gz", "gz,br" or "" (none).
DEPLOY_PRECOMPRESS = tuple(f for f in _env("DEPLOY_PRECOMPRESS", "gz").split(",") if f)
# The same for `invoke gh-pages`, none by default: GitHub Pages compresses what
# it serves itself and never serves a twin, which would only count toward its 1 GB.
DEPLOY_GH_PAGES_PRECOMPRESS = tuple(
    f for f in _env("DEPLOY_GH_PAGES_PRECOMPRESS", "").split(",") if f
)
