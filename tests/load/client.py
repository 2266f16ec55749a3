"""A minimal HTTP visitor for tests against a real server: one connection, one cookie jar."""

import http.client
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from tests.conftest import CSRF_RE


class Browser:
    """One poster: its own connection and cookie jar, like a separate browser."""

    def __init__(self, host: str, timeout: float = 60):
        self.host = host
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(host, timeout=timeout)

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (ConnectionResetError, BrokenPipeError):  # incl. RemoteDisconnected
            # A kept-alive connection the server closed: one fresh try, as browsers do.
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, timeout=self.timeout)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        page = response.read().decode()
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.getheader("Location", ""), page

    def submit(self, form_url: str, data: dict, post_url: str | None = None):
        """Fetch the form for its CSRF token, then send it, as a browser would."""
        status, _, page = self.request("GET", form_url)
        token = CSRF_RE.search(page)
        assert status == 200 and token, f"no form on {form_url} ({status})"
        return self.request("POST", post_url or form_url, {**data, "csrf_token": token[1]})
