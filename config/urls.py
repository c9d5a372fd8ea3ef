import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from heritage import files, routing
from heritage import views as heritage_views
from search import views as search_views
from tours import views as tours_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Files follow the visibility of the records that use them (heritage.files).
    re_path(r"^documents/(\d+)/(.*)$", files.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's image URLs end with the file's name: /images/<signature>/<id>/<filter spec>/<name>
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", files.ImageServeView.as_view(), name="wagtailimages_serve"),
    path("i18n/", include("django.conf.urls.i18n")),
    # For crawlers and browsers, at the root where they look (heritage/seo.py, heritage/sitemaps.py).
    path("robots.txt", heritage_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", heritage_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", heritage_views.sitemap_section, name="sitemap_section"),
    path("favicon.ico", heritage_views.favicon),
    # At the root, so that it may answer for the tour pages it saved for offline (its scope is "/").
    path("service-worker.js", tours_views.service_worker, name="service_worker"),
    path("api/v1/", include("search.urls")),
]

# Local media, or on S3 the checked way to restricted files (a redirect to a signed URL).
if files.media_routed():
    urlpatterns.append(re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", files.serve_media))

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("restorations/", search_views.restorations, name="restorations"),
    # Before the record's route, which would otherwise take "timeline" for a reference.
    path("restorations/timeline/<slug:monument>/", heritage_views.monument_timeline, name="monument_timeline"),
    # path: references may hold a slash ("123/QĐ-UBND"); the timeline route above comes first.
    path("restorations/<path:reference>/", heritage_views.restoration_record, name="restoration_record"),
    # A file name ends the address, which Wagtail's page routes (ending in a slash) cannot serve.
    path("tours/<slug:slug>/stops/<int:number>/qr.svg", tours_views.stop_qr, name="tour_stop_qr"),
    # Wagtail's URLs (its password and login forms for restricted pages), its page view routed in
    # fewer queries (heritage.routing).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
