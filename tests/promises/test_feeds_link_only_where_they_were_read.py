"""README: the feeds, "like the pages, are kept for READER_CACHE_SECONDS for readers
without cookies". A feed's ids and links are absolute, built from the address the
request came in on; an attacker who sends a forged Host (or, behind a trusted proxy, a
forged X-Forwarded-Host) gets a feed pointing at their own site. That copy must stay
theirs: the next reader, asking the real address, gets links to the real site, never a
cached feed sending them to the attacker's."""

import pytest

from tests.search.test_search import new_thread

FORGED = "evil.example"
REAL = "localhost"  # the Flask test client's own address


@pytest.mark.parametrize(
    "proxies, forged_headers",
    [(0, {"Host": FORGED}), (1, {"X-Forwarded-Host": FORGED, "X-Forwarded-Proto": "http"})],
)
def test_a_forged_host_never_reaches_another_readers_feed(make_app, proxies, forged_headers):
    app = make_app(READER_CACHE_SECONDS=60, TRUSTED_PROXIES=proxies)
    thread = new_thread(app.test_client(), "Cached thread", "Words about the greenhouse.")
    urls = ("/feed.atom", f"/t/{thread}/feed.atom", "/", f"/t/{thread}")
    for url in urls:  # the attacker asks first, so their copy would be the one kept
        forged = app.test_client().get(url, headers=forged_headers)
        assert forged.status_code == 200
    assert FORGED in app.test_client().get("/feed.atom", headers=forged_headers).text
    for url in urls:
        for _ in range(2):  # a fresh copy, then the kept one
            page = app.test_client().get(url)
            assert page.status_code == 200 and FORGED not in page.text, url
    feed = app.test_client().get("/feed.atom").text
    assert f"http://{REAL}/p/{thread}" in feed
