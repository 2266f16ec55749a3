"""A scam family the model has never seen is published at first. Readers report ten of
its posts, a moderator rejects them from the queue, an admin trains and activates a new
model: the family's next posts are held, and a genuine post in the same words is still
published. Moderators' labels weigh MODERATOR_LABEL_WEIGHT corpus texts in training."""

import pytest

from models import Post, db
from tests.conftest import log_in, make_staff, submit

# The family: ghostwritten "closure letters" sold to the heartbroken. No contact details,
# so the rules see little and the model has to learn the wording.
LABELLED = [
    "Wrenfield Letters writes the closure letter you never could send, drafted in two days",
    "Our Wrenfield writers turn your heartbreak into a closure letter, first draft free",
    "Let Wrenfield Letters ghostwrite your goodbye, a closure letter that finally says it all",
    "Closure letters by Wrenfield: our writers craft the words, you just sign and send",
    "Wrenfield Letters has helped hundreds find closure, our ghostwriters draft your letter",
    "Stuck on what to say? Wrenfield ghostwriters write your closure letter, packages for all",
    "Wrenfield Letters deluxe closure package: letter, envelope and a scented wax seal",
    "Book a Wrenfield writer today and get the closure letter your heart needs, delivered fast",
    "The Wrenfield closure letter service is open for bookings, our writers answer quickly",
    "Wrenfield Letters: professional ghostwritten closure letters for every kind of breakup",
]
UNSEEN = [
    "Wrenfield writers are taking new closure letter bookings, drafts delivered in a day",
    "Try Wrenfield Letters, a ghostwritten closure letter makes the goodbye easier",
    "Wrenfield Letters can put your goodbye into words, our writers draft it for you this week",
]
NEAR_MISS = "I wrote a closure letter to my ex and never sent it, my therapist said writing helps"


class Forum:
    """Browsers on their own connections, a reader who reports, a moderator."""

    def __init__(self, app):
        self.app = app
        self.browsers = 0
        make_staff(app, "mo", "moderator")
        self.moderator = app.test_client()
        assert log_in(self.moderator, "mo").status_code == 302
        first = submit(self.browser(), "/new", {"title": "Week two", "body": "Still hard."})
        assert first.status_code == 302
        self.thread = "/t/1"  # the first thread of a fresh database

    def browser(self):
        self.browsers += 1
        client = self.app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"192.0.2.{self.browsers}"
        return client

    def reply(self, body: str) -> tuple[int, str]:
        """Post ``body`` as a new poster: the post's id and the status screening gave it."""
        response = submit(self.browser(), self.thread, {"body": body}, f"{self.thread}/reply")
        assert response.status_code == 302
        post_id = int(response.headers["Location"].split("/")[2])
        with self.app.app_context():
            return post_id, db.session.get(Post, post_id).status

    def report_and_reject(self, post_id: int) -> None:
        url = f"/p/{post_id}/report"
        assert submit(self.browser(), url, {"reason": "spam"}).status_code in (200, 302)
        decide = {"post_id": str(post_id), "action": "reject", "reason": "spam"}
        assert submit(self.moderator, "/mod/queue", decide, "/mod/decide").status_code == 302
        with self.app.app_context():
            assert db.session.get(Post, post_id).label == "spam"

    def train_and_activate(self, version: int) -> None:
        runner = self.app.test_cli_runner()
        trained = runner.invoke(args=["spam", "train"])
        assert trained.exit_code == 0, trained.output
        assert f"Stored version {version}" in trained.output
        activated = runner.invoke(args=["spam", "activate", str(version)])
        assert activated.exit_code == 0, activated.output


def test_ten_moderator_labels_teach_the_next_model_a_new_family(make_app):
    # The whole bundled corpus, as a real forum trains on: a few hundred posts of it say
    # too little about genuine writing for ten labels about "closure letters" not to
    # hold a genuine post about writing one.
    forum = Forum(make_app(SCREENER_CHECK_SECONDS=0))
    forum.train_and_activate(1)

    for body in LABELLED:
        post_id, status = forum.reply(body)
        assert status == "published", body  # a family the model has never seen
        forum.report_and_reject(post_id)
    forum.train_and_activate(2)

    for body in UNSEEN:
        assert forum.reply(body)[1] == "held", body
    assert forum.reply(NEAR_MISS)[1] == "published"


@pytest.mark.parametrize("weight", ["0", "-1", "nan", "inf", "heavy"])
def test_a_moderator_label_weight_that_is_not_a_positive_number_stops_the_start(
    monkeypatch, tmp_path, weight
):
    from app.config import ConfigError, load_config

    monkeypatch.setenv("MODERATOR_LABEL_WEIGHT", weight)
    with pytest.raises(ConfigError, match="MODERATOR_LABEL_WEIGHT"):
        load_config(tmp_path)
