#!/usr/bin/env bash
# Manual check of the print-ready HTML allegation draft (not a cargo test): drafts a tip for a
# presumption shipment of the demo manifest, renders the page in headless Chromium to a PNG and a
# PDF, and checks that the page loads nothing from outside. Look at the PNG (and the PDF) yourself.
#
# Usage: scripts/check_tip_html.sh [SHIPMENT_ID] [OUT_DIR]
#   SHIPMENT_ID  default COSU6201448790 (Korea Ryonbong General Corp., an OFAC SDN match)
#   OUT_DIR      default /tmp
# Needs chromium (Debian: apt-get install -y chromium). Run as root it needs --no-sandbox, which
# is passed below.
set -euo pipefail
cd "$(dirname "$0")/.."

shipment="${1:-COSU6201448790}"
out="${2:-/tmp}"
html="$out/tip.html"
png="$out/tip.png"
pdf="$out/tip.pdf"

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
  echo "chromium not found: install it (Debian: apt-get install -y chromium)" >&2
  exit 1
fi

cargo run --quiet -- tip fixtures/demo_manifest.csv --shipment "$shipment" --format html --out "$html"

# The page must be self-contained: no scripts, no external stylesheets, images or fonts.
if grep -Eiq '<script|<link |<img |<iframe|@import|url\(' "$html"; then
  echo "FAIL: $html references a script or an external asset" >&2
  exit 1
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --no-first-run --user-data-dir="$profile")

"$browser" "${flags[@]}" --screenshot="$png" --window-size=1200,3000 "file://$html" 2>/dev/null
"$browser" "${flags[@]}" --print-to-pdf="$pdf" --no-pdf-header-footer "file://$html" 2>/dev/null

for f in "$png" "$pdf"; do
  [[ -s "$f" ]] || { echo "FAIL: $f was not written" >&2; exit 1; }
done
echo "wrote $html, $png (screen, 1200x3000) and $pdf (print); open them and look:"
echo "  - the red DRAFT banner and the notices are at the top"
echo "  - quotes, reasons with sources, the merchandise table and the ILO checklist are readable"
echo "  - in the PDF, no table row or quote is cut across pages where avoidable"
