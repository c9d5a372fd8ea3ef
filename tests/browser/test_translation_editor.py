"""Translating in the admin, in Debian's Chromium: a curator translates a monument's introduction in
wagtail-localize's editor and the English page shows it; a fact edited on the Vietnamese page and
published shows on the English page with no second edit (heritage.translation)."""

import re

import pytest

from heritage.models import MonumentPage
from heritage.services import monument_create

INTRO_VI = "Cổng chính phía nam của Hoàng thành Huế, xây năm 1833."
INTRO_EN = "The main southern gate of the Imperial City of Huế, built in 1833."


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.needs("chromium")
def test_a_curator_translates_a_monument_and_edits_a_fact_once(live_server, site_tree, page, django_user_model):
    from playwright.sync_api import expect

    monument = monument_create(
        index=site_tree["vi"]["monuments"],
        slug="ngo-mon",
        name_vi="Ngọ Môn",
        name_en="Noon Gate",
        category="gate",
        latitude="16.466800",
        longitude="107.579100",
        intro=INTRO_VI,
    )
    english = MonumentPage.objects.get(translation_key=monument.translation_key, locale__language_code="en")
    django_user_model.objects.create_superuser(username="editor", password="pw", email="editor@example.org")
    # The ORM is done with until the browser is: Playwright's sync API runs an event loop.

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    # Before: the English page shows the Vietnamese introduction, marked as not yet translated.
    page.goto(f"{live_server.url}/en/monuments/ngo-mon/")
    expect(page.locator(f'[lang="vi"]:has-text("{INTRO_VI}")').first).to_be_visible()

    # Editing the English page opens wagtail-localize's translation editor.
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    segment = page.locator("li", has_text=INTRO_VI).last
    segment.get_by_role("button", name=re.compile("Translate|Edit")).first.click()
    segment.locator("textarea").fill(INTRO_EN)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_role("button", name=re.compile("Edit"))).to_be_visible()
    page.get_by_role("button", name=re.compile("Publish in English")).click()
    page.wait_for_load_state("networkidle")

    page.goto(f"{live_server.url}/en/monuments/ngo-mon/")
    expect(page.get_by_text(INTRO_EN)).to_be_visible()
    expect(page.locator(f'[lang="vi"]:has-text("{INTRO_VI}")')).to_have_count(0)

    # A fact, edited once on the Vietnamese page and published, shows on the English page.
    page.goto(f"{live_server.url}/admin/pages/{monument.pk}/edit/")
    page.fill("#id_latitude", "16.466900")
    page.locator("button.dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/en/monuments/ngo-mon/")
    expect(page.locator("body")).to_contain_text("16.4669")
    expect(page.get_by_text(INTRO_EN)).to_be_visible()
