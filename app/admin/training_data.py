"""What a new model learns from: the labelled corpus and moderators' labels."""

from pathlib import Path

from flask import current_app
from sqlalchemy import func

from models import Decision, Post, PostStatus, db
from moderation.classifier import bundled_corpus_path
from moderation.evaluation import LabelledText, read_labelled_csv


def corpus_examples(path: str | Path | None = None) -> list[LabelledText]:
    """The labelled corpus every model starts from: ``path``, else the configured
    ``TRAINING_CORPUS_PATH``, else the bundled ``moderation/data/train.csv``."""
    path = path or current_app.config["TRAINING_CORPUS_PATH"] or bundled_corpus_path()
    return [LabelledText(row.text, row.label) for row in read_labelled_csv(Path(path))]


def moderator_examples() -> list[LabelledText]:
    """Every post's latest moderator label ("spam" or "ham") with the text that was
    judged. Removals carry no label; undone decisions restored the label before them."""
    latest = (
        db.select(Decision.post_id, func.max(Decision.id).label("decision_id"))
        .where(
            Decision.post_id.is_not(None),
            Decision.label.is_not(None),
            Decision.text.is_not(None),
        )
        .group_by(Decision.post_id)
        .subquery()
    )
    rows = db.session.execute(
        db.select(Post.label, Decision.text)
        .join(latest, latest.c.post_id == Post.id)
        .join(Decision, Decision.id == latest.c.decision_id)
        .where(Post.label.in_(("spam", "ham")), Post.status != PostStatus.DELETED)
        .order_by(Decision.id)
    )
    return [LabelledText(text, label, "moderator") for label, text in rows]


def training_examples(corpus: str | Path | None = None) -> list[LabelledText]:
    # Moderators' labels last: on a near-duplicate of a corpus text, theirs wins.
    return corpus_examples(corpus) + moderator_examples()
