"""Search pages: the site-wide page search, and the restorers' search page.

The restorers' search page renders the same service the JSON API answers from
(search.backends.get_backend().search), so both agree on every result, count and facet.
"""

import math

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseBadRequest, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from heritage.labels import Text, archive_language, display_names
from heritage.seo import view_subject
from heritage.text import fold, search_text

from .backends import get_backend, record_type_labels
from .backends.response import Facets, Result
from .es import ElasticsearchUnavailable
from .params import FACETS, QueryError, RestorationQuery

MAX_QUERY_LENGTH = 200


def search(request):
    """Site-wide page search through Wagtail's configured backend."""
    query = search_text(request.GET.get("q", ""))
    error = ""
    if len(query) > MAX_QUERY_LENGTH:
        error = _("The search text is too long (at most %d characters).") % MAX_QUERY_LENGTH
        query = ""
    results = Page.objects.none()
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public()
        if locale:
            pages = pages.filter(locale=locale)
        results = pages.specific().search(query)
    paginator = Paginator(results, 20)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return HttpResponseBadRequest(_("The page number must be a whole number."))
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    subject = view_subject(
        request,
        title=_("Search"),
        description=_("Search the monuments and artefacts of the Hue Heritage archive, in Vietnamese or English."),
    )
    context = {"query": query, "results": page, "seo": subject, "error": error}
    return TemplateResponse(request, "search/search.html", context, status=400 if error else 200)


# --- The restorers' pages --------------------------------------------------------------------

# Parameters the page reads and carries from one request to the next (pagination, decade links,
# export). `lang` is not among them: the page's language is its URL prefix.
CARRIED_PARAMS = ("q", *FACETS, "from", "to", "sort", "page", "page_size")
# How the page reads facet values, as search.params normalises them, to tick the right boxes.
FACET_NORMALISE = {
    "monument": str.lower,
    "record_type": str.lower,
    "technique": fold,
    "material": fold,
    "partner": fold,
}
PAGE_WINDOW = 2  # page links shown on each side of the current page
FACET_SHOWN = 8  # options of a facet listed at once; the rest behind "Show more" (no box scrolls inside another)


def _page_language() -> str:
    return archive_language((get_language() or "").split("-")[0])


def _carried(params: QueryDict, **changes) -> QueryDict:
    """The carried parameters of `params`, with `changes` (a value of None drops the parameter)."""
    carried = QueryDict(mutable=True)
    for name in CARRIED_PARAMS:
        values = [value for value in params.getlist(name) if value.strip()]
        if values:
            carried.setlist(name, values)
    for name, value in changes.items():
        carried.pop(name, None)
        if value is not None:
            carried[name] = str(value)
    return carried


def _url(params: QueryDict) -> str:
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _form(params: QueryDict) -> dict:
    """What the visitor asked for, as typed (the text as searched), to show in the form again (also after a 400)."""
    checked = {}
    for name in FACETS:
        normalise = FACET_NORMALISE[name]
        checked[name] = {normalise(value.strip()) for value in params.getlist(name) if value.strip()}
    return {
        "q": search_text(params.get("q", "")),
        "year_from": params.get("from", ""),
        "year_to": params.get("to", ""),
        "sort": params.get("sort", ""),
        "page_size": params.get("page_size", ""),
        "checked": checked,
    }


def _facet_groups(facets: Facets | None, form: dict, lang: str) -> list[dict]:
    """One group per facet, its options with counts; a ticked value the backend did not count stays, at 0.

    Without facets (the search could not run), only the ticked values are shown, without counts, so
    that correcting another field keeps them.
    """
    legends = {
        "monument": _("Monument"),
        "record_type": _("Record type"),
        "technique": _("Technique"),
        "material": _("Material"),
        "partner": _("Partner"),
    }
    type_labels = record_type_labels(lang)
    groups = []
    for name in FACETS:
        checked = form["checked"][name]
        options = [
            {"value": option.value, "label": option.label or option.value, "count": option.count}
            for option in (getattr(facets, name) if facets is not None else [])
        ]
        shown = {option["value"] for option in options}
        for value in sorted(checked - shown):
            label = type_labels.get(value, value) if name == "record_type" else value
            options.append({"value": value, "label": label, "count": 0 if facets is not None else None})
        for index, option in enumerate(options):
            option["checked"] = option["value"] in checked
            option["id"] = f"facet-{name}-{index}"
        if options:
            more = options[FACET_SHOWN:]
            groups.append(
                {
                    "name": name,
                    "legend": legends[name],
                    "options": options,
                    "shown": options[:FACET_SHOWN],
                    "more": more,
                    # A ticked option is never hidden behind "Show more".
                    "more_open": any(option["checked"] for option in more),
                }
            )
    return groups


