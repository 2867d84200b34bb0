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
