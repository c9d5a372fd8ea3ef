"""The restorers' page on a phone (390x844) and on a wide screen, in Debian's Chromium.

On a phone the results come first and the filters wait in a disclosure; a changed filter
applies at once (static/js/restorations.js), and without JavaScript the "Apply filters"
button does the same. No box on the page scrolls inside another.
"""

import re

import pytest

from tests.browser.conftest import PHONE

PAGE = "/vi/restorations/"
# Every element of the page whose content scrolls inside it (overflow auto or scroll, and more
# content than room), described by tag and class.
INNER_SCROLLERS = """() => Array.from(document.querySelectorAll("main *")).filter((el) => {
  const style = getComputedStyle(el);
  const scrolls = (v) => v === "auto" || v === "scroll";
  return (scrolls(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
      || (scrolls(style.overflowX) && el.scrollWidth > el.clientWidth + 1);
}).map((el) => `${el.tagName.toLowerCase()}.${el.className}`)"""


def _heading_box(page) -> dict:
    return page.locator("#rsearch-results").bounding_box()


@pytest.mark.needs("chromium")
def test_on_a_phone_the_results_come_first_and_the_filters_apply_as_they_change(
    live_server, small_archive, settings, new_page
):
    settings.ELASTICSEARCH_URL = ""  # the database search: the same page, no index to build
    url = live_server.url + PAGE
    page = new_page(viewport=PHONE)
    page.goto(url)

    # The results heading is on the first screen; the filters are closed above it.
    heading = _heading_box(page)
    assert heading["y"] + heading["height"] <= PHONE["height"], heading
    assert page.locator("#rsearch-results").inner_text() == "3 hồ sơ"
    assert not page.locator("#rsearch-filters").evaluate("(details) => details.open")
    assert not page.get_by_label("Ngọ Môn (2)").is_visible()
    assert page.evaluate(INNER_SCROLLERS) == []

    # Open the filters, tick a monument: the results follow without a new page load.
    page.evaluate("() => { window.samePage = true; }")
    page.get_by_text("Bộ lọc và sắp xếp").click()
    page.get_by_label("Ngọ Môn (2)").check()
    page.wait_for_url(re.compile(r"\?monument=ngo-mon"))
    page.locator("#rsearch-results").filter(has_text="2 hồ sơ").wait_for()
    assert page.evaluate("() => window.samePage") is True
    assert page.locator("#rsearch-status").inner_text() == "2 hồ sơ"
    titles = page.locator(".rsearch__result h3").all_inner_texts()
    assert titles == ["Thay ngói lưu ly mái lầu Ngũ Phụng", "Khảo sát hiện trạng cổng Ngọ Môn"]
    # The panel stays open, the ticked box keeps the focus, the summary counts the filter.
    assert page.get_by_label("Ngọ Môn (2)").is_checked()
    assert page.evaluate("() => document.activeElement.value") == "ngo-mon"
    assert "(đã chọn 1)" in page.locator("#rsearch-filters > summary").inner_text()

    # Back returns to the unfiltered results.
    page.go_back()
    page.locator("#rsearch-results").filter(has_text="3 hồ sơ").wait_for()


@pytest.mark.needs("chromium")
def test_without_javascript_the_apply_button_filters_and_the_results_still_come_first(
    live_server, small_archive, settings, new_page
):
    settings.ELASTICSEARCH_URL = ""
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(live_server.url + PAGE)

    page.get_by_text("Bộ lọc và sắp xếp").click()  # <details> opens without JavaScript
    page.get_by_label("Điện Thái Hòa (1)").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Áp dụng bộ lọc").click()

    assert "monument=dien-thai-hoa" in page.url
    assert page.locator("#rsearch-results").inner_text() == "1 hồ sơ"
    assert page.locator(".rsearch__result h3").all_inner_texts() == ["Tu bổ điện Thái Hòa"]
    heading = _heading_box(page)
    assert heading["y"] + heading["height"] <= PHONE["height"], heading


@pytest.mark.needs("chromium")
def test_on_a_wide_screen_the_filters_are_a_column_beside_the_results(live_server, small_archive, settings, page):
    settings.ELASTICSEARCH_URL = ""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + PAGE)

    filters = page.locator("#rsearch-panel").bounding_box()
    results = page.locator("#rsearch-results").bounding_box()
    assert page.get_by_label("Ngọ Môn (2)").is_visible()
    assert filters["x"] + filters["width"] <= results["x"]  # side by side, filters first
    assert results["y"] < 800 and filters["y"] < 800
    assert page.evaluate(INNER_SCROLLERS) == []
