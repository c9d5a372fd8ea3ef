"""A tour page is served whole from cache to anonymous visitors, and the cache is emptied when
anything the page shows changes (heritage/page_cache.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from heritage.page_cache import HIT_HEADER
from tests.factories import make_record
from tests.tours.test_tours import tour_create
from tours.models import TourPage, TourStop

URL = "/vi/tours/hoang-thanh/"


def _get(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return response, len(queries)


def test_a_tour_page_is_served_from_cache_until_what_it_shows_is_published(client, tours_index, monuments):
    ngo_mon, _thai_hoa = monuments
    tour_create(tours_index, [TourStop(monument=ngo_mon)])

    first, _ = _get(client)
    assert first[HIT_HEADER] == "miss"
    again, queries = _get(client)
    assert again[HIT_HEADER] == "hit" and queries == 0
    assert again.content == first.content
    assert again["Content-Security-Policy"] and "nonce-" not in again.content.decode()

    # A record of the stop's monument published: the page shows it at once.
    make_record(ngo_mon, title="Gia cố mái Lầu Ngũ Phụng", start="2024")
    fresh, _ = _get(client)
    assert fresh[HIT_HEADER] == "miss" and "Gia cố mái Lầu Ngũ Phụng" in fresh.content.decode()

    # The monument renamed and published.
    ngo_mon.refresh_from_db()
    ngo_mon.name_vi = "Cổng Ngọ Môn"
    ngo_mon.title = "Cổng Ngọ Môn"
    ngo_mon.save_revision().publish()
    renamed, _ = _get(client)
    assert renamed[HIT_HEADER] == "miss" and "Cổng Ngọ Môn" in renamed.content.decode()


def test_browsers_that_accept_gzip_get_the_page_compressed_from_the_cache_and_the_others_plain(
    client, tours_index, monuments
):
    import gzip

    tour_create(tours_index, [TourStop(monument=monuments[0])])
    phone = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
    first = client.get(URL, **phone)
    hit = client.get(URL, **phone)
    plain = client.get(URL)
    assert (first[HIT_HEADER], hit[HIT_HEADER], plain[HIT_HEADER]) == ("miss", "hit", "hit")
    for compressed in (first, hit):
        assert compressed["Content-Encoding"] == "gzip"
        assert gzip.decompress(compressed.content) == plain.content
        assert len(compressed.content) < len(plain.content) / 2
    assert not plain.has_header("Content-Encoding") and "Hoàng thành buổi sáng" in plain.content.decode()
    for response in (first, hit, plain):  # so that no shared cache gives one's answer to the other
        assert "Accept-Encoding" in response["Vary"]


def test_a_cache_that_drops_the_generation_never_serves_a_page_kept_before(client, tours_index, monuments):
    """Caches drop entries (the database cache culls by key order, which reaches the generation first):
    the generation made again is one no kept page carries, not where it started."""
    from django.core.cache import caches

    from heritage.page_cache import GENERATION

    tour = tour_create(tours_index, [TourStop(monument=monuments[0])])
    caches["pages"].delete(GENERATION)
    assert _get(client)[0][HIT_HEADER] == "miss"
    TourPage.objects.filter(pk=tour.pk).update(title="Một buổi sáng")  # no signal: the page kept
    assert _get(client)[0][HIT_HEADER] == "hit"
    caches["pages"].delete(GENERATION)  # dropped by the cache, the old page still there
    fresh, _ = _get(client)
    assert fresh[HIT_HEADER] == "miss" and "Một buổi sáng" in fresh.content.decode()


def test_signed_in_visitors_and_the_qr_sheet_are_never_served_from_cache(client, tours_index, monuments, curator):
    tour_create(tours_index, [TourStop(monument=monuments[0])])
    client.get(URL)
    client.force_login(curator)
    response, _ = _get(client)
    assert not response.has_header(HIT_HEADER)
    client.logout()
    for _ in range(2):
        sheet = client.get(f"{URL}qr/")
        assert sheet.status_code == 200 and not sheet.has_header(HIT_HEADER)


def test_the_page_cache_works_from_the_database_cache_table_as_deployed(
    client, tours_index, monuments, page_cache_in_database
):
    """With DATABASE_URL, settings keep the cache in the database, shared by every process."""
    tour_create(tours_index, [TourStop(monument=monuments[0])])
    assert _get(client)[0][HIT_HEADER] == "miss"
    hit, queries = _get(client)
    assert hit[HIT_HEADER] == "hit" and queries == 1  # the generation and the page, read together
    make_record(monuments[0], title="Gia cố", start="2024")
    assert _get(client)[0][HIT_HEADER] == "miss"


def test_a_page_rendered_after_a_publication_stays_cached_as_long_as_pages_are_kept(
    client, tours_index, monuments, page_cache_in_database, monkeypatch
):
    """Emptying the cache must not leave a generation that expires before the pages: Django's incr()
    on the database cache writes the number back with the default timeout, five minutes."""
    import datetime

    from django.utils import timezone

    tour_create(tours_index, [TourStop(monument=monuments[0])])
    make_record(monuments[0], title="Gia cố", start="2024")  # a publication empties the cache
    assert _get(client)[0][HIT_HEADER] == "miss"
    half_an_hour_later = timezone.now() + datetime.timedelta(minutes=30)
    monkeypatch.setattr("django.core.cache.backends.db.tz_now", lambda: half_an_hour_later)
    assert _get(client)[0][HIT_HEADER] == "hit"


def test_a_page_rendered_before_a_change_is_committed_is_not_served_after_it(
    client, tours_index, monuments, django_capture_on_commit_callbacks
):
    """Until the change commits, another process renders the page from the data as it was, under the
    new generation: the commit moves to another."""
    tour_create(tours_index, [TourStop(monument=monuments[0])])
    with django_capture_on_commit_callbacks(execute=True):
        make_record(monuments[0], title="Gia cố", start="2024")
        # Rendered and kept while the record is not committed (in another process, without it).
        assert _get(client)[0][HIT_HEADER] == "miss"
        assert _get(client)[0][HIT_HEADER] == "hit"
    assert _get(client)[0][HIT_HEADER] == "miss"


def test_an_import_of_records_empties_the_page_cache(
    client, tours_index, monuments, django_capture_on_commit_callbacks
):
    """The import writes in bulk, without the signals of each record: it says so once, at commit."""
    from heritage.importing import restorations_import
    from tests.heritage.test_import_restorations import csv_bytes, row

    tour_create(tours_index, [TourStop(monument=monuments[0])])
    _get(client)
    assert _get(client)[0][HIT_HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        report = restorations_import(data=csv_bytes([row(title="Thay ngói lưu ly mái Ngọ Môn")]))
    assert report.ok, report.summary
    fresh, _ = _get(client)
    assert fresh[HIT_HEADER] == "miss" and "Thay ngói lưu ly mái Ngọ Môn" in fresh.content.decode()


def test_a_deployment_s_migrate_empties_the_page_cache(client, tours_index, monuments):
    """New templates and translations never meet pages the previous release cached."""
    import io

    from django.core.management import call_command

    tour_create(tours_index, [TourStop(monument=monuments[0])])
    _get(client)
    assert _get(client)[0][HIT_HEADER] == "hit"
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    assert _get(client)[0][HIT_HEADER] == "miss"


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, tours_index, monuments):
    from wagtail.models import PageViewRestriction

    tour = tour_create(tours_index, [TourStop(monument=monuments[0])])
    _get(client)
    assert _get(client)[0][HIT_HEADER] == "hit"
    PageViewRestriction.objects.create(page=tour, restriction_type=PageViewRestriction.LOGIN)
    refused = client.get(URL)
    assert refused.status_code == 302 and refused.get(HIT_HEADER) != "hit"
