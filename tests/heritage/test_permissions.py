"""The groups created by migration 0002, checked through what their members can do."""

import pytest
from django.urls import reverse

from heritage.models import RestorationRecord
from heritage.services import monument_create
from tests.factories import make_record


@pytest.fixture
def thai_hoa(site_tree):
    return monument_create(
        index=site_tree["vi"]["monuments"],
        slug="dien-thai-hoa",
        name_vi="Điện Thái Hòa",
        name_en="Hall of Supreme Harmony",
        category="palace",
    )


def test_a_curator_can_publish_pages_and_a_restorer_cannot(thai_hoa, curator, restorer):
    assert thai_hoa.permissions_for_user(curator).can_publish()
    assert not thai_hoa.permissions_for_user(restorer).can_publish()
    assert not thai_hoa.permissions_for_user(restorer).can_edit()


def test_both_groups_read_internal_records_and_the_public_does_not(thai_hoa, curator, restorer):
    from django.contrib.auth.models import AnonymousUser

    internal = make_record(thai_hoa, visibility="internal")
    anonymous_user = AnonymousUser()
    assert internal in RestorationRecord.objects.visible_to(curator)
    assert internal in RestorationRecord.objects.visible_to(restorer)
    assert internal not in RestorationRecord.objects.visible_to(anonymous_user)


def test_a_restorer_edits_records_but_cannot_publish_or_delete_them(thai_hoa, restorer):
    assert restorer.has_perm("heritage.change_restorationrecord")
    assert not restorer.has_perm("heritage.publish_restorationrecord")
    assert not restorer.has_perm("heritage.delete_restorationrecord")


def test_a_restorer_opens_the_record_editor_and_sees_no_publish_action(client, thai_hoa, restorer):
    record = make_record(thai_hoa)
    client.force_login(restorer)
    response = client.get(reverse("wagtailsnippets_heritage_restorationrecord:edit", args=[record.pk]))
    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert b"Submit to Restoration record review" in response.content or b"action-submit" in response.content


def test_a_curator_sees_the_publish_action(client, thai_hoa, curator):
    record = make_record(thai_hoa)
    client.force_login(curator)
    response = client.get(reverse("wagtailsnippets_heritage_restorationrecord:edit", args=[record.pk]))
    assert response.status_code == 200
    assert b'name="action-publish"' in response.content


def test_the_public_cannot_reach_the_admin(client, thai_hoa):
    response = client.get(reverse("wagtailsnippets_heritage_restorationrecord:list"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_records_listing_filters_by_monument_and_type(client, thai_hoa, curator, site_tree):
    other = monument_create(
        index=site_tree["vi"]["monuments"], slug="ngo-mon", name_vi="Ngọ Môn", name_en="Meridian Gate", category="gate"
    )
    mine = make_record(thai_hoa, record_type="analysis", title="Phân tích gỗ lim")
    make_record(other, record_type="treatment", title="Thay ngói Ngọ Môn")
    client.force_login(curator)
    url = reverse("wagtailsnippets_heritage_restorationrecord:list")
    response = client.get(url, {"monument": thai_hoa.pk, "record_type": "analysis"})
    assert response.status_code == 200
    assert mine.title in response.content.decode()
    assert "Thay ngói Ngọ Môn" not in response.content.decode()


def test_a_nonsense_filter_value_is_shown_as_a_filter_error(client, curator, thai_hoa):
    client.force_login(curator)
    url = reverse("wagtailsnippets_heritage_restorationrecord:list")
    response = client.get(url, {"monument": "not-a-number", "record_type": "nope"})
    assert response.status_code == 200
    assert set(response.context["filters"].errors) == {"monument", "record_type"}
