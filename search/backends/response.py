"""What a restoration search answers: one typed response for every backend.

The API serialises these dataclasses as they are (orjson), the restorers' page reads their
attributes, and the OpenAPI schema is generated from them (`json_schemas`), so the three can
no longer drift apart. Field order is the JSON's order.
"""

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

from heritage.models import RecordType, Visibility

# Limits the responses keep, stated in the schema too.
FACET_SIZE = 500
DECADE_FACET_SIZE = 1000  # every decade of years 1..9999
SUGGEST_LIMIT = 10

BackendName = Literal["elasticsearch", "database"]
RecordTypeCode = Literal[tuple(RecordType.values)]
VisibilityCode = Literal[tuple(Visibility.values)]
TermNames = Annotated[
    list[str],
    Field(description="Names in the requested language (the other language when a name has no translation)."),
]


@dataclass(slots=True)
class MonumentRef:
    slug: str
    name_vi: str
    name_en: str


@dataclass(slots=True)
class LocalizedText:
    """A text kept in both languages, as a page in the requested language shows it (heritage.labels.text_in)."""

    text: Annotated[str, Field(description="In the requested language, else in the other one.")]
    lang: Annotated[Literal["vi", "en"], Field(description="The language `text` is in.")]
    fallback: Annotated[
        bool,
        Field(description="True when `text` stands in for a translation into the requested language not yet made."),
    ]


@dataclass(slots=True)
class Result:
    reference: Annotated[str, Field(examples=["HUE-NM-1991-01"])]
    title: Annotated[str, Field(description="The title in Vietnamese, as entered.")]
    title_en: Annotated[str, Field(description="The title in English; empty when not yet translated.")]
    title_localized: Annotated[
        LocalizedText, Field(description="The title to show for the requested language, with its language.")
    ]
    url: Annotated[
        str,
        Field(
            description="The record's page: /<lang>/restorations/<reference>/.",
            examples=["/vi/restorations/HUE-NM-1991-01/"],
        ),
    ]
    monument: MonumentRef
    record_type: RecordTypeCode
    start: Annotated[str, Field(description="As precise as known: YYYY, YYYY-MM or YYYY-MM-DD.", examples=["1991"])]
    end: Annotated[str, Field(description="Empty while ongoing.", examples=["1992-06"])]
    techniques: TermNames
    materials: TermNames
    partners: TermNames
    visibility: VisibilityCode
    highlight: Annotated[
        dict[Literal["title", "summary", "title_en", "summary_en"], list[str]],
        Field(
            description=(
                "Fields where words of `q` occur (`title`, `summary` in Vietnamese; `title_en`, `summary_en` "
                "in English): HTML-escaped text in which only <mark>…</mark> is markup. Empty without `q`."
            )
        ),
    ]


@dataclass(slots=True)
class FacetValue:
    value: Annotated[str, Field(description="The code to filter with (slug, record type code, term key).")]
    label: Annotated[str, Field(description="The value's name in the requested language.")]
    count: Annotated[int, Field(ge=1, description="Matching records with this value (an estimate when approximate).")]


@dataclass(slots=True)
class DecadeValue:
    value: Annotated[str, Field(description="First year of the decade.", examples=["1990"])]
    count: Annotated[int, Field(ge=1)]


FacetValues = Annotated[list[FacetValue], Field(max_length=FACET_SIZE)]


@dataclass(slots=True)
class Facets:
    """Counts over the whole filtered result set (not one page), with “post-filter” semantics.

    Each facet's counts apply every filter except the facet's own, so a checked value's siblings
    keep their counts. `q`, `from`, `to` and visibility restrict every facet; `decade` (of the
    start year) applies every facet filter. At most 500 values per facet, the most frequent first
    (then by value); decades in order. Internal records count only for users allowed to see them.
    On a large archive the counts may be estimates: see `facets_approximate`.
    """

    monument: FacetValues
    record_type: FacetValues
    technique: FacetValues
    material: FacetValues
    partner: FacetValues
    decade: Annotated[list[DecadeValue], Field(max_length=DECADE_FACET_SIZE)]


@dataclass(slots=True)
class SearchResponse:
    backend: BackendName
    count: Annotated[int, Field(ge=0, description="Matching records, all pages.")]
    page: Annotated[int, Field(ge=1)]
    page_size: Annotated[int, Field(ge=1)]
    results: list[Result]
    facets: Facets
    facets_approximate: Annotated[
        bool,
        Field(
            description=(
                "True when the facet counts are estimates: a query matching more than "
                "RESTORATION_FACETS_EXACT_UP_TO records (10,000 unless configured; on the database search "
                "RESTORATION_DATABASE_FACETS_EXACT_UP_TO, 1,000) has its facets counted over a random sample "
                "of about that many matches and scaled to `count`; a value held by very few matches may then "
                "be missing. `count` and `results` are always exact."
            )
        ),
    ]


@dataclass(slots=True)
class Suggestion:
    text: Annotated[str, Field(examples=["Điện Thái Hòa"])]
    kind: Literal["monument", "technique", "title"]
    value: Annotated[str, Field(description="Monument slug, technique key or record reference.")]


@dataclass(slots=True)
class SuggestResponse:
    backend: BackendName
    q: str
    suggestions: Annotated[list[Suggestion], Field(max_length=SUGGEST_LIMIT)]


def json_schemas(*responses: type) -> dict[str, dict]:
    """JSON schemas of these response types and of every type they hold, by name, for OpenAPI's components."""
    schemas = {}
    for response in responses:
        schema = TypeAdapter(response).json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[response.__name__] = schema
    return schemas
