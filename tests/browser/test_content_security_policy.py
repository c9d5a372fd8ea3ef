"""The Content-Security-Policy as a browser enforces it: Debian's Chromium, driven by Playwright.

The pages are served by a live server on the test settings (production settings, plain HTTP);
the browser reports every violation as a `securitypolicyviolation` event and a console error.
"""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from heritage.models import HeritageImage, MonumentGalleryImage

PUBLIC_PAGES = ("/vi/", "/vi/monuments/", "/vi/monuments/ngo-mon/", "/en/monuments/ngo-mon/", "/vi/restorations/")
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
});
"""


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (120, 40, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # migrations' data, after other live-server tests
@pytest.mark.needs("chromium")
def test_the_browser_reports_no_policy_violation_on_public_pages_or_in_the_admin(
    live_server, site_tree, ngo_mon, django_user_model, settings, page
):
    # The restorers' page answers from the database: same markup, no Elasticsearch index to build.
    settings.ELASTICSEARCH_URL = ""

    image = HeritageImage.objects.create(title="Ngọ Môn", file=ImageFile(io.BytesIO(_png()), name="ngo-mon.png"))
    MonumentGalleryImage.objects.create(page=ngo_mon, image=image, sort_order=0)
    django_user_model.objects.create_superuser(username="editor", password="pw", email="editor@example.org")
    admin_pages = ("/admin/", f"/admin/pages/{ngo_mon.pk}/edit/", "/admin/snippets/heritage/restorationrecord/")

    violations: dict[str, list[str]] = {}
    page.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))

    def visit(path: str) -> None:
        console.clear()
        response = page.goto(live_server.url + path, wait_until="networkidle")
        assert response.status == 200, path
        assert response.headers["content-security-policy"], path
        found = page.evaluate("window.__violations") + [m for m in console if "Content Security Policy" in m]
        violations[path] = found

    for path in PUBLIC_PAGES:
        visit(path)
    visit("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    for path in admin_pages:
        visit(path)

    # The listener hears violations: an inline script added to a public page is refused and reported.
    visit("/vi/")
    page.evaluate("document.body.append(Object.assign(document.createElement('script'), {textContent: '1'}))")
    page.wait_for_function("window.__violations.length > 0", timeout=5000)
    refused = page.evaluate("window.__violations")

    assert {path: found for path, found in violations.items() if found} == {}
    assert refused and refused[0].startswith("script-src")
