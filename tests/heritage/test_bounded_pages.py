"""Pages that stay bounded at any archive size: a monument's summary, its timeline's pages, an artefact's records.

A visitor sees a bounded list, counts that add up, working links into the timeline and the
restorers' search, and never an internal record unless allowed; the pages' query counts do not
grow with the number of records.
"""

import re
from collections import Counter

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from heritage.importing import restoration_records_imported
from heritage.models import RestorationImage, RestorationRecord, Technique
from heritage.selectors import TIMELINE_PAGE_SIZE
from heritage.services import monument_create, vocabulary_terms_ensure
from tests.factories import make_image


@pytest.fixture(autouse=True)
def _database_search(database_search):
    """The links into the restorers' search are followed on its database backend, in both profiles."""


def _monument(site_tree, slug: str):
    return monument_create(
        index=site_tree["vi"]["monuments"], slug=slug, name_vi=f"Di tích {slug}", name_en=f"Monument {slug}",
        category="palace",
    )  # fmt: skip


def _bulk_records(monument, count: int, *, prefix: str, internal_every: int = 0, draft_every: int = 0) -> list:
    """`count` records from 1950 on (75 years, round robin), every `internal_every`th internal and every
    `draft_every`th unpublished; bulk_create, as the import writes them, with their date bounds."""
    records = []
    for number in range(count):
        internal = internal_every and number % internal_every == 0
        draft = draft_every and number % draft_every == 1
        year = 1950 + number % 75
        record = RestorationRecord(
            reference=f"{prefix}-{number:05d}",
            title=("INTERNAL " if internal else "DRAFT " if draft else "") + f"Work {number}",
            monument=monument,
            record_type=("treatment", "condition_check", "emergency")[number % 3],
            start=str(year),
            end=str(year + number % 4),
            summary="Thay ngói, gia cố kèo.",
            visibility="internal" if internal else "public",
            live=not draft,
        )
        record.set_date_bounds()
        records.append(record)
    created = RestorationRecord.objects.bulk_create(records, batch_size=1000)
    restoration_records_imported.send(sender=RestorationRecord, pks=[record.pk for record in created])
    return created


def _decade_rows(html: str) -> dict[int, tuple[str, int]]:
    """The monument page's histogram: decade -> (link, count)."""
    rows = re.findall(
        r'<a href="([^"]+)">(\d{4})s</a></th>\s*<td><meter[^>]*></meter> <span class="count">(\d+)</span>', html
    )
    return {int(decade): (url.replace("&amp;", "&"), int(count)) for url, decade, count in rows}


