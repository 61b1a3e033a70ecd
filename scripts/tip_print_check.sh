#!/usr/bin/env bash
# Prints the HTML allegation draft of the demo's seafood supplier to PDF in headless Chromium,
# on A4 and on US Letter, and checks that no text is cut at a page edge: every word of the PDF
# (pdftotext -bbox) lies inside its page, and every bill of lading, importer and source URL of
# the draft is in the PDF's text. Leaves the PDFs and screenshots under target/tip-print/ for a
# person to look at.
#
# Usage: scripts/tip_print_check.sh [path/to/caatsa-screen]   (default target/debug/caatsa-screen)
# Needs: chromium, poppler-utils (pdftotext, pdfinfo); .ci/run installs them when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/caatsa-screen}
out=target/tip-print
mkdir -p "$out"
chrome=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chrome" ]] || ! command -v pdftotext >/dev/null; then
    echo "FATAL: chromium and poppler-utils (pdftotext) are needed: apt-get install chromium poppler-utils" >&2
    exit 1
fi

supplier="Donggang Jinhui Foodstuff"
"$bin" tip fixtures/demo_manifest.csv fixtures/demo_seafood_pattern.csv \
    --supplier "$supplier" --date 2026-12-02 --format html --out "$out/draft.html" 2>/dev/null
"$bin" tip fixtures/demo_manifest.csv fixtures/demo_seafood_pattern.csv \
    --supplier "$supplier" --date 2026-12-02 --format json --out "$out/draft.json" 2>/dev/null

status=0
for paper in A4 Letter; do
    page="$out/draft-$paper.html"
    # The draft sets margins only; the paper size is the browser's, so each run pins one.
    sed "s|</head>|<style>@page { size: $paper; }</style></head>|" "$out/draft.html" > "$page"
    pdf="$out/draft-$paper.pdf"
    "$chrome" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$pdf" "file://$PWD/$page" >/dev/null 2>&1
    "$chrome" --headless --no-sandbox --disable-gpu --window-size=1280,4000 \
        --screenshot="$out/screenshot-$paper.png" "file://$PWD/$page" >/dev/null 2>&1 || true
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    pdftotext -bbox "$pdf" "$out/bbox-$paper.html"
    pdftotext "$pdf" "$out/draft-$paper.txt"
    python3 - "$out/bbox-$paper.html" "$out/draft-$paper.txt" "$out/draft.json" "$paper" "$pages" <<'PY' || status=1
import html, json, re, sys
bbox, text_path, draft_path, paper, pages = sys.argv[1:]
doc = open(bbox, encoding="utf-8").read()
cut = []
for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', doc, re.S):
    width, height = float(page.group(1)), float(page.group(2))
    for word in re.finditer(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>', page.group(3)):
        x0, y0, x1, y1 = map(float, word.groups()[:4])
        if x0 < 0 or y0 < 0 or x1 > width + 0.5 or y1 > height + 0.5:
            cut.append(html.unescape(word.group(5)))
# pdftotext joins a word wrapped after a hyphen without the hyphen: compare without both.
squash = lambda s: re.sub(r"[\s-]+", "", s)
text = squash(open(text_path, encoding="utf-8").read())
draft = json.load(open(draft_path, encoding="utf-8"))
expected = [s["shipment_id"] for s in draft["pattern"]["shipments"]]
expected += [t["key"] for t in draft["pattern"]["by_importer"]]
expected += [a["url"] for a in draft["attachments"]]
# Whole sentences too: a line cut at the right edge loses its end, which these catch.
expected += [r["statement"] for r in draft["reasons"]["reasons"]]
expected += [p for g in draft["filing"] for p in g["paragraphs"]]
missing = [e for e in expected if squash(e) not in text]
print(f"{paper}: {pages} pages, {len(cut)} words outside a page, {len(missing)} of {len(expected)} facts missing from the text")
for word in cut[:10]:
    print(f"  cut at a page edge: {word!r}")
for fact in missing[:10]:
    print(f"  missing: {fact[:120]!r}")
sys.exit(1 if cut or missing or int(pages) < 1 else 0)
PY
done
echo "PDFs, text and screenshots: $out/"
exit $status
