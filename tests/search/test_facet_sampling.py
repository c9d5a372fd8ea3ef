"""Facets of queries with many matches, counted over a random sample (search.backends.elasticsearch._es_fetch).

On the real Elasticsearch, with RESTORATION_FACETS_EXACT_UP_TO lowered to 8 so that 30 records
make a "large" index: a query matching more than 8 has its facets counted over the first 8
matches in the index's random order, scaled to the exact count and marked approximate.
"""

import pytest

from heritage.services import monument_create
from tests.factories import make_record
from tests.search.indexes import restoration_indexes_delete

pytestmark = [pytest.mark.needs("elasticsearch")]

URL = "/api/v1/restorations/"
EXACT_UP_TO = 8
PUBLIC_RECORDS = 30


@pytest.fixture
def large(site_tree, ngo_mon, settings, request):
    """30 public records over two monuments and three decades (created oldest first), and 3
    internal ones of a third monument; indexed with the exact limit at 8."""
    from search import es

    monuments = site_tree["vi"]["monuments"]
    thai_hoa = monument_create(
        index=monuments,
        slug="dien-thai-hoa",
        name_vi="Điện Thái Hòa",
        name_en="Hall of Supreme Harmony",
        category="palace",
    )
    hidden = monument_create(
        index=monuments, slug="hien-lam-cac", name_vi="Hiển Lâm Các", name_en="Pavilion", category="pavilion"
    )
    for number in range(PUBLIC_RECORDS):
        make_record(
            ngo_mon if number % 3 else thai_hoa,
            record_type="treatment" if number % 2 else "emergency",
            start=str(1950 + number),
        )
    for _ in range(3):
        make_record(hidden, visibility="internal")
    settings.ELASTICSEARCH_INDEX_PREFIX = f"{settings.ELASTICSEARCH_INDEX_PREFIX}sampling-"
    settings.RESTORATION_FACETS_EXACT_UP_TO = EXACT_UP_TO
    request.addfinalizer(restoration_indexes_delete)
    return es.index_rebuild(force=True)


def answer(client, **params) -> dict:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def counted(data, name) -> dict:
    return {item["value"]: item["count"] for item in data["facets"][name]}


def exact(client, settings, **params) -> dict:
    """The same search with every facet counted (a limit above the index's size)."""
    settings.RESTORATION_FACETS_EXACT_UP_TO = 1_000
    try:
        return answer(client, **params)
    finally:
        settings.RESTORATION_FACETS_EXACT_UP_TO = EXACT_UP_TO


def test_the_rebuild_of_an_index_over_the_limit_merges_it_into_one_segment(large):
    from search import es

    assert large.merged and large.count == PUBLIC_RECORDS + 3
    stats = es.client().indices.stats(index=es.alias_name(), metric="segments")
    assert stats["_all"]["primaries"]["segments"]["count"] == 1
    settings = es.client().indices.get_settings(index=es.alias_name(), name="index.sort.*")
    assert next(iter(settings.values()))["settings"]["index"]["sort"] == {"field": "sample_key", "order": "asc"}


def test_many_matches_get_estimated_facets_and_exact_results_and_count(client, large, settings):
    data = answer(client, sort="start", page_size=10)
    full = exact(client, settings, sort="start", page_size=10)
    assert data["facets_approximate"] is True and full["facets_approximate"] is False
    assert data["count"] == full["count"] == PUBLIC_RECORDS
    assert data["results"] == full["results"]
    for name in ("monument", "record_type", "decade"):
        estimates = counted(data, name)
        assert estimates and set(estimates) <= set(counted(full, name))
        assert all(count > 0 for count in estimates.values())
        # Every record has one monument, one type and one decade: the estimates add up to the count.
        assert abs(sum(estimates.values()) - PUBLIC_RECORDS) <= len(estimates)
    # The sample is random, not the first records written: they all began in the 1950s.
    assert len(counted(data, "decade")) >= 2
    assert "hien-lam-cac" not in counted(data, "monument")  # internal records only: never shown


