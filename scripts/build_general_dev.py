#!/usr/bin/env python3
"""Builds eval/general_names_dev.tsv: labelled name pairs beyond North Korean names, by family
(scripts, legal_forms, inflections, people), from the OFAC SDN list of 2023-12-28.

    .venv/bin/python scripts/build_general_dev.py [SDN_DIR] > eval/general_names_dev.tsv

Needs rapidfuzz and unidecode (`.venv/bin/pip install rapidfuzz unidecode`). Seeded: the same
input gives the same file. Every pair says where it comes from (the `source` column):

* `alias`: an SDN entry's name and one of its aliases from alt.csv that is another spelling of
  the same name (kept only when every word of each has a close word in the other);
* `made:<how>`: a variant we made of a real listed name (transliterated into Cyrillic, Chinese
  characters or Arabic script; legal form written out in its language; a generic word inflected;
  a middle name left out; given names as initials);
* `negative:<how>`: two different listed entries whose names are close (same surname, same
  generic words, same name with another number), or a variant of one listed name paired with
  another listed name.

The Chinese pairs choose, for each pinyin syllable of the listed name, a character with that
reading in the Unidecode tables (the tables deunicode, which the product uses, is built from), so
they test how the product segments and joins syllables and reads generic words, not whether its
readings are right; the one real Chinese name we know (丹东鸿祥实业发展有限公司, from the issue)
is included as written.
"""

import csv
import random
import re
import sys
from collections import defaultdict

from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

SDN_DIR = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ofac/set_2023-12-28"
rng = random.Random(20261203)
rows = []


def emit(family, kind, listed, query, match, source):
    rows.append((family, kind, listed, query, "true" if match else "false", source))


def read_sdn():
    entries = {}
    with open(f"{SDN_DIR}/sdn.csv", encoding="latin-1") as fh:
        for r in csv.reader(fh):
            if len(r) < 4:
                continue
            kind = {"individual": "Person", "vessel": "Vessel"}.get(r[2].strip(), "Organization")
            if r[2].strip() == "aircraft":
                continue
            entries[r[0]] = {"name": r[1], "kind": kind, "program": r[3], "aliases": []}
    with open(f"{SDN_DIR}/alt.csv", encoding="latin-1") as fh:
        for r in csv.reader(fh):
            if len(r) >= 4 and r[0] in entries and r[2].strip() in ("aka", "fka", "nka"):
                entries[r[0]]["aliases"].append((r[2].strip(), r[3]))
    return entries


def words(name):
    return re.sub(r"[^a-z0-9 ]", " ", unidecode(name).lower().replace("'", "")).split()


def close(a, b):
    return a == b or (len(a) > 3 and len(b) > 3 and JaroWinkler.similarity(a, b) >= 0.8)


def spelling_variant(a, b):
    """Every word of each has a close word in the other (one word of slack), and they differ."""
    wa, wb = words(a), words(b)
    if not wa or not wb or wa == wb or sorted(wa) == sorted(wb):
        return False
    miss_a = sum(1 for w in wa if not any(close(w, v) for v in wb))
    miss_b = sum(1 for w in wb if not any(close(w, v) for v in wa))
    return miss_a + miss_b == 0


# ---------------------------------------------------------------- transliteration into scripts

LAT2CYR = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
    ("ya", "я"), ("ye", "е"), ("yo", "ё"), ("iy", "ий"), ("yy", "ый"), ("a", "а"), ("b", "б"),
    ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "ы"), ("k", "к"),
    ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
    ("u", "у"), ("f", "ф"), ("w", "в"), ("x", "кс"), ("h", "х"), ("c", "к"), ("j", "й"), ("q", "к"),
]


def to_cyrillic(word):
    out, i = "", 0
    while i < len(word):
        for lat, cyr in LAT2CYR:
            if word.startswith(lat, i):
                # y after a vowel is й, not ы
                if lat == "y" and out and out[-1] in "аеиоуыэюя":
                    cyr = "й"
                out += cyr
                i += len(lat)
                break
        else:
            out += word[i]
            i += 1
    return out.capitalize()


