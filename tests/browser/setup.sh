#!/bin/sh
# setup.sh: install what the browser tests need on Debian 12, as root, and
# only what is missing: chromium (apt), node and npm (apt), and
# playwright-core (npm, pinned in package.json, into tests/browser).
# Idempotent and quiet; `make deps` calls it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

debs=""
[ -x /usr/bin/chromium ] || debs="$debs chromium"
command -v node >/dev/null 2>&1 || debs="$debs nodejs"
command -v npm >/dev/null 2>&1 || debs="$debs npm"
if [ -n "$debs" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "suara: run as root, or install:$debs" >&2
		exit 1
	fi
	echo "installing:$debs"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $debs >/dev/null
fi

if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
	echo "installing: playwright-core (npm, into tests/browser)"
	cd "$here"
	# The browser is Debian's chromium; playwright must not download its own.
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund \
		--loglevel=error >/dev/null
fi
