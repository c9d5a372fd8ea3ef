"""A record's page and a monument's timeline: `/<lang>/restorations/<reference>/`, `…/timeline/<slug>/`.

Both are heritage.views, read from the database (no search service), on the shared `small_archive`
(tests/conftest.py), which the restorers' search page (tests/search/test_restorations_page.py) uses too.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from heritage.models import RestorationDocument, RestorationImage
from tests.factories import make_image, make_record

# --- A record's page -------------------------------------------------------------------------


def _document(title: str):
    return get_document_model().objects.create(title=title, file=ContentFile(b"report", name="report.pdf"))


def test_record_page_shows_facts_images_side_by_side_documents_and_the_timeline_link(client, small_archive):
    record = small_archive["records"]["NM-1991"]
    RestorationImage.objects.create(record=record, image=make_image("Trước"), phase="before", sort_order=0)
    RestorationImage.objects.create(record=record, image=make_image("Sau"), phase="after", sort_order=1)
    RestorationDocument.objects.create(record=record, document=_document("Báo cáo nghiệm thu"), caption="1992")

    response = client.get("/en/restorations/HUE-NM-1991-01/")
    assert response.status_code == 200
    html = response.content.decode()
    # Not yet translated: the Vietnamese title inside its lang, saying so in English.
    assert '<h1 id="record-title"><span lang="vi">Thay ngói lưu ly mái lầu Ngũ Phụng</span>' in html
    assert "(not yet translated)" in html
    assert "Meridian Gate" in html and "Re-roofing" in html and "Glazed tiles" in html
    assert "record__images record__images--compare" in html
    assert html.count("<figure>") == 2
    assert "Báo cáo nghiệm thu" in html
    assert 'href="/en/restorations/timeline/ngo-mon/"' in html

    assert "Ngọ Môn" in client.get("/vi/restorations/HUE-NM-1991-01/").content.decode()


def test_a_reference_with_a_slash_has_a_working_page(client, small_archive):
    from search.backends import record_url

    make_record(small_archive["records"]["NM-1991"].monument, reference="123/QĐ-UBND", title="Quyết định tu bổ cổng")
    url = record_url("123/QĐ-UBND", "vi")
    assert url == "/vi/restorations/123%2FQ%C4%90-UBND/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Quyết định tu bổ cổng" in response.content.decode()


def test_record_page_404s(client, small_archive, restorer, curator):
    assert client.get("/vi/restorations/NO-SUCH-RECORD/").status_code == 404
    assert client.get("/vi/restorations/HUE-NM-1998-INT/").status_code == 404  # internal, anonymous
    assert client.get("/vi/restorations/HUE-NM-DRAFT/").status_code == 404  # draft
    client.force_login(restorer)
    response = client.get("/vi/restorations/HUE-NM-1998-INT/")
    assert response.status_code == 200
    assert "Phân tích mẫu vữa nội bộ" in response.content.decode()
    assert client.get("/vi/restorations/HUE-NM-DRAFT/").status_code == 404
    client.force_login(curator)
    assert client.get("/vi/restorations/HUE-NM-DRAFT/").status_code == 404


# --- A monument's timeline -------------------------------------------------------------------


def test_timeline_lists_records_in_date_order(client, small_archive, restorer):
    make_record(small_archive["ngo-mon"], reference="HUE-NM-1833", title="Dựng Ngọ Môn", start="1833", end="1833")
    response = client.get("/vi/restorations/timeline/ngo-mon/")
    assert response.status_code == 200
    assert [record.reference for record in response.context["records"]] == [
        "HUE-NM-1833",
        "HUE-NM-1991-01",
        "HUE-NM-2005-01",
    ]
    html = response.content.decode()
    assert html.index("Dựng Ngọ Môn") < html.index("Thay ngói lưu ly") < html.index("Khảo sát hiện trạng cổng")
    assert "Phân tích mẫu vữa nội bộ" not in html
    assert 'href="/vi/restorations/HUE-NM-1991-01/"' in html

    client.force_login(restorer)
    references = [record.reference for record in client.get("/en/restorations/timeline/ngo-mon/").context["records"]]
    assert references == ["HUE-NM-1833", "HUE-NM-1991-01", "HUE-NM-1998-INT", "HUE-NM-2005-01"]


def test_timeline_shows_before_and_after_side_by_side(client, small_archive):
    record = small_archive["records"]["TH-2021"]
    RestorationImage.objects.create(record=record, image=make_image("Trước"), phase="before", sort_order=0)
    RestorationImage.objects.create(record=record, image=make_image("Sau"), phase="after", sort_order=1)
    html = client.get("/en/restorations/timeline/dien-thai-hoa/").content.decode()
    assert "record__images record__images--compare" in html
    assert "Restoration timeline of Hall of Supreme Harmony" in html


def test_timeline_of_an_unknown_monument_is_404(client, small_archive):
    assert client.get("/vi/restorations/timeline/no-such-monument/").status_code == 404
    assert client.get("/en/restorations/timeline/no-such-monument/").status_code == 404