RUSSIAN_FORMS = {"llc": "ООО", "limited liability company": "ООО", "joint stock company": "АО",
                 "jsc": "АО", "ooo": "ООО", "ao": "АО", "pjsc": "ПАО", "public joint stock company": "ПАО"}


def cyrillic_name(name, kind):
    w = words(name)
    if kind == "Person":
        surname, _, given = name.partition(",")
        return " ".join(to_cyrillic(x) for x in words(given) + words(surname))
    text = " ".join(w)
    for lat, cyr in sorted(RUSSIAN_FORMS.items(), key=lambda x: -len(x[0])):
        if re.search(rf"\b{lat}\b", text):
            rest = re.sub(rf"\b{lat}\b", " ", text).split()
            return f"{cyr} «{' '.join(to_cyrillic(x) for x in rest)}»"
    return " ".join(to_cyrillic(x) for x in w)


def pinyin_table():
    """pinyin syllable -> the first common character that reads it (Unidecode tables)."""
    table = {}
    for code in range(0x4E00, 0x9FA6):
        reading = unidecode(chr(code)).strip().lower()
        if reading.isalpha():
            table.setdefault(reading, chr(code))
    return table


ZH_GENERIC = {
    "co ltd": "有限公司", "company limited": "有限公司", "limited": "有限公司", "trading": "贸易",
    "industrial": "实业", "industry": "工业", "development": "发展", "technology": "科技",
    "international": "国际", "import and export": "进出口", "import export": "进出口",
    "group": "集团", "logistics": "物流", "shipping": "航运", "investment": "投资",
    "electronics": "电子", "machinery": "机械", "equipment": "设备", "materials": "材料",
    "metal": "金属", "chemical": "化工", "energy": "能源", "holdings": "控股", "economic": "经贸",
    "seafood": "海产", "foodstuff": "食品", "food": "食品", "mining": "矿业", "petroleum": "石油",
}


def split_pinyin(word, table):
    """A word as pinyin syllables (longest first), or None."""
    if not word:
        return []
    for n in range(min(6, len(word)), 0, -1):
        head = word[:n]
        if head in table:
            rest = split_pinyin(word[n:], table)
            if rest is not None:
                return [head] + rest
    return None


def chinese_name(name, table):
    text = " ".join(words(name))
    text = re.sub(r"\b(co|company) (ltd|limited)\b", "co ltd", text)
    out = ""
    for part in re.split(r"\b(" + "|".join(sorted(map(re.escape, ZH_GENERIC), key=len, reverse=True)) + r")\b", text):
        part = part.strip()
        if not part:
            continue
        if part in ZH_GENERIC:
            out += ZH_GENERIC[part]
            continue
        for w in part.split():
            syllables = split_pinyin(w, table)
            if syllables is None:
                return None
            out += "".join(table[s] for s in syllables)
    return out


ARABIC = {
    "muhammad": "محمد", "mohammed": "محمد", "mohammad": "محمد", "muhammed": "محمد", "ahmad": "أحمد",
    "ahmed": "أحمد", "ali": "علي", "hasan": "حسن", "hassan": "حسن", "husayn": "حسين",
    "hussein": "حسين", "husain": "حسين", "khalid": "خالد", "khaled": "خالد", "umar": "عمر",
    "omar": "عمر", "yusuf": "يوسف", "youssef": "يوسف", "ibrahim": "إبراهيم", "ismail": "إسماعيل",
    "mustafa": "مصطفى", "mahmud": "محمود", "mahmoud": "محمود", "said": "سعيد", "saeed": "سعيد",
    "salih": "صالح", "saleh": "صالح", "nasir": "ناصر", "nasser": "ناصر", "jamal": "جمال",
    "karim": "كريم", "hamza": "حمزة", "tariq": "طارق", "faisal": "فيصل", "adil": "عادل",
    "adel": "عادل", "sulayman": "سليمان", "sulaiman": "سليمان", "yahya": "يحيى", "amin": "أمين",
    "jafar": "جعفر", "qasim": "قاسم", "hashim": "هاشم", "mansur": "منصور", "mansour": "منصور",
    "mahdi": "مهدي", "abdullah": "عبدالله", "abdallah": "عبدالله", "abd": "عبد", "rahman": "رحمن",
    "hamid": "حميد", "majid": "ماجد", "rashid": "راشد", "walid": "وليد", "khalil": "خليل",
    "jabir": "جابر", "zayd": "زيد", "zaid": "زيد", "aziz": "عزيز", "bashir": "بشير",
    "nur": "نور", "samir": "سمير", "munir": "منير", "habib": "حبيب", "hadi": "هادي",
}


