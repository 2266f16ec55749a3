"""Forms as a browser renders them: parse the page, then send exactly what it holds.

A test that builds its own request data checks the path its author imagined; these
helpers read the form's action, method and every field's rendered value from the HTML,
so a field that renders empty (a password input, a missing hidden token) fails the test
the way it fails a person.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin


@dataclass
class RenderedForm:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    # Submit buttons with a name: (name, value, label). A browser sends only the one pressed.
    buttons: list[tuple[str, str, str]] = field(default_factory=list)
    # Radio groups and selects: name -> the values a person could choose.
    choices: dict[str, list[str]] = field(default_factory=dict)
    enctype: str = "application/x-www-form-urlencoded"

    def data(self, changes: dict | None = None, button: str | None = None) -> dict:
        """What the browser sends: rendered values, then what a person typed or chose.
        ``button`` names the submit button pressed (by its name or label)."""
        sent: dict[str, list[str]] = {}
        for name, value in self.fields:
            sent.setdefault(name, []).append(value)
        for name, value in (changes or {}).items():
            sent[name] = value if isinstance(value, list) else [value]
        if button is not None:
            matches = [b for b in self.buttons if button in (b[0], b[2])]
            assert matches, f"no submit button {button!r} in {self.buttons}"
            name, value, _ = matches[0]
            sent[name] = [value]
        return {name: values if len(values) > 1 else values[0] for name, values in sent.items()}


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[RenderedForm] = []
        self._form: RenderedForm | None = None
        self._textarea: tuple[str, list[str]] | None = None
        self._select: str | None = None
        self._select_values: list[tuple[str, bool]] = []
        self._button: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = RenderedForm(
                action=a.get("action", ""),
                method=a.get("method", "get").lower(),
                enctype=a.get("enctype", "application/x-www-form-urlencoded"),
            )
            self.forms.append(self._form)
            return
        form = self._form
        if form is None or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image"):
                form.buttons.append((name, a.get("value", ""), a.get("value", "")))
            elif kind in ("checkbox", "radio"):
                form.choices.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form.fields.append((name, a.get("value", "on")))
            elif kind not in ("button", "reset", "file"):
                form.fields.append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = (name, [])
        elif tag == "select" and name:
            self._select, self._select_values = name, []
        elif tag == "option" and self._select is not None:
            self._select_values.append((a.get("value", ""), "selected" in a))
        elif tag == "button" and a.get("type", "submit").lower() == "submit":
            self._button = {"name": name, "value": a.get("value", ""), "label": []}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)
        if self._button is not None:
            self._button["label"].append(data)

    def handle_endtag(self, tag):
        form = self._form
        if tag == "textarea" and self._textarea is not None and form is not None:
            text = "".join(self._textarea[1])
            # The HTML parser keeps the one newline browsers drop after <textarea>
            # (WTForms writes it as CR LF, which a browser's parser reads as one LF).
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            form.fields.append((self._textarea[0], text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None and form is not None:
            values = self._select_values
            form.choices[self._select] = [v for v, _ in values]
            chosen = [v for v, selected in values if selected] or [v for v, _ in values[:1]]
            form.fields.extend((self._select, v) for v in chosen)
            self._select = None
        elif tag == "button" and self._button is not None and form is not None:
            if self._button["name"]:
                label = " ".join("".join(self._button["label"]).split())
                form.buttons.append((self._button["name"], self._button["value"], label))
            self._button = None
        elif tag == "form":
            self._form = None


def rendered_forms(html: str) -> list[RenderedForm]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def rendered_form(html: str, action_contains: str = "") -> RenderedForm:
    """The one form on the page whose action contains ``action_contains``."""
    found = [f for f in rendered_forms(html) if action_contains in f.action]
    assert len(found) == 1, f"expected one form with {action_contains!r}, found {len(found)}"
    return found[0]


def submit_as_rendered(
    client,
    page_url: str,
    action_contains: str = "",
    changes: dict | None = None,
    button: str | None = None,
    **kwargs,
):
    """Load ``page_url`` as the browser would, then submit its form as rendered, with
    only what a person types (``changes``) added."""
    page = client.get(page_url)
    assert page.status_code == 200, f"{page_url} answered {page.status_code}"
    form = rendered_form(page.get_data(as_text=True), action_contains)
    target = urljoin(page_url, form.action or page_url)
    data = form.data(changes, button)
    if form.method == "post":
        return client.post(target, data=data, **kwargs)
    return client.get(target, query_string=data, **kwargs)
