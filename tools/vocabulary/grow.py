#!/usr/bin/env python3
"""Grows the theme vocabulary from labelled training walls, and measures what that does on walls
it did not learn from. Not part of the app's build, tests or CI; run it by hand when the training
walls change (see the README, "Fourth round"). Plain Python 3, no packages.

    python3 tools/vocabulary/grow.py             # writes src/grouping/grown.rs
    python3 tools/vocabulary/grow.py --evaluate  # leave-one-wall-out, with and without growth

The training walls (`benches/data/training-walls.csv`) were written by people who saw neither
the vocabulary nor the held-out walls, each note labelled with one of the vocabulary's topics.
A word joins a topic when, across those walls:
- it is in at least MIN_NOTES notes labelled with that topic,
- on at least MIN_WALLS different walls (so it is not one organisation's word),
- at least PRECISION of all the notes that use it carry that topic,
- no topic lists it already, and it is not a stop word, a number or a word the app never
  attaches ("digital", "system", "staff"...);
- and it is not in `tools/vocabulary/rejected.txt`, the words a person checked and would not
  agree signal a topic on any wall ("hope", "trying").
The held-out walls of `benches/data/workshop-walls.csv` are never read.
"""

import collections
import csv
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TRAINING = os.path.join(ROOT, "benches", "data", "training-walls.csv")
REJECTED = os.path.join(ROOT, "tools", "vocabulary", "rejected.txt")
OUT = os.path.join(ROOT, "src", "grouping", "grown.rs")

MIN_NOTES = 2
MIN_WALLS = 2
PRECISION = 0.6

SOURCE = lambda *p: open(os.path.join(ROOT, *p), encoding="utf-8").read()
STOP = set(re.findall(r'^\s+"([^"]+)",$', SOURCE("src", "grouping", "stop_words.rs"), re.M))
TOPICS = [
    (label, re.sub(r"\\\s*", " ", words).split())
    for label, words in re.findall(
        r'label: "([^"]+)",\s*words:\s*"([^"]*)"', SOURCE("src", "grouping", "concepts.rs"), re.S
    )
]
LABELS = {label for label, _ in TOPICS}
meaning = SOURCE("src", "grouping", "meaning.rs")
NEVER = set(re.findall(r'"([a-z]+)"', meaning.split("const NEVER_ATTACHED")[1].split("];")[0]))
NUMBERS = set(re.findall(r'"([a-z]+)"', meaning.split("const NUMBER_WORDS")[1].split("];")[0]))


