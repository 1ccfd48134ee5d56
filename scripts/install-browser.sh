#!/usr/bin/env bash
# Installs Debian's Chromium for the e2e tests (playwright-core drives it; no browser download).
# Set CASEVAULT_CHROMIUM to use a Chromium installed elsewhere.
set -euo pipefail
chromium="${CASEVAULT_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  echo "Chromium present: $("$chromium" --version 2>/dev/null || echo "$chromium")"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $chromium and this is not a Debian-like system." >&2
  echo "Install Chromium with your package manager and set CASEVAULT_CHROMIUM to its path." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Installing Chromium needs root: run 'apt-get install chromium' as root." >&2
    exit 1
  fi
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
echo "Chromium installed: $(/usr/bin/chromium --version)"
