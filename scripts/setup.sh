#!/usr/bin/env bash
# Installs what Handoff Studio needs on a fresh machine; does nothing that is already done.
#   scripts/setup.sh            npm dependencies (npm ci) when missing or out of date
#   scripts/setup.sh --browser  also Debian's Chromium for the end-to-end tests and benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund < /dev/null
fi

if [ "${1:-}" = "--browser" ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "== installing Debian's Chromium (Playwright cannot download its own browsers here)"
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium < /dev/null
fi
