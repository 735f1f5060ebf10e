#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, then runs every test: type check, unit
# tests on DuckDB-WASM under Node, and end-to-end tests of the built extension in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the end-to-end tests..."
  sudo_if_needed=()
  [ "$(id -u)" -eq 0 ] || sudo_if_needed=(sudo)
  "${sudo_if_needed[@]}" apt-get update -qq
  "${sudo_if_needed[@]}" apt-get install -y -qq chromium
fi

npm ci
npm test
