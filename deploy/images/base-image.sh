#!/usr/bin/env bash
# Makes the platform's base image without Docker and without a container registry: Debian 12 (minbase) with
# openjdk-17-jre-headless and curl, from Debian's packages (mmdebstrap), with a health check that asks
# /actuator/health on $SERVER_PORT, written as a `docker save` tarball that Jib reads as `tar://...`.
# Prints that reference. The tarball is kept in LANTIAN_IMAGE_CACHE (default /var/lib/lantian/images) under a name
# that changes with this script, so that a second run (CI on the same machine) takes a few milliseconds.
# Usage: deploy/images/base-image.sh    then   mvn package jib:buildTar -Dlantian.image.base="$(deploy/images/base-image.sh)"
set -euo pipefail
cache="${LANTIAN_IMAGE_CACHE:-/var/lib/lantian/images}"
key=$(sha256sum "$0" | cut -c1-12)
out="$cache/lantian-base-$key.tar"
if [ -s "$out" ]; then echo "tar://$out"; exit 0; fi

say() { echo "base-image: $*" >&2; }
[ "$(id -u)" = 0 ] || { say "mmdebstrap needs root"; exit 1; }
command -v mmdebstrap >/dev/null || { say "installing mmdebstrap"; apt-get install -y -q mmdebstrap >&2; }
mkdir -p "$cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say "building Debian 12 + openjdk-17-jre-headless with mmdebstrap (a few minutes; log: $work/mmdebstrap.log)"
# The JRE's post-installation links its manual page, so /usr/share/man/man1 must exist though manual pages are left out.
mmdebstrap --mode=root --variant=minbase --include=openjdk-17-jre-headless,curl,ca-certificates \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  bookworm "$work/rootfs.tar" >"$work/mmdebstrap.log" 2>&1 \
  || { tail -20 "$work/mmdebstrap.log" >&2; exit 1; }

# A `docker save` layout: one layer (the root file system), the image configuration and manifest.json.
diff_id=$(sha256sum "$work/rootfs.tar" | cut -d' ' -f1)
mkdir "$work/image"
gzip -1 -c "$work/rootfs.tar" >"$work/image/layer.tar.gz"
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{
  "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"],
  "Healthcheck":{"Test":["CMD-SHELL","curl -fsS -o /dev/null http://127.0.0.1:\${SERVER_PORT:-8080}/actuator/health || exit 1"],
                 "Interval":10000000000,"Timeout":5000000000,"StartPeriod":120000000000,"Retries":3},
  "Labels":{"org.opencontainers.image.base.name":"debian:bookworm (mmdebstrap minbase) + openjdk-17-jre-headless"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"deploy/images/base-image.sh"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["lantian/base:17"],"Layers":["layer.tar.gz"]}]' >"$work/image/manifest.json"
tar -C "$work/image" -cf "$out.part" manifest.json config.json layer.tar.gz
mv "$out.part" "$out"
say "wrote $out ($(du -h "$out" | cut -f1))"
echo "tar://$out"
