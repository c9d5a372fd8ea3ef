"""A tourist's way through a demo tour in Debian's Chromium: the map, the stops by keyboard, the
before/after slider by keyboard, the 360° viewer loaded on demand and a hotspot followed to the next
scene, the tour saved for offline, opened without network and removed, the other languages; with the site's
Content-Security-Policy in force and axe-core checking the page as the scripts left it."""

import io

import pytest
from django.core.management import call_command

from tests.browser.conftest import PHONE
from tests.browser.test_content_security_policy import RECORD_VIOLATIONS

TOUR = "/en/tours/hoang-thanh-buoi-sang/"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.needs("chromium")
def test_a_tourist_follows_a_tour_by_keyboard_map_slider_and_360_viewer(live_server, new_page, axe):
    from playwright.sync_api import expect

    call_command("load_demo", stdout=io.StringIO())
    page = new_page(viewport=PHONE)
    page.add_init_script(RECORD_VIOLATIONS)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + TOUR, wait_until="networkidle")

    # The map draws the five stops, the route between them and the Citadel's outline, without tiles.
    page.wait_for_selector(".map path.map-outline")
    assert page.locator(".map .leaflet-marker-icon").count() == 5
    assert page.locator(".map path.map-route").count() == 1
    # The viewer's code is not fetched until asked for.
    assert not [url for url in requested if "photo-sphere-viewer" in url or "/three/" in url]

    # The stops by keyboard: from the first in the list to the second, and from the map's third marker.
    page.focus("#tour-stops li:first-child a")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**#stop-2")
    page.locator(".map .leaflet-marker-icon").nth(2).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#stop-3")

    # The before/after slider by keyboard: five steps right show more of "before".
    slider = page.locator("input.compare__range").first
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    assert slider.input_value() == "55"
    figure = page.locator("figure.compare--slider").first
    assert figure.evaluate("f => f.style.getPropertyValue('--compare')") == "55%"
    clip = figure.locator(".compare__pair > figure").nth(1).evaluate("f => getComputedStyle(f).clipPath")
    assert "55%" in clip

    # "Explore in 360°" at the first stop, by keyboard; the scene's hotspot leads to the next scene.
    opener = page.locator("#stop-1 [data-open-viewer]")
    opener.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#stop-1-viewer .viewer canvas")
    slot = page.locator("#stop-1-viewer")
    page.wait_for_selector("#stop-1-viewer[data-scene=stop-1-scene]")
    assert [url for url in requested if url.endswith("/photo-sphere-viewer/core/index.module.js")]
    controls = slot.locator(".viewer-controls button").all_inner_texts()
    assert controls == ["Turn left", "Turn right", "Look up", "Look down", "Zoom in", "Zoom out"]
    go = slot.locator(".hotspots").get_by_role("button", name="Go to: Next: Hall of Supreme Harmony")
    go.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#stop-1-viewer[data-scene=stop-2-scene]")
    assert slot.locator(".hotspots").get_by_role("button", name="Go to: Back: Meridian Gate").count() == 1
    assert axe(page) == []
    slot.get_by_role("button", name="Close the 360° view").click()
    assert slot.is_hidden() and opener.is_visible()

    # Saved for offline: it says what it will store, stores it, and the tour opens without network,
    # its 360° viewer too (the low-resolution scene and the viewer's code were saved).
    page.get_by_role("button", name="Save for offline…").click()
    expect(page.locator("[data-offline-status]")).to_contain_text("MB, on this device")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("[data-offline-status]")).to_contain_text("Saved", timeout=60_000)
    page.context.set_offline(True)
    page.reload()
    assert page.locator(".tour-stop").count() == 5
    # Every image of the page was stored in the file this browser picked from its picture (AVIF).
    shown = page.evaluate(
        "() => Promise.all([...document.images].map(i => (i.loading = 'eager',"
        " i.decode().then(() => i.currentSrc, () => 'missing: ' + i.currentSrc))))"
    )
    assert [src for src in shown if src.startswith("missing")] == []
    assert [src for src in shown if ".format-avif." in src]
    page.locator("#stop-3 [data-open-viewer]").click()
    page.wait_for_selector("#stop-3-viewer .viewer canvas")
    page.wait_for_selector("#stop-3-viewer[data-scene=stop-3-scene]")
    # Its two markers (the Nine Urns' pages) have buttons: one turns the view to it and shows its label.
    markers = page.locator("#stop-3-viewer .hotspots li:has(a) button")
    assert markers.count() == 2
    markers.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#stop-3-viewer .psv-tooltip")
    page.context.set_offline(False)

    # The tour says it is saved, and the tours' index lists it with its size; removing it there
    # deletes its page from the device.
    assert page.get_by_role("button", name="Remove from this device").is_visible()
    page.goto(live_server.url + "/en/tours/")
    saved = page.locator("#offline-saved")
    expect(saved.get_by_role("link", name="The Imperial City in a morning")).to_be_visible()
    expect(saved).to_contain_text("MB")
    assert axe(page) == []
    saved.get_by_role("button", name="Remove “The Imperial City in a morning” from this device").click()
    expect(saved.locator("[data-offline-status]")).to_contain_text("was removed from this device")
    assert saved.get_by_role("link").count() == 0
    stored = "() => caches.open('hue-heritage-offline').then(c => c.match('%s')).then(r => !!r)"
    assert page.evaluate(stored % TOUR) is False
    page.goto(live_server.url + TOUR)
    assert page.get_by_role("button", name="Remove from this device").is_hidden()

    # The same tour in Vietnamese, from the language switch.
    page.click("a[hreflang=vi]")
    page.wait_for_url(f"{live_server.url}/vi/tours/hoang-thanh-buoi-sang/")
    assert page.get_attribute("html", "lang") == "vi"
    assert page.locator("[data-open-viewer]").first.inner_text() == "Khám phá 360°"
    # And in Korean, the third language: a setting and translations.
    page.click("a[hreflang=ko]")
    page.wait_for_url(f"{live_server.url}/ko/tours/hoang-thanh-buoi-sang/")
    assert page.get_attribute("html", "lang") == "ko"
    assert page.locator("h1").inner_text() == "오전에 둘러보는 황성"
    assert page.locator("[data-open-viewer]").first.inner_text() == "360°로 둘러보기"

    assert page.evaluate("window.__violations") == []
