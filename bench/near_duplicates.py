"""What the wording fingerprint costs per post (``moderation/near_duplicates.py``).

    .venv/bin/python bench/near_duplicates.py [--write]

Times the fingerprint alone (shingles of the already normalised, contact-masked text,
hashing, bins, band keys) over every post of the bundled corpus, then over posts of
growing length up to the longest a post may be, to show the cost grows in proportion
to the length. The app computes it beside the verdict, from its own ``normalize``
call (``app/post_contacts.py``), whose cost ``bench/screening.py`` reports.
"""

from __future__ import annotations

import argparse
import random
import time

from common import percentile, table, write_results

LENGTHS = (1_000, 2_500, 5_000, 10_000)  # characters; a post is at most 10,000 (BODY_MAX)


def _timed(function, argument, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function(argument)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md")
    args = parser.parse_args()

    from moderation.classifier import bundled_corpus_path
    from moderation.evaluation import read_labelled_csv
    from moderation.near_duplicates import fingerprint_of_shingles, shingles
    from moderation.normalize import normalize

    def fingerprint_redacted(text: str) -> list[int]:
        return fingerprint_of_shingles(shingles(text))

    texts = [normalize(row.text).redacted for row in read_labelled_csv(bundled_corpus_path())]
    times = sorted(_timed(fingerprint_redacted, text) * 1000 for text in texts)
    rows = [
        [
            f"bundled corpus ({len(texts)} posts)",
            f"{sum(map(len, texts)) // len(texts)}",
            f"{percentile(times, 0.5):.3f}",
            f"{percentile(times, 0.99):.3f}",
            f"{times[-1]:.3f}",
        ]
    ]
    words = " ".join(texts).split()
    rng = random.Random(7)
    for length in LENGTHS:
        rng.shuffle(words)
        text = " ".join(words)[:length]
        best = _timed(fingerprint_redacted, text) * 1000
        rows.append([f"one post of {length:,} characters", str(length), f"{best:.3f}", "", ""])
    headers = ["texts", "characters (mean)", "p50 ms", "p99 ms", "max ms"]
    result = table(headers, rows)
    print(result)
    if args.write:
        write_results(
            "near_duplicates",
            "Wording fingerprint",
            result,
            ["- well under 1 ms per post; time in proportion to the length."],
            [
                "Best of 5 runs per text, one core; the text is already normalised (the app "
                "reuses the screener's normaliser; its cost is in the Screening section).",
            ],
        )


if __name__ == "__main__":
    main()
