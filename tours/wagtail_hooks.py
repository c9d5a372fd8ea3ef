"""The tours' admin: panoramas are snippets (with their hotspots) beside the tours' pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Panorama


class PanoramaViewSet(SnippetViewSet):
    model = Panorama
    icon = "globe"
    menu_label = _("Panoramas")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "image", "locale"]
    search_fields = ["title"]


register_snippet(PanoramaViewSet)
