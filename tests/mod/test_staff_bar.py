"""The staff bar is the moderators' one navigation: it shows the counts and marks the
page they are on."""

import re

import pytest

from tests.conftest import staff_client

CURRENT = re.compile(r'<a href="([^"]+)" aria-current="page">')


def staff_bar(html: str) -> str:
    return html.split('<nav class="staff-bar"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize(
    ("path", "current"),
    [("/mod/queue", "/mod/queue"), ("/mod/check-in", "/mod/check-in"), ("/mod/log", "/mod/log")],
)
def test_the_page_a_moderator_is_on_is_marked_once(moderator, path, current):
    html = moderator.get(path).get_data(as_text=True)
    assert CURRENT.findall(staff_bar(html)) == [current]
    assert html.count('aria-current="page"') == 1  # no second row of the same links


def test_admin_pages_mark_admin_in_the_bar(app):
    admin = staff_client(app, "ad", "admin")
    html = admin.get("/admin/rules").get_data(as_text=True)
    assert CURRENT.findall(staff_bar(html)) == ["/admin/model"]


def test_forum_pages_show_the_bar_with_nothing_marked(moderator):
    html = moderator.get("/").get_data(as_text=True)
    assert 'Queue <span class="count">0</span>' in staff_bar(html)
    assert CURRENT.findall(staff_bar(html)) == []