def stem(word):
    """A rough stem, only to count "referral" and "referrals" as one word here (the app stems
    each listed word itself with Snowball)."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


LISTED = {stem(w) for _, words in TOPICS for w in words}


def words(text):
    text = text.lower().replace("wi-fi", "wifi").replace("e-mail", "email")
    out = []
    for run in re.findall(r"[a-z][a-z'\-]*", text):
        for word in run.split("-"):
            word = word.strip("'")
            if word.endswith("'s"):
                word = word[:-2]
            if len(word) >= 3 and word.isalpha() and not {word} & (STOP | NEVER | NUMBERS):
                out.append(word)
    return out


def read_walls(path):
    walls = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            walls.setdefault(row["wall"], []).append((row["text"], row["category"]))
    return walls


def rejected():
    if not os.path.exists(REJECTED):
        return set()
    with open(REJECTED, encoding="utf-8") as f:
        return {w for line in f if not line.startswith("#") for w in line.split()}


def grow(walls, refuse):
    notes = collections.defaultdict(collections.Counter)  # stem -> topic -> notes
    seen_on = collections.defaultdict(lambda: collections.defaultdict(set))  # stem -> topic -> walls
    total = collections.Counter()
    forms = collections.defaultdict(collections.Counter)
    for wall, rows in walls.items():
        for text, label in rows:
            ws = words(text)
            for w in ws:
                forms[stem(w)][w] += 1
            for s in {stem(w) for w in ws}:
                total[s] += 1
                if label in LABELS:
                    notes[s][label] += 1
                    seen_on[s][label].add(wall)
    grown = collections.defaultdict(list)
    for s, by_topic in sorted(notes.items()):
        if s in LISTED:
            continue
        topic, n = max(by_topic.items(), key=lambda kv: (kv[1], kv[0]))
        word = forms[s].most_common(1)[0][0]
        if word in refuse or s in refuse:
            continue
        if n >= MIN_NOTES and len(seen_on[s][topic]) >= MIN_WALLS and n / total[s] >= PRECISION:
            grown[topic].append(word)
    return {t: sorted(ws) for t, ws in grown.items()}


def write_rust(grown, walls):
    lines = [
        "//! Words each topic of the built-in vocabulary learned from labelled training walls,",
        "//! written by `tools/vocabulary/grow.py` from `benches/data/training-walls.csv`",
        f"//! ({len(walls)} walls, {sum(len(v) for v in walls.values())} notes). Do not edit by hand: change the walls or",
        "//! `tools/vocabulary/rejected.txt` and run the tool again.",
        "",
        "/// (topic label, words separated by spaces).",
        "pub const GROWN: &[(&str, &str)] = &[",
    ]
    for topic, ws in sorted(grown.items()):
        lines.append(f'    ("{topic}", "{" ".join(ws)}"),')
    lines.append("];")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["rustfmt", "--edition", "2024", OUT], check=True)


def bench_binary():
    run = subprocess.run(
        ["cargo", "bench", "--bench", "themes", "--no-run"], cwd=ROOT, capture_output=True, text=True
    )
    found = re.findall(r"Executable .*?\((.*?)\)", run.stderr)
    if not found:
        sys.exit("could not build the themes bench:\n" + run.stderr[-2000:])
    return found[-1]


def scores(binary, walls_csv, extra=None):
    env = dict(
        os.environ,
        GOLDTHREAD_THEMES_WALLS=walls_csv,
        GOLDTHREAD_THEMES_WALLS_ONLY="1",
        GOLDTHREAD_THEMES_QUICK="1",
        GOLDTHREAD_THEMES_IN_SAMPLE="1",
        GOLDTHREAD_VOCABULARY_GROWN="0",
    )
    if extra:
        env["GOLDTHREAD_VOCABULARY_EXTRA"] = extra
    out = subprocess.run([binary, "--bench"], env=env, capture_output=True, text=True, cwd=ROOT).stdout
    rows = {}
    for line in out.splitlines():
        f = [x.strip() for x in line.split("|")]
        if len(f) > 9 and f[4] == "suggest: vocabulary + lexicon (default)":
            rows[f[1]] = (float(f[8]), int(f[7]), int(f[2]))
    return rows


def write_walls(walls, names, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "category", "wall"])
        for name in names:
            for text, label in walls[name]:
                w.writerow([text, label, name])


def evaluate(walls, refuse):
    import tempfile

    binary = bench_binary()
    tmp = tempfile.mkdtemp(prefix="grow-")
    names = list(walls)
    all_csv = os.path.join(tmp, "all.csv")
    write_walls(walls, names, all_csv)
    base = scores(binary, all_csv)
    grown_scores = {}
    for name in names:
        rest = {k: v for k, v in walls.items() if k != name}
        extra = os.path.join(tmp, "extra.txt")
        with open(extra, "w", encoding="utf-8") as f:
            for topic, ws in grow(rest, refuse).items():
                f.write(topic + "\t" + " ".join(ws) + "\n")
        one = os.path.join(tmp, "one.csv")
        write_walls(walls, [name], one)
        grown_scores[name] = scores(binary, one, extra)[name]

    def mean(rows):
        ari = sum(rows[n][0] for n in names) / len(names)
        alone = sum(rows[n][1] for n in names) / sum(rows[n][2] for n in names)
        return ari, alone

    print("| training wall, left out of the growth | vocabulary | vocabulary + grown from the others |")
    print("|---|---:|---:|")
    for name in names:
        print(f"| {name.replace(' (training)', '')} | {base[name][0]:.3f} | {grown_scores[name][0]:.3f} |")
    (b, bu), (g, gu) = mean(base), mean(grown_scores)
    print(f"| **mean of {len(names)}** (alone) | **{b:.3f}** ({bu:.0%}) | **{g:.3f}** ({gu:.0%}) |")


def main():
    walls = read_walls(TRAINING)
    refuse = rejected()
    if "--evaluate" in sys.argv:
        evaluate(walls, refuse)
        return
    grown = grow(walls, refuse)
    write_rust(grown, walls)
    print(f"wrote {OUT}: {sum(len(v) for v in grown.values())} words for {len(grown)} topics")


if __name__ == "__main__":
    main()
