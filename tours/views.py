"""The tours' views outside Wagtail's page tree: QR codes of the stops, the offline service worker."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import TourPage
from .qr import qr_svg


def stop_qr(request, slug: str, number: int):
    """The QR code (SVG) of stop `number` of the tour `slug`: it opens the stop in the language of the
    address it was asked for (/<lang>/tours/<slug>/stops/<n>/qr.svg). 404 for no such tour or stop."""
    tour = get_object_or_404(TourPage.objects.live().filter(locale__language_code=get_language()), slug=slug)
    if not 1 <= number <= tour.stop_count():
        raise Http404(_("This tour has no stop %(number)s.") % {"number": number})
    response = HttpResponse(qr_svg(tour.stop_url(number, request)), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def service_worker(request):
    """The service worker (Workbox, from static/vendor/) that answers for what a visitor saved for
    offline (static/js/offline.js) when the network fails; never cached by the browser as a file,
    so that a new version takes over at the next visit."""
    context = {"media_origins": json.dumps(settings.MEDIA_ORIGINS)}
    response = HttpResponse(render_to_string("tours/service-worker.js", context), content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response
