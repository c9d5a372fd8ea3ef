"""Pages translated with wagtail-localize (heritage/translation.py, docs/translation.md)."""

from decimal import Decimal

import polib
import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from heritage import page_texts, translation
from heritage.models import MonumentGalleryImage, MonumentPage, PendingTranslationSync
from heritage.services import monument_create
from tests.factories import make_image


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def ngo_mon_vi(site_tree):
    return monument_create(
        index=site_tree["vi"]["monuments"],
        slug="ngo-mon",
        name_vi="Ngọ Môn",
        name_en="Meridian Gate",
        category="gate",
        latitude=Decimal("16.466800"),
        longitude=Decimal("107.579300"),
        reign="Minh Mạng",
        intro="Cổng chính phía nam của Hoàng thành.",
        construction_notes="Dựng năm 1833 dưới triều Minh Mạng.",
        other_names="午門\nen: Noon Gate",
        gallery_images=[MonumentGalleryImage(image=make_image("Ngọ Môn"), caption="Mặt nam Ngọ Môn")],
    )


def test_a_translated_monument_shows_its_english_text_on_en(ngo_mon_vi, en, client):
    translation.strings_translate(ngo_mon_vi, en, {"intro": "The southern main gate of the Imperial City."})
    translation.translations_sync(instance=ngo_mon_vi)
    html = client.get("/en/monuments/ngo-mon/").content.decode()
    assert '<p class="intro">The southern main gate of the Imperial City.</p>' in html
    assert "<title>" in html and "Meridian Gate" in html  # the title is the English name


def test_untranslated_text_is_marked_with_its_language_and_a_note(ngo_mon_vi, client):
    html = client.get("/en/monuments/ngo-mon/").content.decode()
    assert '<p class="intro" lang="vi">Cổng chính phía nam của Hoàng thành.</p>' in html
    assert '<div class="prose" lang="vi"><p>Dựng năm 1833 dưới triều Minh Mạng.</p></div>' in html
    assert html.count("(not yet translated)") >= 3  # intro, construction history, caption
    assert '<span class="caption" lang="vi">Mặt nam Ngọ Môn</span>' in html
    assert '<dd lang="vi">Minh Mạng</dd>' in html
    assert '<li lang="vi"><span lang="zh-Hant">午門</span></li>' in html
    assert '<li lang="en">Noon Gate</li>' in html
    # On the original's page nothing is marked.
    vi = client.get("/vi/monuments/ngo-mon/").content.decode()
    assert "chưa được dịch" not in vi and 'class="intro" lang=' not in vi


def test_a_fact_published_in_vietnamese_shows_on_the_english_page(
    ngo_mon_vi, en, client, django_capture_on_commit_callbacks
):
    translation.strings_translate(ngo_mon_vi, en, {"intro": "The southern main gate of the Imperial City."})
    translation.translations_sync(instance=ngo_mon_vi)
    ngo_mon_vi.latitude = Decimal("16.466900")
    with django_capture_on_commit_callbacks(execute=True):
        _publish(ngo_mon_vi)  # nothing else: no second edit, no "Sync translated pages"
    english = ngo_mon_vi.get_translation(en).specific
    assert english.latitude == Decimal("16.466900")
    assert english.intro == "The southern main gate of the Imperial City."
    assert not english.has_unpublished_changes
    html = client.get("/en/monuments/ngo-mon/").content.decode()
    assert "16.466900" in html and "16.466800" not in html


def test_a_failed_sync_is_kept_and_retried(ngo_mon_vi, en, monkeypatch, django_capture_on_commit_callbacks):
    real = translation.translations_sync

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(translation, "translations_sync", broken)
    ngo_mon_vi.latitude = Decimal("16.467000")
    with django_capture_on_commit_callbacks(execute=True):
        _publish(ngo_mon_vi)
    pending = PendingTranslationSync.objects.get(page_id=ngo_mon_vi.pk)
    assert pending.attempts == 1 and "went away" in pending.last_error
    assert ngo_mon_vi.get_translation(en).specific.latitude == Decimal("16.466800")

    monkeypatch.setattr(translation, "translations_sync", real)
    assert translation.retry_pending() == {"synced": 1, "failed": 0, "remaining": 0}
    assert ngo_mon_vi.get_translation(en).specific.latitude == Decimal("16.467000")


def test_adoption_keeps_the_english_text_of_an_old_pair(site_tree, en, client):
    vi = MonumentPage(
        title="Điện Thái Hòa",
        slug="dien-thai-hoa",
        name_vi="Điện Thái Hòa",
        name_en="Hall of Supreme Harmony",
        category="palace",
        intro="Nơi đặt ngai vàng.",
        construction_notes="Dựng năm 1805.",
    )
    site_tree["vi"]["monuments"].add_child(instance=vi)
    _publish(vi)
    old = vi.copy_for_translation(en)  # how pairs were made before wagtail-localize
    old.title, old.intro, old.latitude = "Hall of Supreme Harmony", "The throne hall.", Decimal("1.0")
    old.save()
    _publish(old)

    result = translation.translations_adopt_all()
    assert result["adopted"] >= 1 and result["lost"] == []
    old.refresh_from_db()
    assert old.intro == "The throne hall."  # kept, as a translation
    assert old.latitude is None  # the facts are the original's now
    assert page_texts.untranslated_paths(old) == {"construction_notes"}
    html = client.get("/en/monuments/dien-thai-hoa/").content.decode()
    assert '<p class="intro">The throne hall.</p>' in html


