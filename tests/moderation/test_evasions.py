"""Issue 12: a scammer who knows what is held. Contacts written in words, keycap digits
and odd separators, shorteners, and posts that point to a contact instead of giving
one: the normaliser rebuilds what it can, the rules score pointers as contacts, and the
post is held. A genuine post with the same shape is published."""

import time

import pytest

from moderation.normalize import normalize

STORY = (
    "My husband left me for a colleague and I cried for months. Then Dr Osagie cast a "
    "reunion spell and he came back within 48 hours. "
)

REBUILT = {
    "digits in words with plus": (
        "plus two three four, eight one zero, five five five, zero one two three",
        "+2348105550123",
    ),
    "keycap digits": ("+4️⃣4️⃣7️⃣7️⃣0️⃣0️⃣9️⃣0️⃣0️⃣1️⃣2️⃣3️⃣", "+447700900123"),
    "equals signs in brackets": ("((+44=7700=900=123))", "+447700900123"),
    "asterisks": ("+1*415*555*0142", "+14155550142"),
    "tildes and underscores": ("+44~7700_900~123", "+447700900123"),
    "oh for zero": (
        "plus four four, seven seven oh oh, nine oh oh, one two three",
        "+447700900123",
    ),
}


@pytest.mark.parametrize(("written", "number"), REBUILT.values(), ids=REBUILT.keys())
def test_a_disguised_number_is_rebuilt(written, number):
    normalized = normalize(f"call him on {written} today")
    assert f"phone:{number}" in [str(contact) for contact in normalized.contacts]
    assert normalize(normalized.text).text == normalized.text  # stable when repeated


@pytest.mark.parametrize("host", ["t.ly", "cutt.ly", "rb.gy", "is.gd", "shorturl.at"])
def test_a_shortener_is_a_link(host):
    contacts = [str(c) for c in normalize(f"his site: {host}/ab12cd").contacts]
    assert contacts == [f"url:{host}/ab12cd"]


def test_dates_times_and_sums_stay_as_written():
    text = "on 12/05/2023 at 10:30:15 i did 5*5=25 and slept"
    assert normalize(text).text == text
    assert normalize(text).contacts == []


HELD = {
    "number in words": STORY
    + "WhatsApp him on plus two three four, eight one zero, five five five, zero one two three",
    "keycap digits": STORY + "WhatsApp +2️⃣3️⃣4️⃣8️⃣1️⃣0️⃣5️⃣5️⃣5️⃣0️⃣1️⃣2️⃣3️⃣",
    "odd separators": STORY + "Call him ((+234=810=555=0123))",
    "shortener": STORY + "Everything about him is here: t.ly/osagie7",
    "search his name": STORY + "Just search his name on Google, you will find him.",
    "link in my profile": STORY + "The link is in my profile.",
    "same username on telegram": STORY + "Same username on Telegram, message me there.",
    "comment and I'll send it": STORY + "Comment 'interested' and I'll send his number.",
    "reply for the contact": STORY + "Reply me and I will send you his WhatsApp.",
    "contact offered later": STORY + "If you are serious I'll send you his number.",
    "shop on etsy": STORY + "Her shop is on Etsy, the same name.",
    "look him up": STORY + "Look him up on Facebook.",
}

PUBLISHED = {
    "searched his name": (
        "I searched his name on Google at 2am and found her profile. Why do I do this to myself?"
    ),
    "same username everywhere": (
        "He uses the same username on every app so I keep seeing him. I muted all of it."
    ),
    "a date and a time": "We broke up on 14/02/2024 at 21:45 and I still count the days.",
    "a helpline number": "Childline is 0800 1111 if you're under 19, they helped me.",
}


@pytest.mark.parametrize("text", HELD.values(), ids=HELD.keys())
def test_an_evasive_scam_is_held(screener, text):
    verdict = screener.screen(text)
    assert verdict.action == "hold", (verdict.score, verdict.reasons)


@pytest.mark.parametrize("text", PUBLISHED.values(), ids=PUBLISHED.keys())
def test_a_genuine_post_of_the_same_shape_is_published(screener, text):
    verdict = screener.screen(text)
    assert verdict.action == "publish", (verdict.score, verdict.reasons)


def test_a_pointer_counts_as_a_contact_for_the_moderator(screener):
    verdict = screener.screen(STORY + "Just search his name on Google.")
    assert "contact_pointer" in [reason.name for reason in verdict.reasons]


@pytest.mark.parametrize(
    "unit",
    ["1=2=", "12345=", "+1*", "1=" * 40 + "x ", "plus two three ", "search his name on "],
    ids=["equals", "long-groups", "plus-stars", "broken-runs", "number-words", "pointers"],
)
def test_rebuilding_costs_time_in_proportion_to_the_text(screener, unit):
    # Four times the text may take about four times as long; quadratic growth takes
    # sixteen. Best of three in CPU time (the machine may be busy with other work), and
    # tiny absolute times pass (timer noise dominates there).
    def best_time(length: int) -> float:
        text = (unit * (length // len(unit) + 1))[:length]
        screener.screen(text)  # first sight of its characters fills the normaliser's tables
        times = []
        for _ in range(3):
            start = time.process_time()
            screener.screen(text)
            times.append(time.process_time() - start)
        return min(times)

    small, large = best_time(2_500), best_time(10_000)
    assert large < 0.02 or large < 8 * small, (small, large)
