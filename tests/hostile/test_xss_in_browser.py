"""Every line of the public XSS payload lists in ``../shared/data/xss/`` is posted as a
thread title and as its story, then every page it appears on is checked in headless
Chromium: no script runs and no event-handler attribute or ``javascript:`` URL exists.
Posts are rendered as Markdown (app/rendering.py), so the same lines, wrapped in every
Markdown shape (links, emphasis, quotes, lists), and the Markdown-specific payloads of
``markdown_payloads.py`` are also posted, many to a post, and their thread pages opened
and run in Chromium.

The front page (all titles and story excerpts) and the moderator queue (every held post
in full) are opened as pages, with ``alert``/``prompt``/``confirm`` hooked and dialogs,
CSP violations and console watched. Each thread page, edit page and held post's status
page, as its author, is fetched by the same browser and built by its HTML parser
(``DOMParser``) for the DOM checks: opening 1,600 pages one by one takes minutes on a
two-core CI machine. Titles are cut to the 150-character limit (and padded to the
3-character minimum); stories are whole, one payload per post.
"""

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app import create_app
from models import Post, PostStatus, Thread, db
from tests.conftest import STAFF_PASSWORD, TEST_SECRET, make_staff
from tests.hostile.conftest import CHROMIUM, needs_chromium
from tests.hostile.markdown_payloads import MARKDOWN_PAYLOADS
from tests.load.client import Browser

# The shared folder sits beside the checkout (../shared); a clone elsewhere finds it
# through MEND_SHARED_DIR or at its usual place.
_SHARED_CANDIDATES = [
    os.environ.get("MEND_SHARED_DIR", ""),
    Path(__file__).resolve().parents[3] / "shared",
    "/work/shared",
]
PAYLOAD_DIR = next(
    (
        Path(c) / "data" / "xss"
        for c in _SHARED_CANDIDATES
        if c and (Path(c) / "data" / "xss").is_dir()
    ),
    Path("../shared/data/xss"),
)
TITLE_MAX = 150
POSTING_VISITORS = 8

pytestmark = [
    needs_chromium,
    pytest.mark.skipif(not PAYLOAD_DIR.is_dir(), reason=f"no payload lists at {PAYLOAD_DIR}"),
]

# Runs before any page script: every way a payload could show it ran is recorded, and
# the DOM inspection every check uses.
HOOKS = r"""
window.__xss = [];
for (const name of ["alert", "prompt", "confirm", "print"]) {
  window[name] = (...args) => { window.__xss.push(name + "(" + args.join(",") + ")"); };
}
document.addEventListener("securitypolicyviolation", (event) => {
  window.__xss.push("CSP blocked " + event.violatedDirective + " " + event.blockedURI);
});
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc",
                        "background", "poster", "lowsrc", "dynsrc"];
window.__inspect = (root) => {
  const found = [];
  for (const el of root.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) found.push(el.tagName + " " + name + "=" + attr.value);
      // Browsers ignore whitespace and control characters inside a URL's scheme.
      const url = attr.value.toLowerCase().replace(/[\u0000-\u0020]/g, "");
      if (URL_ATTRIBUTES.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(url))
        found.push(el.tagName + " " + name + "=" + attr.value);
    }
    // A form with method="dialog" only closes its dialog; every other must post here.
    const closesDialog = (el.getAttribute("method") || "").toLowerCase() === "dialog";
    const action = el.getAttribute("action") || "";
    if (el.tagName === "FORM" && !closesDialog && !/^\/(?!\/)/.test(action))
      found.push("form posting to " + el.getAttribute("action"));
    if (["IFRAME", "FRAME", "OBJECT", "EMBED", "BASE"].includes(el.tagName))
      found.push("element " + el.tagName);
    if (el.tagName === "META" && el.hasAttribute("http-equiv"))
      found.push("meta http-equiv " + el.getAttribute("content"));
    if (el.tagName === "SCRIPT" && !(el.getAttribute("src") || "").startsWith("/static/"))
      found.push("script " + el.outerHTML.slice(0, 80));
  }
  return found;
};
"""

OPENED_PAGE = "() => ({found: window.__inspect(document), ran: window.__xss})"

