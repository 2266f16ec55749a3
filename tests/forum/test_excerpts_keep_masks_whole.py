"""Excerpts (front page, report page, search results) are cut at a word, and never
inside a warning's "[contact removed]": a reader sees the whole mask or none of it."""

import re

import pytest

from app.reader_view import MASK
from app.search.query import parse
from app.search.results import snippet
from app.templating import excerpt
from models import Post, PostStatus, db
from tests.promises.forms import submit_as_rendered

HALF_MASK = re.compile(r"\[contact(?! removed\])|(?<!\[contact )removed\]")


def _whole(text: str) -> bool:
    return not HALF_MASK.search(text)


@pytest.mark.parametrize("after", [" now please", ", now please.", ". Now", ""])
def test_an_excerpt_cut_anywhere_keeps_a_mask_whole(after):
    text = "Beware of him, " + "he lied to me again and again " * 5 + "call " + MASK + after
    for length in range(20, len(text) + 2):
        cut = excerpt(text, length)
        assert _whole(cut), (length, cut)
        assert len(cut) <= length + 1


def test_a_search_snippet_never_starts_or_ends_inside_a_mask():
    # A snippet starts six words before the first match and runs for 32 words; the
    # mask is put at every distance from the match, before and after it.
    for before in range(8):
        for after in range(20, 32):
            body = " ".join(
                ["Beware", "of", "this", "man", MASK, *["so"] * before, "scam"]
                + ["now"] * after
                + [MASK, "and", "more", *["words"] * 20]
            )
            shown = str(snippet(body, parse("scam")))
            assert _whole(shown), (before, after, shown)


def test_the_front_page_excerpt_of_a_warning_keeps_its_mask_whole(app):
    # The quoted number starts just before the excerpt's 180th character.
    opening = "Please be careful out there, all of you. "
    filler = "He seemed so kind at first and I believed every word he wrote to me. "
    lead = (opening + filler * 3)[:150].rsplit(" ", 1)[0]
    while len(lead) < 170 - len(" on WhatsApp "):
        lead += " so" if 170 - len(" on WhatsApp ") - len(lead) != 2 else " a"
    lead += " on WhatsApp "
    assert len(lead) == 170  # "[contact " ends before the 180th character, "removed]" after
    body = lead + "+234 810 555 0199 a 'Dr Ozil' promised my ex back. It is a scam, don't pay."
    response = submit_as_rendered(
        app.test_client(), "/new", "/new", {"title": "Beware", "body": body}
    )
    assert response.status_code == 302
    with app.app_context():
        post = db.session.execute(db.select(Post).order_by(Post.id.desc())).scalars().first()
        assert post.status == PostStatus.PUBLISHED and post.verdict["masks"]
    page = app.test_client().get("/").get_data(as_text=True)
    found = re.search(r'<p class="excerpt">(.*?)</p>', page, re.S)
    assert found and "…" in found.group(1)
    assert _whole(found.group(1)) and "555" not in found.group(1)
