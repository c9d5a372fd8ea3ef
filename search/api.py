"""The restoration search API under /api/v1/ (not locale-prefixed): JSON, CSV and its OpenAPI schema.

Labels and links follow the `lang` parameter, else the request's language (Accept-Language,
then the language cookie), else Vietnamese. Bad parameters answer 400 {"error": message};
an unavailable Elasticsearch answers 503 {"error": message}; nothing of Elasticsearch's own
errors reaches the caller.
"""

import functools
import logging

import orjson
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from heritage.labels import archive_language
from heritage.spreadsheets import csv_lines

from .backends import get_backend
from .backends.response import SuggestResponse
from .openapi import openapi_schema
from .params import DEFAULT_LANGUAGE, QueryError, RestorationQuery

logger = logging.getLogger(__name__)


def _unavailable_error():
    from .es import ElasticsearchUnavailable

    return ElasticsearchUnavailable


def _request_language(request) -> str:
    language = translation.get_language_from_request(request, check_path=False)
    return archive_language((language or DEFAULT_LANGUAGE).split("-")[0])


def _json(data, status: int = 200) -> HttpResponse:
    # orjson: UTF-8 as is, like ensure_ascii=False, several times faster than the json module,
    # and dataclasses (the typed responses) as objects; str() for what it does not know (lazy translations).
    return HttpResponse(orjson.dumps(data, default=str), status=status, content_type="application/json")


def _error(message: str, status: int) -> HttpResponse:
    return _json({"error": message}, status=status)


ALLOWED_METHODS = ("GET", "HEAD")


def api_view(view):
    """GET and HEAD only (405 in JSON with Allow otherwise); 400 on QueryError, 503 when Elasticsearch is unavailable.

    CSRF-exempt: the API only reads, so a POST has nothing to protect, and a client sending one
    gets the API's own 405 rather than the CSRF middleware's HTML 403. HEAD answers GET's status
    and headers without the body.
    """

    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ALLOWED_METHODS:
            response = _error(
                _("The method %(method)s is not allowed here; use GET or HEAD.") % {"method": request.method[:20]},
                405,
            )
            response["Allow"] = ", ".join(ALLOWED_METHODS)
        else:
            try:
                response = view(request, *args, **kwargs)
            except QueryError as error:
                response = _error(error.message, 400)
            except _unavailable_error():
                logger.warning("restoration API: Elasticsearch unavailable", exc_info=True)
                response = _error(_("The search service is unavailable at the moment; please try again shortly."), 503)
                response["Retry-After"] = "30"
            if request.method == "HEAD":
                response = _without_body(response)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    return wrapper


def _without_body(response):
    if response.streaming:
        response.streaming_content = []  # the rows are never read: none of them would be sent
    else:
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


@api_view
def restorations(request):
    query = RestorationQuery.from_querydict(request.GET, default_lang=_request_language(request))
    return _json(get_backend().search(query, user=request.user, lang=query.lang))


@api_view
def restorations_suggest(request):
    # Only q and lang count here; the language check is RestorationQuery's.
    params = {key: request.GET.getlist(key) for key in ("q", "lang") if key in request.GET}
    query = RestorationQuery.from_querydict(params, default_lang=_request_language(request))
    backend = get_backend()
    suggestions = backend.suggest(query.q, user=request.user, lang=query.lang)
    return _json(SuggestResponse(backend=backend.name, q=query.q, suggestions=suggestions))


@api_view
def restorations_export(request):
    query = RestorationQuery.from_querydict(request.GET, default_lang=_request_language(request))
    rows = get_backend().export_rows(query, user=request.user)
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="restorations.csv"'
    return response


@api_view
def openapi(request):
    return _json(openapi_schema())
