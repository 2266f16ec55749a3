"""The queue's forms submitted as the page renders them: the reasons a moderator picks
reach the author, and a post its author deleted leaves the queue and its counts."""

from tests.conftest import SCAM
from tests.mod.test_decisions import post_row, post_scam
from tests.promises.forms import rendered_forms, submit_as_rendered


def _entry_form(html: str, post_id: int):
    forms = [f for f in rendered_forms(html) if ("post_id", str(post_id)) in f.fields]
    assert len(forms) == 1
    return forms[0]


def test_every_form_in_the_queue_offers_the_decision_reasons(client, moderator):
    post_id = post_scam(client)
    html = moderator.get("/mod/queue").get_data(as_text=True)
    bulk = [f for f in rendered_forms(html) if f.action.endswith("/mod/decide")][0]
    for form in (bulk, _entry_form(html, post_id)):
        assert form.choices["reason"] == ["", "spam", "abuse", "personal", "off_topic", "other"]


def test_the_reason_chosen_for_a_removal_is_what_the_author_reads(app, client, moderator):
    post_id = post_scam(client)
    html = moderator.get("/mod/queue").get_data(as_text=True)
    form = _entry_form(html, post_id)
    data = form.data({"reason": "abuse"}, button=f"Remove post {post_id}")
    assert moderator.post("/mod/decide", data=data).status_code == 302
    assert post_row(app, post_id).status == "removed"
    status = client.get(f"/p/{post_id}/status").get_data(as_text=True)
    assert "unkind or hurtful" in status and "Another reason" not in status


def test_a_held_post_its_author_deletes_leaves_the_queue(app, client, moderator):
    post_id = post_scam(client, body=SCAM)
    assert 'class="count">1<' in moderator.get("/mod/queue").get_data(as_text=True)
    response = submit_as_rendered(client, f"/p/{post_id}/delete", f"/p/{post_id}/delete")
    assert response.status_code == 302
    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert f'id="q{post_id}"' not in html and "drobodo@gmail.com" not in html
    assert "Nothing is waiting" in html and 'class="count">1<' not in html
    assert post_row(app, post_id).awaiting_review is False
