"""Promise: whatever anyone sends to any route, Mend answers with a page (a 4xx with a
clear message for bad input), never a 500.

Every route in ``app.url_map`` is tried with every method it takes, as a reader, a
moderator and an admin. Each form is parsed from the page that renders it (with its real
CSRF token, so the request reaches the view), then one place at a time is made hostile:
a path parameter, a query argument, a form field, a file part under a field's name, a
cookie. A table of known troublemakers runs first; hypothesis then mixes random text.
"""

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.poster_identity import POSTER_COOKIE, TOKENS_COOKIE
from models import TrainingJob, db
from moderation.rules import DEFAULT_RULES

# The admins' small training corpus, so "Train new model" takes seconds, not minutes.
from tests.admin.conftest import bundled_rows, small_corpus, wait_for_jobs  # noqa: F401
from tests.conftest import SCAM, remembered_token, staff_client, submit
from tests.hostile.test_malformed_requests import assert_clear_4xx
from tests.promises.forms import RenderedForm, rendered_form, rendered_forms

# Every value goes into every path parameter; hypothesis draws from them too.
HOSTILE = [
    "\x00",
    "a\x00b",
    "2147483648",
    "99999999999999999999999",
    "-1",
    "0",
    "1.5",
    "²",
    "١٢",
    "nan",
    "1e400",
    "🙂💔" * 40,
    "x" * 3000,
    "\u202egnp.exe",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%00",
    "",
    "../../etc/passwd",
    "email:a\x00@x.org",
    "phone:2147483648",
]
# The few that broke something once, for each query argument and form field.
FEW = ["a\x00b", "2147483648", "99999999999999999999999", "-1", "²", "nan", "x" * 3000, "🙂\u202e"]
COOKIE_VALUES = {
    "session": ["\x00", "e30.forged.sig", "x" * 3000],
    POSTER_COOKIE: ["\x00" * 30, "a" * 40 + "²"],
    TOKENS_COOKIE: ["2147483648:x", "²:x|1:\x00", "99999999999:y|-1:z", "9" * 3000 + ":t"],
}
ROOT = Path(__file__).resolve().parents[2]
ARG_RE = re.compile(r"""(?:args\.get|_\w+_arg|_preview_value)\(\s*["'](\w+)["']""")
PATH_PARAM_RE = re.compile(r"<(?:[^:<>]+:)?(\w+)>")


def query_arg_names() -> dict[str, list[str]]:
    """The query arguments each blueprint's views read, found in the source so that a new
    one is fuzzed too."""
    return {
        package.name: sorted(set(ARG_RE.findall((package / "views.py").read_text("utf-8"))))
        for package in (ROOT / "app").iterdir()
        if (package / "views.py").exists()
    }


QUERY_ARGS = query_arg_names()


@dataclass
class Route:
    endpoint: str
    method: str
    pattern: str  # the rule, e.g. /t/<int:thread_id>/reply
    params: list[str] = field(default_factory=list)

    def url(self, values: dict[str, str]) -> str:
        return PATH_PARAM_RE.sub(lambda m: quote(values[m.group(1)], safe=""), self.pattern)


@dataclass(repr=False)  # a failing hypothesis example prints the world; keep that short
class World:
    app: object
    clients: dict  # role -> test client
    path_values: dict  # endpoint -> {param: valid value}
    forms: dict = field(default_factory=dict)  # (role, path) -> RenderedForm
    failures: list = field(default_factory=list)


def all_routes(app) -> list[Route]:
    routes = []
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            routes.append(Route(rule.endpoint, method, rule.rule, sorted(rule.arguments)))
    return routes


def build_world(admin_app) -> World:
    """Threads, a reply, a held scam and a decision, and a client for each role."""
    reader = admin_app.test_client()
    for title in ("First thread here", "Second thread here", "Third thread here"):
        assert submit(reader, "/new", {"title": title, "body": "A hard week."}).status_code == 302
    submit(reader, "/t/1", {"body": "Same here, hold on."}, "/t/1/reply")
    scammer = admin_app.test_client()
    submit(scammer, "/new", {"title": "Get your ex back", "body": SCAM})
    assert remembered_token(reader, 1)
    moderator = staff_client(admin_app, "mo", "moderator")
    admin = staff_client(admin_app, "ada", "admin")
    submit(admin, "/mod/queue", {"action": "remove", "post_id": "4"}, "/mod/decide")
    rule = DEFAULT_RULES[0].name
    # Each destructive route gets its own post, so one route's success leaves the rest.
    post_for = {"forum.delete": "3", "forum.appeal": "4", "forum.report": "2"}
    path_values = {}
    for route in all_routes(admin_app):
        values = {"thread_id": "1", "post_id": post_for.get(route.endpoint, "1")}
        values |= {
            "decision_id": "1",
            "version_id": "1",
            "entry_id": "1",
            "name": rule,
            "filename": "style.css",
        }
        path_values[route.endpoint] = values
    clients = {"reader": reader, "moderator": moderator, "admin": admin}
    world = World(admin_app, clients, path_values)
    crawl_forms(world)
    return world


