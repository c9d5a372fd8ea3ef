"""The OpenAPI 3.1 description of the restoration search API, served at /api/v1/openapi.json."""

import copy
import functools

from heritage.importing import RESTORATION_EXPORT_COLUMNS
from heritage.models import RecordType

from .backends.response import SUGGEST_LIMIT, SearchResponse, SuggestResponse, json_schemas
from .params import DEFAULT_PAGE_SIZE, LANGUAGES, MAX_PAGE, MAX_PAGE_SIZE, MAX_Q_LENGTH, MAX_VALUES, SORTS

_FACET_NOTE = (
    "Values of one parameter are alternatives (OR); different parameters all apply (AND). "
    "An unknown value is not an error: it matches no record."
)


def _repeatable(name: str, description: str, example: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"{description} Repeatable (at most {MAX_VALUES} values). {_FACET_NOTE}",
        "schema": {"type": "array", "items": {"type": "string"}, "maxItems": MAX_VALUES},
        "style": "form",
        "explode": True,
        "example": [example],
    }


def _parameters(*, paging: bool) -> list[dict]:
    parameters = [
        {
            "name": "q",
            "in": "query",
            "required": False,
            "description": (
                "Search text. Matched word by word, ignoring case and diacritics (“dien thai hoa” finds "
                "“Điện Thái Hòa”, “d” matches “đ”); every word must occur in the record's title, reference, "
                "summary, method, component, funder, project (each in Vietnamese or English), monument names "
                "(Vietnamese, English, other names), "
                "artefact, or its techniques', materials' and partners' names (Vietnamese or English). "
                'Query-syntax characters such as "(*[:\\ are plain text. Text without any letter or digit '
                "matches every record."
            ),
            "schema": {"type": "string", "maxLength": MAX_Q_LENGTH},
            "example": "ngoi luu ly",
        },
        _repeatable("monument", "Monument slug (facet value of `monument`).", "ngo-mon"),
        {
            "name": "record_type",
            "in": "query",
            "required": False,
            "description": (
                f"Record type code. Repeatable (at most {MAX_VALUES} values); values are alternatives (OR). "
                "An unknown or empty code (`record_type=`) is an error (400)."
            ),
            "schema": {"type": "array", "items": {"type": "string", "enum": list(RecordType.values)}},
            "style": "form",
            "explode": True,
        },
        _repeatable(
            "technique",
            "Technique key (facet value of `technique`: the folded Vietnamese name; a name is folded to its key).",
            "son mai",
        ),
        _repeatable("material", "Material key (facet value of `material`).", "ngoi luu ly"),
        _repeatable("partner", "Partner key (facet value of `partner`).", "unesco"),
        {
            "name": "from",
            "in": "query",
            "required": False,
            "description": (
                "First year. A record matches when its dates overlap [from-01-01, to-12-31]; partial dates "
                "cover their whole span (“1991” is 1991-01-01…1991-12-31), an ongoing record (no end) is open "
                "towards the future. `from` after `to` is an error (400)."
            ),
            "schema": {"type": "integer", "minimum": 1, "maximum": 9999},
            "example": 1990,
        },
        {
            "name": "to",
            "in": "query",
            "required": False,
            "description": "Last year (see `from`).",
            "schema": {"type": "integer", "minimum": 1, "maximum": 9999},
            "example": 1999,
        },
        {
            "name": "lang",
            "in": "query",
            "required": False,
            "description": (
                "Language of labels, links and `title_localized` (the title in this language, else in the other "
                "one, saying which). Without it: the Accept-Language header (or the site's language "
                "cookie), else Vietnamese. Any other value is an error (400)."
            ),
            "schema": {"type": "string", "enum": list(LANGUAGES)},
        },
    ]
    if paging:
        parameters += [
            {
                "name": "sort",
                "in": "query",
                "required": False,
                "description": (
                    "`relevance` (the default when `q` has words: matches in titles, then in monument names, "
                    "rank first), `start` (oldest first, the default otherwise) or `-start` (newest first). "
                    "Dates tie by reference; equal relevance comes in the index's order, the same from page "
                    "to page."
                ),
                "schema": {"type": "string", "enum": list(SORTS)},
            },
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": (
                    "Page number, from 1. A page past the last one answers no results (with the count), "
                    "not an error. With Elasticsearch, results past the 10,000th cannot be paged to (400)."
                ),
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": "Results per page.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
            },
        ]
    else:
        parameters += [
            {
                "name": "sort",
                "in": "query",
                "required": False,
                "description": "Order of the rows, as for the search (default `start`, or `relevance` with `q`).",
                "schema": {"type": "string", "enum": list(SORTS)},
            },
        ]
    return parameters


