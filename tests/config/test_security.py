"""Safe by default: debug off unless asked for, and the headers and cookie flags of production.

The suite runs on production settings (tests/settings.py: debug off, only the HTTPS redirect
turned off for the plain-HTTP test client); what the settings module does on its own, with
nothing but the environment, is checked in subprocesses of manage.py.
"""

import io
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from heritage.models import HeritageImage, MonumentGalleryImage

REPO = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "production-like-but-only-for-this-test-" + "k7Vq2Zr9" * 6,
    "DJANGO_ALLOWED_HOSTS": "heritage.example.org",
}
PUBLIC_PAGES = ("/vi/", "/vi/monuments/", "/vi/monuments/ngo-mon/", "/vi/restorations/", "/vi/search/?q=ngo")
HSTS = "max-age=31536000; includeSubDomains; preload"


def _manage(*args: str, **environ: str) -> subprocess.CompletedProcess:
    """manage.py as an operator runs it: only the variables given, none of the test run's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "AWS_", "ELASTICSEARCH_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", **environ)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def test_with_debug_unset_and_no_secret_key_the_site_refuses_to_start_in_one_line():
    result = _manage("check")

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (the default); "
        "for development set DJANGO_DEBUG=1, as `make run` does."
    ]


def test_with_debug_unset_debug_is_off_and_cookies_are_secure():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)",
        DJANGO_SECRET_KEY=PRODUCTION["DJANGO_SECRET_KEY"],
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["False", "True", "True", "True", "True"]


def test_check_deploy_reports_nothing_with_production_settings_from_the_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert result.stderr == ""


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (120, 40, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def public_site(site_tree, ngo_mon, settings):
    """The public pages, with a gallery image so that media URLs are on the page.

    The restorers' page answers from the database: its headers and markup are the same on
    either engine, and building an Elasticsearch index is not these tests' business.
    """
    settings.ELASTICSEARCH_URL = ""
    image = HeritageImage.objects.create(title="Ngọ Môn", file=ImageFile(io.BytesIO(_png()), name="ngo-mon.png"))
    MonumentGalleryImage.objects.create(page=ngo_mon, image=image, sort_order=0)
    return ngo_mon


def _directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


class _InlineCode(HTMLParser):
    """What a strict policy would refuse: inline scripts and styles, style attributes, event handlers."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.nonces: list[str | None] = []
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # Inline code; a data block (JSON-LD, json_script) is not run, so the policy does not apply to it.
        data_block = attributes.get("type") in ("application/ld+json", "application/json")
        if (tag == "script" and "src" not in attributes and not data_block) or tag == "style":
            self.nonces.append(attributes.get("nonce"))
        if tag == "img":
            self.images.extend(
                [attributes.get("src", "")] + [s.split()[0] for s in attributes.get("srcset", "").split(",") if s]
            )
        if tag == "source":
            self.images.extend(s.split()[0] for s in attributes.get("srcset", "").split(",") if s)
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"<{tag} {name}=...>")
            url_attribute = name in {"href", "src", "action", "formaction"}
            if url_attribute and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")


@pytest.mark.django_db
def test_public_pages_send_the_strict_policy_and_their_html_satisfies_it(client, public_site):
    for url in PUBLIC_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url

        policy = _directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"], url
        for directive in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in policy[directive] and "'unsafe-eval'" not in policy[directive], url

        html = _InlineCode()
        html.feed(response.content.decode())
        assert html.problems == [], url
        for nonce in html.nonces:  # inline code only with this response's nonce, which the policy names
            assert nonce and f"'nonce-{nonce}'" in policy["script-src"] + policy["style-src"], url
        # Images come from this site or from an origin the policy allows (S3 in the services profile).
        for src in html.images:
            parts = urlsplit(src)
            if parts.netloc:
                assert f"{parts.scheme}://{parts.netloc}" in policy["img-src"], (url, src)
        if url == "/vi/monuments/ngo-mon/":
            assert html.images, "the gallery image is on the page"


@pytest.mark.django_db
def test_public_pages_send_permissions_policy_and_hsts_behind_the_tls_proxy(client, public_site):
    for url in PUBLIC_PAGES:
        through_proxy = client.get(url, headers={"X-Forwarded-Proto": "https"})
        plain = client.get(url)

        assert through_proxy.status_code == 200, url
        permissions = through_proxy["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "fullscreen=(self)"):
            assert feature in permissions.split(", "), url
        assert through_proxy["Strict-Transport-Security"] == HSTS, url
        # Browsers ignore HSTS over plain HTTP; Django sends it only over HTTPS.
        assert "Strict-Transport-Security" not in plain, url


@pytest.mark.django_db
def test_error_pages_send_the_policy_and_the_server_error_page_has_no_inline_style(client, site_tree, rf):
    from django.views.defaults import server_error

    missing = client.get("/vi/no-such-page/")
    assert missing.status_code == 404
    assert "'unsafe-inline'" not in missing["Content-Security-Policy"]

    html = _InlineCode()
    html.feed(server_error(rf.get("/vi/")).content.decode())
    assert html.problems == [] and html.nonces == []


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_that_allows_wagtails_inline_code(client):
    response = client.get("/admin/login/")

    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # no nonce: it would switch 'unsafe-inline' off
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
    assert "Permissions-Policy" in response


def _flags(cookie) -> tuple:
    return bool(cookie["secure"]), bool(cookie["httponly"]), cookie["samesite"]


@pytest.mark.django_db
def test_every_cookie_is_secure_httponly_and_samesite(client, django_user_model, site_tree):
    django_user_model.objects.create_superuser(username="editor", password="pw", email="editor@example.org")
    https = {"headers": {"X-Forwarded-Proto": "https"}}

    csrf = client.get("/admin/login/", **https).cookies["csrftoken"]
    session = client.post("/admin/login/", {"username": "editor", "password": "pw"}, **https).cookies["sessionid"]
    language = client.post("/i18n/setlang/", {"language": "en", "next": "/en/"}, **https).cookies["django_language"]

    assert _flags(csrf) == (True, True, "Lax")
    assert _flags(session) == (True, True, "Lax")
    assert _flags(language) == (True, True, "Lax")
