"""What Mend refuses or tidies before any view reads a request.

Views are written for what our own pages send. A client can send anything: a file part
named like a text field, a NUL character (which PostgreSQL text cannot hold), an id past
the 32-bit integers PostgreSQL stores. Each is dealt with here once, for every route, so
bad input gets a clear 4xx instead of an exception deep in a view or the database driver.
"""

from flask import Flask, Request, abort, request
from werkzeug.routing import IntegerConverter

MAX_ROW_ID = 2**31 - 1  # ids are 32-bit integers in PostgreSQL
NUL = "\x00"


def row_id(text: str | None) -> int | None:
    """``text`` as a row id if it is one (ASCII digits, within 32 bits), else None.
    ``str.isdigit`` alone lets "²" through, which ``int`` then refuses."""
    if text and len(text) <= 10 and text.isascii() and text.isdigit():
        number = int(text)
        return number if number <= MAX_ROW_ID else None
    return None


class RowIdConverter(IntegerConverter):
    """``<int:...>`` in every URL: ASCII digits, and no larger than a row id can be, so a
    huge number in a link is "not found" rather than an overflow in the driver."""

    regex = r"[0-9]+"

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ROW_ID)
        super().__init__(map, *args, **kwargs)


class MendRequest(Request):
    """A request whose form values never hold NUL: it is never meaningful in anything a
    person types, and the database would refuse it. Dropping it keeps the rest of the
    words (a post with a stray NUL still goes up)."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        form = self.__dict__["form"]
        if any(NUL in key or NUL in value for key, value in form.items(multi=True)):
            self.__dict__["form"] = self.parameter_storage_class(
                (key.replace(NUL, ""), value.replace(NUL, ""))
                for key, value in form.items(multi=True)
            )


def _refuse_what_no_page_sends() -> None:
    # Before CSRF and every view: what no form of ours can produce gets a plain 400.
    if request.files:
        abort(
            400,
            description="Mend takes no files. Nothing was saved: go back, reload the page "
            "and send the form as it is.",
        )
    in_link = list(request.args.items(multi=True)) + list((request.view_args or {}).items())
    if any(NUL in str(key) + str(value) for key, value in in_link):
        abort(400, description="That link is broken. Go back to the first page.")


def register(app: Flask) -> None:
    """Call before the blueprints (they use the converter) and before CSRFProtect (so a
    file or a NUL is named as the problem, not the form's age)."""
    app.request_class = MendRequest
    app.url_map.converters["int"] = RowIdConverter
    app.before_request(_refuse_what_no_page_sends)
