"""Demo content for a first start, written for Mend, so a newcomer sees a living forum.

Each thread is (title, story, [replies]); a reply is (who, text), where "op" is the
thread starter and any other word is a distinct poster within that thread.
"""

import secrets
from datetime import timedelta

from app.forum.writing import create_reply, create_thread
from app.poster_identity import Poster
from models import Post, Thread, db, utcnow

DEMO_THREADS = [
    (
        "Day 3 of no contact and I keep picking up my phone",
        "We were together four years. She said she loved me but wasn't in love with me "
        "any more, and moved out on Sunday.\n\nI muted her everywhere like people said "
        "to. I still pick up my phone every ten minutes to check. How did you get through "
        "the first week?",
        [
            (
                "a",
                "The first week is the worst, honestly. I gave my phone to my brother "
                "for the evenings. Sounds dramatic but it helped me sleep.",
            ),
            (
                "b",
                "Write the message you want to send her in a notes app instead. Don't "
                "send it. Read it again in a week. It takes the edge off.",
            ),
            ("op", "Thank you both. Wrote three of those notes today. Still here."),
            (
                "c",
                "Four years is a lot of habit to unlearn. Be patient with yourself. "
                "Day 3 is already three days more than you thought you could do.",
            ),
        ],
    ),
    (
        "He left after 9 years and I don't know who I am without us",
        "Everything in my life was 'we'. Our friends, our dog, our Sunday walks. He "
        "told me he'd been unhappy for two years and I never noticed. I feel stupid "
        "and I feel like I disappeared.\n\nDoes this feeling ever stop?",
        [
            (
                "a",
                "It does stop, slowly. Around month four I caught myself choosing a "
                "film just because I wanted to watch it. Small thing, but it was mine.",
            ),
            (
                "b",
                "You're not stupid. People hide unhappiness well, sometimes even from "
                "themselves. My counsellor helped me a lot with the 'why didn't I see it' "
                "loop, if that's an option for you.",
            ),
            (
                "op",
                "I booked a first session with a counsellor for Thursday. Scared but "
                "it feels like doing something.",
            ),
        ],
    ),
    (
        "Is it normal to miss someone who treated me badly?",
        "She cheated, twice, and I know I'm better off. My friends are tired of hearing "
        "about it. So why do I still miss her so much at night?",
        [
            (
                "a",
                "Completely normal. You miss the good parts, and the version of her "
                "you hoped for. Missing someone isn't the same as wanting them back.",
            ),
            (
                "b",
                "I made a list of the things I didn't want to go back to and kept it "
                "on my phone. Read it whenever the nostalgia hit. It helped.",
            ),
        ],
    ),
    (
        "A warning about the 'spell caster' comments",
        "When I was at my lowest after my break-up I found pages full of comments about "
        "some 'doctor' who brings your ex back in 48 hours. I almost paid.\n\nThey are "
        "scams. Every one of them. Mend holds those posts for a moderator, but if you "
        "ever see one elsewhere, please don't send anyone money.",
        [
            (
                "a",
                "Thank you for posting this. When you're desperate those stories sound "
                "so believable.",
            ),
            (
                "b",
                "A friend of mine lost a lot of money to one of those. The only thing "
                "that brought her peace was time and therapy, not a spell.",
            ),
        ],
    ),
    (
        "Six months on: it really does get better",
        "I posted here in spring, barely functioning after my engagement ended. I want "
        "to leave something for whoever is where I was.\n\nWhat helped: walking every "
        "day, even ten minutes. Saying yes to friends even when I didn't feel like it. "
        "Deleting the photos from my phone (I kept a backup). And crying when I needed "
        "to, without judging it.\n\nI'm okay now. Not every day, but most days.",
        [
            ("a", "Saving this one. Thank you."),
            ("b", "Needed to read this today. Week two here."),
            ("op", "Week two is so hard. Be gentle with yourself. You will get here too."),
        ],
    ),
    (
        "Should I go to his birthday party? Our friends invited me",
        "We broke up a month ago, mutually, sort of. Our group of friends is the same. "
        "They invited me to his birthday. Part of me wants to show I'm fine. Part of me "
        "knows I'm not.",
        [
            (
                "a",
                "If you have to ask, it might be too soon. Your friends will understand "
                "if you skip this one.",
            ),
            (
                "b",
                "Maybe go for an hour with a friend who knows, and agree on a signal to "
                "leave. You don't have to prove anything to anyone.",
            ),
        ],
    ),
]


def seed_demo_content() -> int:
    """Post the demo threads through the ordinary posting path. Returns threads made."""
    now = utcnow()
    for index, (title, story, replies) in enumerate(DEMO_THREADS):
        started = now - timedelta(hours=6 * (len(DEMO_THREADS) - index) + 3)
        starter = Poster(key=secrets.token_urlsafe(24), address_hash="demo")
        opening, _ = create_thread(title, story, starter)
        opening.created_at = opening.thread.created_at = started
        posters = {"op": starter}
        for step, (who, text) in enumerate(replies, start=1):
            if who not in posters:
                posters[who] = Poster(secrets.token_urlsafe(24), "demo")
            post, _ = create_reply(opening.thread, text, posters[who])
            post.created_at = started + timedelta(minutes=37 * step)
        opening.thread.refresh_stats()
        db.session.commit()
    return len(DEMO_THREADS)


def forum_is_empty() -> bool:
    return db.session.execute(db.select(Thread.id).limit(1)).first() is None and (
        db.session.execute(db.select(Post.id).limit(1)).first() is None
    )
