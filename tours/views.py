"""The tours' views outside Wagtail's page tree: QR codes of the stops."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
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