def test_publishing_the_original_again_unchanged_adds_nothing_to_its_translation(
    ngo_mon_vi, en, django_capture_on_commit_callbacks
):
    english = ngo_mon_vi.get_translation(en)
    revisions = english.revisions.count()
    with django_capture_on_commit_callbacks(execute=True):
        _publish(ngo_mon_vi)
    assert english.revisions.count() == revisions
    ngo_mon_vi.reign = "Gia Long"
    with django_capture_on_commit_callbacks(execute=True):
        _publish(ngo_mon_vi)
    english.refresh_from_db()
    assert english.revisions.count() == revisions + 1 and english.specific.reign == "Gia Long"


def test_the_dashboard_lists_pages_waiting_for_translation(ngo_mon_vi, en, admin_client, curator):
    rows = translation.pages_waiting(en)
    assert [row["page"].name_vi for row in rows if row["translation"]] == ["Ngọ Môn"]
    html = admin_client.get("/admin/").content.decode()
    assert "Chờ dịch" in html and "Meridian Gate" in html  # the admin in its default language, Vietnamese
    # A user who may not edit pages sees no panel.
    from django.contrib.auth.models import Permission
    from django.test import Client

    user = curator
    user.groups.clear()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    other = Client()
    other.force_login(user)
    assert "Chờ dịch" not in other.get("/admin/").content.decode()


def test_korean_waits_for_no_page_of_the_archive_which_is_kept_in_vietnamese_and_english(ngo_mon_vi, en):
    from wagtail.models import Locale

    ko = Locale.objects.get(language_code="ko")  # the site tree gives it a home page
    assert ngo_mon_vi.get_translation_or_none(ko) is None
    assert [row["page"] for row in translation.pages_waiting(ko)] == []
    ngo_mon_vi.get_translation(en).delete()
    assert [row["page"].pk for row in translation.pages_waiting(en)] == [ngo_mon_vi.pk]


def test_po_export_then_import_round_trip(ngo_mon_vi, en, client):
    record = Translation.objects.get(source__object_id=ngo_mon_vi.translation_key, target_locale=en)
    po = record.export_po()
    entries = {entry.msgctxt: entry for entry in po}
    assert entries["construction_notes"].msgid == "Dựng năm 1833 dưới triều Minh Mạng."
    assert entries["construction_notes"].msgstr == ""
    entries["construction_notes"].msgstr = "Raised in 1833 under Minh Mạng."
    assert record.import_po(polib.pofile(str(po))) == []
    translation.translations_sync(instance=ngo_mon_vi)
    html = client.get("/en/monuments/ngo-mon/").content.decode()
    assert '<div class="prose"><p>Raised in 1833 under Minh Mạng.</p></div>' in html
    assert "construction_notes" not in page_texts.untranslated_paths(ngo_mon_vi.get_translation(en))


def test_the_title_follows_the_english_name_unless_a_curator_wrote_one(ngo_mon_vi, en):
    english = ngo_mon_vi.get_translation(en)
    assert english.title == "Meridian Gate"
    segment = StringSegment.objects.get(source__object_id=ngo_mon_vi.translation_key, context__path="title")
    translation._string_set(segment, en, "The Meridian Gate of Huế")
    ngo_mon_vi.name_en = "Noon Gate"
    _publish(ngo_mon_vi)
    translation.translations_sync(instance=ngo_mon_vi)
    english.refresh_from_db()
    assert english.title == "The Meridian Gate of Huế"
    assert english.specific.name_en == "Noon Gate"


def test_unpublishing_the_original_in_the_admin_withdraws_its_translations(ngo_mon_vi, en, curator, client):
    english = ngo_mon_vi.get_translation(en)
    assert client.get("/en/monuments/ngo-mon/").status_code == 200
    client.force_login(curator)
    url = f"/admin/pages/{ngo_mon_vi.pk}/unpublish/"
    assert "1" in client.get(url).content.decode()  # the confirmation counts the translation
    assert client.post(url).status_code == 302
    english.refresh_from_db()
    ngo_mon_vi.refresh_from_db()
    assert not ngo_mon_vi.live and not english.live
    client.logout()
    assert client.get("/vi/monuments/ngo-mon/").status_code == 404
    assert client.get("/en/monuments/ngo-mon/").status_code == 404


def test_unpublishing_a_translation_leaves_the_original_live(ngo_mon_vi, en, curator, client):
    english = ngo_mon_vi.get_translation(en)
    client.force_login(curator)
    assert client.post(f"/admin/pages/{english.pk}/unpublish/").status_code == 302
    english.refresh_from_db()
    ngo_mon_vi.refresh_from_db()
    assert ngo_mon_vi.live and not english.live


@pytest.mark.needs("elasticsearch")  # the worker runs with Elasticsearch (search.management.commands.restoration_index)
def test_the_worker_syncs_again_a_translation_that_did_not_follow(
    ngo_mon_vi, en, monkeypatch, django_capture_on_commit_callbacks
):
    import io

    from django.core.management import call_command

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    real = translation.translations_sync
    monkeypatch.setattr(translation, "translations_sync", broken)
    ngo_mon_vi.latitude = Decimal("16.467000")
    with django_capture_on_commit_callbacks(execute=True):
        _publish(ngo_mon_vi)
    assert PendingTranslationSync.objects.filter(page_id=ngo_mon_vi.pk).exists()

    monkeypatch.setattr(translation, "translations_sync", real)
    out = io.StringIO()
    call_command("restoration_index", "worker", "--once", stdout=out, stderr=io.StringIO())
    assert "translations synced 1, failed 0, pending 0" in out.getvalue()
    assert ngo_mon_vi.get_translation(en).specific.latitude == Decimal("16.467000")
