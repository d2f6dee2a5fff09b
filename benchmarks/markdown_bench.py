"""Markdown benchmark: render time per KB, for realistic posts and for pathological
inputs at growing sizes (linear cost shows as a constant time per KB).

    .venv/bin/python benchmarks/markdown_bench.py
    .venv/bin/python benchmarks/markdown_bench.py --sizes 5000 20000 100000 --repeat 3

Realistic posts are the demo community's texts (hand-written threads and
generated ones for every board). The pathological inputs are those the tests
bound (tests/posts/test_markdown_cost.py): cmark's own set and the inputs that
stalled the earlier renderer. Each text is rendered through the forum's renderer
(cmark-gfm, the pass over its tree, nh3) with two mentions resolvable and no
database query; the best of --repeat runs counts, in CPU time. Timings are for
this machine; run it, do not trust it.
"""

import argparse
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forum.demo import content
from forum.posts.markdown import render_with_mentions
from tests.posts.test_markdown_cost import FAMILIES, KNOWN


def cpu_seconds(source: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        render_with_mentions(source, KNOWN)
        best = min(best, time.process_time() - started)
    return best


def demo_texts() -> list[str]:
    rng = random.Random(2026)  # noqa: S311 (the same demo texts each run)
    texts = []
    for thread in itertools.chain.from_iterable(content.HANDWRITTEN_THREADS.values()):
        texts.append(thread["body"])
        texts.extend(reply["body"] for reply in thread.get("replies", []))
    for category in content.CATEGORIES:
        for board in category["boards"]:
            for spec in content.generated_threads(rng, board["slug"], 20):
                texts.append(spec["body"])
                texts.extend(reply["body"] for reply in spec["replies"])
    return texts


def realistic(repeat: int) -> None:
    texts = demo_texts()
    timings = [cpu_seconds(text, repeat) for text in texts]
    kilobytes = sum(len(text.encode()) for text in texts) / 1000
    print(
        f"realistic posts: {len(texts):,} demo texts, {kilobytes:,.0f} KB; "
        f"median {statistics.median(timings) * 1e6:.0f} µs per post, "
        f"max {max(timings) * 1000:.2f} ms, {sum(timings) / kilobytes * 1e6:.0f} µs per KB"
    )


def pathological(sizes: list[int], repeat: int) -> None:
    header = " | ".join(f"{size // 1000} KB" for size in sizes)
    print(f"\n| input | {header} | µs per KB at {sizes[-1] // 1000} KB |")
    print("|---|" + "---|" * (len(sizes) + 1))
    worst = 0.0
    for name, make in FAMILIES.items():
        seconds = [cpu_seconds(make(size), repeat) for size in sizes]
        worst = max(worst, seconds[-1])
        cells = " | ".join(f"{value * 1000:.1f} ms" for value in seconds)
        per_kb = seconds[-1] / (sizes[-1] / 1000) * 1e6
        print(f"| {name} | {cells} | {per_kb:.0f} |")
    print(f"\nslowest at {sizes[-1] // 1000} KB: {worst * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 20_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per text; the best counts")
    args = parser.parse_args()
    realistic(args.repeat)
    pathological(sorted(args.sizes), args.repeat)


if __name__ == "__main__":
    main()
