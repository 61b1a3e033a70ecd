#!/usr/bin/env python3
"""Precision, recall and F1 by family on eval/general_names_dev.tsv for any build of the product,
through its `names score` command (the same scorer `examples/eval_names.rs` calls), at the
production threshold. Used to put an older build's figures beside the current ones:

    scripts/score_general_dev.py path/to/caatsa-screen [eval/general_names_dev.tsv]
"""

import csv
import subprocess
import sys
from collections import defaultdict

binary = sys.argv[1]
path = sys.argv[2] if len(sys.argv) > 2 else "eval/general_names_dev.tsv"
THRESHOLD = 0.88
rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
stdin = "".join(f"{r['listed_name']}\t{r['query_name']}\t{r['kind']}\n" for r in rows)
out = subprocess.run([binary, "names", "score"], input=stdin, capture_output=True, text=True, check=True)
scores = [float(line.split("\t")[0]) for line in out.stdout.splitlines() if line.strip()]
assert len(scores) == len(rows), (len(scores), len(rows))
counts = defaultdict(lambda: [0, 0, 0, 0])
for r, s in zip(rows, scores):
    truth, predicted = r["is_match"] == "true", s >= THRESHOLD
    for family in (r["family"], "all"):
        c = counts[family]
        c[0 if truth and predicted else 1 if predicted else 2 if truth else 3] += 1
print("| family | pairs | precision | recall | F1 |")
print("|---|---|---|---|---|")
for family in ("scripts", "legal_forms", "inflections", "people", "all"):
    tp, fp, fn, tn = counts[family]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"| {family} | {tp + fp + fn + tn} | {p:.3f} | {r:.3f} | {f:.3f} |")
