"""The one rule for names kept in both languages: the visitor's language first, else the other."""

from heritage.labels import display_names, name_in, names_in_order


def test_the_name_in_the_language_else_the_other():
    assert name_in("Ngọ Môn", "Noon Gate", "vi") == "Ngọ Môn"
    assert name_in("Ngọ Môn", "Noon Gate", "en") == "Noon Gate"
    assert name_in("Ngọ Môn", "", "en") == "Ngọ Môn"
    assert name_in("", "Noon Gate", "vi") == "Noon Gate"
    assert names_in_order("Ngọ Môn", "Noon Gate", "en") == (("Noon Gate", "en"), ("Ngọ Môn", "vi"))


def test_display_names_carry_their_language_and_drop_a_repeated_second_name():
    assert display_names("Ngọ Môn", "Noon Gate", "en") == {
        "primary": "Noon Gate",
        "primary_lang": "en",
        "secondary": "Ngọ Môn",
        "secondary_lang": "vi",
    }
    only_vi = display_names("Cửu Đỉnh", "", "en")
    assert (only_vi["primary"], only_vi["primary_lang"], only_vi["secondary"]) == ("Cửu Đỉnh", "vi", "")
    same = display_names("Hue", "Hue", "vi")
    assert same["secondary"] == ""
    assert display_names("", "", "vi", fallback="Page title")["primary"] == "Page title"


def test_a_text_says_its_language_and_whether_it_stands_in_for_a_missing_translation():
    from heritage.labels import Text, text_in

    assert text_in("Tu bổ Ngọ Môn", "Restoring the Noon Gate", "en") == Text("Restoring the Noon Gate", "en")
    assert text_in("Tu bổ Ngọ Môn", "", "en") == Text("Tu bổ Ngọ Môn", "vi", fallback=True)
    assert text_in("", "Restoring the Noon Gate", "vi") == Text("Restoring the Noon Gate", "en", fallback=True)
    assert not text_in("", "", "vi")


def test_a_reader_of_a_third_language_reads_english_then_vietnamese():
    from heritage.labels import Text, archive_language, reading_order, text_in

    assert reading_order("vi") == ("vi", "en") and reading_order("en") == ("en", "vi")
    assert reading_order("ko") == ("ko", "en", "vi")
    assert archive_language("ko") == "en" and archive_language("vi") == "vi"
    assert name_in("Ngọ Môn", "Meridian Gate", "ko") == "Meridian Gate"
    assert name_in("Ngọ Môn", "", "ko") == "Ngọ Môn"
    # Neither text is in Korean: the one shown says so, with its language, for a lang attribute.
    assert text_in("Tu bổ Ngọ Môn", "Restoring the Gate", "ko") == Text("Restoring the Gate", "en", fallback=True)
    assert text_in("Tu bổ Ngọ Môn", "", "ko") == Text("Tu bổ Ngọ Môn", "vi", fallback=True)


def test_names_in_chinese_characters_carry_their_own_language():
    from django.template import Context, Template

    html = Template("{% load heritage_tags %}{{ name|mark_han }}").render(Context({"name": "Ngọ Môn (午門) <b>"}))
    assert html == 'Ngọ Môn (<span lang="zh-Hant">午門</span>) &lt;b&gt;'


def test_a_fallback_is_marked_with_its_language_and_a_note_in_the_readers_language():
    from django.template import Context, Template
    from django.utils import translation

    template = Template(
        "{% load heritage_tags %}{% text_in vi en as t %}<p{{ t|lang_attr }}>{{ t }}</p>{% untranslated t %}"
    )
    with translation.override("en"):
        assert template.render(Context({"vi": "Tu bổ", "en": ""})) == (
            '<p lang="vi">Tu bổ</p> <small class="untranslated">(not yet translated)</small>\n'
        )
        assert template.render(Context({"vi": "Tu bổ", "en": "Repair"})) == "<p>Repair</p>\n"
    with translation.override("vi"):
        assert "chưa được dịch" in template.render(Context({"vi": "", "en": "Repair"}))
