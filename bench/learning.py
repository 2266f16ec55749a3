"""How fast Mend learns a scam family it has never seen, from moderators' labels.

    .venv/bin/python bench/learning.py [--families hackers psychics ...]
        [--moderator-weight W] [--write]

For each family (whole families of the corpus composer, ``FAMILIES`` below), the family
is taken out of the training corpus, the default model is trained on the rest through
the admin training service (what ``flask spam train`` does) and activated. Then, for
k = 5, 10, 20: k of the family's posts (from the training split, in a fixed shuffled
order) are posted through the app by k different browsers; a post the screener published
is reported by a reader (which puts it in the queue), and a logged-in moderator rejects
each one as spam with the queue's form, the real decision path. A new model is trained
from the reduced corpus plus those labels and activated, and measured:

- recall: the share of the family's other posts (the rest of the training split and all
  of the test split) that screening holds or rejects, and
- the false-positive rate: the share of genuine posts held, over the bundled test
  split's ham rows and the shared evaluation set's ham rows (``../shared/eval/dev.csv``
  beside the repository, or ``--dev``).

Everything runs in one temporary SQLite database, with the app's real forms (CSRF
tokens included). Anchor: SpamAssassin's Bayes does not vote at all until it has
learned 200 spam and 200 ham (``bayes_min_spam_num``, ``bayes_min_ham_num``).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from common import REPO, table, write_results

# A family is one or more of the corpus composer's spam families
# (``tools/compose_corpus.py``, ``FAMILIES``), plus the hand-written spam posts that match
# the pattern (those belong to no composed family; None: none of them).
FAMILIES = {
    "hackers": (
        ("hacker_spy", "crypto_recovery"),
        r"\bhack(?:er|ers|ed|ing)?\b|\bspy(?:ware)? on\b",
    ),
    "psychics": (("psychic_oil", "psychic_ad"), r"\bpsychics?\b|\btarot\b|\bclairvoyan|\bastrolog"),
    "investment": (
        ("money_recovery",),
        r"\bforex\b|\bcrypto|\bbitcoin|\binvest(?!igat)|\btrading\b",
    ),
    "link spam": (("link_seo_comment",), None),
}
KS = (5, 10, 20)
SEED = 12
TARGET_RECALL = 0.9
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
PASSWORD = "a long bench password"


def read_rows(path: Path) -> list[tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [(row["text"], row["label"]) for row in csv.DictReader(handle)]


def write_corpus(path: Path, rows: list[tuple[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows(rows)


class Bench:
    """One app on one temporary database, with a logged-in moderator."""

    def __init__(self, folder: Path, corpus: Path, moderator_weight: float | None):
        from flask_migrate import upgrade

        from app import create_app
        from app.auth.services import create_staff_user

        settings = {} if moderator_weight is None else {"MODERATOR_LABEL_WEIGHT": moderator_weight}
        self.app = create_app(
            {
                **settings,
                "SECRET_KEY": "bench-learning-secret-key",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'learning.sqlite3'}",
                "MODEL_CACHE_PATH": folder / "default_model.bin",
                "TRAINING_CORPUS_PATH": str(corpus),
                "POST_RATE_LIMIT": "100000 per minute",
                "RATELIMIT_STORAGE_URI": "memory://",
                "READER_CACHE_SECONDS": 0,
                "SCREENER_CHECK_SECONDS": 0,
            }
        )
        with self.app.app_context():
            upgrade(directory=str(REPO / "migrations"))
            create_staff_user("bench", PASSWORD, "admin")
        self.moderator = self.app.test_client()
        self._post(self.moderator, "/login", {"username": "bench", "password": PASSWORD})
        self.browsers = 0
        # The thread the family's posts reply to, as scam comments do.
        self._post(self._browser(), "/new", {"title": "Week two", "body": "Still hard."})

    def _post(self, client, url: str, data: dict, form_url: str | None = None):
        page = client.get(form_url or url).get_data(as_text=True)
        token = CSRF.search(page)
        assert token, f"no form on {form_url or url}"
        response = client.post(url, data={"csrf_token": token.group(1), **data})
        assert response.status_code in (200, 302), (url, response.status_code)
        return response

    def _browser(self):
        self.browsers += 1
        client = self.app.test_client()
        n = self.browsers
        client.environ_base["REMOTE_ADDR"] = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        return client

    def label_as_spam(self, text: str) -> None:
        """Post ``text`` as a new poster, and have the moderator reject it as spam (a
        reader reports it first if screening published it)."""
        from models import Post, db

        response = self._post(self._browser(), "/t/1/reply", {"body": text}, "/t/1")
        post_id = int(response.headers["Location"].split("/")[2])
        with self.app.app_context():
            published = db.session.get(Post, post_id).status == "published"
        if published:
            self._post(
                self._browser(),
                f"/p/{post_id}/report",
                {"reason": "spam", "details": ""},
                f"/p/{post_id}/report",
            )
        self._post(
            self.moderator,
            "/mod/decide",
            {"post_id": str(post_id), "action": "reject", "reason": "spam"},
            "/mod/queue",
        )
        with self.app.app_context():
            assert db.session.get(Post, post_id).label == "spam"

    def retrain(self) -> float:
        """Train through the admin training service and activate the new version."""
        from app.admin.model_versions import activate
        from app.admin.training_jobs import train_and_store

        started = time.perf_counter()
        with self.app.app_context():
            version = train_and_store("bench").version
            activate(None, version.id)
        return time.perf_counter() - started

    def held_share(self, texts: list[str]) -> tuple[float, float, float]:
        """The share of ``texts`` the active screener would not publish; the share its
        classifier calls spam (probability >= 0.5); and the share the classifier's
        probability alone, with no rule firing, would hold (through the combine's bias)."""
        from app.live_screener import screener_state
        from moderation.normalize import normalize
        from moderation.screener import combine_score, content_words

        held = spam = alone = 0
        with self.app.app_context():
            screener = screener_state().screener
            config = screener.config
            for text in texts:
                verdict = screener.screen(text)
                held += verdict.action != "publish"
                p = next(r.weight for r in verdict.reasons if r.kind == "classifier")
                spam += p >= 0.5
                words = content_words(normalize(text).redacted)
                alone += combine_score([], p, config, words) >= config.hold_threshold
        count = len(texts) or 1
        return held / count, spam / count, alone / count


def composed_families() -> dict[str, dict[str, str]]:
    """For each split ("train", "test"), the composer family of every bundled text
    ("hand_written" for the hand-written posts).

    Replays ``tools/compose_corpus.build`` (same seeds, same order, same dropping of
    near-identical texts), keeping the family each text was made by, and checks that
    it gives exactly the bundled CSVs."""
    from moderation.classifier import bundled_corpus_path

    sys.path.insert(0, str(REPO / "tools"))
    import compose_corpus as composer

    seen: set[str] = set()
    families: dict[str, dict[str, str]] = {"train": {}, "test": {}}

    def add(mode: str, family: str, text: str) -> bool:
        key = composer.norm_key(text)
        if not key or key in seen:
            return False
        seen.add(key)
        families[mode][text] = family
        return True

    for mode in ("train", "test"):
        for hand in (composer.HAND_SPAM, composer.HAND_HAM):
            for i, text in enumerate(hand):
                if (i % 5 == composer.HOLD) == (mode == "test"):
                    add(mode, "hand_written", text)
        for family, _label, make, n_train, n_test in composer.FAMILIES:
            want = n_train if mode == "train" else n_test
            ctx = composer.Ctx(mode, composer.family_seed(family, mode))
            got = tries = 0
            while got < want and tries < want * 300:
                tries += 1
                text = re.sub(r"[ \t]+\n", "\n", composer.stylize(ctx, make(ctx)))
                got += add(mode, family, text)
        bundled = {text for text, _ in read_rows(bundled_corpus_path(f"{mode}.csv"))}
        if bundled != set(families[mode]):
            raise SystemExit(f"{mode}.csv is not what tools/compose_corpus.py makes: regenerate it")
    return families


def family_posts(
    name: str, families: dict[str, dict[str, str]], rows: list[tuple[str, str]], mode: str
) -> list[str]:
    """The spam texts of ``rows`` (one split) that belong to the bench family ``name``."""
    composed, pattern = FAMILIES[name]
    hand = re.compile(pattern, re.IGNORECASE).search if pattern else lambda _text: False
    return [
        text
        for text, label in rows
        if label == "spam"
        and (
            families[mode][text] in composed
            or (families[mode][text] == "hand_written" and hand(text))
        )
    ]


def per_family(families: dict[str, dict[str, str]]) -> list[list[object]]:
    """The default model (trained on the whole bundled train.csv) on the bundled test
    split, per composer family: what it holds of each. A test post is composed only of
    the fragments held out of training (``tools/compose_corpus.py``), so each family's
    row is a small held-out measurement of that family."""
    from moderation.builtin_rules import DEFAULT_RULES
    from moderation.classifier import bundled_corpus_path, train_default
    from moderation.screener import Screener

    screener = Screener(DEFAULT_RULES, train_default())
    counts: dict[tuple[str, str], list[int]] = {}
    for text, label in read_rows(bundled_corpus_path("test.csv")):
        held = screener.screen(text).action != "publish"
        row = counts.setdefault((families["test"][text], label), [0, 0])
        row[0] += held
        row[1] += 1
    rows = []
    for (family, label), (held, total) in sorted(counts.items(), key=lambda i: (i[0][1], i[0][0])):
        measure = "recall" if label == "spam" else "held (FPR)"
        rows.append([family, label, measure, f"{held}/{total}", f"{held / total:.2f}"])
    return rows


def run_family(
    name: str,
    families: dict[str, dict[str, str]],
    genuine: list[str],
    dev_genuine: list[str],
    moderator_weight: float | None = None,
) -> list:
    from moderation.classifier import bundled_corpus_path

    train = read_rows(bundled_corpus_path("train.csv"))
    test = read_rows(bundled_corpus_path("test.csv"))
    family_train = family_posts(name, families, train, "train")
    family_test = family_posts(name, families, test, "test")
    random.Random(SEED).shuffle(family_train)
    rows = []
    with tempfile.TemporaryDirectory(prefix="mend-learning-") as tmp:
        folder = Path(tmp)
        corpus = folder / "without_family.csv"
        left_out = set(family_train)
        write_corpus(corpus, [(t, label) for t, label in train if t not in left_out])
        bench = Bench(folder, corpus, moderator_weight)
        labelled = 0
        for k in (0, *KS):
            while labelled < k:
                bench.label_as_spam(family_train[labelled])
                labelled += 1
            seconds = bench.retrain()
            recall, learned, alone = bench.held_share(family_train[k:] + family_test)
            rows.append(
                [
                    name,
                    f"{len(family_train)}+{len(family_test)}",
                    k,
                    f"{recall:.2f}",
                    f"{learned:.2f}",
                    f"{alone:.2f}",
                    f"{bench.held_share(genuine)[0]:.4f}",
                    f"{bench.held_share(dev_genuine)[0]:.4f}",
                    f"{seconds:.0f}",
                ]
            )
            print(" | ".join(map(str, rows[-1])), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--families", nargs="+", choices=sorted(FAMILIES), default=None)
    parser.add_argument("--dev", type=Path, default=REPO.parent / "shared" / "eval" / "dev.csv")
    parser.add_argument(
        "--moderator-weight",
        type=float,
        default=None,
        help="MODERATOR_LABEL_WEIGHT for training (default: the app's default, "
        "moderation.training.MODERATOR_LABEL_WEIGHT)",
    )
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md")
    parser.add_argument(
        "--no-per-family",
        action="store_true",
        help="skip the default model's held-out figures per family of the bundled test split",
    )
    args = parser.parse_args()
    from moderation.training import MODERATOR_LABEL_WEIGHT

    if args.moderator_weight is None:
        args.moderator_weight = MODERATOR_LABEL_WEIGHT

    from moderation.classifier import bundled_corpus_path

    genuine = [t for t, label in read_rows(bundled_corpus_path("test.csv")) if label == "ham"]
    dev_genuine = (
        [t for t, label in read_rows(args.dev) if label == "ham"] if args.dev.exists() else []
    )
    headers = [
        "family",
        "posts (train+test)",
        "k labels",
        "recall on the rest",
        "classifier p >= 0.5",
        "classifier alone holds",
        "FPR bundled test ham",
        f"FPR dev ham ({len(dev_genuine)})",
        "train s",
    ]
    print(" | ".join(headers))
    rows = []
    families = composed_families()
    family_rows = [] if args.no_per_family else per_family(families)
    family_table = table(["family", "label", "measure", "held", "share"], family_rows)
    if family_rows:
        print(family_table, end="\n\n", flush=True)
    for name in args.families or list(FAMILIES):
        rows += run_family(name, families, genuine, dev_genuine, args.moderator_weight)
    result = table(headers, rows)
    print()
    print(result)
    if args.write:
        targets = [
            f"- recall >= {TARGET_RECALL} on the family's other posts after 10 labels, with "
            "the false-positive rates as at k = 0.",
            "- Anchor: SpamAssassin's Bayes does not vote until it has 200 spam and 200 ham.",
        ]
        notes = [
            "recall: the share of the family's other posts screening holds or rejects. "
            "classifier p >= 0.5: the share the model calls spam (what it learned). "
            "classifier alone holds: the share whose probability would hold the post with "
            "no rule firing, through the combine's bias (`moderation/screener.py`, "
            "`combine_score`: bias -3, so p must reach about 0.95).",
            "k = 0 is the default model trained without the family: what Mend holds of a "
            "family it has never seen (by its rules, and by what the family shares with "
            "other scams).",
            "A family is one or more of the corpus composer's spam families "
            "(`tools/compose_corpus.py`; hackers: phone spying and crypto recovery; "
            "psychics: psychic readings and oils, and psychic ads; investment: forex and "
            "crypto money-recovery testimonies; link spam: link and SEO comment spam), "
            "plus the hand-written spam posts matching the family's pattern (`FAMILIES` "
            "in `bench/learning.py`). The bench replays the composer to know each "
            "bundled text's family and stops if that does not give the bundled CSVs, so "
            "the whole family is out of training; the genuine hard negatives stay.",
            f"Moderators' labels weigh {args.moderator_weight:g} corpus texts of their "
            "label each in training (`MODERATOR_LABEL_WEIGHT`), each label keeping its "
            "total weight, and are always fitted, never held out "
            "(`moderation/training.py`, `train_candidate` and `split_rows`; "
            "`moderation/classifier.py`, `SpamClassifier.train`). Without keeping each "
            "label's total, link spam at k = 10 held 3 of 557 bundled test ham (genuine "
            "posts sharing a link); with it, none. Before "
            "(weight 1, a fifth of the labels held out), on the same families, recall at "
            "k = 10 was: hackers 0.93, psychics 0.83, investment 0.97, link spam 0.78 "
            "(false-positive rates 0 at k = 10; hackers' k = 0 model held 1 of 557 "
            "bundled test ham). Weight 50 gave the same recall as 20 for psychics and "
            "link spam (0.86 and 0.83 at k = 10, with a fifth held out): past about 20 "
            "the labels' wording is learned and what is missing is the family's other "
            "wordings, which ten posts do not show.",
        ]
        at_ten = {row[0]: float(row[3]) for row in rows if row[2] == 10}
        met = [name for name, recall in at_ten.items() if recall >= TARGET_RECALL]
        missed = [f"{name} ({recall:.2f})" for name, recall in at_ten.items() if name not in met]
        notes.append(
            f"Target met at k = 10 by: {', '.join(met) or 'none'}; missed by: "
            f"{', '.join(missed) or 'none'}. Link spam is the widest family (flattery "
            "around anchors in HTML, BBCode, Markdown or plain text, for any product) "
            "and its hard negatives (genuine posts sharing links, thanks replies) share "
            "most of its words; ten of its posts do not show the model all its shapes. "
            "The combine's bias also keeps a classifier-only signal below the hold line: "
            "with no rule firing, a post is held only when p reaches about 0.95 (compare "
            "'classifier p >= 0.5' with 'classifier alone holds'). Most of the family's "
            "posts left to measure are made of fragments that none of the ten labels "
            "contains (all of its test-split posts are made only of held-out fragments), "
            "so what ten labels teach reaches them only through shared vocabulary."
        )
        notes.append(
            "Tried for link spam at k = 10 and not kept (each measured with the same "
            "training function outside the app, `train_candidate` with the built-in rules, "
            "which gives the bench's figure: 0.83 on the corpus before this round). "
            "(1) Shape terms added to the classifier's text (an HTML or BBCode anchor, a "
            "Markdown link, talk about 'this blog/site', links per word, no word about a "
            "partner or a break-up): 0.88, but in the other families' runs the model "
            "held 2 or 3 of 557 bundled test ham (genuine posts sharing a page with a "
            "link); narrowed to the anchor and blog terms, 0.88 with 1 held, and the "
            "default model's test-split recall fell from 0.936 to 0.922; on this round's "
            "corpus 0.85 with or without them, and the default model held a genuine "
            "HTML-anchored link share. (2) Moderator weight 40 or 10 instead of 20: 0.85 "
            "each (40 held 1 test ham). (3) A nearest-labelled-neighbour boost (cosine "
            "similarity, in the model's own TF-IDF space, to the ten labelled posts, "
            "adding log-odds B above a similarity t), from the k = 10 models' scores: "
            "link spam 204/240 held before, 204-206 at t 0.2-0.3 (B 2-4), 207 with a "
            "graded boost, which also held 1 of 580 test ham; psychics 106/128 before, "
            "108-112 with no genuine post held (t 0.2, B 2; graded 0.1-0.3, B 3), 115 "
            "at t 0.15 with 2 or 6 of 1,663 dev ham held. It helps posts made of the "
            "labels' own fragments and little else, and it would keep a vector of every "
            "labelled post's words in each model version; not built."
        )
        notes.append(
            "Families are small (70 to 250 posts) and the posts measured change with k "
            "(the k labelled ones leave the measured set), so a step of 0.05 between "
            "rows is within the noise."
        )
        extra = ()
        if family_rows:
            extra = (
                "### The default model per family of the bundled test split\n\n"
                "Trained on the whole bundled `train.csv`; every test post is composed only "
                "of fragments held out of training (`tools/compose_corpus.py`), so each row "
                "is a small held-out measurement of its family (families with 0 train posts "
                "exist only in the test split).\n\n" + family_table,
            )
        write_results("learning", "Learning a new family", result, targets, notes, extra)


if __name__ == "__main__":
    main()
