#!/usr/bin/env bash
# Manual check (NOT part of mvn verify: CI has no browser): loads docs/samples/ml-report.html with
# the plugin's own steps/src/main/webapp/js/cd4ml-tables.js in headless Chromium, under a Content
# Security Policy that allows only script files from the page's own folder (no inline script, as in
# Jenkins), and lets bench/ui/table-driver.js sort and filter the tables. Prints the driver's JSON
# and exits 0 only if every check passed. Needs `chromium` (Debian: apt-get install -y chromium).
#
#   bench/ui/check-report-tables.sh [chromium-binary]
# Regenerate the sample first if the views changed (ReportSamplePage#main, see docs/reports.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
browser="${1:-chromium}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/steps/src/main/webapp/js/cd4ml-tables.js" "$root/bench/ui/table-driver.js" "$work/"
# the sample's CSP forbids every script; allow the two files next to it, nothing inline
sed -e "s|content=\"default-src 'none'; style-src 'unsafe-inline'\"|content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'self' file:\"|" \
    -e 's|</body>|<script src="cd4ml-tables.js"></script><script src="table-driver.js"></script></body>|' \
    "$root/docs/samples/ml-report.html" > "$work/page.html"
grep -q 'script-src' "$work/page.html" || { echo "could not rewrite the sample's CSP" >&2; exit 2; }
"$browser" --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 \
    --dump-dom "file://$work/page.html" 2>"$work/browser.log" > "$work/dom.html" || true
line="$(grep -o 'CD4ML-BROWSER-CHECK .*}' "$work/dom.html" | head -1 || true)"
if [ -z "$line" ]; then
  echo "the driver did not run (CSP or script error?); browser log:" >&2
  tail -20 "$work/browser.log" >&2
  exit 1
fi
json="${line#CD4ML-BROWSER-CHECK }"
echo "$json"
case "$json" in
  *'"passed":true'*) echo "PASS: tables sort and filter in $("$browser" --version 2>/dev/null || echo "$browser")" ;;
  *) echo "FAIL" >&2; exit 1 ;;
esac
