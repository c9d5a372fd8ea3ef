from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def search(request):
    """Site-wide page search through Wagtail's configured backend."""
    query = request.GET.get("q", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        return HttpResponseBadRequest(_("The search text is too long (at most %d characters).") % MAX_QUERY_LENGTH)
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
    return TemplateResponse(request, "search/search.html", {"query": query, "results": page})
