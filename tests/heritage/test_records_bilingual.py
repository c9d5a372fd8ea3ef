"""Restoration records, projects and terms in two languages on public pages (docs/translation.md):
each text in the page's language, else the other's inside its `lang`, "not yet translated"; source
notes as a Sources list; editorial details for those who may read internal records only; amounts
and dates as the page's language writes them."""

import re

import pytest

from heritage.l10n import amount, partial_date
from heritage.models import RestorationImage, RestorationProject
from heritage.sources import SourceNote, source_notes
from tests.factories import make_image, make_record

SOURCES = (
    "Phan Thanh Hải, Tạp chí Sông Hương (24/02/2017): hợp tác bắt đầu năm 1991.\n"
    "[en] Viet Nam News (07/02/2015): USD 29,084, work since January 2014.\n"
    "[en] UNCERTAIN: the launch year is inferred.\n"
    "UNCERTAIN: năm kết thúc là suy đoán."
)


@pytest.fixture
def translated(small_archive):
    """Ngọ Môn's 1991 record with every text in English too, a project, a budget, sources and a picture."""
    project = RestorationProject.objects.create(
        name="Trùng tu Ngọ Môn", name_en="Meridian Gate restoration", description="Dự án của UNESCO."
    )
    record = make_record(
        small_archive["ngo-mon"],
        reference="HUE-NM-1992-EN",
        title="Trùng tu lầu Ngũ Phụng",
        title_en="Restoration of the Five Phoenix Pavilion",
        summary="Thay ngói lưu ly trên mái.",
        summary_en="Glazed tiles replaced on the roof.",
        method="<p>Tháo dỡ từng phần.</p>",
        method_en="<p>Dismantled section by section.</p>",
        component="Mái",
        component_en="Roof",
        funder="Chính phủ Nhật Bản",
        funder_en="Government of Japan",
        project=project,
        start="1992-06",
        end="1993",
        budget="100000",
        currency="USD",
        sources=SOURCES,
    )
    RestorationImage.objects.create(
        record=record,
        image=make_image("HUE-NM-1992-EN — before — ảnh minh họa"),
        phase="before",
        caption="Mái trước khi tu bổ",
        caption_en="The roof before the work",
    )
    return record


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_an_english_record_page_shows_the_english_texts(client, translated):
    html = _main(client.get("/en/restorations/HUE-NM-1992-EN/").content.decode())
    for english in (
        "Restoration of the Five Phoenix Pavilion",
        "Glazed tiles replaced on the roof.",
        "Dismantled section by section.",
        "<span>Roof</span>",
        "Government of Japan",
        "Meridian Gate restoration",
        "The roof before the work",
    ):
        assert english in html
    for vietnamese in ("Trùng tu lầu Ngũ Phụng", "Thay ngói", "Tháo dỡ", "Chính phủ", "Trùng tu Ngọ Môn", "Mái"):
        assert vietnamese not in html
    assert "not yet translated" not in html
    # The picture's alt text is its English caption, not the image's (Vietnamese) title.
    assert 'alt="The roof before the work"' in html and "ảnh minh họa" not in html
    assert '<time datetime="1992-06">June 1992</time>' in html


def test_the_timeline_and_the_monument_page_show_english_record_texts(client, translated):
    timeline = _main(client.get("/en/restorations/timeline/ngo-mon/").content.decode())
    assert "Restoration of the Five Phoenix Pavilion" in timeline and "Glazed tiles replaced on the roof." in timeline
    assert "Trùng tu lầu Ngũ Phụng" not in timeline
    monument = client.get("/en/monuments/ngo-mon/").content.decode()
    assert "Restoration of the Five Phoenix Pavilion" in monument and "Trùng tu lầu Ngũ Phụng" not in monument


def test_a_record_without_english_shows_its_vietnamese_inside_lang_vi_marked_untranslated(client, small_archive):
    record = small_archive["records"]["NM-1991"]  # title and summary in Vietnamese only
    RestorationImage.objects.create(record=record, image=make_image("Ảnh trước"), phase="before", caption="Mái cũ")
    html = _main(client.get("/en/restorations/HUE-NM-1991-01/").content.decode())
    assert '<span lang="vi">Thay ngói lưu ly mái lầu Ngũ Phụng</span>' in html
    assert '<div class="prose" lang="vi"><p>Thay toàn bộ ngói ống lưu ly' in html
    assert '<span class="caption" lang="vi">Mái cũ</span>' in html
    assert html.count("(not yet translated)") == 3  # title, summary, caption
    # No alt text in Vietnamese on the English page: the phase and the reference instead.
    assert 'alt="Before: record HUE-NM-1991-01"' in html

    timeline = _main(client.get("/en/restorations/timeline/ngo-mon/").content.decode())
    assert '<span lang="vi">Thay ngói lưu ly mái lầu Ngũ Phụng</span>' in timeline
    assert '<p class="record__summary" lang="vi">' in timeline
    # The Vietnamese page shows it as it is, with no lang of its own and no note.
    vietnamese = _main(client.get("/vi/restorations/HUE-NM-1991-01/").content.decode())
    assert "<span>Thay ngói lưu ly mái lầu Ngũ Phụng</span>" in vietnamese and "chưa được dịch" not in vietnamese