def arabic_name(name):
    surname, _, given = name.partition(",")
    w = words(given) + words(surname)
    w = [x for x in w if x not in ("al", "bin", "ibn", "abu")]
    if len(w) < 2 or not all(x in ARABIC for x in w):
        return None
    return " ".join(ARABIC[x] for x in w)


# ---------------------------------------------------------------- legal forms and inflections

LONG_FORMS = [
    (r"\bllc\b|\blimited liability company\b|\booo\b", "Obshchestvo s Ogranichennoy Otvetstvennostyu", "RUSSIA"),
    (r"\bjsc\b|\bjoint stock company\b|\bao\b", "Aktsionernoe Obshchestvo", "RUSSIA"),
    (r"\bgmbh\b", "Gesellschaft mit beschränkter Haftung", ""),
    (r"\bag\b", "Aktiengesellschaft", ""),
    (r"\bs a de c v\b|\bsa de cv\b", "Sociedad Anonima de Capital Variable", ""),
    (r"\bsdn bhd\b", "Sendirian Berhad", ""),
    (r"\bpvt ltd\b|\bprivate limited\b", "Private Limited", ""),
    (r"\bsp z o o\b", "Spolka z ograniczona odpowiedzialnoscia", ""),
    (r"\bs r l\b|\bsrl\b", "Sociedad de Responsabilidad Limitada", ""),
    (r"\bs a\b|\bsa\b", "Sociedad Anonima", ""),
    (r"\bco ltd\b", "Company Limited", ""),
    (r"\bltd\b", "Limited", ""),
    (r"\bfze\b", "Free Zone Establishment", ""),
    (r"\bcorp\b", "Corporation", ""),
    (r"\binc\b", "Incorporated", ""),
]

INFLECT = {
    "trading": ["Trade", "Traders"], "trade": ["Trading"], "export": ["Exporters", "Exporting"],
    "exports": ["Export"], "import": ["Importers"], "industries": ["Industrial", "Industry"],
    "industrial": ["Industries"], "manufacturing": ["Manufacturers"], "engineering": ["Engineers"],
    "construction": ["Constructions"], "investment": ["Investments"], "investments": ["Investment"],
    "supply": ["Supplies", "Suppliers"], "supplies": ["Supply"], "logistics": ["Logistic"],
    "transport": ["Transportation"], "consulting": ["Consultants"], "chemical": ["Chemicals"],
    "metals": ["Metal"], "systems": ["System"], "shipping": ["Shippers"], "electronics": ["Electronic"],
}


