from flask import abort, current_app, render_template, request

from app.guards import row_id
from app.search import bp
from app.search.query import parse
from app.search.results import search_posts

BROKEN_PAGE = "That page link is broken. Go back to the first page of results."


@bp.get("/search")
def search():
    raw = request.args.get("q", "")
    threads_only = request.args.get("threads") == "1"
    page = _page_number(request.args.get("page"))
    terms = parse(raw)
    hits, has_more = [], False
    if terms:
        window = current_app.config["SEARCH_RANK_WINDOW"]
        hits, has_more = search_posts(terms, threads_only, _per_page(), page, window)
    return render_template(
        "search/search.html",
        query=raw,
        terms=terms,
        threads_only=threads_only,
        page=page,
        hits=hits,
        has_more=has_more and page < _last_page(),
    )


def _per_page() -> int:
    return current_app.config["THREADS_PER_PAGE"]


def _last_page() -> int:
    # Pages past the ranked matches would be empty.
    return max(1, -(-current_app.config["SEARCH_RANK_WINDOW"] // _per_page()))


def _page_number(value: str | None) -> int:
    if value is None:
        return 1
    number = row_id(value)
    if number is None or not 1 <= number <= _last_page():
        abort(400, description=BROKEN_PAGE)
    return number