@pytest.mark.django_db
def test_a_monument_with_10000_records_shows_a_bounded_summary_with_true_counts(client, site_tree, restorer):
    monument = _monument(site_tree, "dai-noi")
    records = _bulk_records(monument, 10_000, prefix="DN", internal_every=5, draft_every=997)
    public = [r for r in records if r.live and r.visibility == "public"]
    published = [r for r in records if r.live]
    public_decades = Counter(int(r.start) // 10 * 10 for r in public)

    response = client.get("/en/monuments/dai-noi/")
    assert response.status_code == 200
    html = response.content.decode()
    text = " ".join(strip_tags(html).split())
    assert html.count('class="record"') == 10  # the 5 latest and 5 major works, not 10,000
    assert f"{len(public)} restoration records." in text
    assert "INTERNAL" not in text and "DRAFT" not in text
    decades = _decade_rows(html)
    assert {decade: count for decade, (_url, count) in decades.items()} == dict(public_decades)
    assert sum(count for _url, count in decades.values()) == len(public)
    # The latest work comes first: the newest start year there is.
    assert text.index("Latest work") < text.index("2024") < text.index("Major works")
    assert 'href="/en/restorations/timeline/dai-noi/"' in html

    search_url = "/en/restorations/?monument=dai-noi"
    assert f'href="{search_url}"' in html
    answer = client.get(search_url)
    assert answer.status_code == 200 and answer.context["answer"].count == len(public)
    url, count = decades[1990]
    assert url == "/en/restorations/?monument=dai-noi&from=1990&to=1999"
    # The histogram counts works by the decade they began; the search finds the works under way in it.
    under_way = [r for r in public if int(r.start) <= 1999 and int(r.end) >= 1990]
    assert count == public_decades[1990] < len(under_way)
    assert client.get(url).context["answer"].count == len(under_way)

    client.force_login(restorer)
    staff = client.get("/en/monuments/dai-noi/").content.decode()
    assert f"{len(published)} restoration records." in " ".join(strip_tags(staff).split())
    assert sum(count for _url, count in _decade_rows(staff).values()) == len(published)
    assert "DRAFT" not in staff


@pytest.mark.django_db
def test_the_timeline_is_paginated_with_links_that_work_without_javascript(client, site_tree, restorer):
    monument = _monument(site_tree, "ngo-mon")
    records = _bulk_records(monument, 50, prefix="NM", internal_every=10)  # 45 public, 5 internal
    public = sorted((r for r in records if r.visibility == "public"), key=lambda r: (r.start_earliest, r.reference))

    size = TIMELINE_PAGE_SIZE
    pages = -(-len(public) // size)
    first = client.get("/vi/restorations/timeline/ngo-mon/")
    assert first.status_code == 200
    html = first.content.decode()
    assert "45 hồ sơ, cũ nhất trước" in " ".join(strip_tags(html).split())
    assert [r.reference for r in first.context["records"]] == [r.reference for r in public[:size]]
    assert 'rel="next" href="?page=2#timeline-records"' in html
    assert f"Trang 1 / {pages}" in html
    assert "INTERNAL" not in html

    last = client.get("/vi/restorations/timeline/ngo-mon/", {"page": str(pages)})
    assert [r.reference for r in last.context["records"]] == [r.reference for r in public[(pages - 1) * size :]]
    assert f'rel="prev" href="?page={pages - 1}#timeline-records"' in last.content.decode()
    # The decade links lead to the page where that decade starts.
    decade_page = re.search(r'<a href="\?page=(\d+)#timeline-records">Thập niên 1990</a>', html)
    assert decade_page
    shown = client.get("/vi/restorations/timeline/ngo-mon/", {"page": decade_page[1]}).context["records"]
    before_1990 = sum(1 for r in public if int(r.start) < 1990)
    assert decade_page[1] == str(before_1990 // size + 1) and any(r.start.startswith("199") for r in shown)

    for beyond in (str(pages + 1), "0", "-1", "abc", "99999999999999999999"):
        missing = client.get("/en/restorations/timeline/ngo-mon/", {"page": beyond})
        assert missing.status_code == 404, beyond
        assert f"is not a page of this timeline: it has {pages} pages" in missing.content.decode()
        assert f'href="?page={pages}"' in missing.content.decode()

    client.force_login(restorer)
    staff = client.get("/en/restorations/timeline/ngo-mon/", {"page": "2"})
    assert staff.context["page_obj"].paginator.count == 50
    assert [r.reference for r in staff.context["records"]] == [
        r.reference for r in sorted(records, key=lambda r: (r.start_earliest, r.reference))[size : 2 * size]
    ]


def _queries(client, url: str) -> int:
    client.get(url)  # the first view generates the renditions
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_query_counts_do_not_grow_from_10_to_200_records(client, site_tree, settings, restorer):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    techniques = vocabulary_terms_ensure(Technique, ["Lợp ngói", "Sơn mài"])
    before, after = make_image("before"), make_image("after")

    def monument_with(count: int) -> str:
        slug = f"monument-{count}"
        records = _bulk_records(_monument(site_tree, slug), count, prefix=f"Q{count}", internal_every=4)
        RestorationRecord.techniques.through.objects.bulk_create(
            RestorationRecord.techniques.through(restorationrecord=record, technique=technique)
            for record in records
            for technique in techniques
        )
        RestorationImage.objects.bulk_create(
            RestorationImage(record=record, image=image, phase=phase)
            for record in records
            for image, phase in ((before, "before"), (after, "after"))
        )
        return slug

    small, large = monument_with(10), monument_with(200)
    for signed_in in (False, True):
        if signed_in:
            client.force_login(restorer)
        for url in ("/vi/monuments/{slug}/", "/en/restorations/timeline/{slug}/"):
            few = _queries(client, url.format(slug=small))
            many = _queries(client, url.format(slug=large))
            assert few == many, f"{url}: {few} queries with 10 records, {many} with 200"
        last_page = _queries(client, f"/en/restorations/timeline/{large}/?page=8")
        assert last_page == many
