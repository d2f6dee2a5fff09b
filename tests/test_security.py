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