# Fetch pages with this browser's cookies and build each with the browser's parser.
PARSED_PAGES = """
async (urls) => {
  const problems = {};
  await Promise.all(urls.map(async (url) => {
    const response = await fetch(url, {credentials: "same-origin", redirect: "manual"});
    const html = await response.text();
    const found = window.__inspect(new DOMParser().parseFromString(html, "text/html"));
    if (response.status !== 200 || found.length) problems[url] = {status: response.status, found};
  }));
  return problems;
}
"""
BATCH = 50  # posts per fetch batch; the browser remembers at most 60 edit tokens


def payloads() -> list[str]:
    """Every non-empty line of every list, in file order (read as data, never copied)."""
    lines = []
    for path in sorted(PAYLOAD_DIR.glob("*.txt")):
        lines += [line for line in path.read_text(errors="replace").splitlines() if line.strip()]
    return lines


def _title(payload: str) -> str:
    title = payload.strip()[:TITLE_MAX]
    return title if len(title) >= 3 else f"[{title}]"


def _post_all(address: str, lines: list[str]) -> list[tuple[int, str]]:
    """Post every payload as a thread (title and story), from several visitors at once;
    returns (post id, edit token) in payload order."""
    posted: list[tuple[int, str] | None] = [None] * len(lines)

    def post_share(start: int) -> None:
        visitor = Browser(address)
        for index in range(start, len(lines), POSTING_VISITORS):
            status, location, _ = visitor.submit(
                "/new", {"title": _title(lines[index]), "body": lines[index]}
            )
            assert status == 302, (lines[index], status)
            post_id = int(location.split("/")[2])
            tokens = dict(pair.split(":", 1) for pair in visitor.cookies["mend_tokens"].split("|"))
            posted[index] = (post_id, tokens[str(post_id)])

    with ThreadPoolExecutor(POSTING_VISITORS) as pool:
        list(pool.map(post_share, range(POSTING_VISITORS)))
    return posted


def _check_pages(base: str, opened: list[tuple[str, dict | None]], parsed_batches) -> dict:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    problems: dict[str, object] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context()
        context.add_init_script(HOOKS)
        page = context.new_page()
        seen: list[str] = []
        page.on(
            "dialog", lambda dialog: (seen.append("dialog " + dialog.message), dialog.dismiss())
        )
        page.on("console", lambda message: seen.append(message.text))
        for url, cookie in opened:
            if cookie:
                context.add_cookies([{**cookie, "url": base}])
            response = page.goto(base + url, wait_until="load")
            try:
                result = page.evaluate(OPENED_PAGE)
            except PlaywrightError as exc:  # e.g. an injected refresh took the page away
                result = {"found": [f"page did not stay: {exc.message[:120]}"], "ran": []}
            if response.status != 200 or result["found"] or result["ran"] or seen:
                problems[url] = {"status": response.status, **result, "seen": list(seen)}
                seen.clear()
        for cookie, urls in parsed_batches:
            context.add_cookies([{**cookie, "url": base}])
            problems.update(page.evaluate(PARSED_PAGES, urls))
        browser.close()
    return problems


def test_no_payload_runs_or_survives_in_any_page(start_server, fresh_database_url):
    lines = payloads()
    assert len(lines) > 700, "the payload lists look truncated"
    address = start_server(THREADS_PER_PAGE="2000", MOD_QUEUE_PAGE_SIZE="2000")
    posted = _post_all(address, lines)

    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_database_url, "SECRET_KEY": TEST_SECRET})
    with app.app_context():
        rows = db.session.execute(
            db.select(Post.id, Post.thread_id, Post.status).where(Post.is_opening)
        ).all()
        db.engine.dispose()
    where = {post_id: (thread_id, status) for post_id, thread_id, status in rows}
    held = {post_id for post_id, _ in posted if where[post_id][1] != PostStatus.PUBLISHED}
    make_staff(app, "mo", "moderator")
    moderator = Browser(address)
    assert moderator.submit("/login", {"username": "mo", "password": STAFF_PASSWORD})[0] == 302

    session = {"name": "session", "value": moderator.cookies["session"]}
    _, _, queue = moderator.request("GET", "/mod/queue")
    assert all(f'id="q{post_id}"' in queue for post_id in held)
    opened = [("/", None), ("/mod/queue", session)]
    parsed_batches = []
    for start in range(0, len(posted), BATCH):
        batch = posted[start : start + BATCH]
        # This browser is the posts' author: it holds their edit tokens, as after posting.
        tokens = "|".join(f"{post_id}:{token}" for post_id, token in batch)
        urls = []
        for post_id, _ in batch:
            urls += [f"/t/{where[post_id][0]}", f"/p/{post_id}/edit"]
            if post_id in held:
                urls.append(f"/p/{post_id}/status")
        parsed_batches.append(({"name": "mend_tokens", "value": tokens}, urls))

    started = time.monotonic()
    problems = _check_pages(f"http://{address}", opened, parsed_batches)
    pages = len(opened) + sum(len(urls) for _, urls in parsed_batches)
    print(
        f"\n[xss] {len(lines)} payloads, {len(held)} held, {pages} pages checked "
        f"in {time.monotonic() - started:.1f} s"
    )
    assert problems == {}


