#!/usr/bin/env python3
"""The rapidfuzz peer (shared/peers/rapidfuzz_screen.py) on the same evaluation sets as
`examples/eval_names.rs`, so that the two can be compared side by side.

    peer_eval.py PEER_SCRIPT WATCHLIST NEGATIVE_QUERIES REPO_ROOT OURS_JSON

* Pair sets (dev, UN): every pair scored with the peer's own normalisation and scorers
  (token_sort_ratio and Jaro-Winkler, imported from the peer script, not copied).
* Negatives: the peer script itself, run as its author intended (`--bulk`, all cores), best hit of
  each query against the same watchlist names our matcher uses; its timing line gives names/s.
* The peer has no production threshold, so it is read at two: the threshold that gives the same
  best-hit false-positive rate on the negatives as ours, and the threshold that gives the same
  recall on the UN pairs as ours. Prints markdown tables; nothing is tuned for us.
"""

import csv
import importlib.util
import json
import subprocess
import sys
import time


def load_peer(path):
    spec = importlib.util.spec_from_file_location("rapidfuzz_screen", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pairs(root):
    dev, un = [], []
    with open(f"{root}/eval/dprk_name_variants_dev.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            dev.append((row["listed_name"], row["query_name"], row["is_match"] == "true"))
    with open(f"{root}/eval/un_sc_pairs.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            un.append((row["candidate_name"], row["query_name"], row["is_match"] == "true"))
    return dev, un


def general(root):
    with open(f"{root}/eval/general_names_dev.tsv", encoding="utf-8") as fh:
        return [(r["family"], r["listed_name"], r["query_name"], r["is_match"] == "true")
                for r in csv.DictReader(fh, delimiter="\t")]


def prf(scored, threshold):
    tp = sum(1 for s, t in scored if t and s >= threshold)
    fp = sum(1 for s, t in scored if not t and s >= threshold)
    fn = sum(1 for s, t in scored if t and s < threshold)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    peer_path, watchlist, queries, root, ours_path = sys.argv[1:6]
    peer = load_peer(peer_path)
    ours = json.load(open(ours_path))
    dev, un = pairs(root)
    gen = general(root)

    scores = {}
    for name, scorer in peer.SCORERS.items():
        scale = peer.SCALE[name]
        def score(a, b):
            return scorer(peer.normalize(a), peer.normalize(b)) * scale
        scores[name] = {
            "dev": [(score(a, b), t) for a, b, t in dev],
            "un": [(score(a, b), t) for a, b, t in un],
            "general": [(fam, score(a, b), t) for fam, a, b, t in gen],
        }

    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, peer_path, watchlist, queries, "--bulk"],
        capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    best = {"tsr": [], "jw": []}
    for line in run.stdout.splitlines()[1:]:
        q, scorer, hit, s = line.split("\t")
        best[scorer].append(float(s))
    timing = {}
    for line in run.stderr.splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and parts[0] == "timing" and parts[1] in best:
            timing[parts[1]] = float(parts[3].rstrip("s"))
    n_queries = len(best["tsr"])

    target_fp = ours["negatives"]["fp_match"] / ours["negatives"]["queries"]
    target_recall = ours["un"]["recall"]
    print(f"peer: rapidfuzz {peer.__doc__.splitlines()[0] if peer.__doc__ else ''}".strip())
    print(f"negatives run: {n_queries} queries, wall {wall:.1f}s for both scorers")
    print()
    print("| matcher | threshold | dev P | dev R | dev F1 | UN recall | negatives FP (best hit) | names/s |")
    print("|---|---|---|---|---|---|---|---|")
    d, u, neg = ours["dev"], ours["un"], ours["negatives"]
    print(f"| caatsa-screen | {ours['match_threshold']:.2f} (production) | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} "
          f"| {u['recall']:.3f} | {neg['fp_match'] / neg['queries']:.3%} | {neg['names_per_sec_one_thread']:.0f} (1 thread) |")
    thresholds = {}
    for name in ("tsr", "jw"):
        ranked = sorted(best[name], reverse=True)
        # Threshold with the same false-positive rate as ours on the negatives.
        k = int(round(target_fp * n_queries))
        t_fp = ranked[k] + 1e-9 if k < len(ranked) else 0.0
        # Threshold with the same recall as ours on the UN pairs.
        un_pos = sorted((s for s, t in scores[name]["un"] if t), reverse=True)
        t_rec = un_pos[min(len(un_pos) - 1, int(round(target_recall * len(un_pos))) - 1)]
        per_query = timing.get(name, 0.0)
        rate = n_queries / per_query if per_query else 0.0
        thresholds[name] = (t_fp, t_rec)
        for label, t in ((f"{t_fp:.2f} (same FP rate as ours)", t_fp), (f"{t_rec:.2f} (same UN recall as ours)", t_rec)):
            dp, dr, df = prf(scores[name]["dev"], t)
            _, ur, _ = prf(scores[name]["un"], t)
            fp = sum(1 for s in best[name] if s >= t) / n_queries
            print(f"| rapidfuzz {name} | {label} | {dp:.3f} | {dr:.3f} | {df:.3f} | {ur:.3f} | {fp:.3%} | {rate:.0f} (all cores) |")


    print()
    print("general_names_dev, F1 by family (P/R in brackets)")
    families = ["scripts", "legal_forms", "inflections", "people", "all"]
    print("| matcher | threshold | " + " | ".join(families) + " |")
    print("|---|---|" + "---|" * len(families))
    g = ours.get("general", {})
    cells = [f"{g[f]['f1']:.3f} ({g[f]['precision']:.2f}/{g[f]['recall']:.2f})" if f in g else "-" for f in families]
    print(f"| caatsa-screen | {ours['match_threshold']:.2f} (production) | " + " | ".join(cells) + " |")
    for name in ("tsr", "jw"):
        for label, t in zip(("same FP rate as ours", "same UN recall as ours"), thresholds[name]):
            cells = []
            for f in families:
                scored = [(sc, tr) for fam, sc, tr in scores[name]["general"] if f == "all" or fam == f]
                p, r, f1 = prf(scored, t)
                cells.append(f"{f1:.3f} ({p:.2f}/{r:.2f})")
            print(f"| rapidfuzz {name} | {t:.2f} ({label}) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
