"""Admins add, test, edit, disable rules; a regex the engine cannot run is refused with a
clear message; a saved rule screens posts in every worker."""

from models import AdminEvent, Post, PostStatus, ScreeningRule, db
from tests.conftest import submit

GARDEN = "We planted tulips together every spring and now the garden just reminds me of him."


def rule_form(**fields):
    data = {
        "name": "tulip_test",
        "kind": "scam",
        "pattern": r"\btulips?\b",
        "weight": "10",
        "description": "Test rule",
        "enabled": "y",
    }
    data.update(fields)
    return data


def rule_rows(app) -> list[ScreeningRule]:
    with app.app_context():
        rows = list(db.session.execute(db.select(ScreeningRule)).scalars())
        db.session.expunge_all()
        return rows


def test_an_invalid_regex_is_refused_with_a_message(admin_app, admin):
    response = submit(admin, "/admin/rules/new", rule_form(pattern="(unclosed", save="1"))
    assert response.status_code == 422
    assert "invalid regular expression" in response.get_data(as_text=True)
    assert rule_rows(admin_app) == []


def test_a_pattern_rules_cannot_run_is_refused_with_the_reason(admin_app, admin):
    # Rules run on RE2 (linear time): no lookarounds or backreferences, and it says so.
    for pattern in (r"(?<!dr )zuma", r"(spell)\s+\1"):
        response = submit(admin, "/admin/rules/new", rule_form(pattern=pattern, save="1"))
        assert response.status_code == 422, pattern
        text = response.get_data(as_text=True)
        assert "linear-time engine" in text and "lookarounds" in text, pattern
    assert rule_rows(admin_app) == []


def test_nested_repetitions_are_accepted_since_matching_cannot_backtrack(admin_app, admin):
    response = submit(admin, "/admin/rules/new", rule_form(pattern=r"^(\w+\s?)*!$", save="1"))
    assert response.status_code == 302
    assert [row.pattern for row in rule_rows(admin_app)] == [r"^(\w+\s?)*!$"]


def test_a_rule_matching_everything_is_refused(admin_app, admin):
    response = submit(admin, "/admin/rules/new", rule_form(pattern="x*", save="1"))
    assert response.status_code == 422
    assert "matches empty text" in response.get_data(as_text=True)


def test_test_box_shows_matches_on_recent_posts_without_saving(admin_app, admin, client):
    submit(client, "/new", {"title": "Spring", "body": GARDEN})
    submit(client, "/new", {"title": "Other", "body": "Nothing about flowers here."})
    response = submit(admin, "/admin/rules/new", rule_form(test="1"))
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Matches in the last" in text and ": 1</h2>" in text
    assert "<mark>tulips</mark>" in text and "Nothing is saved yet" in text
    assert rule_rows(admin_app) == []


def test_a_saved_rule_screens_posts_in_another_worker_and_can_be_disabled(
    admin_app, admin, make_app
):
    reader = make_app(SCREENER_CHECK_SECONDS=0).test_client()

    def status_of_new_garden_post():
        response = submit(reader, "/new", {"title": "Spring", "body": GARDEN})
        with admin_app.app_context():
            post_id = int(response.headers["Location"].split("/")[2])
            return db.session.get(Post, post_id).status

    assert status_of_new_garden_post() == PostStatus.PUBLISHED
    assert submit(admin, "/admin/rules/new", rule_form(save="1")).status_code == 302
    assert status_of_new_garden_post() == PostStatus.HELD
    page = admin.get("/admin/rules").get_data(as_text=True)
    assert "tulip_test" in page and "added" in page

    submit(admin, "/admin/rules", {}, "/admin/rules/tulip_test/toggle")
    assert status_of_new_garden_post() == PostStatus.PUBLISHED
    [row] = rule_rows(admin_app)
    assert row.enabled is False and row.updated_by == "ada"

    # Edit it: a lower weight that does not hold on its own.
    edit = rule_form(weight="0.5", save="1")
    assert submit(admin, "/admin/rules/tulip_test/edit", edit).status_code == 302
    assert status_of_new_garden_post() == PostStatus.PUBLISHED
    [row] = rule_rows(admin_app)
    assert (row.weight, row.enabled) == (0.5, True)
    with admin_app.app_context():
        summaries = list(db.session.execute(db.select(AdminEvent.summary)).scalars())
    assert any("Added rule 'tulip_test'" in s for s in summaries)
    assert any("Disabled rule 'tulip_test'" in s for s in summaries)


def test_a_built_in_rule_can_be_disabled_and_keeps_its_name(admin_app, admin):
    page = admin.get("/admin/rules").get_data(as_text=True)
    assert "spell_caster" in page and "built-in" in page
    edit = admin.get("/admin/rules/spell_caster/edit").get_data(as_text=True)
    assert "spell" in edit
    renamed = submit(admin, "/admin/rules/spell_caster/edit", rule_form(name="spells", save="1"))
    assert renamed.status_code == 422 and "keeps its name" in renamed.get_data(as_text=True)
    submit(admin, "/admin/rules", {}, "/admin/rules/spell_caster/toggle")
    [row] = rule_rows(admin_app)
    assert (row.name, row.enabled) == ("spell_caster", False)
    assert "edited" in admin.get("/admin/rules").get_data(as_text=True)
    assert admin.get("/admin/rules/no_such_rule/edit").status_code == 404


def test_a_stored_rule_that_no_longer_compiles_is_left_out_alone(admin_app, admin, make_app):
    """Rules saved before they ran on RE2 may hold a lookaround. That one rule is left
    out and named on the model page; the admins' other edits keep screening."""
    from app.admin.settings import ensure_settings
    from models import SETTINGS_ID, ScreeningSettings

    assert submit(admin, "/admin/rules/new", rule_form(save="1")).status_code == 302
    with admin_app.app_context():
        ensure_settings()
        db.session.add(
            ScreeningRule(
                name="old_lookahead",
                kind="scam",
                pattern=r"spell(?=caster)",
                weight=3.0,
                updated_by="ada",
            )
        )
        db.session.get(ScreeningSettings, SETTINGS_ID).revision += 1
        db.session.commit()

    reader = make_app(SCREENER_CHECK_SECONDS=0).test_client()
    response = submit(reader, "/new", {"title": "Spring", "body": GARDEN})
    with admin_app.app_context():
        post = db.session.get(Post, int(response.headers["Location"].split("/")[2]))
        fired = {r["name"] for r in post.verdict["reasons"] if r["kind"] == "rule"}
        assert post.status == PostStatus.HELD  # the good edit still holds the garden post
    assert "tulip_test" in fired and "old_lookahead" not in fired
    page = admin.get("/admin/model").get_data(as_text=True)
    assert "old_lookahead" in page and "left out" in page
