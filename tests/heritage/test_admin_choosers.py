"""The admin's vocabulary choosers and labels: find a term without accents, add a missing one only
when confirmed and allowed, and every chooser labelled in the admin's language."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from heritage.models import Material, Partner, RestorationRecord, Technique
from tests.factories import admin_record_create
from tests.heritage.test_admin_import import logged_in

RECORDS = "/admin/snippets/heritage/restorationrecord/"


@pytest.fixture
def terms(db):
    return {
        "lacquer": Technique.objects.create(name="Sơn mài", name_en="Lacquering"),
        "roofing": Technique.objects.create(name="Lợp ngói", name_en="Re-roofing"),
        "survey": Technique.objects.create(name="Khảo sát hiện trạng", name_en="Condition survey"),
        "ironwood": Material.objects.create(name="Gỗ lim", name_en="Ironwood"),
        "unesco": Partner.objects.create(name="UNESCO"),
    }


def in_language(client, user, lang):
    client = logged_in(client, user)
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = lang
    profile.save()
    return client


def suggestions(client, vocabulary, term):
    response = client.get(reverse("heritage_vocabulary_search", args=[vocabulary]), {"term": term})
    assert response.status_code == 200
    return response.json()


def test_the_chooser_finds_a_term_without_accents(client, curator, terms):
    client = in_language(client, curator, "vi")
    assert suggestions(client, "technique", "son mai") == [{"label": "Sơn mài (Lacquering)", "value": "Sơn mài"}]
    assert [s["value"] for s in suggestions(client, "technique", "LOP")] == ["Lợp ngói"]
    assert suggestions(client, "technique", "nothing like it") == []


def test_in_the_english_admin_the_chooser_offers_english_names(client, curator, terms):
    client = in_language(client, curator, "en")
    assert suggestions(client, "technique", "son mai") == [{"label": "Lacquering (Sơn mài)", "value": "Lacquering"}]
    assert [s["value"] for s in suggestions(client, "technique", "re-roof")] == ["Re-roofing"]


def test_the_chooser_search_needs_admin_rights(client, terms, django_user_model):
    url = reverse("heritage_vocabulary_search", args=["technique"])
    assert client.get(url, {"term": "son"}).status_code == 302  # to the login page
    plain = django_user_model.objects.create_user(username="plain", password="pw")
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(plain)
    assert client.get(url, {"term": "son"}).status_code == 403
    assert client.get(reverse("heritage_vocabulary_search", args=["user"]), {"term": "a"}).status_code == 400


def test_terms_typed_without_accents_link_the_existing_terms(client, curator, ngo_mon, terms):
    client = in_language(client, curator, "en")
    response = admin_record_create(
        client, ngo_mon, reference="HUE-T-1", techniques="son mai; Re-roofing", materials="go lim", partners=""
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = RestorationRecord.objects.get(reference="HUE-T-1")
    assert set(record.techniques.all()) == {terms["lacquer"], terms["roofing"]}
    assert list(record.materials.all()) == [terms["ironwood"]]
    assert Technique.objects.count() == 3


def test_a_missing_term_is_added_only_after_the_curator_confirms(client, curator, ngo_mon, terms):
    client = in_language(client, curator, "en")
    response = admin_record_create(client, ngo_mon, reference="HUE-T-2", techniques="Sơn mài; Gia cố mái mới")
    assert response.status_code == 200
    page = response.content.decode()
    assert "“Gia cố mái mới” is not among the techniques yet" in page
    assert 'name="techniques-add" value="gia co mai moi"' in page
    assert "Add “Gia cố mái mới” to the techniques" in page
    assert not RestorationRecord.objects.filter(reference="HUE-T-2").exists()
    assert not Technique.objects.filter(key="gia co mai moi").exists()

    response = admin_record_create(
        client,
        ngo_mon,
        reference="HUE-T-2",
        techniques="Sơn mài; Gia cố mái mới",
        **{"techniques-add": "gia co mai moi"},
    )
    assert response.status_code == 302
    added = Technique.objects.get(key="gia co mai moi")
    assert added.name == "Gia cố mái mới"
    record = RestorationRecord.objects.get(reference="HUE-T-2")
    assert set(record.techniques.all()) == {terms["lacquer"], added}


def test_a_missing_term_is_refused_to_a_user_who_may_not_add_to_the_vocabulary(
    client, ngo_mon, terms, django_user_model
):
    editors = Group.objects.create(name="Record editors")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            codename__in=["add_restorationrecord", "change_restorationrecord", "view_restorationrecord"]
        ),
    )
    editor = django_user_model.objects.create_user(username="editor", password="pw")
    editor.groups.add(editors)
    client = in_language(client, editor, "en")
    # Even with the confirmation forged into the form, the server refuses.
    response = admin_record_create(
        client, ngo_mon, reference="HUE-T-3", techniques="Kỹ thuật lạ", **{"techniques-add": "ky thuat la"}
    )
    assert response.status_code == 200
    assert "you may not add to them" in response.content.decode()
    assert not Technique.objects.filter(key="ky thuat la").exists()
    assert not RestorationRecord.objects.filter(reference="HUE-T-3").exists()


def test_the_record_form_shows_the_chosen_terms_by_name_in_the_admin_language(client, curator, ngo_mon, terms):
    record = RestorationRecord.objects.create(
        reference="HUE-T-4", title="T", monument=ngo_mon, record_type="treatment", start="1991", summary="S"
    )
    record.techniques.set([terms["lacquer"], terms["survey"]])
    record.save()
    edit = f"{RECORDS}edit/{record.pk}/"
    page = in_language(client, curator, "en").get(edit).content.decode()
    assert 'value="Lacquering; Condition survey"' in page or 'value="Condition survey; Lacquering"' in page
    page = in_language(client, curator, "vi").get(edit).content.decode()
    assert "Sơn mài" in page and "Lacquering;" not in page


ENGLISH_LABELS = ["Choose a page (Monument)", "Choose a page (Artefact)", "Choose restoration project", ">Home<"]


def test_the_record_form_is_labelled_in_english_in_the_english_admin(client, curator, ngo_mon, terms):
    page = in_language(client, curator, "en").get(f"{RECORDS}add/").content.decode()
    page = " ".join(page.split()).replace("\\u003E", ">").replace("\\u003C", "<")
    for label in ENGLISH_LABELS:
        assert label.strip("<>") in page, label
    for vietnamese in ("Chọn một trang", "Di tích)", "Hiện vật)", "dự án trùng tu", "Trang Chủ"):
        assert vietnamese not in page, vietnamese


def test_the_record_form_is_labelled_in_vietnamese_in_the_vietnamese_admin(client, curator, ngo_mon, terms):
    page = in_language(client, curator, "vi").get(f"{RECORDS}add/").content.decode()
    assert "Chọn một trang" in page
    for english in ("Choose a page", "Choose restoration project", "Type to find a term"):
        assert english not in page, english


def test_the_listing_names_monuments_and_terms_in_the_admin_language(client, curator, small_archive):
    page = in_language(client, curator, "en").get(RECORDS).content.decode()
    assert ">Home<" in " ".join(page.split()).replace("> ", ">").replace(" <", "<")
    assert "Trang Chủ" not in page
    assert "Meridian Gate" in page  # the monument column and the monument filter
    assert "Lacquering</option>" in page
    assert "Sơn mài (Lacquering)" not in page
    page = in_language(client, curator, "vi").get(RECORDS).content.decode()
    assert "Ngọ Môn" in page and "Sơn mài</option>" in page
