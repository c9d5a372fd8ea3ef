"""The admin dashboard's panels of what awaits review: "Records awaiting review", "Pages awaiting review".

They replace Wagtail's own "Awaiting your review" panel, which lists every object in moderation
with its actions: after an import of 10,000 records submitted for review, that panel would
render 10,000 rows on every visit to the dashboard. Each panel here shows the newest SHOWN
objects and how many more there are, with a link to Wagtail's workflow report, which pages.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

SHOWN = 10  # objects listed per panel; the panel says how many more there are


@dataclass
class AwaitingReview:
    obj: object
    label: str
    context: str
    state: WorkflowState
    edit_url: str


def _states_awaiting(user, base_type, *, sees_all: bool):
    """Active workflow states of objects of `base_type` that `user` can act on: every one when
    `sees_all`, else those whose current task the user can approve or reject."""
    states = WorkflowState.objects.active().filter(base_content_type=base_type)
    if not sees_all:
        reviewable = TaskState.objects.reviewable_by(user).filter(workflow_state__base_content_type=base_type)
        states = states.filter(current_task_state__in=reviewable)
    return states


def _newest(states, limit: int) -> tuple[list[WorkflowState], int]:
    total = states.count()
    shown = list(
        states.select_related("requested_by", "current_task_state__task").order_by("-created_at", "-pk")[:limit]
    )
    return shown, total


def _admin_user(user) -> bool:
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def records_awaiting_review(user, *, limit: int = SHOWN) -> tuple[list[AwaitingReview], int]:
    """Records in moderation that `user` can act on, newest first, and how many there are in all.

    A user who may publish records (Curators) sees every record in moderation; anyone else, the
    records whose current task they can approve or reject; a user with neither, nothing.
    """
    from .choosers import name_for_admin
    from .models import RestorationRecord

    if not _admin_user(user):
        return [], 0
    states = _states_awaiting(
        user,
        RestorationRecord.get_base_content_type(),
        sees_all=user.has_perm("heritage.publish_restorationrecord"),
    )
    shown, total = _newest(states, limit)
    records = RestorationRecord.objects.select_related("monument").in_bulk([int(s.object_id) for s in shown])
    url_name = RestorationRecord.snippet_viewset.get_url_name("edit")
    rows = []
    for state in shown:
        record = records.get(int(state.object_id))
        if record is not None:
            label = f"{record.reference}: {record.title}"
            url = reverse(url_name, args=[state.object_id])
            rows.append(AwaitingReview(record, label, name_for_admin(record.monument), state, url))
    return rows, total


def pages_awaiting_review(user, *, limit: int = SHOWN) -> tuple[list[AwaitingReview], int]:
    """Pages in moderation whose current task `user` can approve or reject, newest first, and their number."""
    if not _admin_user(user):
        return [], 0
    states = _states_awaiting(user, ContentType.objects.get_for_model(Page), sees_all=False)
    shown, total = _newest(states, limit)
    pages = Page.objects.select_related("locale").in_bulk([int(s.object_id) for s in shown])
    rows = []
    for state in shown:
        page = pages.get(int(state.object_id))
        if page is not None:
            url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            title, language = page.get_admin_display_title(), page.locale.get_display_name()
            rows.append(AwaitingReview(page, title, language, state, url))
    return rows, total


class AwaitingReviewPanel(Component):
    template_name = "heritage/admin/awaiting_review.html"

    def __init__(self, *, name: str, order: int, heading, context_heading, more_text, rows, total: int):
        self.name = name
        self.order = order
        self.heading = heading
        self.context_heading = context_heading
        self.more_text = more_text
        self.rows = rows
        self.total = total

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        more = self.total - len(self.rows)
        context.update(
            panel=self,
            rows=self.rows,
            more=more,
            more_text=self.more_text % {"counter": more} if more > 0 else "",
            report_url=reverse("wagtailadmin_reports:workflow"),
        )
        return context


# Each panel: its rows, name, place on the dashboard, heading, the heading of its second column,
# and its "… and N more" line (lazy: the count fills %(counter)s and picks the plural).
PANELS = (
    (
        records_awaiting_review,
        "heritage_records_awaiting_review",
        110,
        _("Records awaiting review"),
        _("Monument"),
        ngettext_lazy(
            "… and %(counter)s more record awaiting review.",
            "… and %(counter)s more records awaiting review.",
            "counter",
        ),
    ),
    (
        pages_awaiting_review,
        "heritage_pages_awaiting_review",
        111,
        _("Pages awaiting review"),
        _("Language"),
        ngettext_lazy(
            "… and %(counter)s more page awaiting review.",
            "… and %(counter)s more pages awaiting review.",
            "counter",
        ),
    ),
)


def awaiting_review_panels(user) -> list[Component]:
    """The dashboard's review panels for `user`; none when nothing awaits them."""
    panels = []
    for reader, name, order, heading, context_heading, more_text in PANELS:
        rows, total = reader(user)
        if total:
            panels.append(
                AwaitingReviewPanel(
                    name=name,
                    order=order,
                    heading=heading,
                    context_heading=context_heading,
                    more_text=more_text,
                    rows=rows,
                    total=total,
                )
            )
    return panels
