"""Promise (README, "Screened before it is shown"): a number written in words, in keycap
digits or with odd separators is rebuilt, a link shortener counts as a link, a post that
points to a contact instead of giving one is scored as if it gave one, and the spam
families beyond spell casters are held; genuine posts with the same shapes go up.

The attacker is a scammer who has learned what Mend holds and posts through the
forum's own form, as the page renders it.
"""

import pytest

from models import Post, PostStatus, db
from tests.promises.forms import submit_as_rendered

TESTIMONY = (
    "I begged my wife for months after she left. Then Priest Adewale did a reunion ritual "
    "and she came home within 72 hours, crying. "
)

HELD = {
    "number in words": TESTIMONY
    + "Reach him: plus four four, seven seven zero zero, nine zero zero, four five six",
    "keycap digits": TESTIMONY + "WhatsApp 4️⃣4️⃣7️⃣7️⃣0️⃣0️⃣9️⃣0️⃣0️⃣4️⃣5️⃣6️⃣ now",
    "odd separators": TESTIMONY + "His line ((+44=7700=900=456))",
    "number in two parts": TESTIMONY
    + "His number is 0803 ... (that's the first part) and then 555 0167 (the rest).",
    "address written backwards": TESTIMONY + "Write to him: moc.liamg@ilewedatseirp",
    "address over lines": TESTIMONY + "Email him\npriestadewale\nat\ngmail\ndot\ncom",
    "double and triple": TESTIMONY
    + "Call him on double oh, triple four, seven nine one one, one two three",
    "profile link": TESTIMONY + "Message him on instagram.com/priest_adewale_temple",
    "whatsapp link": TESTIMONY + "Chat with him directly: wa.me/2348105550167",
    "shortener": TESTIMONY + "All his details: cutt.ly/adewale3",
    "search his name": TESTIMONY + "I can't post his number, just search his name on Google.",
    "comment for the contact": TESTIMONY + "Comment 'ready' and I will send his number.",
    "link spam in html": (
        "Lovely article, I bookmarked this page. "
        '<a href="https://www.brightwellwindows.com/collections/">double glazing quotes</a>'
    ),
    "betting": "Daftar situs judi online terpercaya, slot gacor maxwin, bonus new member 100%",
    "sales copy with no contact": (
        "We do black magic which can achieve anything. Return a lost lover in three days, "
        "guaranteed, with binding love charms."
    ),
}

PUBLISHED = {
    "searched her name": (
        "I searched her name on Google at 1am and found her wedding registry. I'm not okay."
    ),
    "a helpline and a link": (
        "If tonight is bad, Samaritans are on 116 123, and findahelpline.com lists the "
        "lines in other countries."
    ),
    "a markdown article": (
        "This helped me understand the anxious part: "
        "[attachment after a break-up](https://www.psychologytoday.com/us/blog/attachment)"
    ),
}


def _post_thread(client, title: str, body: str) -> PostStatus:
    response = submit_as_rendered(client, "/new", "/new", {"title": title, "body": body})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    post = db.session.execute(db.select(Post).order_by(Post.id.desc())).scalars().first()
    return post.status


@pytest.mark.parametrize("body", HELD.values(), ids=HELD.keys())
def test_the_disguise_does_not_get_it_published(app, client, body):
    with app.app_context():
        assert _post_thread(client, "There is hope for you all", body) == PostStatus.HELD


@pytest.mark.parametrize("body", PUBLISHED.values(), ids=PUBLISHED.keys())
def test_a_genuine_post_of_the_same_shape_goes_up(app, client, body):
    with app.app_context():
        assert _post_thread(client, "Still here", body) == PostStatus.PUBLISHED
