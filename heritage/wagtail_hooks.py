"""Admin wiring: restoration records and the managed vocabularies as snippets."""

import django_filters
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .choosers import NameInAdminLanguageChoiceField, name_for_admin
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


class NameInAdminLanguageFilter(django_filters.ModelChoiceFilter):
    """A filter whose options are names in the admin's language (heritage.choosers.name_for_admin)."""

    field_class = NameInAdminLanguageChoiceField


def _record_monuments(request):
    # Records point at the Vietnamese (default-locale) monument pages.
    from .services import DEFAULT_LOCALE

    return MonumentPage.objects.filter(locale__language_code=DEFAULT_LOCALE).order_by("name_sort", "pk")


class RestorationRecordFilterSet(WagtailFilterSet):
    monument = NameInAdminLanguageFilter(queryset=_record_monuments, label=_("Monument"))
    record_type = django_filters.ChoiceFilter(choices=RecordType.choices, label=_("Record type"))
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices, label=_("Visibility"))
    condition_after = django_filters.ChoiceFilter(choices=Condition.choices, label=_("Condition after"))
    techniques = NameInAdminLanguageFilter(queryset=Technique.objects.all(), label=_("Technique"))
    partners = NameInAdminLanguageFilter(queryset=Partner.objects.all(), label=_("Partner"))

    class Meta:
        model = RestorationRecord
        fields = ["monument", "record_type", "visibility", "condition_after", "techniques", "partners"]


class NameInAdminLanguageColumn(Column):
    """A listing column showing a monument's or term's name in the admin's language."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return name_for_admin(value) if value is not None else ""


class AdminLanguageBreadcrumbsMixin:
    """Wagtail's snippet views format their "Home" breadcrumb once, at start-up, in the default
    language (Vietnamese): formatted when shown instead, in the admin's language."""

    @property
    def breadcrumbs_items(self):
        first, *rest = super().breadcrumbs_items
        return [{**first, "label": _("Home")}, *rest]


class RestorationRecordViewSet(AdminLanguageBreadcrumbsMixin, SnippetViewSet):
    model = RestorationRecord
    icon = "history"
    menu_label = _("Restoration records")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "reference",
        "title",
        NameInAdminLanguageColumn("monument", label=_("Monument")),
        "record_type",
        "start",
        "end",
        "visibility",
    ]
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


class CollatedSnippetViewSet(AdminLanguageBreadcrumbsMixin, SnippetViewSet):
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


# Choosers labelled in the admin's language (heritage.choosers); registered after the snippets,
# so that they replace the chooser widget Wagtail registers for the project.
def _chooser_overrides():
    from django.db.models import ForeignKey
    from wagtail.admin.forms.models import register_form_field_override

    from .choosers import PageChooserInAdminLanguage, SnippetChooserInAdminLanguage
    from .models import ArtefactPage

    for page_model in (MonumentPage, ArtefactPage):
        register_form_field_override(
            ForeignKey,
            to=page_model,
            override=lambda db_field: {
                "widget": PageChooserInAdminLanguage(target_models=[db_field.remote_field.model])
            },
        )
    widget_class = RestorationProject.snippet_viewset.chooser_viewset.widget_class
    project_chooser = type("ProjectChooser", (SnippetChooserInAdminLanguage, widget_class), {})
    register_form_field_override(ForeignKey, to=RestorationProject, override={"widget": project_chooser})


_chooser_overrides()


@hooks.register("construct_translated_pages_to_cascade_actions")
def translations_follow_their_original(pages, action):
    from .translation import translations_to_cascade

    return translations_to_cascade(pages, action)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_by_name(pages, request):
    """The page chooser lists monuments and artefacts by name (heritage.collation), other pages in tree order."""
    return pages.order_by(Coalesce("monumentpage__name_sort", "artefactpage__name_sort", Value("")), "path")


# --- CSV import of restoration records (heritage/admin_views.py) ---------------------------
# Appended below the snippet registrations, hence the late imports.

from django.urls import path, reverse  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402

from .admin_views import RestorationImportView, can_import_restorations, restoration_import_sample  # noqa: E402


@hooks.register("register_admin_urls")
def register_restoration_import_url():
    from .choosers import vocabulary_search

    return [
        path("restorations/import/", RestorationImportView.as_view(), name="heritage_restoration_import"),
        path("restorations/import/sample.csv", restoration_import_sample, name="heritage_restoration_import_sample"),
        path("vocabularies/<str:model_name>/search/", vocabulary_search, name="heritage_vocabulary_search"),
    ]


class RestorationImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_restorations(request.user)


@hooks.register("register_admin_menu_item")
def register_restoration_import_menu_item():
    return RestorationImportMenuItem(
        _("Import restorations"), reverse("heritage_restoration_import"), icon_name="upload", order=215
    )


# --- Dashboard ---------------------------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_awaiting_review_panels(request, panels):
    """Bounded review panels in place of Wagtail's "Awaiting your review" (heritage/dashboard.py)."""
    from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

    from .dashboard import awaiting_review_panels

    panels[:] = [panel for panel in panels if not isinstance(panel, WorkflowObjectsToModeratePanel)]
    panels.extend(awaiting_review_panels(request.user))