# Each payload line, in each Markdown shape in turn.
LINE_SHAPES = ["[{x}]({x})", "*{x}*", "> {x}", "- {x}", "**[x]({x})**", "1. {x}", "{x}"]
POST_MAX = 9_500

# Run in the opened page: what the posts' HTML holds besides the allow-listed tags, and
# any link that is not http(s) or a post here.
POST_BODIES = r"""
() => {
  const allowed = ["P", "BR", "EM", "STRONG", "BLOCKQUOTE", "UL", "OL", "LI", "A"];
  const found = [];
  for (const body of document.querySelectorAll(".post-body")) {
    for (const el of body.querySelectorAll("*")) {
      if (!allowed.includes(el.tagName)) found.push("element " + el.tagName);
      for (const attr of el.attributes) {
        const ok = (el.tagName === "A" && ["href", "rel", "target"].includes(attr.name))
          || (el.tagName === "OL" && attr.name === "start");
        if (!ok) found.push(el.tagName + " " + attr.name + "=" + attr.value);
      }
      const href = el.getAttribute("href");
      if (href !== null && !/^(https?:\/\/|\/p\/[0-9]+$)/.test(href)) found.push("href " + href);
    }
  }
  return {found, ran: window.__xss, md: window.__md === undefined ? null : window.__md,
          bodies: document.querySelectorAll(".post-body").length};
}
"""


def markdown_posts(lines: list[str]) -> list[str]:
    """Every Markdown payload, and every line in a Markdown shape, packed into posts."""
    pieces = MARKDOWN_PAYLOADS + [
        LINE_SHAPES[index % len(LINE_SHAPES)].replace("{x}", line.strip())
        for index, line in enumerate(lines)
    ]
    posts, current = [], ""
    for piece in pieces:
        piece = piece[:POST_MAX]
        if current and len(current) + 2 + len(piece) > POST_MAX:
            posts.append(current)
            current = ""
        current = f"{current}\n\n{piece}" if current else piece
    return [*posts, current]


def test_markdown_payloads_stay_inert_when_run(start_server, fresh_database_url):
    bodies = markdown_posts(payloads())
    assert 5 <= len(bodies) <= 40
    address = start_server()
    visitor = Browser(address)
    for number, body in enumerate(bodies, 1):
        status, _, _ = visitor.submit("/new", {"title": f"Formatting {number}", "body": body})
        assert status == 302
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_database_url, "SECRET_KEY": TEST_SECRET})
    with app.app_context():
        # Held or not, every post is shown to readers here: its markup is what is tested.
        db.session.execute(db.update(Post).values(status=PostStatus.PUBLISHED))
        db.session.execute(db.update(Thread).values(status=PostStatus.PUBLISHED))
        db.session.commit()
        thread_ids = db.session.execute(db.select(Thread.id).order_by(Thread.id)).scalars().all()
        db.engine.dispose()
    assert len(thread_ids) == len(bodies)

    from playwright.sync_api import sync_playwright

    problems = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context()
        context.add_init_script(HOOKS)
        page = context.new_page()
        seen: list[str] = []
        page.on(
            "dialog", lambda dialog: (seen.append("dialog " + dialog.message), dialog.dismiss())
        )
        page.on("console", lambda message: seen.append(message.text))
        for thread_id in thread_ids:
            url = f"http://{address}/t/{thread_id}"
            response = page.goto(url, wait_until="load")
            # Pointing at every link and element of the posts fires any handler left.
            for element in page.query_selector_all(".post-body *"):
                element.dispatch_event("mouseover")
            result = page.evaluate(POST_BODIES)
            result["found"] += page.evaluate(OPENED_PAGE)["found"]
            assert result["bodies"] == 1, url
            if response.status != 200 or result["found"] or result["ran"] or result["md"] or seen:
                problems[url] = {"status": response.status, **result, "seen": list(seen)}
                seen.clear()
        browser.close()
    assert problems == {}
