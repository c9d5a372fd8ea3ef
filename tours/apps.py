from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToursConfig(AppConfig):
    name = "tours"
    verbose_name = _("Virtual tours")

    def ready(self):
        # The tours' index lives under the home page. The archive knows nothing of tours
        # (docs/architecture in the README), so tours add themselves to what the home page allows.
        from heritage.models import HomePage

        if "tours.TourIndexPage" not in HomePage.subpage_types:
            HomePage.subpage_types = [*HomePage.subpage_types, "tours.TourIndexPage"]

        # The demo tours load with the archive's demo (manage.py load_demo), in its transaction.
        from heritage.demo import demo_loaded

        from .demo import demo_tours_load

        demo_loaded.connect(demo_tours_load, dispatch_uid="tours.demo")

        # What a cached tour page shows besides the archive's pages, records and images.
        from wagtailmedia.models import get_media_model

        from heritage.page_cache import invalidate_on

        from .models import Panorama, PanoramaHotspot, TourStop

        invalidate_on(Panorama, PanoramaHotspot, TourStop, get_media_model())
