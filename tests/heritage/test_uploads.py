"""Uploads through the admin are checked for real image content, size and pixel count."""

import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from heritage.models import HeritageImage
from tests.factories import blank_png, image_bytes


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels: a decompression bomb's shape."""
    real = image_bytes(1, 1, "PNG")
    ihdr_data = struct.pack(">II", width, height) + real[24:29]
    chunk = b"IHDR" + ihdr_data
    return real[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + real[33:]


def upload(client, content: bytes, name: str, **fields):
    data = {
        "title": fields.pop("title", "Ngọ Môn"),
        "file": SimpleUploadedFile(name, content),
        "collection": 1,
        "licence": "CC-BY-4.0",
        **fields,
    }
    return client.post(reverse("wagtailimages:add"), data)


@pytest.fixture
def curator_client(client, curator):
    # Error messages are checked in English; the admin otherwise follows LANGUAGE_CODE (vi).
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(curator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(curator)
    return client


def test_a_real_image_is_accepted_with_its_provenance(curator_client):
    response = upload(curator_client, image_bytes(80, 60, "JPEG"), "ngo-mon.jpg", creator="Trung tâm BTDT Huế")
    assert response.status_code == 302
    image = HeritageImage.objects.get()
    assert (image.width, image.height, image.creator, image.licence) == (80, 60, "Trung tâm BTDT Huế", "CC-BY-4.0")


def test_a_decompression_bomb_is_refused_before_decoding(curator_client):
    response = upload(curator_client, png_claiming(100_000, 100_000), "bomb.png")
    assert response.status_code == 200
    assert "pixels" in str(response.context["form"].errors["file"])
    assert not HeritageImage.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(curator_client):
    response = upload(curator_client, b"%PDF-1.4 definitely not a picture", "fake.jpg")
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not HeritageImage.objects.exists()


def test_a_file_over_the_size_limit_is_refused(curator_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = upload(curator_client, image_bytes(400, 400, "PNG", color=None) + b"\0" * 2000, "big.png")
    assert response.status_code == 200
    assert "too big" in str(response.context["form"].errors["file"])
    assert not HeritageImage.objects.exists()


def test_a_panorama_must_be_twice_as_wide_as_tall(curator_client):
    response = upload(curator_client, image_bytes(300, 200, "JPEG"), "pano.jpg", is_panorama="on")
    assert response.status_code == 200
    assert "twice as wide" in str(response.context["form"].errors)
    response = upload(curator_client, image_bytes(400, 200, "JPEG"), "pano.jpg", is_panorama="on")
    assert response.status_code == 302
    assert HeritageImage.objects.get().is_panorama


def test_a_restorer_without_upload_rights_elsewhere_cannot_delete_images(client, restorer):
    image = HeritageImage.objects.create(
        title="x", file=SimpleUploadedFile("x.png", image_bytes()), licence="placeholder"
    )
    client.force_login(restorer)
    response = client.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert response.status_code in (302, 403)
    assert HeritageImage.objects.filter(pk=image.pk).exists()


def test_an_image_under_the_pixel_limit_is_accepted_and_one_over_it_refused_with_the_limit(curator_client, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 200_000_000

    over = upload(curator_client, blank_png(16000, 12800), "citadel-survey.png")
    assert over.status_code == 200
    assert over.context["form"].errors["file"] == [
        "This file has too many pixels (204800000). Maximum pixels 200000000."
    ]
    assert not HeritageImage.objects.exists()

    # 182,000,000 pixels: over Pillow's default ceiling (about 179 million), under the setting.
    under = upload(curator_client, blank_png(14000, 13000), "citadel-plan.png")
    assert under.status_code == 302, under.context["form"].errors
    assert (HeritageImage.objects.get().width, HeritageImage.objects.get().height) == (14000, 13000)


def test_a_decompression_bomb_is_refused_with_the_settings_limit(curator_client):
    response = upload(curator_client, png_claiming(30_000, 30_000), "bomb.png")

    assert response.status_code == 200
    assert "Maximum pixels 200000000." in str(response.context["form"].errors["file"])
