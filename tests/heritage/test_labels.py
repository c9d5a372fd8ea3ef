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