def test_an_english_text_missing_its_vietnamese_is_marked_on_the_vietnamese_page(client, translated):
    translated.funder = ""
    translated.save()
    html = _main(client.get("/vi/restorations/HUE-NM-1992-EN/").content.decode())
    assert '<span lang="en">Government of Japan</span> <small class="untranslated">(chưa được dịch)</small>' in html


def test_sources_are_a_list_in_the_readers_language_each_note_in_its_own(client, translated):
    html = _main(client.get("/vi/restorations/HUE-NM-1992-EN/").content.decode())
    section = html[html.index('id="record-sources"') :]
    assert '<h2 id="record-sources">Nguồn tư liệu</h2>' in html
    items = re.findall(r"<li[^>]*>(.*?)</li>", section)
    assert items == [
        "<span>Phan Thanh Hải, Tạp chí Sông Hương (24/02/2017): hợp tác bắt đầu năm 1991.</span>",
        '<span lang="en">Viet Nam News (07/02/2015): USD 29,084, work since January 2014.</span>',
        '<strong>Chưa chắc chắn:</strong> <span lang="en">the launch year is inferred.</span>',
        "<strong>Chưa chắc chắn:</strong> <span>năm kết thúc là suy đoán.</span>",
    ]
    assert "UNCERTAIN" not in html and "[en]" not in html

    english = _main(client.get("/en/restorations/HUE-NM-1992-EN/").content.decode())
    assert "<strong>Uncertain:</strong> <span>the launch year is inferred.</span>" in english
    assert '<span lang="vi">Phan Thanh Hải' in english


def test_a_sources_line_says_its_language_before_or_after_the_uncertainty():
    assert source_notes("[en] UNCERTAIN: a\nUNCERTAIN: [EN] b\n\n  c  \n[zh-Hant] d\nuncertain : e") == [
        SourceNote("a", "en", True),
        SourceNote("b", "en", True),
        SourceNote("c", "vi", False),
        SourceNote("d", "zh-Hant", False),
        SourceNote("e", "vi", True),
    ]


def test_budgets_and_dates_are_written_as_the_pages_language_writes_them(client, translated):
    vietnamese = client.get("/vi/restorations/HUE-NM-1992-EN/").content.decode()
    assert "<dd>100.000 USD</dd>" in vietnamese and "100000" not in _main(vietnamese)
    assert '<time datetime="1992-06">6/1992</time>' in vietnamese
    english = client.get("/en/restorations/HUE-NM-1992-EN/").content.decode()
    assert "<dd>100,000 USD</dd>" in english
    assert amount(29084.5, "USD", lang="vi") == "29.084,50 USD"
    assert amount(35600000000, "VND", lang="en") == "35,600,000,000 VND"
    assert partial_date("2015-02-06", lang="vi") == "6/2/2015"
    assert partial_date("2015-02-06", lang="en") == "Feb. 6, 2015"
    assert partial_date("1714", lang="vi") == "1714"


def test_visibility_is_shown_only_to_those_who_read_internal_records(client, translated, restorer):
    for lang, label in (("vi", "Phạm vi hiển thị"), ("en", "Visibility")):
        html = _main(client.get(f"/{lang}/restorations/HUE-NM-1992-EN/").content.decode())
        assert f"<dt>{label}</dt>" not in html
    client.force_login(restorer)
    html = _main(client.get("/vi/restorations/HUE-NM-1992-EN/").content.decode())
    assert "<dt>Phạm vi hiển thị</dt><dd>Công khai</dd>" in html


def test_a_phrase_in_another_language_inside_a_source_note_carries_its_own_language():
    [note] = source_notes("[en] Báo Huế, {vi: 'Tiếng chuông Thiên Mụ'}: stele of 1715. {en: kept}")
    assert note.text == "Báo Huế, 'Tiếng chuông Thiên Mụ': stele of 1715. kept"
    assert note.parts == (("Báo Huế, ", ""), ("'Tiếng chuông Thiên Mụ'", "vi"), (": stele of 1715. ", ""), ("kept", ""))
    assert source_notes("plain")[0].parts == (("plain", ""),)
