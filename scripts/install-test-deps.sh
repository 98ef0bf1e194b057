#!/usr/bin/env bash
# Installs the system packages the test suite needs beyond a JDK and Maven: Debian's Chromium and
# ChromeDriver for the HTML report's browser test. Safe to run again; does nothing when present.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "install-test-deps: chromium and chromedriver already installed: $(chromedriver --version)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no apt-get here; install Chromium and ChromeDriver by hand" >&2
  exit 1
fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends chromium chromium-driver
chromium --version
chromedriver --version
