"""Admin wiring: restoration records and the managed vocabularies as snippets."""

import django_filters
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

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
    monument = django_filters.ModelChoiceFilter(
        queryset=MonumentPage.objects.order_by("locale_id", "name_sort", "pk"), label=_("Monument")
    )
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
        "title_en",
        "monument",
        "record_type",
        "start",
        "end",
        "funder",
        "funder_en",
        "visibility",
    ]
    list_per_page = 50
    filterset_class = RestorationRecordFilterSet
    search_fields = ["reference", "title", "title_en", "summary", "summary_en"]
    ordering = ["start_earliest", "reference"]

    def get_queryset(self, request):
        return RestorationRecord.objects.select_related("monument")


class CollatedIndexView(IndexView):
    """A snippet listing whose name columns sort by their stored sort keys (heritage.collation),
    not by the names' code points, which put "Điện" after "Triệu"."""

    collated_columns: dict[str, str] = {}  # column sort key -> stored sort key

    def order_queryset(self, queryset):
        ordering = self.ordering if isinstance(self.ordering, str) else ""
        stored = self.collated_columns.get(ordering.removeprefix("-"))
        if stored is None:
            return super().order_queryset(queryset)
        # The stored key alone: a search can only sort by the model's filter fields.
        return queryset.order_by(f"-{stored}" if ordering.startswith("-") else stored)


class CollatedSnippetViewSet(SnippetViewSet):
    index_view_class = CollatedIndexView
    collated_columns: dict[str, str] = {}

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(collated_columns=self.collated_columns, **kwargs)


class VocabularyViewSet(CollatedSnippetViewSet):
    list_display = ["name", "name_en"]
    search_fields = ["name", "name_en"]
    collated_columns = {"name": "name_sort_vi", "name_en": "name_sort_en"}


class TechniqueViewSet(VocabularyViewSet):
    model = Technique
    icon = "tag"


class MaterialViewSet(VocabularyViewSet):
    model = Material
    icon = "tag"


class PartnerViewSet(VocabularyViewSet):
    model = Partner
    icon = "group"


class ProjectViewSet(CollatedSnippetViewSet):
    model = RestorationProject
    icon = "folder-open-inverse"
    list_display = ["name", "name_en"]
    search_fields = ["name", "name_en"]
    collated_columns = {"name": "name_sort", "name_en": "name_sort_en"}


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_order = 220
    items = (TechniqueViewSet, MaterialViewSet, PartnerViewSet, ProjectViewSet)


register_snippet(RestorationRecordViewSet)
register_snippet(VocabularyGroup)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_by_name(pages, request):
    """The page chooser lists monuments and artefacts by name (heritage.collation), other pages in tree order."""
    return pages.order_by(Coalesce("monumentpage__name_sort", "artefactpage__name_sort", Value("")), "path")


# --- CSV import of restoration records (heritage/admin_views.py) ---------------------------
# Appended below the snippet registrations, hence the late imports.

from django.urls import path, reverse  # noqa: E402
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
