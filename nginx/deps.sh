#!/bin/sh
# Install the Debian packages Tenantry needs, if any is missing (run as root).
# libfcgi-dev must be 2.4.2-2+deb12u1 or later: earlier builds have a heap
# overflow (CVE-2025-23016).
set -eu
PKGS="build-essential pkg-config nginx libfcgi-dev libctemplate-dev libsodium-dev
default-libmysqlclient-dev mariadb-server mariadb-client galera-4 rsync iproute2 libcmocka-dev
libcurl4-openssl-dev libjansson-dev python3-aiosmtpd openssl
chromium nodejs npm curl ca-certificates tzdata procps libhpdf-dev poppler-utils
liboath-dev libqrencode-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
fcgi_ok() {
	v=$(dpkg-query -W -f='${Version}' libfcgi-dev 2>/dev/null || true)
	[ -n "$v" ] && dpkg --compare-versions "$v" ge 2.4.2-2+deb12u1
}
# Node and npm may come from elsewhere (nvm, NodeSource): keep those.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	missing=$(echo "$missing" | sed 's/ nodejs//; s/ npm//')
fi
if [ -n "$missing" ] || ! fcgi_ok; then
	echo "deps: installing:$missing libfcgi-dev (>= 2.4.2-2+deb12u1)"
	if [ "$(id -u)" -ne 0 ]; then
		echo "deps: run as root (or install the packages above)" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing libfcgi-dev >/dev/null
	if ! fcgi_ok; then
		echo "deps: libfcgi-dev is older than 2.4.2-2+deb12u1 (CVE-2025-23016)" >&2
		exit 1
	fi
fi
