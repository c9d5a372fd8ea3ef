"""`manage.py import_artefacts`: artefact pages, their English translations and their images from a CSV file."""

import csv
import io
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from heritage import importing
from heritage.importing import ARTEFACT_COLUMNS, ARTEFACT_OPTIONAL_COLUMNS
from heritage.models import ArtefactPage, HeritageImage, Material
from tests.factories import blank_png, image_bytes

COLUMNS = ARTEFACT_COLUMNS + ARTEFACT_OPTIONAL_COLUMNS


@pytest.fixture
def images(tmp_path):
    folder = tmp_path / "images"
    folder.mkdir()
    (folder / "bowl.jpg").write_bytes(image_bytes(64, 48, "JPEG"))
    (folder / "vase.png").write_bytes(image_bytes(40, 40, "PNG", color=(20, 90, 200)))
    return folder


def row(**values) -> dict:
    base = {
        "accession_number": "BTCVH-0001",
        "title_vi": "Bát men lam",
        "title_en": "Blue-glazed bowl",
        "object_type": "bowl",
        "materials": "Gốm; men lam",
        "date": "1820",
        "monument": "Ngọ Môn",
        "provenance": "Excavated at the Noon Gate, 1990.",
        "description": "A bowl with a dragon.",
        "image": "bowl.jpg",
        "licence": "CC-BY-4.0",
        "credit": "Hue Monuments Conservation Centre",
        "creator": "Nguyễn Văn A",
    }
    base.update(values)
    return base


def csv_bytes(rows: list[dict], columns=COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def run(tmp_path, rows, images_dir, *args):
    path = tmp_path / "artefacts.csv"
    path.write_bytes(rows if isinstance(rows, bytes) else csv_bytes(rows))
    out, err = io.StringIO(), io.StringIO()
    options = ["--images", str(images_dir)] if images_dir else []
    try:
        call_command("import_artefacts", str(path), *options, *args, stdout=out, stderr=err)
    except CommandError as error:
        error.stderr = err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


def stored_originals() -> set[str]:
    """The stored original image files, through the storage API (local files or S3)."""
    try:
        return set(default_storage.listdir("original_images")[1])
    except FileNotFoundError:  # local storage before the first upload; S3 lists an empty prefix
        return set()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels: a decompression bomb's shape."""
    real = image_bytes(1, 1, "PNG")
    chunk = b"IHDR" + struct.pack(">II", width, height) + real[24:29]
    return real[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + real[33:]


def test_a_row_becomes_a_published_artefact_with_its_translation_and_image(tmp_path, site_tree, ngo_mon, images):
    out, _ = run(tmp_path, [row()], images)

    assert out.strip() == "created 1, updated 0, unchanged 0"
    page = ArtefactPage.objects.get(locale__language_code="vi")
    assert page.get_parent().specific == site_tree["vi"]["artefacts"]
    assert (page.title, page.accession_number, page.object_type, page.date) == (
        "Bát men lam",
        "BTCVH-0001",
        "bowl",
        "1820",
    )
    assert page.live and page.live_revision_id and not page.has_unpublished_changes
    assert page.location_id == ngo_mon.pk
    assert sorted(m.name for m in page.materials.all()) == ["Gốm", "men lam"]

    [item] = page.images.all()
    image = item.image
    assert (image.width, image.height, image.licence, image.credit_line, image.creator) == (
        64,
        48,
        "CC-BY-4.0",
        "Hue Monuments Conservation Centre",
        "Nguyễn Văn A",
    )
    with image.file.open("rb") as handle:
        assert handle.read() == (images / "bowl.jpg").read_bytes()

    english = page.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.live
    assert english.title == "Blue-glazed bowl"
    assert english.get_parent().specific == site_tree["en"]["artefacts"]
    assert english.location == ngo_mon.get_translation(english.locale)
    assert [i.image_id for i in english.images.all()] == [image.pk]


def test_an_artefact_without_a_vietnamese_title_takes_the_english_one(tmp_path, ngo_mon, images):
    run(tmp_path, [row(title_vi="", image="", licence="", credit="", creator="", monument="")], images)
    page = ArtefactPage.objects.get(locale__language_code="vi")
    assert page.title == "Blue-glazed bowl"
    assert page.location is None
    assert not page.images.exists()


def test_reimporting_the_same_file_changes_nothing_and_uploads_nothing(tmp_path, ngo_mon, images):
    rows = [row(), row(accession_number="BTCVH-0002", image="vase.png", licence="")]
    run(tmp_path, rows, images)
    files, revisions = stored_originals(), {p.pk: p.revisions.count() for p in ArtefactPage.objects.all()}

    out, _ = run(tmp_path, rows, images)

    assert out.strip() == "created 0, updated 0, unchanged 2"
    assert HeritageImage.objects.count() == 2
    assert stored_originals() == files
    assert {p.pk: p.revisions.count() for p in ArtefactPage.objects.all()} == revisions
    assert HeritageImage.objects.get(width=40).licence == "all-rights-reserved"


def test_the_same_image_under_another_name_is_not_uploaded_twice(tmp_path, ngo_mon, images):
    before = stored_originals()  # the media folder outlives each test
    (images / "copy-of-bowl.jpg").write_bytes((images / "bowl.jpg").read_bytes())
    run(tmp_path, [row(), row(accession_number="BTCVH-0002", image="copy-of-bowl.jpg")], images)
    assert HeritageImage.objects.count() == 1
    assert len(stored_originals() - before) == 1


def test_a_changed_row_updates_the_artefact_and_its_translation(tmp_path, ngo_mon, images):
    run(tmp_path, [row()], images)
    out, _ = run(tmp_path, [row(title_en="Bowl with blue glaze", materials="Gốm", credit="Bảo tàng")], images)

    assert out.strip() == "created 0, updated 1, unchanged 0"
    page = ArtefactPage.objects.get(locale__language_code="vi")
    english = page.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.title == "Bowl with blue glaze"
    assert page.title_en == english.title_en == "Bowl with blue glaze"
    assert [m.name for m in page.materials.all()] == ["Gốm"] == [m.name for m in english.materials.all()]
    assert HeritageImage.objects.get().credit_line == "Bảo tàng"
    assert page.revisions.count() == 2


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../secret.jpg", "must be a file name inside the images folder"),
        ("sub/../../secret.jpg", "must be a file name inside the images folder"),
        ("/etc/passwd", "must be a file name inside the images folder"),
        ("missing.jpg", "there is no file “missing.jpg” in the images folder"),
        ("notes.txt", "is not an allowed image type"),
    ],
)
def test_an_image_outside_the_folder_or_missing_is_refused(tmp_path, ngo_mon, images, name, message):
    before = stored_originals()  # the media folder outlives each test
    (tmp_path / "secret.jpg").write_bytes(image_bytes(8, 8, "JPEG"))
    (images / "notes.txt").write_text("not an image")

    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(accession_number="OK-1", image="vase.png"), row(image=name)], images)

    assert f"line 3: image: “{name}”" in error.value.stderr or f"line 3: image: there is no file “{name}”" in (
        error.value.stderr
    )
    assert message in error.value.stderr
    assert not ArtefactPage.objects.exists()
    assert not HeritageImage.objects.exists()
    assert stored_originals() == before