_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string", "description": "What went wrong, for a person to read."}},
}


def _errors(*codes: str) -> dict:
    descriptions = {
        "400": "A parameter is invalid (unknown sort, record type or lang, from after to, page < 1, "
        f"page_size > {MAX_PAGE_SIZE}, q longer than {MAX_Q_LENGTH} characters, a non-number where a number "
        "belongs, a single-valued parameter given twice).",
        "405": "Only GET and HEAD are allowed (the Allow header says so); HEAD answers as GET, without the body.",
        "503": "Elasticsearch is configured but unavailable; try again later (Retry-After says when).",
    }
    return {
        code: {
            "description": descriptions[code],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for code in codes
    }


def _schema() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Hue Heritage restoration search",
            "version": "1.0.0",
            "description": (
                "Search the restoration history of the Huế monuments. Answered by Elasticsearch when the "
                "site has it, by the database otherwise, with the same parameters and response (`backend` "
                "says which). Anonymous callers see public records only; signed-in curators and restorers "
                "(permission heritage.view_internal_restorationrecord, by session cookie) also see internal "
                "records, in results, counts, facets, highlights, suggestions and exports. Only GET is allowed. "
                "Responses vary on Accept-Language and Cookie."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/restorations/": {
                "get": {
                    "operationId": "restorationsSearch",
                    "summary": "Search restoration records",
                    "parameters": _parameters(paging=True),
                    "responses": {
                        "200": {
                            "description": "One page of results, the total count and the facets.",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}
                            },
                        },
                        **_errors("400", "405", "503"),
                    },
                }
            },
            "/restorations/suggest/": {
                "get": {
                    "operationId": "restorationsSuggest",
                    "summary": "Completions as the user types",
                    "description": (
                        f"Up to {SUGGEST_LIMIT} record titles, monument names and technique names in which every "
                        "word of `q` begins a word (ignoring case and diacritics), from records the caller may see."
                    ),
                    "parameters": [
                        {
                            "name": "q",
                            "in": "query",
                            "required": False,
                            "description": "What has been typed so far; without words, no suggestions.",
                            "schema": {"type": "string", "maxLength": MAX_Q_LENGTH},
                            "example": "thai h",
                        },
                        {
                            "name": "lang",
                            "in": "query",
                            "required": False,
                            "description": "Which name comes first for monuments and techniques.",
                            "schema": {"type": "string", "enum": list(LANGUAGES)},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "The completions, best first.",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/SuggestResponse"}}
                            },
                        },
                        **_errors("400", "405", "503"),
                    },
                }
            },
            "/restorations/export.csv": {
                "get": {
                    "operationId": "restorationsExport",
                    "summary": "Every matching record as CSV, in the import format",
                    "description": (
                        "The same filters as the search; every matching record (not one page) in the order of "
                        "`sort`, as UTF-8 CSV in exactly the format `manage.py import_restorations` reads "
                        "(docs/data-specification.md): monument as its slug, terms as `;`-separated Vietnamese "
                        "names, the English texts in the optional columns at the end. Importing the file back "
                        "changes nothing. `page` and `page_size` are checked but do not limit the export."
                    ),
                    "parameters": _parameters(paging=False),
                    "responses": {
                        "200": {
                            "description": "The CSV file (a download).",
                            "headers": {
                                "Content-Disposition": {
                                    "schema": {"type": "string"},
                                    "description": 'attachment; filename="restorations.csv"',
                                }
                            },
                            "content": {
                                "text/csv": {
                                    "schema": {"type": "string"},
                                    "example": ",".join(RESTORATION_EXPORT_COLUMNS) + "\r\n",
                                }
                            },
                        },
                        **_errors("400", "405", "503"),
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This description",
                    "responses": {
                        "200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {}}}},
                        **_errors("405"),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Error": _ERROR,
                **json_schemas(SearchResponse, SuggestResponse),
            }
        },
    }


@functools.cache
def _cached() -> dict:
    return _schema()


def openapi_schema() -> dict:
    return copy.deepcopy(_cached())
