"""Admin views: the restoration-records CSV import."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .importing import ImportFileError, max_file_size, restorations_import

IMPORT_PERMISSIONS = ("heritage.add_restorationrecord", "heritage.publish_restorationrecord")
ERRORS_SHOWN = 200


def can_import_restorations(user) -> bool:
    """Importing creates and publishes records, so it takes both rights (Curators, superusers)."""
    return user.is_active and user.has_perms(IMPORT_PERMISSIONS)


class RestorationImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("UTF-8 CSV with the columns of the data specification (docs/data-specification.md)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Check only (dry run)"),
        help_text=gettext_lazy("Check every row and report, but write nothing."),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_file_size()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.")
                % {"size": f"{upload.size / 1024 / 1024:.1f}", "limit": f"{limit / 1024 / 1024:.1f}"}
            )
        return upload


class RestorationImportView(WagtailAdminTemplateMixin, FormView):
    form_class = RestorationImportForm
    template_name = "heritage/admin/restoration_import.html"
    page_title = gettext_lazy("Import restoration records")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import_restorations(request.user):
            # Answered here: Wagtail turns a raised PermissionDenied into a redirect to the dashboard.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_heritage_restorationrecord:list"), "label": _("Restoration records")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            report = restorations_import(
                data=upload.read(), user=self.request.user, dry_run=form.cleaned_data["dry_run"]
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        if report.ok and not report.dry_run:
            messages.success(
                self.request,
                _("Imported %(file)s: %(summary)s.")
                % {
                    "file": upload.name,
                    "summary": report.summary,
                },
            )
        return self.render_to_response(
            self.get_context_data(
                form=self.form_class(),
                report=report,
                file_name=upload.name,
                errors_shown=report.errors[:ERRORS_SHOWN],
                errors_hidden=max(0, len(report.errors) - ERRORS_SHOWN),
                invalid_rows=len({error.line for error in report.errors}),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["records_url"] = reverse("wagtailsnippets_heritage_restorationrecord:list")
        context["max_size_mb"] = f"{max_file_size() / 1024 / 1024:.0f}"
        return context
