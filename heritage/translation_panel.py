"""The curators' dashboard panel "Waiting for translation" (Wagtail's construct_homepage_panels hook).

Registered here rather than in wagtail_hooks.py so that the dashboard's other panels stay apart.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .translation import pages_waiting

PANEL_ROWS = 10  # per locale; the panel says how many more wait


class TranslationsWaitingPanel(Component):
    """Per locale other than the default, the pages the user may edit that wait for translation."""

    name = "translations_waiting"
    order = 160
    template_name = "heritage/admin/translations_waiting.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        names = dict(settings.LANGUAGES)
        locales = []
        for locale in Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"):
            rows = pages_waiting(locale, user=self.request.user)
            if rows:
                locales.append(
                    {
                        "locale": locale,
                        "name": _(names.get(locale.language_code, locale.language_code)),
                        "rows": rows[:PANEL_ROWS],
                        "more": max(len(rows) - PANEL_ROWS, 0),
                    }
                )
        return {"locales": locales}

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["locales"]:
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def translations_waiting_panel(request, panels):
    panels.append(TranslationsWaitingPanel(request))
