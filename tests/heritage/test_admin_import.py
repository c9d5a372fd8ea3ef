"""The admin's restoration-records import: who may use it and what a curator sees."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry, TaskState

from heritage.importing import RESTORATION_COLUMNS
from heritage.models import RestorationRecord
from heritage.services import monument_create
from tests.heritage.test_import_restorations import csv_bytes, row

URL = "heritage_restoration_import"
SAMPLE = "heritage_restoration_import_sample"


def logged_in(client, user):
    # Messages are checked in English; the admin otherwise follows LANGUAGE_CODE (vi).
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def upload(client, content: bytes, name: str = "records.csv", **fields):
    return client.post(reverse(URL), {"file": SimpleUploadedFile(name, content, "text/csv"), **fields})


def test_a_user_without_the_right_to_add_records_may_not_import(client, ngo_mon, django_user_model):
    viewer = django_user_model.objects.create_user(username="viewer", password="pw")
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_restorationrecord")
    )
    client = logged_in(client, viewer)
    assert client.get(reverse(URL)).status_code == 403
    assert upload(client, csv_bytes([row()])).status_code == 403
    assert client.get(reverse(SAMPLE)).status_code == 403
    assert not RestorationRecord.objects.exists()
    assert reverse(URL).encode() not in client.get(reverse("wagtailadmin_home")).content


def test_a_restorer_may_import_drafts_for_review_but_not_publish(client, restorer, ngo_mon):
    client = logged_in(client, restorer)
    page = client.get(reverse(URL)).content.decode()
    assert 'value="review"' in page and 'value="publish"' not in page

    response = upload(client, csv_bytes([row()]), mode="publish")
    assert response.status_code == 200
    assert "You may not publish restoration records" in str(response.context["form"].errors["mode"])
    assert not RestorationRecord.objects.exists()

    response = upload(client, csv_bytes([row()]))  # without a choice: drafts, the only one offered
    assert response.status_code == 200
    record = RestorationRecord.objects.get(reference="HUE-NM-1991-01")
    assert not record.live and record.workflow_in_progress


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, ngo_mon):
    response = client.get(reverse(URL))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_a_curator_finds_the_import_in_the_menu_and_opens_it(client, curator, ngo_mon):
    client = logged_in(client, curator)
    assert reverse(URL).encode() in client.get(reverse("wagtailadmin_home")).content
    response = client.get(reverse(URL))
    assert response.status_code == 200
    assert b'type="file"' in response.content


def test_a_curator_imports_a_file_and_sees_the_summary(client, curator, ngo_mon):
    client = logged_in(client, curator)
    response = upload(client, csv_bytes([row(), row(reference="HUE-2")]))

    assert response.status_code == 200
    assert b"created 2, updated 0, unchanged 0" in response.content
    record = RestorationRecord.objects.get(reference="HUE-NM-1991-01")
    assert record.live
    assert record.live_revision.user == curator


def test_a_dry_run_in_the_admin_writes_nothing(client, curator, ngo_mon):
    client = logged_in(client, curator)
    response = upload(client, csv_bytes([row()]), dry_run="on")
    assert b"dry run: would have created 1, updated 0, unchanged 0" in response.content
    assert not RestorationRecord.objects.exists()


def test_bad_rows_are_listed_with_their_line_numbers(client, curator, ngo_mon):
    client = logged_in(client, curator)
    response = upload(client, csv_bytes([row(), row(reference="HUE-2", start="1991-13", monument="nowhere")]))

    assert response.status_code == 200
    errors = [str(error) for error in response.context["errors_shown"]]
    assert "line 3: monument: no monument is called “nowhere”; use a monument's slug, Vietnamese or English name." in (
        errors
    )
    assert "line 3: start: “1991-13” has no month 13." in errors
    assert "line 3: start: “1991-13” has no month 13.".encode() in response.content
    assert b"1 of 2 rows are invalid; nothing was imported." in response.content
    assert not RestorationRecord.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Café;Thé\n".encode("latin-1"), "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV file"),
        (b"reference,title\nA,B\n", "missing columns"),
    ],
)
def test_a_file_that_is_not_a_utf8_csv_is_refused_on_the_form(client, curator, ngo_mon, content, message):
    client = logged_in(client, curator)
    response = upload(client, content)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["file"])
    assert not RestorationRecord.objects.exists()


def test_an_empty_file_is_refused_on_the_form(client, curator, ngo_mon):
    client = logged_in(client, curator)
    response = upload(client, b"")
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["file"]] == ["empty"]
    response = upload(client, b"\n\n")
    assert "The file is empty." in str(response.context["form"].errors["file"])


def test_a_file_over_the_size_limit_is_refused_on_the_form(client, curator, ngo_mon, settings):
    settings.HERITAGE_IMPORT_MAX_FILE_SIZE = 100
    client = logged_in(client, curator)
    response = upload(client, csv_bytes([row()]))
    assert response.status_code == 200
    assert "the limit is" in str(response.context["form"].errors["file"])
    assert not RestorationRecord.objects.exists()


# --- Publish at once, or drafts submitted for review ----------------------------------------------


def test_a_curator_may_choose_to_publish_at_once(client, curator, ngo_mon):
    client = logged_in(client, curator)
    page = client.get(reverse(URL)).content.decode()
    assert 'value="publish"' in page and 'value="review"' in page
    upload(client, csv_bytes([row()]), mode="publish")
    record = RestorationRecord.objects.get(reference="HUE-NM-1991-01")
    assert record.live and not record.workflow_in_progress


def _restorations_page(client, query):
    client.logout()
    return client.get("/vi/restorations/", {"q": query}).content.decode()


def test_drafts_are_submitted_for_review_and_stay_off_the_public_site(
    client, curator, ngo_mon, database_search, django_capture_on_commit_callbacks
):
    client = logged_in(client, curator)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, csv_bytes([row(), row(reference="HUE-2", title="Gia cố cột lim")]), mode="review")
    assert b"created 2, updated 0, unchanged 0" in response.content
    assert b"2 drafts were submitted for review." in response.content

    for record in RestorationRecord.objects.all():
        assert not record.live and record.has_unpublished_changes
        assert record.live_revision is None and record.latest_revision.user == curator
        assert record.workflow_in_progress
        assert record.current_workflow_task.name == "Curator review"
        actions = list(ModelLogEntry.objects.for_instance(record).order_by("pk").values_list("action", flat=True))
        assert actions == ["wagtail.create", "wagtail.workflow.start"]
    # Wagtail sees them as its own "Submit for moderation" leaves them: a curator may review them.
    reviewable = TaskState.objects.reviewable_by(curator)
    assert {state.workflow_state.object_id for state in reviewable} == {
        str(pk) for pk in RestorationRecord.objects.values_list("pk", flat=True)
    }

    assert client.get("/vi/restorations/HUE-2/").status_code == 404
    assert "HUE-2" not in _restorations_page(client, "Gia cố cột lim")
    assert "HUE-2" not in _restorations_page(client, "gia co cot lim")

    # Approved in Wagtail's workflow: published, and on the public site.
    record = RestorationRecord.objects.get(reference="HUE-2")
    with django_capture_on_commit_callbacks(execute=True):
        record.current_workflow_task_state.approve(user=curator)
    record.refresh_from_db()
    assert record.live and not record.workflow_in_progress
    assert client.get("/vi/restorations/HUE-2/").status_code == 200
    assert "HUE-2" in _restorations_page(client, "gia co cot lim")


def test_a_draft_over_a_published_record_leaves_the_live_version_until_reviewed(client, curator, ngo_mon):
    client = logged_in(client, curator)
    upload(client, csv_bytes([row(title="Tiêu đề đã duyệt")]), mode="publish")
    upload(client, csv_bytes([row(title="Tiêu đề mới", techniques="Gia cố")]), mode="review")

    record = RestorationRecord.objects.get(reference="HUE-NM-1991-01")
    assert record.live and record.title == "Tiêu đề đã duyệt"
    assert {term.name for term in record.techniques.all()} == {"Sơn mài", "lợp ngói"}
    assert record.has_unpublished_changes and record.workflow_in_progress
    draft = record.latest_revision.as_object()
    assert draft.title == "Tiêu đề mới"
    assert [term.name for term in draft.techniques.all()] == ["Gia cố"]
    assert client.get(f"/vi/restorations/{record.reference}/").status_code == 200


def test_the_same_file_imported_again_for_review_leaves_the_drafts_in_review_unchanged(client, curator, ngo_mon):
    client = logged_in(client, curator)
    upload(client, csv_bytes([row(title="Tiêu đề đã duyệt")]), mode="publish")
    content = csv_bytes([row(title="Tiêu đề mới", techniques="Gia cố"), row(reference="HUE-2")])
    upload(client, content, mode="review")
    record = RestorationRecord.objects.get(reference="HUE-NM-1991-01")
    revisions, states = record.revisions.count(), record.workflow_states.count()

    response = upload(client, content, mode="review")
    assert b"created 0, updated 0, unchanged 2" in response.content
    assert record.revisions.count() == revisions and record.workflow_states.count() == states
    # A row that changes the draft is a new draft, submitted again.
    response = upload(client, csv_bytes([row(title="Tiêu đề mới hơn", techniques="Gia cố")]), mode="review")
    assert b"created 0, updated 1, unchanged 0" in response.content
    record.refresh_from_db()
    assert record.latest_revision.as_object().title == "Tiêu đề mới hơn" and record.workflow_in_progress


def test_without_a_review_workflow_drafts_are_saved_and_not_submitted(client, curator, ngo_mon):
    from wagtail.models import Workflow

    Workflow.objects.update(active=False)
    client = logged_in(client, curator)
    response = upload(client, csv_bytes([row()]), mode="review")
    assert b"no review workflow is assigned" in response.content
    record = RestorationRecord.objects.get()
    assert not record.live and not record.workflow_in_progress


# --- The specification and the sample file ----------------------------------------------------------


def test_the_import_page_shows_the_data_specification_of_every_column(client, curator, ngo_mon):
    page = logged_in(client, curator).get(reverse(URL)).content.decode()
    specification = page.split("data-import-specification>", 1)[1]
    for column in RESTORATION_COLUMNS:
        assert f"<code>{column}</code>" in specification, column
    assert "docs/data-specification.md" not in page
    assert f'href="{reverse(SAMPLE)}"' in page


def test_the_sample_csv_downloads_and_imports_back_cleanly(client, curator, site_tree):
    client = logged_in(client, curator)
    response = client.get(reverse(SAMPLE))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    content = response.content
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == list(RESTORATION_COLUMNS)
    assert len(rows) >= 3
    for slug in {cells[1] for cells in rows[1:]}:
        monument_create(index=site_tree["vi"]["monuments"], slug=slug, name_vi=slug, name_en=slug, category="gate")

    response = upload(client, content, name="restorations-sample.csv", dry_run="on")
    assert response.context["report"].ok, response.context["errors_shown"]
    assert f"dry run: would have created {len(rows) - 1}, updated 0, unchanged 0".encode() in response.content


# --- The dashboard ---------------------------------------------------------------------------------


def test_the_dashboard_lists_records_awaiting_review_for_a_curator_only(
    client, curator, restorer, ngo_mon, django_user_model
):
    logged_in(client, restorer)
    upload(client, csv_bytes([row(), row(reference="HUE-2")]), mode="review")
    record = RestorationRecord.objects.get(reference="HUE-2")

    page = logged_in(client, curator).get(reverse("wagtailadmin_home")).content.decode()
    assert "Records awaiting review" in page
    panel = page.split('data-awaiting-review="heritage_records_awaiting_review"', 1)[1]
    assert f'href="/admin/snippets/heritage/restorationrecord/edit/{record.pk}/"' in panel
    assert "HUE-2: Thay ngói lưu ly" in panel and "Noon Gate" in panel and "restorer" in panel

    # The restorer submitted them but cannot review them; a plain admin user has no rights at all.
    page = logged_in(client, restorer).get(reverse("wagtailadmin_home")).content.decode()
    assert "Records awaiting review" not in page
    plain = django_user_model.objects.create_user(username="plain", password="pw")
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    page = logged_in(client, plain).get(reverse("wagtailadmin_home")).content.decode()
    assert "Records awaiting review" not in page
    client.logout()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_the_dashboard_shows_the_newest_ten_of_a_large_review_import_and_counts_the_rest(
    client, curator, restorer, ngo_mon
):
    logged_in(client, restorer)
    upload(client, csv_bytes([row(reference=f"HUE-{n:02d}") for n in range(13)]), mode="review")
    page = logged_in(client, curator).get(reverse("wagtailadmin_home")).content.decode()
    panel = page.split('data-awaiting-review="heritage_records_awaiting_review"', 1)[1].split("</section>", 1)[0]
    assert panel.count('<td class="title">') == 10
    assert "… and 3 more records awaiting review." in panel
    assert f'href="{reverse("wagtailadmin_reports:workflow")}"' in panel
    # Wagtail's own panel, which would list all of them, is not there.
    assert 'id="workflow_objects_to_moderate"' not in page and page.count("HUE-00:") == 0


def test_the_dashboard_lists_pages_awaiting_review_for_their_moderators(client, admin_user, curator, ngo_mon):
    ngo_mon.intro = "Đoạn giới thiệu mới."
    revision = ngo_mon.save_revision(user=curator)
    ngo_mon.get_workflow().start(ngo_mon, curator)  # Wagtail's default "Moderators approval"
    page = logged_in(client, admin_user).get(reverse("wagtailadmin_home")).content.decode()
    panel = page.split('data-awaiting-review="heritage_pages_awaiting_review"', 1)[1].split("</section>", 1)[0]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[ngo_mon.pk])}"' in panel
    assert revision.content_object.get_admin_display_title() in panel
