# Shared helpers for the quick-start scripts. Sourced, not run.
# Everything the project needs is installed here, so a fresh machine works.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_venv [EXTRA]: a project virtualenv in .venv with warta installed (editable).
ensure_venv() {
  local extra="${1:-}"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv || {
      echo "error: python3 -m venv failed; on Debian/Ubuntu install python3-venv" >&2
      return 1
    }
  fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
  if [ -n "$extra" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extra]"
  else
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
  fi
}

# ensure_apt PACKAGE...: install the Debian packages that are missing.
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# cms_enabled: whether the build writes the newsroom CMS (/admin/), which copies
# its bundle from node_modules/decap-cms (plugins/cms).
cms_enabled() {
  .venv/bin/python - <<'PY'
import sys
from warta.build import load_settings
settings = load_settings("pelicanconf.py")
sys.exit(0 if "cms" in settings["PLUGINS"] and settings.get("CMS_ENABLED", True) else 1)
PY
}

# ensure_npm_packages: the npm packages package-lock.json pins, when one the
# build ships (package.json's "dependencies": the CMS bundle, its YAML reader)
# is missing or not the pinned version. Only the build's own packages
# (`--omit=dev`) unless the test tools are installed too: `npm ci` empties
# node_modules first, so it must not drop what scripts/test-all installed.
ensure_npm_packages() {
  command -v npm >/dev/null 2>&1 || ensure_apt nodejs npm
  local stale
  stale=$(node -p '
    const wanted = require("./package.json").dependencies;
    Object.keys(wanted).filter((name) => {
      try { return require(`./node_modules/${name}/package.json`).version !== wanted[name]; }
      catch (e) { return true; }
    }).map((name) => `${name} ${wanted[name]}`).join(", ")')
  if [ -z "$stale" ]; then
    return 0
  fi
  echo "Installing the npm packages of package-lock.json ($stale for /admin/)"
  local omit="--omit=dev"
  [ -d node_modules/axe-core ] && omit=""
  # The *_SKIP_DOWNLOAD variables stop npm packages from fetching browsers of their own.
  CHROMEDRIVER_SKIP_DOWNLOAD=true PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm ci $omit --no-audit --no-fund --loglevel=error
}
