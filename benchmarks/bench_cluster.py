"""Speed of dedup and story clustering at 1,000 to 100,000 synthetic articles.

Run: ``.venv/bin/python benchmarks/bench_cluster.py [--sizes 1000 10000 100000]`` (CPU seconds
of this process, so that other work on a shared machine does not inflate them). Clustering is
blocking by rare keys, the pair scorer on the candidate pairs and sparse average-link, so its
cost per article (the ``ms/article`` column) should stay about flat as the pile grows.

Synthetic events each own a few names and topic words; their articles mix those with common
English words, and their "embeddings" are the event's random direction plus noise (the real
embedder costs about 2 ms per article on top, linearly). The ratio of the two sizes' times
shows how the cost grows: 10x the articles should cost about 10x the time, not 100x.
Anchor: datasketch MinHash alone (shingle + sign) on the same texts.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Callable

import numpy as np
from datasketch import MinHash
from wordfreq import top_n_list

from newsfuse.cluster import StoryClusterer
from newsfuse.cluster_features import Profile, unit
from newsfuse.dedup import DuplicateIndex, shingles
from newsfuse.types import Article, Block

PER_EVENT = 8
WORDS = 400


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))


def synthetic(count: int, seed: int = 7) -> tuple[list[Article], list[Profile]]:
    """``count`` articles in events of about ``PER_EVENT``, and their clustering profiles."""
    rng = random.Random(seed)
    numbers = np.random.default_rng(seed)
    common = top_n_list("en", 3000)[100:]
    articles: list[Article] = []
    items: list[Profile] = []
    for event in range(count // PER_EVENT + 1):
        names = [_pseudo_word(rng) for _ in range(6)]
        topic = rng.sample(common, 30)
        direction = numbers.normal(size=384)
        for member in range(PER_EVENT):
            if len(articles) == count:
                break
            words = rng.choices(common, k=WORDS // 2) + rng.choices(topic + names, k=WORDS // 2)
            rng.shuffle(words)
            doc_id = f"e{event}a{member}"
            body = (Block("paragraph", " ".join(words)),)
            articles.append(Article(doc_id, "bench", "ok", blocks=body))
            counts = Counter(words)
            vector = direction + numbers.normal(scale=0.8, size=384)
            items.append(
                Profile(
                    id=doc_id,
                    terms=unit(counts),
                    entities=unit({name: counts[name] for name in names if counts[name]}),
                    embedding=(vector / np.linalg.norm(vector)).astype(np.float32),
                    day=739000 + event // 20,
                    lead_entities=frozenset(n for n in names if n in words[:40]),
                )
            )
    return articles, items


def _timed(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def _cluster(items: list[Profile]) -> dict[str, str]:
    clusterer = StoryClusterer(embedder=None)
    for item in items:
        clusterer.add_profile(item)
    return clusterer.assignments()


def _dedup(articles: list[Article]) -> None:
    index = DuplicateIndex()
    for article in articles:
        index.add(article)


def _minhash_only(articles: list[Article]) -> None:
    for article in articles:
        signature = MinHash(num_perm=128)
        words = article.text.split()
        signature.update_batch(
            [" ".join(words[i : i + 5]).encode() for i in range(len(words) - 4)]
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--cluster-only", action="store_true", help="skip the dedup columns")
    args = parser.parse_args()
    print(f"{'articles':>9}{'cluster s':>11}{'ms/article':>12}{'stories':>9}{'B3 F1':>7}"
          f"{'dedup s':>9}{'shingle s':>11}{'MinHash-only s':>16}")
    for size in args.sizes:
        print(_row(size, args.cluster_only), flush=True)


def _row(size: int, cluster_only: bool = False) -> str:
    from newsfuse.evaluate.clustering import score_clusters

    articles, items = synthetic(size)
    started = time.process_time()
    assigned = _cluster(items)
    cluster_s = time.process_time() - started
    gold = {item.id: item.id.split("a")[0] for item in items}
    f1 = score_clusters(assigned, gold).bcubed_f1
    row = (f"{size:>9}{cluster_s:>11.2f}{1000 * cluster_s / size:>12.2f}"
           f"{len(set(assigned.values())):>9}{f1:>7.3f}")
    if cluster_only:
        return row
    dedup_s = _timed(lambda: _dedup(articles))
    shingle_s = _timed(lambda: [shingles(article.text) for article in articles])
    minhash_s = _timed(lambda: _minhash_only(articles))
    return f"{row}{dedup_s:>9.2f}{shingle_s:>11.2f}{minhash_s:>16.2f}"


if __name__ == "__main__":
    main()