def main():
    entries = read_sdn()
    items = sorted(entries.items(), key=lambda kv: int(kv[0]))
    people = [e for _, e in items if e["kind"] == "Person"]
    orgs = [e for _, e in items if e["kind"] == "Organization"]

    # People: alias spellings, middle names left out, initials; negatives by shared surname.
    alias_people = [(e, a) for e in people for t, a in e["aliases"] if spelling_variant(e["name"], a)]
    for e, a in rng.sample(alias_people, min(70, len(alias_people))):
        emit("people", "Person", e["name"], a, True, "alias")
    # Korean given names are two syllables that are both identity (`Kim Jong` is not
    # `Kim Jong Il`): no middle name to leave out, so North Korean entries are not used here.
    three = [e for e in people if "," in e["name"] and len(words(e["name"].partition(",")[2])) >= 2
             and len(words(e["name"].partition(",")[0])) == 1 and "DPRK" not in e["program"]
             and all(len(x) > 3 for x in words(e["name"].partition(",")[2]))]
    for e in rng.sample(three, 40):
        surname, _, given = e["name"].partition(",")
        g = words(given)
        emit("people", "Person", e["name"], f"{g[0].title()} {surname.strip().title()}", True,
             "made:middle name left out")
    for e in rng.sample(three, 25):
        surname, _, given = e["name"].partition(",")
        g = words(given)
        initials = " ".join(f"{x[0].upper()}." for x in g)
        emit("people", "Person", e["name"], f"{initials} {surname.strip().title()}", True,
             "made:given names as initials")
    by_surname = defaultdict(list)
    for e in people:
        if "," in e["name"]:
            by_surname[words(e["name"].partition(",")[0])[0] if words(e["name"].partition(",")[0]) else ""].append(e)
    groups = [g for s, g in sorted(by_surname.items()) if s and len(g) >= 2]
    negatives = []
    for g in groups:
        a, b = g[0], g[1]
        ga, gb = words(a["name"].partition(",")[2]), words(b["name"].partition(",")[2])
        if ga and gb and ga[0] != gb[0] and not close(ga[0], gb[0]):
            negatives.append((a, b))
    for a, b in rng.sample(negatives, min(60, len(negatives))):
        emit("people", "Person", a["name"], b["name"], False, "negative:same surname, other given name")
    middle_neg = []
    for e in rng.sample(three, 60):
        surname, _, given = e["name"].partition(",")
        g = words(given)
        others = by_surname.get(words(surname)[0], [])
        for o in others:
            go = words(o["name"].partition(",")[2])
            if o is not e and go and go[0] != g[0] and not close(go[0], g[0]):
                middle_neg.append((o, f"{g[0].title()} {surname.strip().title()}"))
                break
    for o, q in middle_neg[:25]:
        emit("people", "Person", o["name"], q, False, "negative:another person of the same surname")

    # Scripts: Cyrillic, Chinese, Arabic.
    russian = [e for e in people + orgs if "RUSSIA" in e["program"] or "UKRAINE" in e["program"]]
    ru_people = [e for e in russian if e["kind"] == "Person" and "," in e["name"]]
    ru_orgs = [e for e in russian if e["kind"] == "Organization" and re.search(r"\b(llc|jsc|ooo|ao|limited liability company|joint stock company)\b", " ".join(words(e["name"])))]
    for e in rng.sample(ru_people, 40):
        emit("scripts", "Person", e["name"], cyrillic_name(e["name"], "Person"), True, "made:Cyrillic (reverse BGN/PCGN)")
    for e in rng.sample(ru_orgs, 30):
        emit("scripts", "Organization", e["name"], cyrillic_name(e["name"], "Organization"), True, "made:Cyrillic (reverse BGN/PCGN)")
    ru_by_surname = defaultdict(list)
    for e in ru_people:
        ru_by_surname[words(e["name"].partition(",")[0])[0]].append(e)
    ru_neg = [(g[0], g[1]) for s, g in sorted(ru_by_surname.items()) if len(g) >= 2
              and words(g[0]["name"].partition(",")[2])[:1] != words(g[1]["name"].partition(",")[2])[:1]]
    for a, b in rng.sample(ru_neg, min(25, len(ru_neg))):
        emit("scripts", "Person", a["name"], cyrillic_name(b["name"], "Person"), False,
             "negative:Cyrillic of another person of the same surname")
    table = pinyin_table()
    zh = []
    for e in orgs:
        if re.search(r"\b(co ltd|company limited)\b", " ".join(words(e["name"]))) and "CHINA" in (e["program"] + e["name"]).upper() or "HONG KONG" in e["name"].upper() or "DANDONG" in e["name"].upper() or "SHENZHEN" in e["name"].upper():
            written = chinese_name(e["name"], table)
            if written and len(written) >= 4:
                zh.append((e, written))
    for e, written in rng.sample(zh, min(30, len(zh))):
        emit("scripts", "Organization", e["name"], written, True, "made:Chinese characters (Unidecode readings)")
    emit("scripts", "Organization", "DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD",
         "丹东鸿祥实业发展有限公司", True, "issue 16 (the company's Chinese name)")
    zh_neg = []
    for (e, w), (f, v) in zip(zh, zh[1:]):
        if words(e["name"])[:1] != words(f["name"])[:1] or True:
            zh_neg.append((e, v))
    for e, v in rng.sample(zh_neg, min(20, len(zh_neg))):
        emit("scripts", "Organization", e["name"], v, False, "negative:Chinese characters of another listed company")
    ar = [(e, arabic_name(e["name"])) for e in people if "," in e["name"]]
    ar = [(e, a) for e, a in ar if a]
    for e, a in rng.sample(ar, min(25, len(ar))):
        emit("scripts", "Person", e["name"], a, True, "made:Arabic script (common name words)")
    ar_neg = [(ar[i][0], ar[i + 1][1]) for i in range(len(ar) - 1) if ar[i][1] != ar[i + 1][1]]
    for e, a in rng.sample(ar_neg, min(20, len(ar_neg))):
        emit("scripts", "Person", e["name"], a, False, "negative:Arabic script of another person")

    # Legal forms: written out in their language; alias pairs differing in the form; numbered names.
    lf = []
    for e in orgs:
        text = " ".join(words(e["name"]))
        for pattern, long_form, program in LONG_FORMS:
            if re.search(pattern, text) and (not program or program in e["program"]):
                rest = re.sub(pattern, " ", text).split()
                if len(rest) >= 1:
                    lf.append((e, " ".join(x.title() for x in rest) + " " + long_form))
                break
    for e, q in rng.sample(lf, min(80, len(lf))):
        emit("legal_forms", "Organization", e["name"], q, True, "made:legal form written out")
    numbered = defaultdict(list)
    for e in orgs + [x for _, x in items if x["kind"] == "Vessel"]:
        w = words(e["name"])
        if w and re.fullmatch(r"\d+|i{1,3}|iv|v|vi{1,3}|ix|x", w[-1]):
            numbered[" ".join(w[:-1])].append(e)
    num_neg = [(g[0], g[1]) for s, g in sorted(numbered.items()) if len(g) >= 2]
    for a, b in num_neg[:20]:
        emit("legal_forms", a["kind"], a["name"], b["name"], False, "negative:same name, another number")
    by_first = defaultdict(list)
    for e, q in lf:
        w = words(e["name"])
        by_first[w[0]].append((e, q))
    lf_neg = []
    for s, g in sorted(by_first.items()):
        for (a, _), (b, qb) in zip(g, g[1:]):
            if len(words(a["name"])) >= 3 and words(a["name"]) != words(b["name"]):
                lf_neg.append((a, qb))
    for a, q in rng.sample(lf_neg, min(40, len(lf_neg))):
        emit("legal_forms", "Organization", a["name"], q, False, "negative:another listed company sharing its first word, form written out")

    # Inflections of generic words.
    inf = []
    for e in orgs:
        w = words(e["name"])
        hits = [i for i, x in enumerate(w) if x in INFLECT]
        if hits and len(w) >= 2:
            i = hits[0]
            q = [x.title() for x in w]
            q[i] = rng.choice(INFLECT[w[i]])
            inf.append((e, " ".join(q)))
    for e, q in rng.sample(inf, min(60, len(inf))):
        emit("inflections", "Organization", e["name"], q, True, "made:generic word inflected")
    by_generic = defaultdict(list)
    for e, q in inf:
        by_generic[tuple(x for x in words(e["name"]) if x in INFLECT)].append((e, q))
    inf_neg = []
    for g in by_generic.values():
        for (a, _), (b, qb) in zip(g, g[1:]):
            if set(words(a["name"])) - set(words(b["name"])):
                inf_neg.append((a, qb))
    for a, q in rng.sample(inf_neg, min(40, len(inf_neg))):
        emit("inflections", "Organization", a["name"], q, False, "negative:another listed company with the same generic words")

    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["family", "kind", "listed_name", "query_name", "is_match", "source"])
    seen = set()
    for r in rows:
        if (r[2], r[3]) not in seen and r[2].strip() != r[3].strip():
            seen.add((r[2], r[3]))
            out.writerow(r)


if __name__ == "__main__":
    main()