def crawl_forms(world: World) -> None:
    """Every form each role can see on every page, by the path it posts to."""
    pages = [r for r in all_routes(world.app) if r.method == "GET" and r.endpoint != "static"]
    for role, client in world.clients.items():
        urls = [r.url(world.path_values[r.endpoint]) for r in pages] + ["/p/4/status"]
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                continue
            for form in rendered_forms(response.get_data(as_text=True)):
                if form.method == "post":
                    path = urlsplit(urljoin(url, form.action or url)).path
                    world.forms.setdefault((role, path), form)


def form_for(world: World, role: str, path: str) -> RenderedForm:
    """The form as rendered for this role, or (for a route no page shows this role)
    just this role's CSRF token, so the request still reaches the view."""
    if (role, path) in world.forms:
        return world.forms[(role, path)]
    token = next(f for (r, _), f in world.forms.items() if r == role and f.fields)
    csrf = [(n, v) for n, v in token.fields if n == "csrf_token"]
    return RenderedForm(action=path, method="post", fields=csrf)


def baseline(form: RenderedForm) -> dict:
    """What a person sends by filling in the form and pressing its first button."""
    data = form.data(button=form.buttons[0][0] if form.buttons else None)
    for name, values in form.choices.items():
        data.setdefault(name, values[0])
    return data


def send(world: World, role: str, route: Route, case: str, **request) -> None:
    client = world.clients[role]
    url = request.pop("url", None) or route.url(world.path_values[route.endpoint])
    try:
        status = client.open(url, method=route.method, **request).status_code
    except Exception as exc:  # the app raised: what a server turns into a 500
        status = f"{type(exc).__name__}: {str(exc)[:200]}"
    if not isinstance(status, int) or status >= 500:
        world.failures.append(f"{role} {route.method} {url} {case}: {status}")
    if route.endpoint == "auth.logout" and role != "reader":
        # Logging out is what this route is for; log back in for the next case.
        world.clients[role] = staff_client_again(world, role)


def staff_client_again(world: World, role: str):
    from tests.conftest import log_in

    client = world.app.test_client()
    assert log_in(client, {"moderator": "mo", "admin": "ada"}[role]).status_code == 302
    return client


def try_value(world: World, role: str, route: Route, slot: str, name: str, value: str) -> None:
    """Send ``route`` as ``role`` with ``value`` put in one place."""
    values = dict(world.path_values[route.endpoint])
    url = route.url(values)
    request: dict = {}
    if route.method == "POST":
        request["data"] = baseline(form_for(world, role, urlsplit(url).path))
    case = f"{slot} {name}={value[:40]!r}"
    if slot == "path":
        values[name] = value
        request["url"] = route.url(values)
    elif slot == "query":
        request["query_string"] = {name: value}
    elif slot == "form":
        request["data"][name] = value
    elif slot == "file":
        request["data"][name] = (io.BytesIO(value.encode()), "notes.txt")
        request["content_type"] = "multipart/form-data"
    elif slot == "cookie":
        client = world.clients[role]
        kept = client.get_cookie(name)
        client.set_cookie(name, value)
        try:
            send(world, role, route, case, **request)
        finally:
            if world.clients[role] is client:
                client.delete_cookie(name)
                if kept is not None:
                    client.set_cookie(name, kept.value)
        return
    send(world, role, route, case, **request)


def places(world: World, role: str, route: Route) -> list[tuple[str, str, list[str]]]:
    """Every place a value can go in this request, with the values to put there."""
    found = [("path", p, HOSTILE) for p in route.params if p != "filename"]
    found += [("cookie", name, values) for name, values in COOKIE_VALUES.items()]
    if route.method == "GET":
        blueprint = route.endpoint.partition(".")[0]
        found += [("query", arg, FEW) for arg in QUERY_ARGS.get(blueprint, [])]
    else:
        path = urlsplit(route.url(world.path_values[route.endpoint])).path
        names = sorted(baseline(form_for(world, role, path)))
        found += [("form", name, FEW) for name in names]
        found += [("file", name, ["%PDF-1.4"]) for name in names + ["upload"]]
    return found


def shut_out(world: World, role: str, route: Route) -> bool:
    """Whether this role is sent away before the view reads anything (a login
    redirect or a 403), so one hostile value there is enough."""
    if role == "admin" or route.endpoint.partition(".")[0] not in ("mod", "admin"):
        return False
    if role == "moderator" and route.endpoint.startswith("mod."):
        return False
    return True


