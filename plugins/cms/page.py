"""The /admin/ page: a shell that loads our scripts (the YAML reader before the
format), then the CMS bundle (no inline script)."""

from __future__ import annotations

from html import escape


def admin_html(site_name: str) -> str:
    title = escape(f"Ruang Redaksi — {site_name}" if site_name else "Ruang Redaksi")
    return f"""<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <meta name="referrer" content="same-origin">
  <title>{title}</title>
  <link rel="icon" href="../favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="warta-cms.css">
</head>
<body>
  <noscript>Ruang redaksi memerlukan JavaScript. Aktifkan JavaScript di peramban Anda.</noscript>
  <script src="warta-cms-id.js"></script>
  <script src="js-yaml.min.js"></script>
  <script src="warta-cms.js"></script>
  <script src="decap-cms.js"></script>
</body>
</html>
"""
