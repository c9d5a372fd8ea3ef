"""The Elasticsearch backend: our restoration index (search.es), one round trip per page.

Matching is on `all_text` (every searchable field, copied: search.documents.SEARCHABLE);
relevance rescores the top matches with the weighted fields; facets are terms aggregations
with post-filter semantics, counted over a random sample when too many records match
(`_fetch`). Any failure of Elasticsearch becomes ElasticsearchUnavailable (logged, never shown).
docs/restoration-search.md has the mapping, the queries and their figures.
"""

import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from heritage import visibility
from heritage.collation import sorted_by_name
from heritage.labels import name_in, names_in_order
from heritage.models import MonumentPage, RestorationRecord, Technique

from ..documents import label_parts
from ..params import FACETS, QueryError, RestorationQuery
from .base import SearchBackend, decade_list, facet_order, localized, record_type_labels, record_url
from .highlight import HIGHLIGHT_FIELDS, HIGHLIGHT_FRAGMENT, HIGHLIGHT_FRAGMENTS, HIGHLIGHT_SUMMARIES, HIGHLIGHT_TITLES
from .response import DECADE_FACET_SIZE, FACET_SIZE, Facets, FacetValue, MonumentRef, Result, SearchResponse

logger = logging.getLogger(__name__)

ES_EXPORT_PAGE = 1000  # ids asked from Elasticsearch at a time
RESCORE_WINDOW = 200  # top text matches ranked with ES_RANK_FIELDS too: 10 pages of 20
LABEL_CACHE_SIZE = 8192  # labelled facet values remembered with their label (_es_labelled)

# Index fields of the facets (docs/restoration-search.md): filtered on these…
ES_FACET_FIELDS = {
    "monument": "monument.slug",
    "record_type": "record_type",
    "technique": "techniques",
    "material": "materials",
    "partner": "partners",
}
# …and counted on these, which carry each value's labels.
ES_FACET_AGG_FIELDS = {
    "monument": "labels.monument",
    "record_type": "record_type",
    "technique": "labels.techniques",
    "material": "labels.materials",
    "partner": "labels.partners",
}
# What a result shows, read from the document.
ES_RESULT_SOURCE = [
    "reference",
    "title",
    "title_en",
    "monument.slug",
    "monument.name_vi",
    "monument.name_en",
    "record_type",
    "start",
    "end",
    "visibility",
    "labels.techniques",
    "labels.materials",
    "labels.partners",
]
# Matching is on all_text (every searchable field, copied); its score is the base of relevance,
# and a match in these fields adds to it with their weight: titles first, then monument names.
ES_RANK_FIELDS = ["title^3", "title_en^3", "monument.name_vi^2", "monument.name_en^2", "monument.other_names^2"]


def _es():
    from .. import es

    return es


def _es_call(function, *args, **kwargs):
    """Call the Elasticsearch client; any failure becomes ElasticsearchUnavailable (logged, not shown)."""
    es = _es()
    try:
        return function(*args, **kwargs)
    except es.ElasticsearchUnavailable:
        raise
    except Exception as error:  # connection, timeout, missing index, rejected query: all the same to users
        logger.exception("restoration search: Elasticsearch failed")
        raise es.ElasticsearchUnavailable(str(error)) from error


def _es_client():
    es = _es()
    try:
        return es.client()
    except es.ElasticsearchUnavailable:
        raise
    except Exception as error:
        logger.exception("restoration search: no Elasticsearch client")
        raise es.ElasticsearchUnavailable(str(error)) from error


def _es_index() -> str:
    return _es().alias_name()


def _es_visibility(user) -> list[dict]:
    # The index holds published records only (documents.records_for_indexing), so `live` is
    # already true of every document there.
    conditions = visibility.record_conditions(user)
    return [{"term": {field: value}} for field, value in conditions.items() if field != "live"]


def _es_text(words: tuple[str, ...]) -> dict:
    # The folded words, not the raw text: no query syntax reaches Elasticsearch, and both
    # backends cut words alike. match queries parse nothing.
    # What matches: every word, in any searchable field (all copied into all_text).
    return {"match": {"all_text": {"query": " ".join(words), "operator": "and"}}}


def _es_rank(words: tuple[str, ...]) -> dict:
    """How a match ranks beyond all_text's score: the weighted fields' score, added to it."""
    return {"multi_match": {"query": " ".join(words), "fields": ES_RANK_FIELDS, "type": "best_fields"}}


