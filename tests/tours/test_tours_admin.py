"""The tours in the curators' admin: panoramas with hotspots, tours with their stops."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.factories import make_image
from tours.models import Panorama


def panorama_form(image, **hotspot):
    return nested_form_data(
        {
            "title": "Sân chầu",
            "image": image.pk,
            "initial_yaw": "0",
            "initial_pitch": "0",
            "initial_zoom": "50",
            "hotspots": inline_formset([hotspot] if hotspot else []),
        }
    )


def test_a_curator_adds_a_panorama_with_a_hotspot_and_a_wrong_image_is_refused(client, curator, monuments):
    client.force_login(curator)
    url = reverse("wagtailsnippets_tours_panorama:add")
    flat = make_image("Ảnh phẳng", width=300, height=200)
    response = client.post(url, panorama_form(flat))
    assert response.status_code == 200 and "300 × 200" in response.content.decode()
    assert not Panorama.objects.exists()

    wide = make_image("Sân chầu 360", width=400, height=200)
    response = client.post(
        url, panorama_form(wide, yaw="12.5", pitch="-3", label="Ngọ Môn", target_page=monuments[0].pk)
    )
    assert response.status_code == 302
    scene = Panorama.objects.get()
    assert scene.image == wide and [(h.label, h.target_page_id) for h in scene.hotspots.all()] == [
        ("Ngọ Môn", monuments[0].pk)
    ]


def test_a_curator_opens_the_form_of_a_new_tour_under_the_tours_index(client, curator, tours_index):
    client.force_login(curator)
    response = client.get(reverse("wagtailadmin_pages:add", args=["tours", "tourpage", tours_index.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="stops-TOTAL_FORMS"' in html and 'name="stops-MIN_NUM_FORMS" value="1"' in html


def _wav() -> bytes:
    import io
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x00" * 800)
    return buffer.getvalue()


def test_only_real_audio_is_uploaded_for_the_stops(client, curator, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Collection
    from wagtail.users.models import UserProfile
    from wagtailmedia.models import Media

    profile = UserProfile.get_for_user(curator)
    profile.preferred_language = "en"  # the messages below in English
    profile.save()
    client.force_login(curator)
    root = Collection.get_first_root_node().pk

    def upload(kind, name, content):
        data = {"title": name, "collection": root, "duration": "1", "tags": ""}
        data["file"] = SimpleUploadedFile(name, content)
        return client.post(f"/admin/media/{kind}/add/", data)

    response = upload("audio", "loi-ke.mp3", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 200 and "does not hold MP3 audio" in response.content.decode()
    response = upload("audio", "loi-ke.exe", _wav())
    assert response.status_code == 200 and "not an audio file this site accepts" in response.content.decode()
    response = upload("video", "phim.wav", _wav())
    assert response.status_code == 200 and "Only audio can be uploaded here" in response.content.decode()
    settings.TOUR_AUDIO_MAX_UPLOAD_SIZE = 1000
    response = upload("audio", "dai.wav", _wav())
    assert response.status_code == 200 and "the limit is 1000" in response.content.decode()
    assert not Media.objects.exists()

    settings.TOUR_AUDIO_MAX_UPLOAD_SIZE = 1_000_000
    response = upload("audio", "loi-ke.wav", _wav())
    assert response.status_code == 302
    assert Media.objects.get().type == "audio"
