"""Admins keep the helpline allow-list through its rendered forms: the bundled list is
shown, an added helpline is published in every worker, a disabled one counts as a
private contact again, every change is audited, and nonsense is refused with a message."""

from models import AdminEvent, HelplineEntry, Post, PostStatus, db
from moderation.helplines import bundled_helplines
from tests.promises.forms import rendered_forms, submit_as_rendered

LOCAL_LINE = "Our local support line 0113 496 0000 answered at 3am and talked me through it."
SAMARITANS = "Samaritans answered me at 3am, you can email jo@samaritans.org any time."


def _new_post_status(app, client, body: str) -> str:
    response = submit_as_rendered(client, "/new", "/new", {"title": "A long night", "body": body})
    assert response.status_code == 302
    with app.app_context():
        post_id = db.session.execute(db.select(db.func.max(Post.id))).scalar_one()
        return db.session.get(Post, post_id).status


def _rows(app) -> list[HelplineEntry]:
    with app.app_context():
        rows = list(db.session.execute(db.select(HelplineEntry).order_by(HelplineEntry.id)))
        db.session.expunge_all()
        return [row for (row,) in rows]


def test_the_bundled_list_is_shown_before_any_change(admin):
    page = admin.get("/admin/helplines").get_data(as_text=True)
    for entry in bundled_helplines():
        assert entry.name.replace("&", "&amp;").replace("'", "&#39;") in page
    assert "1-800-799-7233" in page and "jo@samaritans.org" in page
    assert "Helplines</a>" in admin.get("/admin/rules").get_data(as_text=True)


def test_an_added_helpline_is_published_in_another_worker(admin_app, admin, make_app):
    reader = make_app(SCREENER_CHECK_SECONDS=0).test_client()
    assert _new_post_status(admin_app, reader, LOCAL_LINE) == PostStatus.HELD
    response = submit_as_rendered(
        admin,
        "/admin/helplines/new",
        "/admin/helplines/new",
        {"name": "Leeds Night Line", "country": "gb", "numbers": "0113 496 0000"},
    )
    assert response.status_code == 302
    assert _new_post_status(admin_app, reader, LOCAL_LINE) == PostStatus.PUBLISHED
    rows = _rows(admin_app)
    assert len(rows) == len(bundled_helplines()) + 1  # the bundled ones were copied in
    assert rows[-1].name == "Leeds Night Line" and rows[-1].country == "GB"
    assert rows[-1].updated_by == "ada"
    with admin_app.app_context():
        summaries = list(db.session.execute(db.select(AdminEvent.summary)).scalars())
    assert any("Added helpline 'Leeds Night Line'" in s and "0113 496 0000" in s for s in summaries)


def test_disabling_and_editing_an_entry_through_the_list(admin_app, admin, make_app):
    reader = make_app(SCREENER_CHECK_SECONDS=0).test_client()
    assert _new_post_status(admin_app, reader, SAMARITANS) == PostStatus.PUBLISHED
    page = admin.get("/admin/helplines").get_data(as_text=True)
    [toggle] = [
        form
        for form in rendered_forms(page)
        if form.action.endswith("/toggle") and "/helplines/6/" in form.action
    ]
    assert admin.post(toggle.action, data=toggle.data()).status_code == 302
    samaritans = [row for row in _rows(admin_app) if row.name == "Samaritans"][0]
    assert samaritans.enabled is False
    assert _new_post_status(admin_app, reader, SAMARITANS) == PostStatus.HELD

    response = submit_as_rendered(
        admin,
        f"/admin/helplines/{samaritans.id}/edit",
        f"/admin/helplines/{samaritans.id}/edit",
        {"enabled": "y"},
    )
    assert response.status_code == 302
    assert _new_post_status(admin_app, reader, SAMARITANS) == PostStatus.PUBLISHED
    with admin_app.app_context():
        summaries = list(db.session.execute(db.select(AdminEvent.summary)).scalars())
    assert any("Disabled helpline 'Samaritans'" in s for s in summaries)
    assert any("Changed helpline 'Samaritans'" in s for s in summaries)


