"""The panorama editor's placement panel: curators place hotspots (and the initial view) by clicking
on the panorama's preview (static/tours/admin/hotspot-placement.js)."""

from django.forms import Media
from wagtail.admin.panels import Panel
from wagtail.admin.staticfiles import versioned_static
from wagtail.images.shortcuts import get_rendition_or_not_found

PREVIEW = "max-1600x800|format-jpeg"  # the admin's preview of a 2:1 panorama; a click is ±0.25°


class HotspotPlacementPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "tours/admin/hotspot_placement.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            image = self.instance.image if self.instance.image_id else None
            context["preview"] = get_rendition_or_not_found(image, PREVIEW) if image else None
            return context

        @property
        def media(self):
            return Media(js=[versioned_static("tours/admin/hotspot-placement.js")])
