"""The indexed form of a restoration record (the schema is in docs/restoration-search.md).

Only published (live) records are indexed. `records_for_indexing()` reads everything a
document needs in a fixed number of queries per chunk of records, so preparing documents costs
little next to sending them to Elasticsearch.
"""

import datetime
import hashlib
import html
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

import orjson
from django.db.models import Prefetch

from heritage.models import ArtefactPage, Material, MonumentPage, Partner, RestorationRecord, Technique

# What record_document() reads; everything else (sources, budget, revisions…) stays in the database.
RECORD_FIELDS = (
    "id",
    "reference",
    "title",
    "summary",
    "method",
    "component",
    "funder",
    "record_type",
    "start",
    "end",
    "start_earliest",
    "end_latest",
    "visibility",
    "live",
    "monument",
    "artefact",
    "project",
    "project__name",
    *(f"{name}_en" for name in ("title", "summary", "method", "component", "funder")),
    "project__name_en",
)
MONUMENT_FIELDS = ("id", "slug", "name_vi", "name_en", "other_names")
ARTEFACT_FIELDS = ("id", "accession_number", "title_vi", "title_en")
TERM_FIELDS = ("id", "key", "name", "name_en")

# The searchable fields: every word of a query must occur in one of them. Elasticsearch copies
# them into `all_text` (search.es.MAPPING); the database search stores their words
# (search.database_index). Paths into the document; a list holds several texts.
SEARCHABLE = (
    "reference",
    "title",
    "summary",
    "method",
    "component",
    "funder",
    "project",
    # The record's English texts (docs/translation.md): a record is found by either language's words.
    "title_en",
    "summary_en",
    "method_en",
    "component_en",
    "funder_en",
    "project_en",
    "monument.name_vi",
    "monument.name_en",
    "monument.other_names",
    "artefact.accession_number",
    "artefact.title_vi",
    "artefact.title_en",
    "terms_text",
)

# Labelled facet values: "value<US>Vietnamese label<US>English label" (US: the unit separator,
# which no name contains). Aggregated instead of the bare value, they bring their labels along,
# and results are drawn from them, so a search needs no database lookup to label anything.
LABEL_SEPARATOR = "\x1f"

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def records_for_indexing():
    """Live records with their monument, artefact, project and terms, ordered by id.

    Iterate with `.iterator(chunk_size=...)` for large sets: prefetching then runs per chunk.
    The monument and artefact are prefetched (not joined) with only the indexed columns, so a
    monument's long body is never read once per record.
    """
    return (
        RestorationRecord.objects.filter(live=True)
        .select_related("project")
        .only(*RECORD_FIELDS)
        .prefetch_related(
            Prefetch("monument", queryset=MonumentPage.objects.only(*MONUMENT_FIELDS)),
            Prefetch("artefact", queryset=ArtefactPage.objects.only(*ARTEFACT_FIELDS)),
            Prefetch("techniques", queryset=Technique.objects.only(*TERM_FIELDS)),
            Prefetch("materials", queryset=Material.objects.only(*TERM_FIELDS)),
            Prefetch("partners", queryset=Partner.objects.only(*TERM_FIELDS)),
        )
        .order_by("pk")
    )


def text_from_html(value: str) -> str:
    """Rich text as plain text: tags dropped, entities decoded, whitespace collapsed."""
    if not value:
        return ""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value))).strip()