def test_a_search_asked_again_gets_its_estimated_facets_from_the_shard_request_cache(client, large):
    """A restorer paging through results, or coming back to a search, asks its facets again: each of
    its size-0 searches (the sampled facets, the counts) is the same request each time, which
    Elasticsearch's shard request cache answers without counting again."""
    from search import es

    def request_cache() -> dict:
        stats = es.client().indices.stats(index=es.alias_name(), metric="request_cache")
        return stats["_all"]["total"]["request_cache"]

    params = {"monument": "dien-thai-hoa", "sort": "start"}  # facets sampled, and two counts
    first = answer(client, **params)
    before = request_cache()
    again = answer(client, **params, page=2, page_size=5)
    after = request_cache()
    assert first["facets_approximate"] is True and again["facets"] == first["facets"]
    assert after["miss_count"] == before["miss_count"]  # the facets' search, the counts: all answered
    assert after["hit_count"] - before["hit_count"] >= 3


def test_a_query_with_few_matches_gets_exact_facets_on_a_large_index(client, large, settings):
    data = answer(client, **{"from": "1950", "to": "1954"})
    assert data["facets_approximate"] is False and data["count"] == 5
    assert data["facets"] == exact(client, settings, **{"from": "1950", "to": "1954"})["facets"]


def test_the_count_applies_facet_filters_exactly_while_facets_are_estimated(client, large, settings):
    data = answer(client, monument="dien-thai-hoa")
    assert data["facets_approximate"] is True
    assert data["count"] == exact(client, settings, monument="dien-thai-hoa")["count"] == PUBLIC_RECORDS // 3


def test_the_search_page_says_when_counts_are_estimates(client, large):
    page = client.get("/vi/restorations/").content.decode()
    assert "(≈ " in page and "ước tính từ một mẫu ngẫu nhiên" in page  # the note, in Vietnamese
    narrow = client.get("/vi/restorations/", {"from": "1950", "to": "1954"}).content.decode()
    assert "(≈ " not in narrow and "ước tính" not in narrow


def test_a_restorers_search_of_everything_gets_its_facets_from_the_sample_too(client, large, settings, restorer):
    # Signed in, a search of everything is a match_all: Elasticsearch may then count a facet
    # straight from the index, past terminate_after, unless something keeps it to the sample.
    client.force_login(restorer)
    data = answer(client, sort="start")
    full = exact(client, settings, sort="start")
    assert data["count"] == full["count"] == PUBLIC_RECORDS + 3
    assert data["facets_approximate"] is True
    assert set(counted(data, "monument")) <= set(counted(full, "monument"))
    assert abs(sum(counted(data, "record_type").values()) - data["count"]) <= len(counted(data, "record_type"))


def test_a_rebuild_past_the_limit_estimates_facets_from_the_next_search(client, site_tree, ngo_mon, settings, request):
    """The index's size decides how facets are counted; a rebuild that grows it is seen at once."""
    from search import es

    settings.ELASTICSEARCH_INDEX_PREFIX = f"{settings.ELASTICSEARCH_INDEX_PREFIX}growing-"
    settings.RESTORATION_FACETS_EXACT_UP_TO = EXACT_UP_TO
    request.addfinalizer(restoration_indexes_delete)
    for number in range(EXACT_UP_TO):
        make_record(ngo_mon, start=str(1950 + number))
    es.index_rebuild(force=True)
    small = answer(client)
    assert small["facets_approximate"] is False and small["count"] == EXACT_UP_TO

    for number in range(EXACT_UP_TO):
        make_record(ngo_mon, start=str(1990 + number))
    es.index_rebuild(force=True)
    grown = answer(client)
    assert grown["facets_approximate"] is True and grown["count"] == 2 * EXACT_UP_TO