def test_nonsense_is_refused_with_a_message(admin_app, admin):
    for changes, message in (
        ({"name": "Nothing", "numbers": ""}, "at least one number"),
        ({"name": "Words", "numbers": "call us"}, "does not read as a phone number"),
        ({"name": "Bad mail", "emails": "not an address"}, "does not read as one e-mail"),
        ({"name": "Bad web", "domains": "nowhere"}, "does not read as a web domain"),
        ({"name": "Suffix", "domains": "co.uk"}, "shared by many people"),
        ({"name": "Free mail", "domains": "gmail.com"}, "shared by many people"),
        ({"name": "Profile", "domains": "www.instagram.com"}, "shared by many people"),
        ({"name": "Bad country", "numbers": "988", "country": "Narnia"}, "two-letter code"),
    ):
        response = submit_as_rendered(
            admin, "/admin/helplines/new", "/admin/helplines/new", changes
        )
        assert response.status_code == 422, changes
        assert message in response.get_data(as_text=True), changes
    assert _rows(admin_app) == []


def test_shared_services_under_any_suffix_and_broken_values_are_refused(admin_app, admin):
    """README: a domain many people share is refused, a mail or social media service.
    Providers run under many suffixes and messengers under short hosts; a domain IDNA
    refuses and a number longer than any phone number are nonsense."""
    shared = [
        "hotmail.co.uk", "yahoo.co.uk", "live.co.uk", "hotmail.fr", "mail.ru", "gmx.at",
        "yandex.kz", "outlook.de", "proton.ch", "aol.co.uk", "icloud.com", "www.web.de",
        "discord.gg", "discord.com", "signal.me", "signal.org", "kik.me", "line.me",
        "viber.com", "wechat.com", "https://www.yahoo.com.au/", "Hotmail.FR.",
    ]  # fmt: skip
    cases = [({"name": "Shared", "domains": d}, "shared by many people") for d in shared]
    cases += [
        ({"name": "IDNA", "domains": "xn--gmail-.com"}, "does not read as a web domain"),
        ({"name": "Dots", "domains": "help..org"}, "does not read as a web domain"),
        ({"name": "Long", "numbers": "1" * 40}, "does not read as a phone number"),
        ({"name": "Sixteen", "numbers": "+44 7700 900 456 7890"}, "does not read as a phone"),
    ]
    for changes, message in cases:
        response = submit_as_rendered(
            admin, "/admin/helplines/new", "/admin/helplines/new", changes
        )
        assert response.status_code == 422, changes
        assert message in response.get_data(as_text=True), changes
    assert _rows(admin_app) == []
    # A helpline's own domain under the same suffixes, or naming a provider only inside
    # a longer label, is taken.
    for domain in ("mail.samaritans.org", "live.nhs.uk", "helpline.co.uk", "bücher.de"):
        response = submit_as_rendered(
            admin,
            "/admin/helplines/new",
            "/admin/helplines/new",
            {"name": f"Own {domain}", "domains": domain},
        )
        assert response.status_code == 302, domain
    assert len(_rows(admin_app)) == len(bundled_helplines()) + 4


def test_only_admins_reach_the_list(app, client, moderator):
    assert moderator.get("/admin/helplines").status_code in (302, 403)
    assert client.get("/admin/helplines").status_code in (302, 403)
    assert client.post("/admin/helplines/1/toggle").status_code in (302, 400, 403)


def test_the_toggle_says_what_it_did(admin):
    # The first toggle copies the bundled list; later ones change a stored row, and the
    # message must still name the new state, not the old one.
    for expected in ("disabled", "enabled", "disabled"):
        page = admin.get("/admin/helplines").get_data(as_text=True)
        [toggle] = [
            form
            for form in rendered_forms(page)
            if form.action.endswith("/toggle") and "/helplines/6/" in form.action
        ]
        response = admin.post(toggle.action, data=toggle.data(), follow_redirects=True)
        assert f"Helpline &#39;Samaritans&#39; {expected}." in response.get_data(as_text=True)