def test_a_file_that_is_not_an_image_or_lies_about_its_type_is_refused(tmp_path, ngo_mon, images):
    (images / "fake.jpg").write_bytes(b"%PDF-1.4 not a picture")
    (images / "png-named.jpg").write_bytes(image_bytes(8, 8, "PNG"))

    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(image="fake.jpg"), row(accession_number="B-2", image="png-named.jpg")], images)

    assert "line 2: image: “fake.jpg” is not a valid image" in error.value.stderr
    assert "line 3: image: “png-named.jpg” is a PNG image; its extension says JPEG." in error.value.stderr
    assert not ArtefactPage.objects.exists()


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path, ngo_mon, images):
    (images / "bomb.png").write_bytes(png_claiming(100_000, 100_000))
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(image="bomb.png")], images)
    assert "line 2: image: “bomb.png” has too many pixels (10,000,000,000;" in error.value.stderr
    assert "decompression bomb" in error.value.stderr
    assert not HeritageImage.objects.exists()


def test_the_pixel_and_size_limits_come_from_the_image_settings(tmp_path, ngo_mon, images, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000  # the 64×48 bowl has 3,072
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row()], images)
    assert "“bowl.jpg” has too many pixels (3,072; the limit is 1,000)" in error.value.stderr

    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10_000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row()], images)
    assert "line 2: image: “bowl.jpg” is" in error.value.stderr
    assert "the limit is 0.0 MB" in error.value.stderr
    assert not ArtefactPage.objects.exists()


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"date": "1820-13"}, "line 2: date: “1820-13” has no month 13."),
        ({"title_vi": "", "title_en": ""}, "line 2: title_vi: an artefact needs a title"),
        ({"object_type": ""}, "line 2: object_type: This field cannot be blank."),
        ({"accession_number": ""}, "line 2: accession_number: This field cannot be blank."),
        ({"monument": "Cung An Định"}, "line 2: monument: no monument is called “Cung An Định”"),
        ({"licence": "CC-BY-NC"}, "line 2: licence: “CC-BY-NC” is not one of CC-BY-4.0,"),
        ({"image": "", "licence": "", "credit": "", "creator": "Ai đó"}, "line 2: creator: describes an image"),
    ],
)
def test_an_invalid_row_is_reported_and_nothing_is_written(tmp_path, ngo_mon, images, values, expected):
    before = stored_originals()  # the media folder outlives each test
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(**values), row(accession_number="OK-2", image="vase.png")], images)
    assert expected in error.value.stderr
    assert not ArtefactPage.objects.exists()
    assert not Material.objects.exists()
    assert stored_originals() == before