def _es_dates(query: RestorationQuery) -> list[dict]:
    if query.year_from is None and query.year_to is None:
        return []
    bounds = {"relation": "intersects"}
    if query.year_from is not None:
        bounds["gte"] = f"{query.year_from:04d}-01-01"
    if query.year_to is not None:
        bounds["lte"] = f"{query.year_to:04d}-12-31"
    return [{"range": {"dates": bounds}}]


def _es_facet_filter(query: RestorationQuery, facet: str) -> dict | None:
    values = query.facet_values(facet)
    if not values:
        return None
    if len(values) == 1:  # a term query: Elasticsearch's terms query wraps even one value in a slower multi-term query
        return {"term": {ES_FACET_FIELDS[facet]: values[0]}}
    return {"terms": {ES_FACET_FIELDS[facet]: list(values)}}


def _es_facet_filters(query: RestorationQuery, *, skip: str | None = None) -> list[dict]:
    return [f for facet in FACETS if facet != skip and (f := _es_facet_filter(query, facet)) is not None]


def _es_main_query(query: RestorationQuery, user, *, ranked: bool = False) -> dict:
    """Text, visibility and dates: what every count and facet is restricted to.

    ranked: the weighted fields score every match too (a should clause): for exports, which
    read every match anyway. A page of results rescores only its top window (_es_page_body).
    """
    bool_query = {"filter": _es_visibility(user) + _es_dates(query)}
    if query.words:
        bool_query["must"] = [_es_text(query.words)]
        if ranked:
            bool_query["should"] = [_es_rank(query.words)]
    return {"bool": bool_query}


def _es_narrowed(main: dict, query: RestorationQuery) -> dict:
    """The main query (_es_main_query) narrowed by every facet filter too: what results are drawn from."""
    facet_filters = _es_facet_filters(query)
    if not facet_filters:
        return main
    return {"bool": {**main["bool"], "filter": main["bool"]["filter"] + facet_filters}}


def _es_by_relevance(query: RestorationQuery) -> bool:
    return query.sort == "relevance" and bool(query.words)


def _es_sort(query: RestorationQuery) -> list:
    tie = [{"reference": "asc"}]
    if query.sort == "-start":
        return [{"start_sort": {"order": "desc", "missing": "_last"}}, *tie]
    start = [{"start_sort": {"order": "asc", "missing": "_last"}}]
    if _es_by_relevance(query):
        return ["_score", *start, *tie]
    return [*start, *tie]


def _es_aggregations(query: RestorationQuery) -> dict:
    """A terms aggregation per facet, over the matches narrowed by the other facets' filters.

    A facet no other filter narrows is a plain terms aggregation: a `filter` wrapper around it
    would cost a match_all step per document for nothing (a fifth of the facets' time).
    """

    def filtered(filters, terms):
        if not filters:
            return {"terms": terms}
        return {"filter": {"bool": {"filter": filters}}, "aggs": {"values": {"terms": terms}}}

    aggs = {
        facet: filtered(_es_facet_filters(query, skip=facet), {"field": ES_FACET_AGG_FIELDS[facet], "size": FACET_SIZE})
        for facet in FACETS
    }
    aggs["decade"] = filtered(_es_facet_filters(query), {"field": "decade", "size": DECADE_FACET_SIZE})
    return aggs


MAX_RESULT_WINDOW = 10_000  # Elasticsearch's index.max_result_window default


def _es_msearch(client, bodies: list[dict], *, index: str) -> list[dict]:
    """Several searches of our index in one round trip (Elasticsearch runs them side by side).

    A search the server refused comes back as an error item, not an exception: raised here.
    """
    header = {"index": index}
    searches = []
    for body in bodies:
        searches.extend((header, body))
    responses = _es_call(client.msearch, searches=searches)["responses"]
    for response in responses:
        if "error" in response:
            logger.error("restoration search: Elasticsearch refused a search: %s", response["error"])
            raise _es().ElasticsearchUnavailable(str(response["error"])[:500])
    return responses


@dataclass
class _Fetched:
    hits: list
    count: int
    aggregations: dict
    approximate: bool  # facet counts estimated from a random sample of the matches