def _names(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def labelled(value: str, label_vi: str, label_en: str) -> str:
    """A facet value with its labels, as indexed under `labels` (see LABEL_SEPARATOR)."""
    return LABEL_SEPARATOR.join((value, label_vi or "", label_en or ""))


def label_parts(text: str) -> tuple[str, str, str]:
    """(value, Vietnamese label, English label) of a labelled value."""
    value, _sep, rest = text.partition(LABEL_SEPARATOR)
    label_vi, _sep, label_en = rest.partition(LABEL_SEPARATOR)
    return value, label_vi, label_en


def _terms(manager) -> list[tuple[str, str, str]]:
    # .all() reads the prefetched list.
    return [(term.key, term.name, term.name_en) for term in manager.all()]


def record_document(record: RestorationRecord) -> dict:
    """The document indexed for one live record (from records_for_indexing()), with its `content_hash`."""
    monument = record.monument
    artefact = record.artefact
    return build_document(
        pk=record.pk,
        reference=record.reference,
        title=record.title,
        summary=record.summary,
        method=record.method,
        component=record.component,
        funder=record.funder,
        record_type=record.record_type,
        start=record.start,
        end=record.end,
        earliest=record.start_earliest,
        latest=record.end_latest,
        visibility=record.visibility,
        project=record.project.name if record.project_id else "",
        english=english_texts(
            title=record.title_en,
            summary=record.summary_en,
            method=record.method_en,
            component=record.component_en,
            funder=record.funder_en,
            project=record.project.name_en if record.project_id else "",
        ),
        monument=(monument.slug, monument.name_vi, monument.name_en, _names(monument.other_names)),
        artefact=(artefact.accession_number, artefact.title_vi, artefact.title_en) if artefact is not None else None,
        techniques=_terms(record.techniques),
        materials=_terms(record.materials),
        partners=_terms(record.partners),
    )


def document_content(
    *,
    pk: int,
    reference: str,
    title: str,
    summary: str,
    method: str,
    component: str,
    funder: str,
    record_type: str,
    start: str,
    end: str,
    earliest: datetime.date | None,
    latest: datetime.date | None,
    visibility: str,
    project: str,
    english: dict[str, str],
    monument: tuple[str, str, str, list[str]],
    artefact: tuple[str, str, str] | None,
    techniques: list[tuple[str, str, str]],
    materials: list[tuple[str, str, str]],
    partners: list[tuple[str, str, str]],
) -> dict:
    """The document from plain values, without its hash; terms are (key, name, name_en) triples, in any order;
    `english` holds the record's English texts (english_texts())."""
    # Sorted by key, so that the document (and its hash) does not depend on the order of reading.
    techniques, materials, partners = sorted(techniques), sorted(materials), sorted(partners)
    terms_text = []
    for _key, name, name_en in (*techniques, *materials, *partners):
        terms_text.append(name)
        if name_en:
            terms_text.append(name_en)
    slug, name_vi, name_en, other_names = monument
    suggest = [title, english["title_en"], name_vi, name_en]
    for _key, name, term_en in techniques:
        suggest.append(name)
        if term_en:
            suggest.append(term_en)

    doc = {
        "id": pk,
        "sample_key": sample_key(pk),
        "reference": reference,
        "title": title,
        "summary": summary,
        "method": text_from_html(method),
        "component": component,
        "funder": funder,
        "project": project or "",
        **english,
        "monument": {"slug": slug, "name_vi": name_vi, "name_en": name_en, "other_names": other_names},
        "artefact": (
            {"accession_number": artefact[0], "title_vi": artefact[1], "title_en": artefact[2]}
            if artefact is not None
            else None
        ),
        "record_type": record_type,
        "techniques": [term[0] for term in techniques],
        "materials": [term[0] for term in materials],
        "partners": [term[0] for term in partners],
        "terms_text": terms_text,
        "start": start,
        "end": end,
        "visibility": visibility,
        "suggest": [text for text in suggest if text],
        "labels": {
            "monument": labelled(slug, name_vi, name_en),
            "techniques": [labelled(*term) for term in techniques],
            "materials": [labelled(*term) for term in materials],
            "partners": [labelled(*term) for term in partners],
        },
    }
    if earliest is not None:
        dates = {"gte": earliest.isoformat()}
        if latest is not None:
            # Records are checked so that the end is not before the start; never send ES an inverted range.
            dates["lte"] = max(latest, earliest).isoformat()
        doc["dates"] = dates
        doc["start_sort"] = earliest.isoformat()
        doc["decade"] = str(earliest.year // 10 * 10)
    else:  # an unreadable start (never saved through the model's checks): no date to filter or sort by
        doc["dates"] = None
        doc["start_sort"] = None
        doc["decade"] = None
    return doc


def english_texts(*, title: str, summary: str, method: str, component: str, funder: str, project: str) -> dict:
    """A record's English texts as the document holds them (`title_en`…, the method as plain text)."""
    return {
        "title_en": title or "",
        "summary_en": summary or "",
        "method_en": text_from_html(method),
        "component_en": component or "",
        "funder_en": funder or "",
        "project_en": project or "",
    }


def sample_key(pk: int) -> int:
    """A number spread evenly and at random over records, fixed for each: the index is sorted by it.

    So the first matches of any query, in index order, are a random sample of its matches, which
    is what facets are counted on when too many records match (search.backends.elasticsearch._es_fetch).
    """
    return int.from_bytes(hashlib.blake2b(pk.to_bytes(8, "big"), digest_size=4).digest(), "big") >> 1


def build_document(**values) -> dict:
    """The document from plain values (see document_content), with its `content_hash`."""
    doc = document_content(**values)
    doc["content_hash"] = document_hash(doc)
    return doc


def document_source(content: dict) -> tuple[str, str]:
    """(JSON source with `content_hash`, the hash) of a document's content, serialised once.

    The hash is that of the sorted-key JSON, and the same JSON is what is sent to Elasticsearch,
    so a large load serialises each document once instead of once to hash and once to send.
    """
    body = _canonical_json(content)
    digest = hashlib.sha256(body.encode()).hexdigest()
    return f'{body[:-1]},"content_hash":"{digest}"}}', digest


# The fast path for many records: plain rows instead of model instances (rebuild, status, updates).

_ROW_COLUMNS = (
    "pk",
    "reference",
    "title",
    "summary",
    "method",
    "component",
    "funder",
    "record_type",
    "start",
    "end",
    "start_earliest",
    "end_latest",
    "visibility",
    "project__name",
    "monument_id",
    "artefact_id",
    # 16…21: the English texts (english_texts())
    "title_en",
    "summary_en",
    "method_en",
    "component_en",
    "funder_en",
    "project__name_en",
)
_VOCABULARY_FIELDS = ("techniques", "materials", "partners")


def _links(field_name: str, record_filter: dict) -> dict[int, list[tuple[str, str, str]]]:
    m2m = RestorationRecord._meta.get_field(field_name)
    through = m2m.remote_field.through
    source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    links = defaultdict(list)
    rows = through.objects.filter(**{f"{source}__{lookup}": value for lookup, value in record_filter.items()})
    for record_id, key, name, name_en in rows.values_list(
        source, f"{target}__key", f"{target}__name", f"{target}__name_en"
    ):
        links[record_id].append((key, name, name_en))
    return links


def documents_iter(ids: Iterable[int] | None = None, *, chunk_size: int = 2000) -> Iterator[dict]:
    """The documents of live records (all of them, or those among `ids`), ordered by id.

    Equal to record_document() of each record, but read as plain rows: six queries per chunk
    (the records, the three vocabularies, the monuments and artefacts not seen yet), no model
    instances, so that preparing documents costs little next to indexing them.
    """
    for content in contents_iter(ids, chunk_size=chunk_size):
        content["content_hash"] = document_hash(content)
        yield content


def sources_iter(ids: Iterable[int] | None = None, *, chunk_size: int = 2000) -> Iterator[tuple[int, str, str]]:
    """(id, JSON source, content hash) of the same documents, each serialised once (see document_source)."""
    for content in contents_iter(ids, chunk_size=chunk_size):
        source, digest = document_source(content)
        yield content["id"], source, digest


def contents_iter(ids: Iterable[int] | None = None, *, chunk_size: int = 2000) -> Iterator[dict]:
    """The documents of documents_iter() without their hash."""
    for content, _monument_id in record_contents(ids, chunk_size=chunk_size):
        yield content


def record_contents(ids: Iterable[int] | None = None, *, chunk_size: int = 2000) -> Iterator[tuple[dict, int]]:
    """(document content, monument id) of live records, all or those among `ids`, ordered by id."""
    monuments: dict[int, tuple] = {}
    artefacts: dict[int, tuple] = {}
    live = RestorationRecord.objects.filter(live=True).order_by("pk")
    wanted = sorted({int(pk) for pk in ids}) if ids is not None else None
    last = 0
    position = 0
    while True:
        if wanted is None:
            rows = list(live.filter(pk__gt=last).values_list(*_ROW_COLUMNS)[:chunk_size])
        else:
            chunk = wanted[position : position + chunk_size]
            position += chunk_size
            if not chunk:
                break
            rows = list(live.filter(pk__in=chunk).values_list(*_ROW_COLUMNS))
            if not rows:
                continue
        if not rows:
            break
        first, last = rows[0][0], rows[-1][0]
        # A range reads the links of a contiguous chunk without a long IN list; with ids, the ids.
        record_filter = {"gte": first, "lte": last} if wanted is None else {"in": [row[0] for row in rows]}
        terms = {name: _links(name, record_filter) for name in _VOCABULARY_FIELDS}
        missing = {row[14] for row in rows} - monuments.keys()
        if missing:
            for pk, slug, name_vi, name_en, other in MonumentPage.objects.filter(pk__in=missing).values_list(
                "pk", "slug", "name_vi", "name_en", "other_names"
            ):
                monuments[pk] = (slug, name_vi, name_en, _names(other))
        missing = {row[15] for row in rows if row[15] is not None} - artefacts.keys()
        if missing:
            for pk, *values in ArtefactPage.objects.filter(pk__in=missing).values_list(
                "pk", "accession_number", "title_vi", "title_en"
            ):
                artefacts[pk] = tuple(values)
        techniques, materials, partners = terms["techniques"], terms["materials"], terms["partners"]
        for row in rows:
            pk = row[0]
            content = document_content(
                pk=pk,
                reference=row[1],
                title=row[2],
                summary=row[3],
                method=row[4],
                component=row[5],
                funder=row[6],
                record_type=row[7],
                start=row[8],
                end=row[9],
                earliest=row[10],
                latest=row[11],
                visibility=row[12],
                project=row[13],
                english=english_texts(
                    title=row[16],
                    summary=row[17],
                    method=row[18],
                    component=row[19],
                    funder=row[20],
                    project=row[21],
                ),
                monument=monuments[row[14]],
                artefact=artefacts.get(row[15]) if row[15] is not None else None,
                techniques=techniques.get(pk, []),
                materials=materials.get(pk, []),
                partners=partners.get(pk, []),
            )
            yield content, row[14]


def document_hash(doc: dict) -> str:
    """A stable hash of a document's content (its `content_hash` key, if any, left out)."""
    content = {key: value for key, value in doc.items() if key != "content_hash"}
    return hashlib.sha256(_canonical_json(content).encode()).hexdigest()


def _canonical_json(content: dict) -> str:
    # Sorted keys, no spaces, UTF-8 as is: the same bytes for the same content, whatever the order
    # it was built in. orjson: a third of preparing a document went to the json module.
    return orjson.dumps(content, option=orjson.OPT_SORT_KEYS).decode()
