"""Errors are friendly pages with the right status, never a traceback."""


def test_an_unexpected_error_gets_a_friendly_500(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/explode")
    def explode():
        raise RuntimeError("boom")

    response = app.test_client().get("/explode")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong on our side" in html
    assert "RuntimeError" not in html and "Traceback" not in html
