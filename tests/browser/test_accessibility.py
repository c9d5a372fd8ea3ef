"""axe-core in Debian's Chromium: no WCAG 2.2 AA violation on any public page type.

The pages are the demo archive's (manage.py load_demo), so they carry what visitors meet:
names in three scripts, galleries, captions, records with before and after pictures, sources.
Each page is checked as it stands after loading, with its Content-Security-Policy in force.
"""

import io

import pytest
from django.core.management import call_command

from tests.browser.conftest import PHONE

WIDE = {"width": 1280, "height": 800}
# One of each public page type, in both languages where the type has both.
PAGES = (
    "/vi/",
    "/en/",
    "/vi/monuments/",
    "/en/monuments/",
    "/vi/monuments/ngo-mon/",
    "/en/monuments/ngo-mon/",
    "/vi/artefacts/",
    "/en/artefacts/",
    "/vi/artefacts/than-cong/",
    "/en/artefacts/than-cong/",
    "/vi/restorations/timeline/ngo-mon/",
    "/en/restorations/timeline/ngo-mon/",
    "/vi/restorations/HUE-NGM-1991-01/",
    "/en/restorations/HUE-NGM-1991-01/",
    "/vi/restorations/",
    "/en/restorations/?q=ngoi",
    "/vi/search/?q=Ng%E1%BB%8D+M%C3%B4n",
    "/en/search/?q=gate",
    "/vi/tours/",
    "/en/tours/",
    "/vi/tours/hoang-thanh-buoi-sang/",
    "/en/tours/hoang-thanh-buoi-sang/",
    "/vi/tours/lang-vua/qr/",
    "/ko/",
    "/ko/tours/",
    "/ko/tours/hoang-thanh-buoi-sang/",
)
# The restorers' page changes its layout on a phone: checked there too, filters closed and open.
PHONE_PAGES = ("/vi/restorations/", "/en/restorations/?q=ngoi")


@pytest.mark.needs("chromium")
def test_no_public_page_type_violates_wcag_2_2_aa(live_server, transactional_db, new_page, axe):
    call_command("load_demo", stdout=io.StringIO())

    found: dict[str, list[str]] = {}

    def check(page, label: str) -> None:
        found[label] = axe(page)

    page = new_page(viewport=WIDE)
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        check(page, path)

    phone = new_page(viewport=PHONE)
    for path in PHONE_PAGES:
        assert phone.goto(live_server.url + path).status == 200, path
        check(phone, f"{path} at 390 px")
        phone.locator("#rsearch-filters > summary").click()
        check(phone, f"{path} at 390 px, filters open")

    assert {label: violations for label, violations in found.items() if violations} == {}
    # The check sees what it should: a picture without a text alternative is a violation.
    page.goto(live_server.url + "/vi/")
    page.evaluate("() => document.body.append(Object.assign(new Image(32, 32), {src: '/favicon.ico'}))")
    assert any(line.startswith("image-alt") for line in axe(page))