def _es_fetch(query: RestorationQuery, *, user) -> _Fetched:
    """Everything one page asks of Elasticsearch, in one `_msearch`: the hits, the count, the facets.

    Counting a facet takes time in proportion to the matches: on a million records a broad
    query's exact facets took 60-70 ms, ten times its page of results. So facets are counted
    exactly over at most N matches (N = settings.RESTORATION_FACETS_EXACT_UP_TO), and beyond
    over a random sample of N of them, scaled to the exact count and marked approximate, as
    Typesense (facet_sample_threshold) and Algolia (exhaustiveFacetsCount) bound facet counting.
    The results and the count are always exact. docs/restoration-search.md has the figures.

    - An index of at most N documents: the page, and the facets (size 0), whose decade filter
      bucket, which applies every filter, is the count.
    - A larger index: the page; the facets over the first N matches in index order, which is
      random (search.documents.sample_key): `terminate_after` stops there, so their cost no
      longer grows with the matches; and the exact counts (size 0, `track_total_hits`), with and
      without the facet filters.

    Every search but the page has size 0, so Elasticsearch's shard request cache keeps its
    answer until the index changes.
    """
    client = _es_client()
    index = _es_index()
    main = _es_main_query(query, user)
    aggregations = _es_aggregations(query)
    # Past Elasticsearch's window: the count and facets only; the page is empty when it lies
    # past the last result, and refused when it lies within results too deep to page to.
    past_window = query.offset + query.page_size > MAX_RESULT_WINDOW
    page = [] if past_window else [_es_page_body(query, main)]
    exact_up_to = settings.RESTORATION_FACETS_EXACT_UP_TO
    if _es_call(_es().index_size) <= exact_up_to:
        facets = {"query": main, "aggs": aggregations, "size": 0, "track_total_hits": True}
        responses = _es_msearch(client, [*page, facets], index=index)
        found = responses[-1].get("aggregations", {})
        # The decade facet applies every facet filter: with some ticked, its filter bucket is the
        # count; with none, the search's own total is.
        decade = found.get("decade", {})
        count = decade["doc_count"] if "doc_count" in decade else responses[-1]["hits"]["total"]["value"]
        fetched = _Fetched([], count, found, approximate=False)
    else:
        facets = {
            "query": {"constant_score": {"filter": main}},  # no scores to compute
            "size": 0,
            "track_total_hits": False,
            "terminate_after": exact_up_to,
            # Under a parent, because Elasticsearch may count a top-level terms aggregation filter
            # by filter over the whole index, past terminate_after (a million documents for a
            # match_all). At probability 1 random_sampler samples nothing: it is a parent that
            # passes every collected document on, cheaper than a `sampler`, which re-sorts them.
            # Should a future Elasticsearch count everything anyway, the sample's doc_count says
            # so and the facets are exact. Its seed is fixed: without one Elasticsearch draws one
            # per request, so that no two requests are alike and the shard request cache, which
            # keeps answers by request, never answered this one again.
            "aggs": {"sample": {"random_sampler": {"probability": 1, "seed": 0}, "aggs": aggregations}},
        }
        counts = [{"query": main, "size": 0, "track_total_hits": True}]
        if filters := _es_facet_filters(query):
            counts.append({"query": {"bool": {"filter": [main, *filters]}}, "size": 0, "track_total_hits": True})
        responses = _es_msearch(client, [*page, facets, *counts], index=index)
        sampled, matching, *filtered = responses[len(page) :]
        matched = matching["hits"]["total"]["value"]
        count = filtered[0]["hits"]["total"]["value"] if filtered else matched
        sample = sampled.get("aggregations", {}).get("sample", {})
        drawn = sample.get("doc_count", 0)
        if drawn and drawn < matched:
            fetched = _Fetched([], count, _es_scaled(sample, matched / drawn), approximate=True)
        else:
            fetched = _Fetched([], count, sample, approximate=False)
    if page:
        fetched.hits = responses[0]["hits"]["hits"]
    if past_window and query.offset < fetched.count:
        raise QueryError(
            _("Only the first %(max)s results can be paged through; narrow the search with filters.")
            % {"max": MAX_RESULT_WINDOW}
        )
    return fetched


def _es_scaled(sample: dict, scale: float) -> dict:
    """The sample's facet counts times `scale` (matches / records drawn), rounded; zeros dropped."""
    scaled = {}
    for name in (*FACETS, "decade"):
        buckets = []
        for key, count in _es_buckets(sample, name):
            if estimate := round(count * scale):
                buckets.append({"key": key, "doc_count": estimate})
        scaled[name] = {"buckets": buckets}
    return scaled


