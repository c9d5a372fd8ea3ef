"""Tours: the models' checks, the server-rendered tour page, its QR codes (tours/, docs/tours.md)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail.rich_text import RichText

from tests.factories import make_image, make_record
from tours.models import Panorama, PanoramaHotspot, TourPage, TourStop


def panorama(title, vi, **fields):
    item = Panorama(title=title, image=make_image(f"{title} 360", width=200, height=100), locale=vi, **fields)
    item.full_clean()
    item.save()
    return item


def tour_create(index, stops, **fields):
    values = {"title": "Hoàng thành buổi sáng", "slug": "hoang-thanh", "duration_minutes": 120, "distance_metres": 1500}
    values.update(fields)
    for order, stop in enumerate(stops):
        stop.sort_order = order  # as the admin's orderable panel sets it
    tour = TourPage(**values, stops=stops)
    index.add_child(instance=tour)
    tour.save_revision().publish()
    return tour


# --- Bad input: a clear message ------------------------------------------------------------


def test_a_panorama_that_is_not_two_to_one_is_refused_with_its_size(vi):
    item = Panorama(title="Sân chầu", image=make_image("Sân chầu", width=300, height=200), locale=vi)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "twice as wide as it is high (2:1)" in str(error.value) and "300 × 200" in str(error.value)


def test_a_hotspot_leads_to_exactly_one_thing(vi, monuments):
    scene = panorama("Ngọ Môn", vi)
    for fields in ({}, {"note": "Lầu Ngũ Phụng", "target_page": monuments[0]}):
        with pytest.raises(ValidationError, match="exactly one thing"):
            PanoramaHotspot(panorama=scene, yaw=0, pitch=0, label="?", locale=vi, **fields).full_clean(
                exclude=["panorama"]
            )
    with pytest.raises(ValidationError, match="its own panorama"):
        PanoramaHotspot(panorama=scene, yaw=0, pitch=0, label="?", locale=vi, target_scene=scene).clean()


def test_audio_needs_a_transcript(monuments):
    from wagtailmedia.models import Media

    audio = Media(title="Lời kể", type="audio")
    stop = TourStop(monument=monuments[0], audio=audio, transcript=" ")
    stop.audio_id = 1  # an audio file is chosen
    with pytest.raises(ValidationError, match="transcript"):
        stop.clean()


def test_a_tour_without_stops_is_not_found(client, tours_index):
    tour = TourPage(title="Trống", slug="trong", duration_minutes=10, distance_metres=10)
    tours_index.add_child(instance=tour)
    tour.save_revision().publish()
    assert client.get("/vi/tours/trong/").status_code == 404
    assert client.get("/vi/tours/trong/qr/").status_code == 404
    assert "/vi/tours/trong/" not in client.get("/vi/tours/").content.decode()


# --- The tour page -------------------------------------------------------------------------


def test_the_tour_page_has_every_stop_hotspot_and_public_record_in_its_html(client, vi, tours_index, monuments):
    ngo_mon, thai_hoa = monuments
    gate, hall = panorama("Ngọ Môn", vi), panorama("Điện Thái Hòa", vi)
    PanoramaHotspot.objects.create(panorama=gate, yaw=10, pitch=0, label="Vào Điện Thái Hòa", target_scene=hall)
    PanoramaHotspot.objects.create(panorama=gate, yaw=-40, pitch=5, label="Lầu Ngũ Phụng", note="Lầu trên cửa.")
    PanoramaHotspot.objects.create(panorama=hall, yaw=0, pitch=0, label="Về Ngọ Môn", target_page=ngo_mon)
    make_record(ngo_mon, reference="HUE-NM-1991-01", title="Tu bổ Ngọ Môn", start="1991")
    make_record(ngo_mon, reference="HUE-NM-2020-01", title="Hồ sơ nội bộ", start="2020", visibility="internal")
    tour_create(
        tours_index,
        [
            TourStop(
                monument=ngo_mon,
                panorama=gate,
                narrative=[("text", RichText("<p>Cổng chính phía nam.</p>"))],
                opening_hours="7:00–17:30",
            ),
            TourStop(monument=thai_hoa, panorama=hall),
        ],
    )
    html = client.get("/vi/tours/hoang-thanh/").content.decode()
    assert 'id="stop-1"' in html and 'id="stop-2"' in html
    assert "Điểm dừng 1:" in html and "Thời lượng" in html  # the interface in the page's language
    assert '<a href="/vi/monuments/ngo-mon/" lang="vi">Ngọ Môn</a>' in html
    assert "Cổng chính phía nam." in html and "7:00–17:30" in html
    assert '<a href="#stop-2">Vào Điện Thái Hòa</a>' in html  # a scene of the tour: that stop
    assert "Lầu Ngũ Phụng: Lầu trên cửa." in html  # a note, as text
    assert '<a href="/vi/monuments/ngo-mon/">Về Ngọ Môn</a>' in html  # a page
    assert "Tu bổ Ngọ Môn" in html and 'href="/vi/restorations/HUE-NM-1991-01/"' in html
    assert "Hồ sơ nội bộ" not in html  # internal records stay internal


def test_a_hotspot_whose_page_was_unpublished_or_deleted_stays_as_text(client, vi, tours_index, monuments):
    ngo_mon, thai_hoa = monuments
    gate = panorama("Ngọ Môn", vi)
    PanoramaHotspot.objects.create(panorama=gate, yaw=0, pitch=0, label="Điện Thái Hòa", target_page=thai_hoa)
    tour_create(tours_index, [TourStop(monument=ngo_mon, panorama=gate)])
    thai_hoa.unpublish()
    response = client.get("/vi/tours/hoang-thanh/")
    assert response.status_code == 200, response.content.decode()[-3000:]
    html = response.content.decode()
    assert "<li>Điện Thái Hòa</li>" in html and "/vi/monuments/dien-thai-hoa/" not in html


# --- QR codes --------------------------------------------------------------------------------


def test_each_stop_has_a_qr_code_that_opens_it_in_its_language_and_a_sheet_lists_them(client, tours_index, monuments):
    tour_create(tours_index, [TourStop(monument=monuments[0]), TourStop(monument=monuments[1])])
    response = client.get("/vi/tours/hoang-thanh/stops/2/qr.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<svg") and "<title>http://testserver/vi/tours/hoang-thanh/#stop-2</title>" in svg
    assert client.get("/vi/tours/hoang-thanh/stops/3/qr.svg").status_code == 404
    assert client.get("/vi/tours/hoang-thanh/stops/0/qr.svg").status_code == 404
    sheet = client.get("/vi/tours/hoang-thanh/qr/").content.decode()
    assert sheet.count("/qr.svg") == 2 and 'src="/vi/tours/hoang-thanh/stops/1/qr.svg"' in sheet


def test_the_english_tour_marks_what_is_not_yet_translated(client, tours_index, monuments):
    from heritage import translation

    tour = tour_create(
        tours_index,
        [TourStop(monument=monuments[0], transcript="", narrative=[("text", RichText("<p>Cổng chính phía nam.</p>"))])],
        intro="<p>Một buổi sáng trong Hoàng thành.</p>",
    )
    en = Locale.objects.get(language_code="en")
    translation.translations_create(tours_index, locales=[en])
    translation.translations_create(tour, locales=[en])
    html = client.get("/en/tours/hoang-thanh/").content.decode()
    assert '<div class="intro prose" lang="vi"><p>Một buổi sáng trong Hoàng thành.</p></div>' in html
    assert '<div class="prose" lang="vi"><p>Cổng chính phía nam.</p></div>' in html
    assert html.count("(not yet translated)") >= 2
    assert "Stop 1:" in html and '<a href="/en/monuments/ngo-mon/" lang="en">Meridian Gate</a>' in html


def test_a_korean_tour_shows_the_english_text_where_the_korean_is_missing(client, tours_index, monuments):
    """A Korean reader reads English before Vietnamese (heritage.labels.reading_order): a string not
    yet in Korean shows its English translation, marked as English, else the Vietnamese original."""
    from heritage import translation

    tour = tour_create(
        tours_index,
        [TourStop(monument=monuments[0], narrative=[("text", RichText("<p>Cổng chính phía nam.</p>"))])],
        intro="<p>Một buổi sáng trong Hoàng thành.</p>",
    )
    en, ko = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko")
    translation.translations_create(tours_index, locales=[en, ko])
    translation.strings_translate(tour, en, {"intro": "A morning in the Imperial City."})
    translation.translations_create(tour, locales=[en, ko])
    html = client.get("/ko/tours/hoang-thanh/").content.decode()
    assert '<div class="intro prose" lang="en"><p>A morning in the Imperial City.</p></div>' in html
    assert '<div class="prose" lang="vi"><p>Cổng chính phía nam.</p></div>' in html  # in neither
    assert html.count("아직 번역되지 않음") >= 2
    # A stop's narrative, once in English, is read from the English page's stop.
    stop = tour.stops.get()
    path = f"stops.{stop.translation_key}.narrative.{stop.narrative[0].id}"
    translation.strings_translate(tour, en, {path: "The southern main gate."})
    translation.translations_sync(instance=tour)
    html = client.get("/ko/tours/hoang-thanh/").content.decode()
    assert '<div class="prose" lang="en"><p>The southern main gate.</p></div>' in html
    # Translated into Korean, the Korean text shows, unmarked.
    translation.strings_translate(tour, ko, {"intro": "황성에서 보내는 오전."})
    translation.translations_sync(instance=tour)
    html = client.get("/ko/tours/hoang-thanh/").content.decode()
    assert '<div class="intro prose"><p>황성에서 보내는 오전.</p></div>' in html


def test_the_tour_page_costs_the_same_queries_with_two_stops_or_six(client, vi, tours_index, monuments):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from heritage.page_cache import HIT_HEADER, invalidate

    def stops(count):
        items = []
        for number in range(count):
            monument = monuments[number % 2]
            scene = panorama(f"Cảnh {number}", vi)
            PanoramaHotspot.objects.create(panorama=scene, yaw=0, pitch=0, label="Trang", target_page=monument)
            make_record(monument, title=f"Tu bổ {number}", start=str(1990 + number))
            items.append(TourStop(monument=monument, panorama=scene))
        return items

    counts = []
    for slug, count in (("hai", 2), ("sau", 6)):
        tour_create(tours_index, stops(count), slug=slug, title=slug)
        client.get(f"/vi/tours/{slug}/")  # the first view makes what later views reuse (renditions)
        invalidate()  # ...but the page itself is rendered again, not served from the page cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/vi/tours/{slug}/")
        assert response.status_code == 200 and response[HIT_HEADER] == "miss"
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_tour_tells_search_engines_its_itinerary_and_is_in_the_sitemap(client, tours_index, monuments):
    import json
    import re

    tour_create(
        tours_index,
        [TourStop(monument=monuments[0]), TourStop(monument=monuments[1])],
        intro="<p>Một buổi sáng trong Hoàng thành.</p>",
    )
    html = client.get("/vi/tours/hoang-thanh/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "TouristTrip" and data["url"] == "http://testserver/vi/tours/hoang-thanh/"
    assert data["description"] == "Một buổi sáng trong Hoàng thành."
    items = data["itinerary"]["itemListElement"]
    assert [(item["position"], item["item"]["name"]) for item in items] == [(1, "Ngọ Môn"), (2, "Điện Thái Hòa")]
    assert '<link rel="canonical" href="http://testserver/vi/tours/hoang-thanh/">' in html
    sitemap = "".join(client.get(url).content.decode() for url in ("/sitemap.xml", "/sitemap-pages.xml"))
    assert "http://testserver/vi/tours/hoang-thanh/" in sitemap


def test_every_page_links_to_the_tours_in_its_language(client, tours_index, monuments):
    html = client.get("/vi/monuments/ngo-mon/").content.decode()
    assert '<a href="/vi/tours/">Tham quan</a>' in html
    html = client.get("/vi/tours/").content.decode()
    assert '<a href="/vi/tours/" aria-current="page">Tham quan</a>' in html


# --- The home page -------------------------------------------------------------------------


def test_the_home_page_shows_the_tours_with_stops_and_a_map_of_the_located_monuments(client, tours_index, monuments):
    from heritage.models import MonumentPage

    ngo_mon, thai_hoa = monuments
    MonumentPage.objects.filter(pk=ngo_mon.pk).update(latitude="16.466800", longitude="107.579300")
    tour_create(tours_index, [TourStop(monument=ngo_mon)], slug="buoi-sang", title="Buổi sáng")
    empty = TourPage(title="Trống", slug="trong", duration_minutes=10, distance_metres=10)
    tours_index.add_child(instance=empty)
    empty.save_revision().publish()

    html = client.get("/vi/").content.decode()
    assert 'href="/vi/tours/buoi-sang/"' in html
    assert "/vi/tours/trong/" not in html  # no stops: a 404, so not shown
    # The map's points are a list on the page: the located monument, not the other.
    places = html[html.index('id="monument-places"') :]
    assert 'data-lat="16.466800" data-lng="107.579300"><a href="/vi/monuments/ngo-mon/"' in places
    assert "/vi/monuments/dien-thai-hoa/" not in places
    assert 'data-points="monument-places"' in html and "vendor/leaflet/leaflet.js" in html


def test_an_unknown_or_unpublished_tour_is_not_found(client, tours_index, monuments):
    tour = tour_create(tours_index, [TourStop(monument=monuments[0])], slug="sang")
    assert client.get("/vi/tours/sang/").status_code == 200
    assert client.get("/vi/tours/khong-co/").status_code == 404
    tour.unpublish()
    assert client.get("/vi/tours/sang/").status_code == 404
    assert client.get("/vi/tours/sang/qr/").status_code == 404


def test_a_page_below_a_page_that_routes_itself_is_found(client, tours_index, monuments):
    from heritage.models import MonumentIndexPage
    from tours.models import TourStop

    tour = tour_create(tours_index, [TourStop(monument=monuments[0])])
    tour.add_child(instance=MonumentIndexPage(title="Bên dưới", slug="below", live=True))  # not from the admin
    assert client.get(f"{tour.url}below/").status_code == 200
    assert client.get(f"{tour.url}nowhere/").status_code == 404
