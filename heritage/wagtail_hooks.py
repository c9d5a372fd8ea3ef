"""Admin wiring: restoration records and the managed vocabularies as snippets."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    Condition,
    Material,
    MonumentPage,
    Partner,
    RecordType,
    RestorationProject,
    RestorationRecord,
    Technique,
    Visibility,
)


class RestorationRecordFilterSet(WagtailFilterSet):
    monument = django_filters.ModelChoiceFilter(queryset=MonumentPage.objects.order_by("title"), label=_("Monument"))
    record_type = django_filters.ChoiceFilter(choices=RecordType.choices, label=_("Record type"))
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices, label=_("Visibility"))
    condition_after = django_filters.ChoiceFilter(choices=Condition.choices, label=_("Condition after"))
    techniques = django_filters.ModelChoiceFilter(queryset=Technique.objects.all(), label=_("Technique"))
    partners = django_filters.ModelChoiceFilter(queryset=Partner.objects.all(), label=_("Partner"))

    class Meta:
        model = RestorationRecord
        fields = ["monument", "record_type", "visibility", "condition_after", "techniques", "partners"]


class RestorationRecordViewSet(SnippetViewSet):
    model = RestorationRecord
    icon = "history"
    menu_label = _("Restoration records")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["reference", "title", "monument", "record_type", "start", "end", "visibility"]
    list_export = [
        "reference",
        "title",
        "monument",
        "record_type",
        "start",
        "end",
        "funder",
        "visibility",
    ]
    list_per_page = 50
    filterset_class = RestorationRecordFilterSet
    search_fields = ["reference", "title", "summary"]
    ordering = ["start_earliest", "reference"]

    def get_queryset(self, request):
        return RestorationRecord.objects.select_related("monument")


class TechniqueViewSet(SnippetViewSet):
    model = Technique
    icon = "tag"
    list_display = ["name", "name_en"]
    search_fields = ["name", "name_en"]


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "tag"
    list_display = ["name", "name_en"]
    search_fields = ["name", "name_en"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "name_en"]
    search_fields = ["name", "name_en"]


class ProjectViewSet(SnippetViewSet):
    model = RestorationProject
    icon = "folder-open-inverse"
    list_display = ["name"]
    search_fields = ["name"]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_order = 220
    items = (TechniqueViewSet, MaterialViewSet, PartnerViewSet, ProjectViewSet)


register_snippet(RestorationRecordViewSet)
register_snippet(VocabularyGroup)


# --- CSV import of restoration records (heritage/admin_views.py) ---------------------------
# Appended below the snippet registrations, hence the late imports.

from django.urls import path, reverse  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402

from .admin_views import RestorationImportView, can_import_restorations  # noqa: E402


@hooks.register("register_admin_urls")
def register_restoration_import_url():
    return [path("restorations/import/", RestorationImportView.as_view(), name="heritage_restoration_import")]


class RestorationImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_restorations(request.user)


@hooks.register("register_admin_menu_item")
def register_restoration_import_menu_item():
    return RestorationImportMenuItem(
        _("Import restorations"), reverse("heritage_restoration_import"), icon_name="upload", order=215
    )
