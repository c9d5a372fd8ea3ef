"""A curator places a panorama's hotspot and its initial view by clicking on the preview in the
admin (tours/panels.py, static/tours/admin/hotspot-placement.js), in Debian's Chromium."""

import pytest
from wagtail.models import Locale

from tests.factories import make_image
from tours.models import Panorama, PanoramaHotspot


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.needs("chromium")
def test_a_curator_places_a_hotspot_and_the_initial_view_by_clicking_the_preview(live_server, curator, page):
    from playwright.sync_api import expect
    from wagtail.users.models import UserProfile

    vi = Locale.objects.get(language_code="vi")
    scene = Panorama.objects.create(
        title="Ngọ Môn 360", image=make_image("ngo-mon-360", width=400, height=200), locale=vi
    )
    PanoramaHotspot.objects.create(panorama=scene, yaw=0, pitch=0, label="Lầu Ngũ Phụng", note="Tầng trên")
    profile = UserProfile.get_for_user(curator)
    profile.preferred_language = "en"
    profile.save()

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    # Not "load": the admin keeps a request open that the test does not need.
    page.goto(f"{live_server.url}/admin/snippets/tours/panorama/edit/{scene.pk}/", wait_until="domcontentloaded")

    preview = page.locator("[data-placement-image]")
    expect(preview).to_be_visible()
    box = preview.bounding_box()
    # The hotspot's label field used last: a click three quarters across and a quarter down places
    # it at yaw 90°, pitch 45°.
    page.locator('[name="hotspots-0-label"]').focus()
    preview.click(position={"x": box["width"] * 0.75, "y": box["height"] * 0.25})
    expect(page.locator("[data-placement-status]")).to_contain_text("Hotspot 1: yaw ")
    # A click lands on a whole pixel: within half a degree of the point aimed at.
    assert abs(float(page.locator('[name="hotspots-0-yaw"]').input_value()) - 90) < 0.5
    assert abs(float(page.locator('[name="hotspots-0-pitch"]').input_value()) - 45) < 0.5
    marker = page.locator(".hotspot-placement__marker")
    expect(marker).to_have_count(1)
    # The initial view's yaw field used last: the click sets the initial view.
    page.locator('[name="initial_yaw"]').focus()
    preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.5})
    expect(page.locator("[data-placement-status]")).to_contain_text("Initial view: yaw ")
    assert abs(float(page.locator('[name="initial_yaw"]').input_value()) + 90) < 0.5
    assert abs(float(page.locator('[name="initial_pitch"]').input_value())) < 0.5

    page.get_by_role("button", name="Save").first.click()
    expect(page.locator(".messages")).to_contain_text("updated")

    scene.refresh_from_db()
    hotspot = scene.hotspots.get()
    assert abs(float(hotspot.yaw) - 90) < 0.5 and abs(float(hotspot.pitch) - 45) < 0.5
    assert abs(float(scene.initial_yaw) + 90) < 0.5 and abs(float(scene.initial_pitch)) < 0.5
