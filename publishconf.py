"""Settings for the public site: absolute URLs, canonical links and feeds.

`WARTA_SITEURL` overrides the address (the publishing workflow sets it from the
GitHub Pages URL); the default is the sample site's address.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("WARTA_SITEURL", "https://warta-sumsel.example.org").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
LOG_FILTER = []