def _active_filters(form: dict) -> int:
    """How many filters the visitor set (ticked options and years), for the filters' summary."""
    ticked = sum(len(values) for values in form["checked"].values())
    return ticked + bool(form["year_from"].strip()) + bool(form["year_to"].strip())


def _decades(facets: Facets, params: QueryDict) -> list[dict]:
    decades = []
    for option in facets.decade:
        start = int(option.value)
        link = _url(_carried(params, **{"from": start, "to": start + 9, "page": None}))
        decades.append({"value": option.value, "count": option.count, "url": link})
    return decades


def _pagination(params: QueryDict, *, page: int, page_size: int, count: int) -> dict | None:
    pages = max(1, math.ceil(count / page_size))
    if pages == 1 and page == 1:
        return None

    def link(number):
        return _url(_carried(params, page=number))

    numbers = sorted({1, pages, *range(max(1, page - PAGE_WINDOW), min(pages, page + PAGE_WINDOW) + 1)})
    items, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            items.append({"gap": True})
        items.append({"number": number, "url": link(number), "current": number == page})
        previous = number
    return {
        "pages": pages,
        "page": page,
        "items": items,
        "previous": link(page - 1) if page > 1 else "",
        "next": link(page + 1) if page < pages else "",
    }


def _summary_key(lang: str) -> str:
    return "summary_en" if lang == "en" else "summary"


def _results(results: list[Result], lang: str) -> list[dict]:
    type_labels = record_type_labels(lang)
    shown = []
    for result in results:
        monument = result.monument
        names = display_names(monument.name_vi, monument.name_en, lang, fallback=monument.slug)
        highlight = result.highlight
        title = result.title_localized
        # The summary's matches in the page's language, else the other's (shown with their lang).
        summary_lang = lang if highlight.get(_summary_key(lang)) else ("vi" if lang == "en" else "en")
        shown.append(
            {
                "result": result,
                "title": Text(title.text, title.lang, title.fallback),
                "record_type_label": type_labels.get(result.record_type, result.record_type),
                "monument_name": names["primary"],
                "monument_name_lang": names["primary_lang"] if names["primary_lang"] != lang else "",
                "monument_other_name": names["secondary"],
                "monument_other_name_lang": names["secondary_lang"],
                "title_highlight": (highlight.get("title_en" if title.lang == "en" else "title") or [""])[0],
                "summary_highlight": highlight.get(_summary_key(summary_lang)) or [],
                "summary_highlight_lang": summary_lang if summary_lang != lang else "",
                "timeline_url": reverse("monument_timeline", kwargs={"monument": monument.slug}),
            }
        )
    return shown


def restorations(request):
    """The restorers' search: text, facets with counts, years, sort, pages, export; works without JavaScript."""
    lang = _page_language()
    params = request.GET
    form = _form(params)
    context = {
        "form": form,
        "active_filters": _active_filters(form),
        "seo": view_subject(
            request,
            title=_("Restoration records"),
            description=_(
                "Every intervention recorded on the monuments and artefacts of Huế. Search in Vietnamese, "
                "with or without diacritics, or in English."
            ),
        ),
        "sorts": [
            ("relevance", _("Relevance")),
            ("start", _("Oldest first")),
            ("-start", _("Newest first")),
        ],
    }
    try:
        query = RestorationQuery.from_querydict(_carried(params), default_lang=lang)
        answer = get_backend().search(query, user=request.user, lang=lang)
    except QueryError as error:
        context.update(error=error.message, facet_groups=_facet_groups(None, form, lang))
        return TemplateResponse(request, "search/restorations.html", context, status=400)
    except ElasticsearchUnavailable:
        context.update(unavailable=True, facet_groups=_facet_groups(None, form, lang))
        response = TemplateResponse(request, "search/restorations.html", context, status=503)
        response["Retry-After"] = "30"
        return response

    form["sort"] = query.sort
    facets = answer.facets
    export = _carried(params, page=None, page_size=None)
    context.update(
        {
            "query": query,
            "answer": answer,
            "results": _results(answer.results, lang),
            "facet_groups": _facet_groups(facets, form, lang),
            "decades": _decades(facets, params),
            "pagination": _pagination(params, page=query.page, page_size=query.page_size, count=answer.count),
            "first_number": query.offset + 1,
            "export_url": reverse("api:restorations_export") + _url(export),
            "clear_url": request.path,
            "filtered": bool(query.q or query.has_filters or query.year_from or query.year_to),
        }
    )
    return TemplateResponse(request, "search/restorations.html", context)
