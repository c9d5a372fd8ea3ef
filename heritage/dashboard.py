"""The admin dashboard's "Records awaiting review" panel."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState, WorkflowState

SHOWN = 10  # records listed; the panel says how many more there are


@dataclass
class AwaitingReview:
    record: object
    state: WorkflowState
    edit_url: str


def records_awaiting_review(user, *, limit: int = SHOWN) -> tuple[list[AwaitingReview], int]:
    """Records in moderation that `user` can act on, newest first, and how many there are in all.

    A user who may publish records (Curators) sees every record in moderation; anyone else, the
    records whose current task they can approve or reject; a user with neither, nothing.
    """
    from django.urls import reverse

    from .models import RestorationRecord

    if not (user.is_active and user.has_perm("wagtailadmin.access_admin")):
        return [], 0
    base_type = RestorationRecord.get_base_content_type()
    states = WorkflowState.objects.active().filter(base_content_type=base_type)
    if not user.has_perm("heritage.publish_restorationrecord"):
        reviewable = TaskState.objects.reviewable_by(user).filter(workflow_state__base_content_type=base_type)
        states = states.filter(current_task_state__in=reviewable)
    total = states.count()
    shown = list(
        states.select_related("requested_by", "current_task_state__task").order_by("-created_at", "-pk")[:limit]
    )
    records = RestorationRecord.objects.select_related("monument").in_bulk([int(s.object_id) for s in shown])
    url_name = RestorationRecord.snippet_viewset.get_url_name("edit")
    rows = [
        AwaitingReview(records[int(state.object_id)], state, reverse(url_name, args=[state.object_id]))
        for state in shown
        if int(state.object_id) in records
    ]
    return rows, total


class RecordsAwaitingReviewPanel(Component):
    name = "heritage_records_awaiting_review"
    template_name = "heritage/admin/records_awaiting_review.html"
    order = 110
    heading = _("Records awaiting review")

    def __init__(self, rows: list[AwaitingReview], total: int):
        self.rows = rows
        self.total = total

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context.update(rows=self.rows, total=self.total, more=self.total - len(self.rows), heading=self.heading)
        return context
