"""Admin views: the restoration-records CSV import, its data specification and a sample file."""

import functools
import re
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .importing import MULTI_VALUE_SEPARATOR, RESTORATION_COLUMNS, ImportFileError, max_file_size, restorations_import
from .spreadsheets import csv_lines

# Importing as drafts submitted for review creates records and adds revisions to stored ones:
# the rights to add and change records (Restorers, Curators). Publishing at once needs the right
# to publish too (Curators): the same rights as the admin's own buttons.
IMPORT_PERMISSIONS = ("heritage.add_restorationrecord", "heritage.change_restorationrecord")
PUBLISH_PERMISSION = "heritage.publish_restorationrecord"
ERRORS_SHOWN = 200
SPECIFICATION = Path(settings.BASE_DIR) / "docs" / "data-specification.md"
SAMPLE_ROWS = 3


def can_import_restorations(user) -> bool:
    return user.is_active and user.has_perms(IMPORT_PERMISSIONS)


def can_publish_restorations(user) -> bool:
    return can_import_restorations(user) and user.has_perm(PUBLISH_PERMISSION)


class ImportMode:
    PUBLISH = "publish"
    REVIEW = "review"


class RestorationImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("UTF-8 CSV with the columns of the data specification below."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("After the import"),
        choices=[
            (ImportMode.PUBLISH, gettext_lazy("Publish the records at once")),
            (ImportMode.REVIEW, gettext_lazy("Save them as drafts and submit them for review")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Check only (dry run)"),
        help_text=gettext_lazy("Check every row and report, but write nothing."),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_publish = can_publish_restorations(user)
        default = ImportMode.PUBLISH if self.may_publish else ImportMode.REVIEW
        self.fields["mode"].initial = default
        if not self.may_publish:
            # Offered: drafts only. Accepted by the field: both, so that clean_mode() says why not.
            mode = self.fields["mode"]
            mode.widget.choices = [choice for choice in mode.choices if choice[0] != ImportMode.PUBLISH]

    def clean_mode(self):
        # Without a choice (an older form, a script): publish if the user may, as the import always did.
        mode = self.cleaned_data["mode"] or self.fields["mode"].initial
        if mode == ImportMode.PUBLISH and not self.may_publish:
            raise forms.ValidationError(_("You may not publish restoration records: submit them for review."))
        return mode

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

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            report = restorations_import(
                data=upload.read(),
                user=self.request.user,
                dry_run=form.cleaned_data["dry_run"],
                publish=form.cleaned_data["mode"] == ImportMode.PUBLISH,
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
                form=self.form_class(user=self.request.user, initial={"mode": form.cleaned_data["mode"]}),
                mode=form.cleaned_data["mode"],
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
        context["sample_url"] = reverse("heritage_restoration_import_sample")
        context["specification"] = specification_html(context["sample_url"])
        return context


@functools.cache
def _specification_sections() -> str:
    """The parts of docs/data-specification.md a curator importing records needs, as Markdown."""
    text = SPECIFICATION.read_text(encoding="utf-8")
    wanted = ("## The file", "## Matching a monument", "## Restoration records")
    sections = re.split(r"(?m)^(?=## )", text)
    return "".join(section for section in sections if section.startswith(wanted))


def specification_html(sample_url: str) -> str:
    """The data specification for records, from docs/data-specification.md (the one copy), as HTML.

    The file is the project's own (trusted) text; its link to the example file points at the sample download.
    """
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(_specification_sections())
    html = html.replace('href="examples/restorations-example.csv"', f'href="{sample_url}"')
    # The document's headings sit under the page's own heading.
    html = re.sub(r"<(/?)h([1-4])>", lambda m: f"<{m[1]}h{int(m[2]) + 1}>", html)
    return mark_safe(html)  # noqa: S308 - rendered from the repository's own Markdown, raw HTML disabled


def sample_rows(count: int = SAMPLE_ROWS) -> list[list[str]]:
    """A header and `count` public records of the demo data, in the import's columns."""
    from .demo.restorations import RECORDS

    def cell(record, column):
        value = getattr(record, column, "")
        return f"{MULTI_VALUE_SEPARATOR} ".join(value) if isinstance(value, tuple) else str(value or "")

    records = [record for record in RECORDS if record.visibility == "public"][:count]
    rows = [[cell(record, column) for column in RESTORATION_COLUMNS] for record in records]
    return [list(RESTORATION_COLUMNS), *rows]


def restoration_import_sample(request):
    """A sample CSV file for the import: its columns, and a few records of the demo data."""
    if not can_import_restorations(request.user):
        return permission_denied(request, PermissionDenied())
    response = HttpResponse("".join(csv_lines(iter(sample_rows()))), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="restorations-sample.csv"'
    return response