def _es_page_body(query: RestorationQuery, main: dict) -> dict:
    """The page of results: no exact total (Elasticsearch skips what cannot reach the page), highlights.

    By relevance, the weighted fields (ES_RANK_FIELDS) rescore the top RESCORE_WINDOW matches by
    all_text's score instead of scoring every match: a common word matches hundreds of thousands
    of a million records, and scoring four more fields for each took most of a text query's
    time. The window is fixed, so pages within it never shift. Elasticsearch allows no other sort
    with a rescore: equal scores come in index order.
    """
    body = {
        # The facets are counted by another search of the same _msearch, so the facet filters
        # narrow this query itself: as filter clauses Elasticsearch skips what they exclude
        # while it looks for the best matches; as a post_filter it scored every text match first.
        "query": _es_narrowed(main, query),
        "track_total_hits": False,
        "_source": ES_RESULT_SOURCE,
        "from": query.offset,
        "size": query.page_size,
    }
    if _es_by_relevance(query):
        body["rescore"] = {"window_size": RESCORE_WINDOW, "query": {"rescore_query": _es_rank(query.words)}}
    else:
        body["sort"] = _es_sort(query)
    if query.words:
        body["highlight"] = {
            # The words matched in all_text, marked wherever they stand in the title and summary.
            "require_field_match": False,
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {
                **{field: {"number_of_fragments": 0} for field in HIGHLIGHT_TITLES},
                **{
                    field: {"fragment_size": HIGHLIGHT_FRAGMENT, "number_of_fragments": HIGHLIGHT_FRAGMENTS}
                    for field in HIGHLIGHT_SUMMARIES
                },
            },
        }
    return body


def _visible_ids(ids: list[int], user) -> set[int]:
    """Which of these records the user may see now, per the database (heritage.visibility).

    The same rule as one small SQL query on the primary key: it runs on every search, where
    building it through the ORM would cost ten times as much as running it.
    """
    if not ids:
        return set()
    meta = RestorationRecord._meta
    quote = connection.ops.quote_name
    pk = quote(meta.pk.column)
    placeholders = ", ".join(["%s"] * len(ids))
    sql = f"SELECT {pk} FROM {quote(meta.db_table)} WHERE {pk} IN ({placeholders})"
    params = list(ids)
    for field, value in visibility.record_conditions(user).items():
        sql += f" AND {quote(meta.get_field(field).column)} = %s"
        params.append(value)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


@functools.lru_cache(maxsize=LABEL_CACHE_SIZE)
def _es_labelled(text: str, lang: str) -> tuple[str, str]:
    """(value, label in `lang`) of a labelled value ("value<US>Vietnamese<US>English").

    Remembered: a page of results and its facets hold a few hundred of them, drawn from the few
    thousand values of the vocabularies and monuments.
    """
    value, label_vi, label_en = label_parts(text)
    return value, name_in(label_vi, label_en, lang)


def _es_labels(labelled: list[str], lang: str) -> list[str]:
    """Labels in `lang` of labelled values, sorted as `lang` sorts names (heritage.collation)."""
    return sorted_by_name([_es_labelled(text, lang)[1] for text in labelled], lang)


def _es_result(hit: dict, lang: str) -> Result:
    """A result drawn from the indexed document alone (its `_source` holds what a result shows)."""
    source = hit["_source"]
    labels = source.get("labels", {})
    monument = source.get("monument", {})
    highlight = hit.get("highlight", {})
    reference = source["reference"]
    return Result(
        reference=reference,
        title=source["title"],
        title_en=source.get("title_en", ""),
        title_localized=localized(source["title"], source.get("title_en", ""), lang),
        url=record_url(reference, lang),
        monument=MonumentRef(monument.get("slug", ""), monument.get("name_vi", ""), monument.get("name_en", "")),
        record_type=source["record_type"],
        start=source["start"],
        end=source["end"],
        techniques=_es_labels(labels.get("techniques", ()), lang),
        materials=_es_labels(labels.get("materials", ()), lang),
        partners=_es_labels(labels.get("partners", ()), lang),
        visibility=source["visibility"],
        highlight={field: highlight[field] for field in HIGHLIGHT_FIELDS if field in highlight},
    )


def _es_buckets(aggregations: dict, name: str) -> list[tuple[str, int]]:
    """(value, count) of a facet's terms aggregation, inside its filter bucket or not (_es_aggregations)."""
    found = aggregations.get(name, {})
    buckets = found.get("values", found).get("buckets", [])
    return [(str(bucket["key"]), bucket["doc_count"]) for bucket in buckets]


