"""Time screening of posts that take the safety and masking paths.

    .venv/bin/python bench/safety_screening.py [--repeat 20] [--no-write]

Each post is screened ``--repeat`` times with the built-in rules, the bundled helpline
allow-list and the default model (trained into a scratch directory first): a plain
post, posts sharing helplines, a post held for the poster's safety, warnings published
with their contacts masked, and 10,000-character posts made of contacts. Reported:
median CPU milliseconds of one ``Screener.screen`` call and the verdict.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from common import table, write_results

from moderation import DEFAULT_RULES, Screener, ScreeningConfig
from moderation.classifier import load_or_train_default

LIMIT = 10_000
PADDING = "I keep writing about how much I miss him and how quiet the flat is now. "
POSTS = {
    "plain post": "We broke up last week and I miss her more than I can say. " * 4,
    "helplines": "Samaritans 116 123, jo@samaritans.org, or the hotline 1-800-799-7233.",
    "private number (safety hold)": "I'm in Leeds too, my number is 07911 123456 if you want.",
    "warning, 2 contacts (masked)": (
        "Beware, it's a scam: 'Dr Ozil' on WhatsApp +234 810 555 0199 and "
        "ozil.temple@mailbox.com took $300 from me. Please don't contact him."
    ),
    "10,000-char warning, 2 contacts": (
        "Beware, this is a scam. "
        + PADDING * 130
        + "His whatsapp was +234 810 555 0199 and drx@gmail.com, scam."
    )[:LIMIT],
    "10,000 chars of phone numbers": (
        "Beware, these are scams: " + " ".join(f"+234 810 555 {i:04d}" for i in range(600))
    )[:LIMIT],
    "10,000 chars of e-mail addresses": (
        "Beware, these are scams: " + " ".join(f"scam{i}@mailbox.com" for i in range(600))
    )[:LIMIT],
    "10,000 chars of digit groups": ("12 34 " * 2000)[:LIMIT],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="mend-bench-"))
    try:
        screener = Screener(
            DEFAULT_RULES, load_or_train_default(scratch / "model.npz"), ScreeningConfig()
        )
        rows = []
        for name, text in POSTS.items():
            verdict = screener.screen(text)
            times = []
            for _ in range(args.repeat):
                started = time.process_time()
                screener.screen(text)
                times.append((time.process_time() - started) * 1000)
            kind = f" ({verdict.hold_kind})" if verdict.hold_kind else ""
            masks = f", {len(verdict.masks)} masked" if verdict.masks else ""
            rows.append(
                [name, len(text), f"{statistics.median(times):.1f}", verdict.action + kind + masks]
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result = table(["post", "characters", "median CPU ms", "verdict"], rows)
    print(result)
    if not args.no_write:
        write_results(
            "safety_screening",
            "Screening with safety holds and masked warnings",
            result,
            ["- every post under 100 ms of CPU, whatever its shape"],
            [
                "Masking finds each quoted contact in the text as written; its cost is "
                "bounded (moderation/masking.py), and a post past the bound is held.",
                "Each post is screened once before timing, so the normaliser's caches "
                "(folded characters, canonical phone numbers) are warm, as for a worker "
                "that has screened posts before.",
            ],
        )


if __name__ == "__main__":
    main()
