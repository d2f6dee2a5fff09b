from forum import create_app

from .factories import PASSWORD, make_user


def test_errors_are_friendly_and_hide_internals(app, client):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internal detail")

    response = client.get("/boom")
    assert response.status_code == 500
    assert "secret internal detail" not in response.text
    assert "Traceback" not in response.text
    assert "etwas schiefgelaufen" in response.text


def test_404_page_is_localised(client, app):
    response = client.get("/gibt/es/nicht")
    assert response.status_code == 404
    assert '<html lang="de">' in response.text
    assert "404" in response.text


def test_security_headers_on_every_page(client, app):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_session_cookie_is_httponly_and_lax(client, app):
    make_user("anna")
    response = client.post("/login", data={"login": "anna", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_browser_features_and_opener_are_closed_on_every_page(client, app):
    response = client.get("/")
    policy = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers  # tests run over plain HTTP


def _production_app(monkeypatch, tmp_path, **environment):
    monkeypatch.delenv("FORUM_DEVELOPMENT", raising=False)
    monkeypatch.setenv("FORUM_SECRET_KEY", "production-secret")
    monkeypatch.setenv("FORUM_DATABASE_URL", f"sqlite:///{tmp_path / 'prod.sqlite'}")
    monkeypatch.setenv("FORUM_RATELIMIT_STORAGE_URI", "memory://")  # one process
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return create_app()


def _static_file_headers(app):
    with app.test_client().get("/static/css/forum.css") as response:
        return response.headers


def test_production_tells_browsers_to_use_https_only(monkeypatch, tmp_path):
    app = _production_app(monkeypatch, tmp_path)
    headers = _static_file_headers(app)
    assert headers["Strict-Transport-Security"] == "max-age=31536000"


def test_hsts_max_age_and_subdomains_are_configurable(monkeypatch, tmp_path):
    app = _production_app(
        monkeypatch,
        tmp_path,
        FORUM_HSTS_SECONDS="600",
        FORUM_HSTS_INCLUDE_SUBDOMAINS="true",
    )
    headers = _static_file_headers(app)
    assert headers["Strict-Transport-Security"] == "max-age=600; includeSubDomains"


def test_hsts_can_be_turned_off(monkeypatch, tmp_path):
    app = _production_app(monkeypatch, tmp_path, FORUM_HSTS_SECONDS="0")
    assert "Strict-Transport-Security" not in _static_file_headers(app)
