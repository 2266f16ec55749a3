"""Promise: the header's "Your posts · N new" link is each browser's own (README, Your
posts). Pages are cached for every reader to whom they are not personal, the link is
not part of what is cached: the attacker reads the same cached pages right before and
after the people they spy on, with no cookie, with cookies of their own, or with a
forged ``mend_tokens`` cookie listing other people's post ids."""

from itertools import permutations

import pytest

from tests.forum.test_your_posts import header, reply, start_thread, thread_of


@pytest.fixture
def app(make_app):
    return make_app(READER_CACHE_SECONDS=60)


def _link(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    top = header(response.get_data(as_text=True))
    if 'class="your-posts"' not in top:
        return ""
    return top.split('class="your-posts"', 1)[1].split("</a>", 1)[0]


def test_two_posters_and_a_stranger_each_get_their_own_link_on_cached_pages(app):
    alice, bob, stranger = app.test_client(), app.test_client(), app.test_client()
    hers = thread_of(alice, start_thread(alice, "Week three", "Still sleeping on the sofa."))
    his = thread_of(bob, start_thread(bob, "Month two", "The flat is too quiet now."))
    reader = app.test_client()
    reply(reader, hers, "It gets lighter, slowly.")
    reply(reader, hers, "Same here.")
    reply(reader, his, "Hang in there.")
    forger = app.test_client()
    forger.set_cookie("mend_tokens", f"{hers}:forged-token-aaaaaaaaaaaa|{his}:another-guess-bbbb")
    forger.set_cookie("mend_seen", f"{hers}:0|{his}:0")

    expected = {"alice": "· 2 new", "bob": "· 1 new", "stranger": None, "forger": None}
    browsers = {"alice": alice, "bob": bob, "stranger": stranger, "forger": forger}
    # The front page, and a thread page none of them posted in: cached for all four.
    writer = app.test_client()
    third = thread_of(writer, start_thread(writer, "A third thread", "Nobody here yet."))
    for path in ("/", f"/t/{third}"):
        for order in permutations(browsers):
            for name in order:
                link = _link(browsers[name], path)
                if expected[name] is None:
                    assert link == "", (path, order, name)
                else:
                    assert expected[name] in link, (path, order, name)
                    for other in expected.values():
                        if other and other != expected[name]:
                            assert other not in link
    # And the link never turns up anywhere in a stranger's pages, fresh or cached.
    for path in ("/", f"/t/{hers}", f"/t/{his}", f"/t/{third}", "/search?q=sofa", "/mine"):
        assert "your-posts" not in stranger.get(path).get_data(as_text=True)
        assert "your-posts" not in forger.get(path).get_data(as_text=True)


def test_a_page_cached_while_a_poster_read_it_carries_no_link_for_the_next(app):
    alice = app.test_client()
    hers = start_thread(alice, "Week three", "Still sleeping on the sofa.")
    reply(app.test_client(), hers, "It gets lighter, slowly.")
    assert "· 1 new" in _link(alice, "/")  # the front page is now cached, from her visit
    stranger = app.test_client()
    page = stranger.get("/").get_data(as_text=True)
    assert "your-posts" not in page and "· 1 new" not in page and "Your posts ·" not in page
