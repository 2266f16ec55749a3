"""A visitor starts a thread and replies, with no account."""

import re

from sqlalchemy import inspect, select

from models import Post, PostStatus, Thread, db
from tests.conftest import csrf_token, submit

PSEUDONYM_RE = re.compile(r'<span class="pseudonym">([^<]+)</span>')


def pseudonyms(html: str) -> list[str]:
    return PSEUDONYM_RE.findall(html)


def test_start_a_thread_and_see_it_listed(client, post_thread):
    response = post_thread("Day 3 of no contact", "I keep picking up my phone.")
    assert response.status_code == 302

    page = client.get(response.headers["Location"], follow_redirects=True)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Day 3 of no contact" in html
    assert "I keep picking up my phone." in html
    assert "thread starter" in html
    assert len(pseudonyms(html)) == 1

    front = client.get("/").get_data(as_text=True)
    assert "Day 3 of no contact" in front
    assert "0 replies" in front


def test_reply_from_another_visitor_gets_another_name(app, client, post_thread):
    post_thread()
    thread_url = "/t/1"
    other = app.test_client()
    response = submit(other, thread_url, {"body": "Sending you strength."}, "/t/1/reply")
    assert response.status_code == 302

    html = client.get(thread_url).get_data(as_text=True)
    names = pseudonyms(html)
    assert "Sending you strength." in html
    assert len(names) == 2 and names[0] != names[1]
    assert html.count("thread starter") == 1
    assert "1 reply" in client.get("/").get_data(as_text=True)


def test_a_poster_keeps_one_name_in_a_thread(client, post_thread):
    post_thread()
    for text in ("First reply of mine.", "And a second one."):
        submit(client, "/t/1", {"body": text}, "/t/1/reply")
    names = pseudonyms(client.get("/t/1").get_data(as_text=True))
    assert len(names) == 3 and len(set(names)) == 1
    assert client.get("/t/1").get_data(as_text=True).count("thread starter") == 3


def test_a_poster_cannot_be_followed_across_threads(app, client, post_thread):
    names = set()
    for n in range(4):
        post_thread(f"Thread number {n}", "Same person, different thread.")
    with app.app_context():
        thread_ids = db.session.execute(select(Thread.id)).scalars().all()
    for thread_id in thread_ids:
        names.update(pseudonyms(client.get(f"/t/{thread_id}").get_data(as_text=True)))
    assert len(names) > 1


def test_names_do_not_clash_within_a_thread(app, post_thread):
    # Thirty different people in one thread: every one gets a distinct name.
    first = app.test_client()
    submit(first, "/new", {"title": "Busy thread", "body": "Hello everyone."})
    for n in range(30):
        visitor = app.test_client()
        submit(visitor, "/t/1", {"body": f"Reply {n}"}, "/t/1/reply")
    with app.app_context():
        rows = db.session.execute(select(Post.poster_hash, Post.pseudonym)).all()
    assert len({hash_ for hash_, _ in rows}) == 31
    assert len({name for _, name in rows}) == 31


def test_token_is_shown_once_and_stored_only_as_a_hash(app, client, post_thread):
    response = post_thread()
    page = client.get(response.headers["Location"], follow_redirects=True)
    token = re.search(r'<code class="token" id="new-token">([^<]+)</code>', page.text).group(1)
    assert len(token) >= 20
    assert "new-token" not in client.get("/t/1").get_data(as_text=True)
    with app.app_context():
        post = db.session.get(Post, 1)
        assert token not in post.edit_token_hash
        assert len(post.edit_token_hash) == 64


def test_no_raw_address_or_poster_key_is_stored(app, client, post_thread):
    address = "203.0.113.77"
    client.environ_base["REMOTE_ADDR"] = address
    post_thread("About my week", "Hard one.")
    submit(client, "/t/1", {"body": "A reply too."}, "/t/1/reply")
    poster_key = client.get_cookie("mend_poster").value
    with app.app_context():
        for table in db.metadata.sorted_tables:
            for row in db.session.execute(select(table)).all():
                for value in row:
                    assert address not in str(value), f"raw address in {table.name}"
                    assert poster_key not in str(value), f"poster key in {table.name}"
        columns = {c["name"] for c in inspect(db.engine).get_columns("posts")}
    assert not columns & {"ip", "ip_address", "remote_addr"}


