"""Time the screener on a labelled CSV: per-post latency and batch throughput.

    .venv/bin/python bench/screening.py [--data ../shared/eval/dev.csv] [--repeat 3]

Prints the default classifier's training time, the median and 99th-percentile time of
one ``screen()`` call, and posts per second when a whole batch is screened.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from moderation.classifier import train_default
from moderation.evaluation import read_labelled_csv
from moderation.rules import DEFAULT_RULES
from moderation.screening import Screener, ScreeningConfig

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA_PATHS = (
    Path("/work/shared/eval/dev.csv"),
    REPO.parent / "shared" / "eval" / "dev.csv",
)


def default_data_path() -> Path:
    for path in DEFAULT_DATA_PATHS:
        if path.is_file():
            return path
    raise SystemExit("no dev.csv found; pass --data PATH")


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="CSV with a text column")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the data")
    args = parser.parse_args()
    texts = [row.text for row in read_labelled_csv(args.data or default_data_path())]

    started = time.perf_counter()
    classifier = train_default()
    training_seconds = time.perf_counter() - started
    screener = Screener(DEFAULT_RULES, classifier, ScreeningConfig())

    screener.screen_many(texts[:50])  # warm caches (character tables, compiled regexes)
    timings = []
    for _ in range(args.repeat):
        for text in texts:
            started = time.perf_counter()
            screener.screen(text)
            timings.append(time.perf_counter() - started)
    timings.sort()

    started = time.perf_counter()
    for _ in range(args.repeat):
        screener.screen_many(texts)
    batch_seconds = time.perf_counter() - started

    print(f"posts: {len(texts)} x {args.repeat} passes")
    print(f"training (bundled corpus): {training_seconds:.2f} s")
    print(f"screen() median: {statistics.median(timings) * 1000:.3f} ms")
    print(f"screen() p99:    {percentile(timings, 0.99) * 1000:.3f} ms")
    print(f"screen() max:    {timings[-1] * 1000:.3f} ms")
    print(f"batch: {len(texts) * args.repeat / batch_seconds:.0f} posts/s")


if __name__ == "__main__":
    main()
