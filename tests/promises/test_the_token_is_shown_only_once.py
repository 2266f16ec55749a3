"""Promise (the page after posting): the private token "is shown only this once".

The session forgets it after the first page that shows it, and that page may not be
kept by the browser's cache, where Back or a restored tab would show it again.
"""

from tests.conftest import SCAM, submit


def test_the_token_page_is_shown_once_and_never_cached(client):
    posted = submit(client, "/new", {"title": "Week one", "body": "Still finding my feet."})
    first = client.get(posted.headers["Location"], follow_redirects=True)
    assert 'id="new-token"' in first.get_data(as_text=True)
    assert first.headers["Cache-Control"] == "no-store"
    again = client.get(posted.headers["Location"], follow_redirects=True)
    assert 'id="new-token"' not in again.get_data(as_text=True)


def test_a_held_post_shows_its_token_once_too(client):
    posted = submit(client, "/new", {"title": "Love spell", "body": SCAM})
    status = posted.headers["Location"]
    first = client.get(status)
    assert 'id="new-token"' in first.get_data(as_text=True)
    assert first.headers["Cache-Control"] == "no-store"
    assert 'id="new-token"' not in client.get(status).get_data(as_text=True)