@pytest.fixture
def fuzz_app(make_app, small_corpus):  # noqa: F811 (the fixture imported above)
    # High limits: the fuzz sends thousands of requests from one address and one account.
    return make_app(
        TRAINING_CORPUS_PATH=small_corpus,
        SCREENER_CHECK_SECONDS=0,
        POST_RATE_LIMIT="100000 per minute",
        LOGIN_MAX_FAILURES=100000,
    )


@pytest.fixture
def world(fuzz_app):
    world = build_world(fuzz_app)
    yield world
    with fuzz_app.app_context():
        started = db.session.execute(db.select(TrainingJob)).first() is not None
    if started:  # "Train new model" was pressed: let the job end before the tables empty
        wait_for_jobs(fuzz_app)


def test_the_fuzz_reaches_every_route_and_every_form(world):
    routes = {r.endpoint for r in all_routes(world.app)}
    assert len(routes) >= 30 and {"mod.reverse", "admin.edit_rule", "forum.appeal"} <= routes
    # The forms were found, so hostile values reach the views behind valid CSRF tokens.
    for role, path in [("reader", "/new"), ("reader", "/p/2/report"), ("reader", "/p/3/delete"),
                       ("moderator", "/mod/decide"), ("admin", "/admin/rules/new"),
                       ("admin", "/admin/thresholds"), ("reader", "/login")]:  # fmt: skip
        assert "csrf_token" in dict(world.forms[(role, path)].fields), (role, path)
    assert {"older", "after", "last"} <= set(QUERY_ARGS["forum"])
    assert {"page", "contact", "moderator"} <= set(QUERY_ARGS["mod"])
    assert "hold" in QUERY_ARGS["admin"] and "next" in QUERY_ARGS["auth"]


def test_no_route_answers_500_to_hostile_values(world):
    sent = 0
    for role in world.clients:
        for route in all_routes(world.app):
            if role == "moderator" and route.endpoint.startswith("forum."):
                continue  # the same views as for readers; the admin covers staff on them
            for slot, name, values in places(world, role, route):
                for value in values[:1] if shut_out(world, role, route) else values:
                    try_value(world, role, route, slot, name, value)
                    sent += 1
    assert sent > 1000  # the table really ran
    assert not world.failures, "\n".join(world.failures)


# Any text at all, but no lone surrogates: those cannot be sent as UTF-8 by any client.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_route_answers_500_to_random_text(world, data):
    world.failures.clear()
    role = data.draw(st.sampled_from(sorted(world.clients)))
    route = data.draw(st.sampled_from(all_routes(world.app)))
    slot, name, _ = data.draw(st.sampled_from(places(world, role, route)))
    value = data.draw(st.one_of(ANY_TEXT, st.integers().map(str), st.sampled_from(HOSTILE)))
    try_value(world, role, route, slot, name, value)
    assert not world.failures, "\n".join(world.failures)


def test_the_requests_that_once_gave_500_get_a_clear_4xx(world):
    """Each request the issue reported, on SQLite and PostgreSQL: a page saying what
    was wrong, with a 4xx."""
    reader, admin = world.clients["reader"], world.clients["admin"]
    file_part = {"content_type": "multipart/form-data"}
    for path in ("/new", "/t/1/reply", "/p/2/report"):
        data = {**baseline(form_for(world, "reader", path)), "body": (io.BytesIO(b"x"), "a.txt")}
        html = assert_clear_4xx(reader.post(path, data=data, **file_part), path, 400)
        assert "takes no files" in html
    stranger = world.app.test_client()
    login = baseline(rendered_form(stranger.get("/login").get_data(as_text=True), "/login"))
    login["username"] = (io.BytesIO(b"x"), "a.txt")
    assert_clear_4xx(stranger.post("/login", data=login, **file_part), "/login file", 400)
    login.update(username="ada\x00", password="not the password")
    assert "do not match" in assert_clear_4xx(stranger.post("/login", data=login), "NUL", 400)
    stranger.set_cookie(TOKENS_COOKIE, "2147483648:x")
    assert stranger.get("/t/1").status_code == 200
    decide = {**baseline(form_for(world, "admin", "/mod/decide")), "post_id": "99999999999"}
    cases = {
        "/admin/model/2147483648/activate": admin.get("/admin/model/2147483648/activate"),
        "/mod/decide": admin.post("/mod/decide", data=decide),
        "/mod/log/2147483648/reverse": admin.post(
            "/mod/log/2147483648/reverse",
            data=baseline(form_for(world, "admin", "/mod/log/1/reverse")),
        ),
        "/mod/log?moderator=": admin.get("/mod/log", query_string={"moderator": "ada\x00"}),
        "/mod/campaign?contact=": admin.get("/mod/campaign?contact=email:a%00b@x.org"),
    }
    for url, response in cases.items():
        assert_clear_4xx(response, url)
