"""Promise: in production, browsers are told to use HTTPS only (HSTS), so a staff
session cookie is never offered over plain HTTP. Development, on http://127.0.0.1,
must not send it: a browser would then refuse plain HTTP to that host for a year."""

HSTS = "Strict-Transport-Security"


def test_production_sends_hsts_on_every_page(monkeypatch, make_app, database_url):
    monkeypatch.setenv("MEND_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a production secret for this test only")
    monkeypatch.setenv("DATABASE_URL", database_url)
    app = make_app()
    assert app.config["MEND_ENV"] == "production"
    client = app.test_client()
    for url in ("/", "/login", "/no-such-page"):
        header = client.get(url).headers.get(HSTS, "")
        assert "max-age=31536000" in header and "includeSubDomains" in header, url


def test_development_sends_no_hsts(monkeypatch, make_app):
    monkeypatch.delenv("MEND_ENV", raising=False)
    app = make_app()
    assert app.config["MEND_ENV"] == "development"
    for url in ("/", "/login"):
        assert HSTS not in app.test_client().get(url).headers, url