def _es_facets(aggregations: dict, lang: str) -> Facets:
    """Facets from the aggregations; monuments and terms carry their labels (search.documents.labelled)."""
    facets = {}
    for facet in FACETS:
        buckets = _es_buckets(aggregations, facet)
        if facet == "record_type":
            labels = record_type_labels(lang)
            items = [FacetValue(key, labels.get(key, key), count) for key, count in buckets]
        else:
            items, seen = [], {}
            for key, count in buckets:
                value, label = _es_labelled(key, lang)
                if value in seen:  # while a rename is being applied, a value may come with two labels
                    seen[value].count += count
                    continue
                seen[value] = FacetValue(value, label, count)
                items.append(seen[value])
        items.sort(key=lambda item: facet_order(item.count, item.label, item.value, lang))
        facets[facet] = items[:FACET_SIZE]
    return Facets(**facets, decade=decade_list(dict(_es_buckets(aggregations, "decade"))))


def _es_matching_ids(query: RestorationQuery, *, user) -> Iterator[int]:
    """Every matching id, in the query's order, paged with search_after; the first page is fetched now."""
    client = _es_client()
    index = _es_index()
    main = _es_narrowed(_es_main_query(query, user, ranked=True), query)
    body = {"query": main, "sort": _es_sort(query), "_source": False, "size": ES_EXPORT_PAGE, "track_total_hits": False}
    first = _es_call(client.search, index=index, body=body)

    def pages(response):
        while True:
            hits = response["hits"]["hits"]
            for hit in hits:
                yield int(hit["_id"])
            if len(hits) < body["size"]:
                return
            response = _es_call(client.search, index=index, body={**body, "search_after": hits[-1]["sort"]})

    return pages(first)


def _es_suggest_candidates(words: tuple[str, ...], *, user, lang: str):
    client = _es_client()
    body = {
        "query": {
            "bool": {
                "must": [{"match": {"suggest": {"query": " ".join(words), "operator": "and"}}}],
                "filter": _es_visibility(user),
            }
        },
        "_source": ["reference", "title", "title_en"],
        "size": 50,
        "aggs": {
            "monuments": {"terms": {"field": "monument.slug", "size": 50}},
            "techniques": {"terms": {"field": "techniques", "size": 50}},
        },
    }
    response = _es_call(client.search, index=_es_index(), body=body)
    candidates = []
    for hit in response["hits"]["hits"]:
        source = hit.get("_source", {})
        for text, _code in names_in_order(source.get("title", ""), source.get("title_en", ""), lang):
            candidates.append(("title", text, source.get("reference", "")))
    aggregations = response.get("aggregations", {})
    slugs = [str(b["key"]) for b in aggregations.get("monuments", {}).get("buckets", [])]
    keys = [str(b["key"]) for b in aggregations.get("techniques", {}).get("buckets", [])]
    if slugs:
        seen = set()
        for slug, name_vi, name_en in MonumentPage.objects.filter(slug__in=slugs).values_list(
            "slug", "name_vi", "name_en"
        ):
            if slug in seen:
                continue
            seen.add(slug)
            candidates.extend(("monument", name, slug) for name, _code in names_in_order(name_vi, name_en, lang))
    if keys:
        for key, name, name_en in Technique.objects.filter(key__in=keys).values_list("key", "name", "name_en"):
            candidates.extend(("technique", text, key) for text, _code in names_in_order(name, name_en, lang))
    return candidates


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def _search(self, query: RestorationQuery, *, user, lang: str) -> SearchResponse:
        fetched = _es_fetch(query, user=user)
        # A stale index (an update still queued) must not show what the user may not see: the
        # page's ids are checked against the database.
        shown = _visible_ids([int(hit["_id"]) for hit in fetched.hits], user)
        results = [_es_result(hit, lang) for hit in fetched.hits if int(hit["_id"]) in shown]
        return SearchResponse(
            backend=self.name,
            count=fetched.count,
            page=query.page,
            page_size=query.page_size,
            results=results,
            facets=_es_facets(fetched.aggregations, lang),
            facets_approximate=fetched.approximate,
        )

    def _suggest_candidates(self, words: tuple[str, ...], *, user, lang: str):
        return _es_suggest_candidates(words, user=user, lang=lang)

    def matching_ids(self, query: RestorationQuery, *, user) -> Iterator[int]:
        return _es_matching_ids(query, user=user)