def test_an_accession_number_repeated_in_the_file_is_an_error(tmp_path, ngo_mon, images):
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(), row(title_vi="Khác")], images)
    assert "line 3: accession_number: “BTCVH-0001” already appears on line 2." in error.value.stderr


def test_the_licence_and_credit_columns_are_optional(tmp_path, ngo_mon, images):
    out, _ = run(tmp_path, csv_bytes([row()], columns=ARTEFACT_COLUMNS), images)
    assert out.strip() == "created 1, updated 0, unchanged 0"
    assert HeritageImage.objects.get().licence == "all-rights-reserved"


def test_an_image_named_without_an_images_folder_is_an_error(tmp_path, ngo_mon):
    with pytest.raises(CommandError) as error:
        run(tmp_path, [row()], None)
    assert "line 2: image: an image is named but no images folder was given" in error.value.stderr


def test_a_dry_run_checks_images_but_writes_nothing(tmp_path, ngo_mon, images):
    before = stored_originals()  # the media folder outlives each test
    out, _ = run(tmp_path, [row()], images, "--dry-run")
    assert out.strip() == "dry run: would have created 1, updated 0, unchanged 0"
    assert not ArtefactPage.objects.exists()
    assert not HeritageImage.objects.exists()
    assert stored_originals() == before


def test_uploaded_files_are_removed_when_the_import_fails_after_uploading(tmp_path, ngo_mon, images, monkeypatch):
    before = stored_originals()  # the media folder outlives each test

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(importing, "translations_follow", fail)

    with pytest.raises(RuntimeError):
        run(tmp_path, [row(), row(accession_number="BTCVH-0002", image="vase.png")], images)

    assert stored_originals() == before
    assert not HeritageImage.objects.exists()
    assert not ArtefactPage.objects.exists()


# 14000×13000 is 182,000,000 pixels: under the setting's 200,000,000, over Pillow's default ceiling
# (2 × 89,478,485); 16000×12800 is 204,800,000, over the setting.
UNDER_THE_LIMIT, OVER_THE_LIMIT = (14000, 13000), (16000, 12800)


def test_an_image_under_the_pixel_limit_is_imported_and_one_over_it_refused_with_the_limit(
    tmp_path, ngo_mon, images, settings
):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 200_000_000
    (images / "citadel-plan.png").write_bytes(blank_png(*UNDER_THE_LIMIT))
    (images / "citadel-survey.png").write_bytes(blank_png(*OVER_THE_LIMIT))

    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(image="citadel-survey.png")], images)
    assert (
        "line 2: image: “citadel-survey.png” has too many pixels (204,800,000; the limit is 200,000,000)"
        in error.value.stderr
    )

    out, _err = run(tmp_path, [row(image="citadel-plan.png")], images)
    assert out.strip() == "created 1, updated 0, unchanged 0"
    assert (HeritageImage.objects.get().width, HeritageImage.objects.get().height) == UNDER_THE_LIMIT


def test_a_decompression_bomb_is_refused_with_the_settings_limit(tmp_path, ngo_mon, images):
    (images / "bomb.png").write_bytes(png_claiming(30_000, 30_000))  # over twice the limit: Pillow's own refusal

    with pytest.raises(CommandError) as error:
        run(tmp_path, [row(image="bomb.png")], images)

    assert "“bomb.png” has too many pixels (900,000,000; the limit is 200,000,000)" in error.value.stderr
