"""`manage.py import_restorations`: what a curator sees when importing a spreadsheet of records."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry, ReferenceIndex
from wagtail.search.backends import get_search_backend

from heritage.importing import RESTORATION_COLUMNS, RESTORATION_OPTIONAL_COLUMNS, restorations_import
from heritage.models import MonumentPage, RestorationRecord, Technique
from heritage.services import monument_create


@pytest.fixture
def monuments(site_tree):
    index = site_tree["vi"]["monuments"]
    return {
        "ngo-mon": monument_create(
            index=index, slug="ngo-mon", name_vi="Ngọ Môn", name_en="Noon Gate", category="gate"
        ),
        "dien-thai-hoa": monument_create(
            index=index,
            slug="dien-thai-hoa",
            name_vi="Điện Thái Hòa",
            name_en="Hall of Supreme Harmony",
            category="palace",
        ),
    }


def row(**values) -> dict:
    base = {
        "reference": "HUE-NM-1991-01",
        "monument": "ngo-mon",
        "title": "Thay ngói lưu ly",
        "record_type": "treatment",
        "start": "1991",
        "end": "1992-06",
        "techniques": "Sơn mài; lợp ngói",
        "materials": "Ngói lưu ly",
        "partners": "UNESCO",
        "funder": "Government of Japan",
        "budget": "1200000",
        "currency": "VND",
        "condition_before": "poor",
        "condition_after": "good",
        "summary": "Roof retiled with glazed tiles.",
        "visibility": "public",
    }
    base.update(values)
    return base


def csv_bytes(rows: list[dict], columns=RESTORATION_COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def run(tmp_path, content, *args):
    """Run the command on `content` (rows or raw bytes); returns (stdout, stderr) or raises CommandError."""
    path = tmp_path / "records.csv"
    path.write_bytes(content if isinstance(content, bytes) else csv_bytes(content))
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_restorations", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        error.stderr = err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


def test_a_valid_file_creates_published_records_with_revisions_and_terms(tmp_path, monuments):
    rows = [
        row(),
        row(
            reference="HUE-TH-2021-01",
            monument="Điện Thái Hòa",
            start="2021-03",
            end="",
            techniques="",
            budget="1200000.50",
            currency="usd",
        ),
    ]
    out, err = run(tmp_path, rows)

    assert out.strip() == "created 2, updated 0, unchanged 0"
    record = RestorationRecord.objects.get(reference="HUE-NM-1991-01")
    assert record.live and not record.has_unpublished_changes
    assert record.live_revision_id == record.latest_revision_id
    assert record.revisions.count() == 1
    assert record.latest_revision.as_object().title == "Thay ngói lưu ly"
    assert record.monument == monuments["ngo-mon"]
    assert sorted(t.name for t in record.techniques.all()) == ["Sơn mài", "lợp ngói"]
    assert [m.name for m in record.materials.all()] == ["Ngói lưu ly"]
    assert [p.name for p in record.partners.all()] == ["UNESCO"]
    assert (str(record.start_earliest), str(record.end_latest)) == ("1991-01-01", "1992-06-30")
    assert record.budget == Decimal("1200000")
    ongoing = RestorationRecord.objects.get(reference="HUE-TH-2021-01")
    assert ongoing.is_ongoing and ongoing.end_latest is None
    assert (ongoing.budget, ongoing.currency) == (Decimal("1200000.50"), "USD")
    assert not ongoing.techniques.exists()
    # The history lists the publication, with the revision.
    actions = set(ModelLogEntry.objects.for_instance(record).values_list("action", "revision_id"))
    assert actions == {("wagtail.create", record.live_revision_id), ("wagtail.publish", record.live_revision_id)}
    assert RestorationRecord.objects.public().count() == 2


def test_the_english_columns_are_optional_and_kept_when_a_file_has_none(tmp_path, monuments):
    english = {
        "title_en": "Re-tiling with glazed tiles",
        "funder_en": "Government of Japan",
        "summary_en": "Roof retiled with glazed tiles.",
    }
    columns = RESTORATION_COLUMNS + RESTORATION_OPTIONAL_COLUMNS
    path = tmp_path / "english.csv"
    path.write_bytes(csv_bytes([row(summary="Lợp lại mái bằng ngói lưu ly.", **english)], columns=columns))
    out = io.StringIO()
    call_command("import_restorations", str(path), stdout=out, stderr=io.StringIO())
    assert out.getvalue().strip() == "created 1, updated 0, unchanged 0"
    record = RestorationRecord.objects.get()
    assert (record.title_en, record.funder_en, record.summary_en) == tuple(english.values())

    # A file without the English columns leaves them as they are…
    out, _err = run(tmp_path, [row(summary="Lợp lại mái bằng ngói lưu ly.")])
    assert out.strip() == "created 0, updated 0, unchanged 1"
    record.refresh_from_db()
    assert record.title_en == "Re-tiling with glazed tiles"
    # …and one with an emptied English cell empties it.
    path.write_bytes(
        csv_bytes([row(summary="Lợp lại mái bằng ngói lưu ly.", **{**english, "title_en": ""})], columns=columns)
    )
    call_command("import_restorations", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    record.refresh_from_db()
    assert (record.title_en, record.summary_en) == ("", "Roof retiled with glazed tiles.")
    assert record.latest_revision.as_object().title_en == ""


def test_imported_records_are_indexed_like_saved_ones(
    tmp_path, monuments, django_capture_on_commit_callbacks, settings
):
    # The database backend answers at once; Elasticsearch (services profile) would need a refresh.
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    with django_capture_on_commit_callbacks(execute=True):
        run(tmp_path, [row()])
    record = RestorationRecord.objects.get()

    # Wagtail's own indexing finds nothing to add or remove in the reference index ...
    before = set(ReferenceIndex.get_references_for_object(record).values_list("to_object_id", "model_path"))
    ReferenceIndex.create_or_update_for_object(record)
    after = set(ReferenceIndex.get_references_for_object(record).values_list("to_object_id", "model_path"))
    assert before == after == {(str(monuments["ngo-mon"].pk), "monument")}
    # ... and the admin's search finds the record.
    assert list(get_search_backend().search("retiled", RestorationRecord)) == [record]


def test_an_imported_record_opens_in_the_admin_with_its_history(tmp_path, monuments, admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    run(tmp_path, [row()])
    record = RestorationRecord.objects.get()

    edit = admin_client.get(reverse("wagtailsnippets_heritage_restorationrecord:edit", args=[record.pk]))
    assert edit.status_code == 200
    assert b"HUE-NM-1991-01" in edit.content
    history = admin_client.get(reverse("wagtailsnippets_heritage_restorationrecord:history", args=[record.pk]))
    assert history.status_code == 200
    # The publication is listed, marked as the live version.
    assert b"Published" in history.content
    assert b"Live version" in history.content


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("ngo-mon", "ngo-mon"),
        ("NGO-MON", "ngo-mon"),
        ("Ngọ Môn", "ngo-mon"),
        ("ngo mon", "ngo-mon"),
        ("noon gate", "ngo-mon"),
        ("Dien Thai Hoa", "dien-thai-hoa"),
        ("ĐIỆN THÁI HÒA", "dien-thai-hoa"),
        ("HALL OF SUPREME HARMONY", "dien-thai-hoa"),
        ("  Hall of   supreme harmony ", "dien-thai-hoa"),
    ],
)
def test_the_monument_is_found_by_slug_or_either_name_whatever_the_case_and_accents(tmp_path, monuments, text, slug):
    run(tmp_path, [row(monument=text)])
    record = RestorationRecord.objects.get()
    assert record.monument_id == monuments[slug].pk
    assert record.monument.locale.language_code == "vi"


def test_an_ambiguous_monument_name_is_refused(tmp_path, site_tree, monuments):
    index = site_tree["vi"]["monuments"]
    monument_create(index=index, slug="cua-ngan", name_vi="Cửa Ngăn", name_en="Noon Gate", category="gate")

    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(monument="noon gate")])

    assert "line 2: monument: “noon gate” names several monuments (cua-ngan, ngo-mon); use the slug." in (
        error.value.stderr
    )
    assert not RestorationRecord.objects.exists()


def test_reimporting_the_same_file_changes_nothing(tmp_path, monuments):
    rows = [row(), row(reference="HUE-TH-2021-01", monument="dien-thai-hoa", end="")]
    run(tmp_path, rows)
    revisions = {r.reference: r.revisions.count() for r in RestorationRecord.objects.all()}

    out, _ = run(tmp_path, rows)

    assert out.strip() == "created 0, updated 0, unchanged 2"
    assert {r.reference: r.revisions.count() for r in RestorationRecord.objects.all()} == revisions


def test_a_changed_row_updates_its_record_with_a_new_published_revision(tmp_path, monuments):
    run(tmp_path, [row(), row(reference="HUE-TH-2021-01", monument="dien-thai-hoa")])
    record = RestorationRecord.objects.get(reference="HUE-NM-1991-01")
    record.component = "Mái"  # set in the admin; not a CSV column, so the import keeps it
    record.save()

    out, _ = run(
        tmp_path,
        [
            row(title="Thay ngói và gia cố kèo", techniques="lợp ngói; gia cố"),
            row(reference="HUE-TH-2021-01", monument="dien-thai-hoa"),
        ],
    )

    assert out.strip() == "created 0, updated 1, unchanged 1"
    record.refresh_from_db()
    assert record.title == "Thay ngói và gia cố kèo"
    assert record.component == "Mái"
    assert sorted(t.name for t in record.techniques.all()) == ["gia cố", "lợp ngói"]
    assert record.revisions.count() == 2
    assert record.live_revision_id == record.latest_revision_id
    assert record.latest_revision.as_object().title == "Thay ngói và gia cố kèo"
    assert record.latest_revision.as_object().component == "Mái"
    assert "wagtail.edit" in ModelLogEntry.objects.for_instance(record).values_list("action", flat=True)


def test_terms_match_existing_ones_without_case_or_accents(tmp_path, monuments):
    Technique.objects.create(name="Sơn mài")
    run(tmp_path, [row(techniques="SON MAI")])
    assert [t.name for t in RestorationRecord.objects.get().techniques.all()] == ["Sơn mài"]
    assert Technique.objects.count() == 1


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"start": "1991-13"}, "line 3: start: “1991-13” has no month 13."),
        ({"start": ""}, "line 3: start: This field cannot be blank."),
        ({"end": "1990"}, "line 3: end: The end (1990) is before the start (1991)."),
        ({"end": "2023-02-29"}, "line 3: end: “2023-02-29” is not a day of the calendar."),
        ({"monument": "Cung An Định"}, "line 3: monument: no monument is called “Cung An Định”"),
        ({"monument": ""}, "line 3: monument: required"),
        ({"record_type": "repair"}, "line 3: record_type: “repair” is not one of condition_check, treatment,"),
        ({"budget": "abc"}, "line 3: budget: “abc” is not an amount"),
        ({"budget": "-5"}, "line 3: budget: Ensure this value is greater than or equal to 0."),
        ({"budget": "1.234"}, "line 3: budget: Ensure that there are no more than 2 decimal places."),
        ({"budget": "500", "currency": ""}, "line 3: currency: A budget needs its currency."),
        ({"currency": "dong"}, "line 3: currency: Use a three-letter ISO 4217 code"),
        ({"condition_before": "broken"}, "line 3: condition_before: “broken” is not one of excellent, good,"),
        ({"visibility": ""}, "line 3: visibility: required; use one of public, internal."),
        ({"visibility": "secret"}, "line 3: visibility: “secret” is not one of public, internal."),
        ({"summary": ""}, "line 3: summary: This field cannot be blank."),
        ({"title": "x" * 300}, "line 3: title: Ensure this value has at most 255 characters (it has 300)."),
        ({"reference": ""}, "line 3: reference: This field cannot be blank."),
    ],
)
def test_an_invalid_row_is_reported_by_line_and_nothing_is_written(tmp_path, monuments, values, expected):
    rows = [row(reference="HUE-OK-1"), row(**{"reference": "HUE-BAD-1", **values})]

    with pytest.raises(CommandError) as error:
        run(tmp_path, rows)

    assert expected in error.value.stderr
    assert "1 of 2 rows are invalid; nothing was imported." in str(error.value)
    assert not RestorationRecord.objects.exists()
    assert not Technique.objects.exists()


def test_every_bad_row_is_reported_with_its_physical_line(tmp_path, monuments):
    content = csv_bytes(
        [
            row(reference="A-1", summary="Two lines:\nthe second one."),  # lines 2-3
            row(reference="A-2", start="1991-13"),  # line 4
            row(reference="A-3"),  # line 5
            row(reference="A-4", monument="nowhere", visibility="hidden"),  # line 6
        ]
    )

    with pytest.raises(CommandError) as error:
        run(tmp_path, content)

    lines = error.value.stderr.splitlines()
    assert lines == [
        "line 4: start: “1991-13” has no month 13.",
        "line 6: monument: no monument is called “nowhere”; use a monument's slug, Vietnamese or English name.",
        "line 6: visibility: “hidden” is not one of public, internal.",
    ]


def test_a_reference_repeated_in_the_file_is_an_error(tmp_path, monuments):
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(), row(title="Again")])
    assert "line 3: reference: “HUE-NM-1991-01” already appears on line 2." in error.value.stderr
    assert not RestorationRecord.objects.exists()


def test_a_row_with_too_few_cells_is_an_error(tmp_path, monuments):
    content = csv_bytes([row()]) + b"HUE-X,ngo-mon,Short row\n"
    with pytest.raises(CommandError) as error:
        run(tmp_path, content)
    assert "line 3: the row has 3 cells but the header has 16." in error.value.stderr


def test_missing_and_unknown_columns_are_named(tmp_path, monuments):
    columns = [c for c in RESTORATION_COLUMNS if c not in ("end", "visibility")] + ["notes"]
    with pytest.raises(CommandError) as error:
        run(tmp_path, csv_bytes([row()], columns=columns))
    message = str(error.value)
    assert "missing columns: end, visibility" in message
    assert "unknown columns: notes" in message


def test_columns_may_come_in_any_order_and_a_bom_is_accepted(tmp_path, monuments):
    content = "\ufeff".encode() + csv_bytes([row()], columns=list(reversed(RESTORATION_COLUMNS)))
    out, _ = run(tmp_path, content)
    assert out.strip() == "created 1, updated 0, unchanged 0"
    assert RestorationRecord.objects.get().reference == "HUE-NM-1991-01"


# What Excel writes when "CSV" rather than "CSV UTF-8" is chosen on a Western-European system.
LATIN_1 = csv_bytes([row(title="Café", techniques="", materials="", summary="Nettoyé")]).decode().encode("latin-1")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"\n\n", "The file is empty."),
        (",".join(RESTORATION_COLUMNS).encode() + b"\n", "The file has a header but no rows."),
        (LATIN_1, "The file is not UTF-8 text (line 2, byte 0xE9)"),
        (csv_bytes([row()]).decode().encode("utf-16"), "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a CSV file"),
        (b"reference;monument;title\nA;B;C\n", "separated by commas"),
    ],
)
def test_an_unreadable_file_is_refused_with_a_reason(tmp_path, monuments, content, message):
    with pytest.raises(CommandError) as error:
        run(tmp_path, content)
    assert message in str(error.value)
    assert not RestorationRecord.objects.exists()


def test_a_file_over_the_size_limit_is_refused(tmp_path, monuments, settings):
    settings.HERITAGE_IMPORT_MAX_FILE_SIZE = 200
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(), row(reference="HUE-2")])
    assert "the limit is" in str(error.value)
    assert not RestorationRecord.objects.exists()


def test_a_dry_run_reports_and_writes_nothing(tmp_path, monuments):
    out, _ = run(tmp_path, [row(), row(reference="HUE-2")], "--dry-run")
    assert out.strip() == "dry run: would have created 2, updated 0, unchanged 0"
    assert not RestorationRecord.objects.exists()
    assert not Technique.objects.exists()


def test_a_dry_run_still_reports_bad_rows(tmp_path, monuments):
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(start="1991-13")], "--dry-run")
    assert "line 2: start:" in error.value.stderr


def test_a_record_locked_in_the_admin_is_not_overwritten(tmp_path, monuments, django_user_model):
    run(tmp_path, [row()])
    record = RestorationRecord.objects.get()
    record.locked, record.locked_by = True, django_user_model.objects.create_user("editor")
    record.save()

    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(title="Changed")])

    assert "line 2: reference: “HUE-NM-1991-01” is locked in the admin by editor" in error.value.stderr
    record.refresh_from_db()
    assert record.title == "Thay ngói lưu ly"


def test_progress_is_reported_for_checking_then_writing(monuments):
    calls = []
    restorations_import(
        data=csv_bytes([row(reference=f"P-{i}") for i in range(3)]), progress=lambda *args: calls.append(args)
    )
    assert calls[0][0] == "checking"
    assert calls[-1] == ("writing", 3, 3)


def test_records_point_at_the_vietnamese_page_even_when_named_in_english(tmp_path, monuments):
    run(tmp_path, [row(monument="Noon Gate")])
    english = MonumentPage.objects.get(locale__language_code="en", translation_key=monuments["ngo-mon"].translation_key)
    record = RestorationRecord.objects.get()
    assert record.monument_id != english.pk
    assert record.monument_id == monuments["ngo-mon"].pk


def test_importing_over_a_record_in_moderation_publishes_it_and_ends_the_moderation(tmp_path, monuments, restorer):
    run(tmp_path, [row()])
    record = RestorationRecord.objects.get()
    record.title = "Restorer's draft"
    record.save_revision(user=restorer)
    state = record.get_workflow().start(record, restorer)
    assert record.workflow_in_progress

    out, _ = run(tmp_path, [row(title="Curator's checked version")])

    assert out.strip() == "created 0, updated 1, unchanged 0"
    state.refresh_from_db()
    assert state.status == state.STATUS_CANCELLED
    record.refresh_from_db()
    assert record.title == "Curator's checked version"
    assert record.live_revision_id == record.latest_revision_id and not record.has_unpublished_changes


OTHER_DIGITS = [("２０２０-０１", "2020-01"), ("٢٠١٩", "2019"), ("२०१८-१२-३१", "2018-12-31")]


@pytest.mark.parametrize(("written", "stored"), OTHER_DIGITS)
def test_dates_in_other_digits_are_stored_in_ascii_digits(tmp_path, monuments, written, stored):
    out, _err = run(tmp_path, [row(start=written, end=written)])

    assert out.strip() == "created 1, updated 0, unchanged 0"
    record = RestorationRecord.objects.get()
    assert (record.start, record.end) == (stored, stored)
    assert record.start_earliest.isoformat().startswith(stored[:4])
    # The file read again is the same record: nothing changes.
    assert run(tmp_path, [row(start=written, end=written)])[0].strip() == "created 0, updated 0, unchanged 1"


def test_an_impossible_date_in_other_digits_is_reported_by_line(tmp_path, monuments):
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(reference="HUE-OK-1"), row(reference="HUE-BAD-1", start="２０２０-１３")])

    assert "line 3: start: “2020-13” has no month 13." in error.value.stderr
    assert not RestorationRecord.objects.exists()
