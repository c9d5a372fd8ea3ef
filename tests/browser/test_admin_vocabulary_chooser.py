"""The record form's vocabulary chooser in a real browser (Debian's Chromium, driven by Playwright):
a curator picks two techniques by keyboard, typing them without accents, and saves.

The browser is the package's shared one (tests/browser/conftest.py).
"""

import pytest

from heritage.models import RestorationRecord, Technique
from tests.factories import make_record


# The live server needs committed data, so the database is flushed after the test; serialized_rollback
# puts back what the migrations wrote (locales, groups, the review workflow) before it, whatever ran first.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.needs("chromium")
def test_a_curator_picks_two_techniques_by_keyboard_and_saves(live_server, ngo_mon, curator, page):
    from playwright.sync_api import expect
    from wagtail.users.models import UserProfile

    lacquer = Technique.objects.create(name="Sơn mài", name_en="Lacquering")
    roofing = Technique.objects.create(name="Lợp ngói", name_en="Re-roofing")
    Technique.objects.create(name="Sơn son thếp vàng", name_en="Red lacquer and gilding")
    record = make_record(ngo_mon, reference="HUE-B-1", title="Tu bổ mái")
    profile = UserProfile.get_for_user(curator)
    profile.preferred_language = "en"
    profile.save()
    edit_url = f"{live_server.url}/admin/snippets/heritage/restorationrecord/edit/{record.pk}/"
    # The ORM is done with until the browser closes: Playwright's sync API runs an event loop.

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(edit_url)

    box = page.get_by_role("textbox", name="Techniques", exact=True)  # tag-it's typing box, labelled
    box.focus()
    menu = page.locator("ul.ui-autocomplete:visible")
    page.keyboard.type("son mai")
    expect(menu.get_by_text("Lacquering (Sơn mài)")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.type("lop ngoi")
    expect(menu.get_by_text("Re-roofing (Lợp ngói)")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    chosen = page.locator("#id_techniques + ul.tagit .tagit-label")
    expect(chosen).to_have_text(["Lacquering", "Re-roofing"])

    save = page.get_by_role("button", name="Save draft")
    save.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("updated")

    draft = RestorationRecord.objects.get(pk=record.pk).latest_revision.as_object()
    assert set(draft.techniques.all()) == {lacquer, roofing}
    assert Technique.objects.count() == 3  # nothing added: both were found without their accents
