"""The archive's pages outside the page tree: a restoration record, and a monument's timeline;
and what crawlers ask the site's root for: robots.txt, the sitemap, the favicon.

Records are not pages (heritage.models.RestorationRecord), so these are plain views under the
language prefixes (config/urls.py). Who sees what is `RestorationRecord.objects.visible_to(user)`.
"""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import seo
from .links import restorations_search_url
from .models import MonumentPage, RestorationDocument, RestorationImage, RestorationRecord
from .renditions import renditions_prefetch
from .selectors import NoSuchPage, monument_records, records_decades, timeline_page
from .sitemaps import sitemap_sections


def _page_language() -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    language = (get_language() or "").split("-")[0]
    return language if language in codes else codes[0]


def _records_with_everything(user):
    """Records the user may see, with what their pages show, in a fixed number of queries."""
    return (
        RestorationRecord.objects.visible_to(user)
        .select_related("monument", "artefact", "project")
        .prefetch_related(
            # Shown sorted by their names in the page's language (templates/includes/record_terms.html).
            "techniques",
            "materials",
            "partners",
            Prefetch("images", queryset=RestorationImage.objects.select_related("image").order_by("sort_order", "pk")),
            renditions_prefetch("images__image__renditions", "record_figure", "share"),
            Prefetch(
                "documents", queryset=RestorationDocument.objects.select_related("document").order_by("sort_order")
            ),
        )
    )


def restoration_record(request, reference: str):
    """One record: 404 when unknown, unpublished, or internal and the visitor may not see internal records."""
    record = get_object_or_404(_records_with_everything(request.user), reference=reference)
    monument = record.monument.localized
    return TemplateResponse(
        request,
        "heritage/restoration_record.html",
        {
            "record": record,
            "monument": monument,
            "seo": seo.record_subject(record, monument=monument, lang=_page_language()),
            "artefact": record.artefact.localized if record.artefact_id else None,
            "timeline_url": reverse("monument_timeline", kwargs={"monument": record.monument.slug}),
        },
    )


def monument_timeline(request, monument: str):
    """One page of a monument's records (those the visitor may see), oldest first; 404 beyond the last page."""
    pages = MonumentPage.objects.live().public().filter(slug=monument)
    page = pages.filter(locale__language_code=_page_language()).first() or pages.first()
    if page is None:
        raise Http404(_("There is no monument “%(slug)s”.") % {"slug": monument})
    records = monument_records(page, user=request.user)
    context = {"monument": page.localized, "search_url": restorations_search_url(monument)}
    try:
        page_obj = timeline_page(records, request.GET.get("page"))
    except NoSuchPage as missing:
        context.update(missing_page=request.GET.get("page", ""), paginator=missing.paginator)
        return TemplateResponse(request, "heritage/monument_timeline.html", context, status=404)
    decades, _undated = records_decades(records)
    per_page = page_obj.paginator.per_page
    context.update(
        {
            "seo": seo.timeline_subject(context["monument"], lang=_page_language()),
            "page_obj": page_obj,
            "records": list(page_obj.object_list),
            "decades": [
                {"label": str(decade.start), "count": decade.count, "page": decade.first_position // per_page + 1}
                for decade in decades
            ],
        }
    )
    return TemplateResponse(request, "heritage/monument_timeline.html", context)


# --- For crawlers ------------------------------------------------------------------------------

# Paths no crawler has business in: the admins and the JSON API (its pages are on the site).
ROBOTS_DISALLOW = ("/admin/", "/django-admin/", "/api/")


def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_index(request):
    return sitemap_views.index(request, sitemap_sections(request), sitemap_url_name="sitemap_section")


def sitemap_section(request, section: str):
    return sitemap_views.sitemap(request, sitemap_sections(request), section=section)


def favicon(request):
    """Browsers ask for /favicon.ico where a page names no icon (JSON, files): the static one."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))