def test_form_errors_are_clear_and_nothing_is_saved(app, client):
    cases = [
        ({"title": "", "body": "text"}, "Give your thread a title."),
        ({"title": "x" * 151, "body": "text"}, "Titles are 3 to 150 characters."),
        ({"title": "A fine title", "body": "   \n  "}, "Write something first."),
        ({"title": "A fine title", "body": "y" * 10_001}, "Posts can be up to 10,000 characters."),
    ]
    for data, message in cases:
        response = submit(client, "/new", data)
        assert response.status_code == 400
        assert message in response.get_data(as_text=True)
    # The longest allowed post is accepted.
    assert submit(client, "/new", {"title": "Long", "body": "z" * 10_000}).status_code == 302
    with app.app_context():
        assert db.session.execute(select(Post)).scalars().all()[0].body == "z" * 10_000
        assert len(db.session.execute(select(Post)).all()) == 1


def test_reply_errors_keep_the_text_on_the_page(client, post_thread):
    post_thread()
    response = submit(client, "/t/1", {"body": "w" * 10_001}, "/t/1/reply")
    assert response.status_code == 400
    assert "w" * 10_001 in response.get_data(as_text=True)


def test_text_is_stored_exactly_as_written(app, client):
    body = '  Line one\n\nline   three\twith tab 💔 and <b>markup</b> & "quotes"  '
    submit(client, "/new", {"title": "Exactly", "body": body})
    with app.app_context():
        assert db.session.get(Post, 1).body == body


def test_nul_characters_never_reach_the_database(app, client):
    response = submit(client, "/new", {"title": "Null\x00 byte", "body": "before\x00after"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Post, 1).body == "beforeafter"


def test_missing_csrf_token_is_refused_and_text_kept(app, client):
    client.get("/new")
    response = client.post("/new", data={"title": "No token", "body": "My words matter."})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "expired" in html
    assert "My words matter." in html
    forged = client.post(
        "/new", data={"csrf_token": "forged", "title": "Forged", "body": "Forged body"}
    )
    assert forged.status_code == 400
    with app.app_context():
        assert db.session.execute(select(Post)).first() is None


def test_csrf_token_from_another_session_is_refused(app, client):
    stranger = app.test_client()
    token = csrf_token(stranger, "/new")
    client.get("/new")
    response = client.post("/new", data={"csrf_token": token, "title": "x" * 5, "body": "y"})
    assert response.status_code == 400


def test_held_posts_are_invisible_to_others(app, client, post_thread):
    post_thread("Visible thread", "A normal post.")
    submit(client, "/t/1", {"body": "My held reply"}, "/t/1/reply")
    post_thread("Held thread", "A held story.")
    with app.app_context():
        db.session.get(Post, 2).status = PostStatus.HELD
        held_opening = db.session.execute(select(Post).where(Post.thread_id == 2)).scalar_one()
        held_opening.status = PostStatus.HELD
        held_opening.thread.status = PostStatus.HELD
        db.session.commit()

    reader = app.test_client()
    assert "My held reply" not in reader.get("/t/1").get_data(as_text=True)
    assert reader.get("/t/2").status_code == 404
    assert reader.get("/p/2/status").status_code == 404
    assert "Held thread" not in reader.get("/").get_data(as_text=True)
    # Its author still sees it, marked as waiting.
    own = client.get("/t/1").get_data(as_text=True)
    assert "My held reply" in own and "waiting for a moderator" in own
    assert client.get("/t/2").status_code == 200
    assert "waiting for a moderator" in client.get("/p/2/status").get_data(as_text=True)


def test_unknown_pages_get_a_friendly_404(client):
    response = client.get("/t/999")
    assert response.status_code == 404
    assert "couldn&#39;t find that page" in response.get_data(as_text=True)
    assert client.get("/p/12345").status_code == 404
    assert client.get("/p/12345/edit").status_code == 404


def test_wrong_methods_and_oversized_bodies_get_4xx(client, post_thread):
    post_thread()
    assert client.get("/t/1/reply").status_code == 405
    assert client.delete("/t/1").status_code == 405
    huge = client.post("/new", data={"body": "x" * (300 * 1024)})
    assert huge.status_code == 413
    assert "too long" in huge.get_data(as_text=True)


def test_replies_to_a_missing_thread_are_404(client):
    response = submit(client, "/new", {"body": "Into the void"}, "/t/42/reply")
    assert response.status_code == 404


def test_every_page_sends_security_headers(client, post_thread):
    post_thread()
    for url in ("/", "/t/1", "/new", "/p/1/edit", "/nowhere"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert headers["X-Frame-Options"] == "DENY"


def test_every_page_links_to_the_staff_login(client):
    page = client.get("/").get_data(as_text=True)
    assert 'href="/login"' in page
    assert client.get("/login").status_code == 200
