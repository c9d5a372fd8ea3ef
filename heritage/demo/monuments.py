"""Demo monuments and artefacts of the Complex of Huế Monuments: plain data, no database access.

Conventions, so a reader knows how far to trust each value:
- construction_start / construction_end describe the first construction campaign as commonly
  cited. When sources say only "built in year X", both are X; when the end is not known, it is
  left empty. Later moves, rebuilds and destructions are told in construction_notes.
- Dates are years unless a source gives more; no month or day is invented.
- Coordinates are approximate (to within a couple of hundred metres), placed by hand for the
  demo map from the monuments' known positions; they are not surveyed points.
- Where sources disagree or a fact could not be checked, construction_notes says so
  ("chưa xác minh" = not verified).
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class MonumentData:
    slug: str
    name_vi: str
    name_en: str
    category: str  # a heritage.models.MonumentCategory value
    latitude: str
    longitude: str
    construction_start: str
    construction_end: str
    reign: str
    construction_notes: str
    intro: str  # Vietnamese, the default locale
    intro_en: str  # the English translation's intro
    other_names: tuple[str, ...] = ()  # "en: …" for a name in English (MonumentPage.other_names)
    unesco_component: bool = True
    current_condition: str = ""
    condition_notes: str = ""
    # The English translations (heritage.translation), written from the Vietnamese above.
    construction_notes_en: str = ""
    condition_notes_en: str = ""

    def page_fields(self) -> dict:
        """The Vietnamese page's fields (the English texts are its translations)."""
        return {
            "name_vi": self.name_vi,
            "name_en": self.name_en,
            "other_names": "\n".join(self.other_names),
            "category": self.category,
            "latitude": Decimal(self.latitude),
            "longitude": Decimal(self.longitude),
            "construction_start": self.construction_start,
            "construction_end": self.construction_end,
            "reign": self.reign,
            "construction_notes": self.construction_notes,
            "unesco_component": self.unesco_component,
            "intro": self.intro,
            "current_condition": self.current_condition,
            "condition_notes": self.condition_notes,
        }


@dataclass(frozen=True)
class ArtefactData:
    accession_number: str
    slug: str
    title_vi: str
    title_en: str
    object_type: str
    object_type_en: str
    location: str  # a MonumentData slug
    materials: tuple[str, ...]  # Vietnamese names, see restorations.MATERIALS
    period: str
    provenance: str
    description: str
    description_en: str
    dimensions: str = ""
    date: str = ""
    # The English translations (heritage.translation), written from the Vietnamese above.
    period_en: str = ""
    provenance_en: str = ""
    dimensions_en: str = ""


MONUMENTS = [
    MonumentData(
        slug="kinh-thanh-hue",
        name_vi="Kinh thành Huế",
        name_en="Huế Citadel",
        category="citadel",
        latitude="16.4690",
        longitude="107.5770",
        construction_start="1805",
        construction_end="1832",
        reign="Gia Long – Minh Mạng",
        construction_notes=(
            "Khởi công năm 1805 dưới triều Gia Long. Tường thành ban đầu đắp bằng đất, sau được xây gạch dần. "
            "Năm hoàn thành thường được ghi là 1832, dưới triều Minh Mạng (theo các nguồn phổ biến; chưa đối "
            "chiếu với chính sử)."
        ),
        intro=(
            "Tòa thành bao quanh kinh đô triều Nguyễn bên bờ bắc sông Hương, có hào nước bao bọc; bên trong là "
            "Hoàng thành và Tử Cấm Thành."
        ),
        intro_en=(
            "The walled capital of the Nguyễn dynasty on the north bank of the Perfume River, ringed by a moat "
            "and enclosing the Imperial City and the Forbidden Purple City."
        ),
        other_names=("Kinh thành Phú Xuân", "Thành Nội", "京城", "en: Imperial Citadel of Huế"),
        construction_notes_en=(
            "Begun in 1805 under Gia Long. The walls were first built of earth and later faced with brick "
            "step by step. The year of completion is usually given as 1832, under Minh Mạng (after commonly "
            "cited sources; not checked against the official chronicles)."
        ),
    ),
    MonumentData(
        slug="hoang-thanh",
        name_vi="Hoàng thành",
        name_en="Imperial City",
        category="citadel",
        latitude="16.4688",
        longitude="107.5782",
        construction_start="1804",
        construction_end="1833",
        reign="Gia Long – Minh Mạng",
        construction_notes=(
            "Xây dựng từ năm 1804 dưới triều Gia Long; hoàn chỉnh năm 1833 dưới triều Minh Mạng, khi Ngọ Môn "
            "được dựng và điện Thái Hòa được dời về vị trí hiện nay."
        ),
        intro=(
            "Vòng thành thứ hai bên trong Kinh thành, nơi đặt các cung điện, miếu thờ và cơ quan của triều "
            "đình; lối vào chính là Ngọ Môn."
        ),
        intro_en=(
            "The second enclosure inside the Citadel, holding the palaces, dynastic temples and court offices; "
            "its main entrance is the Meridian Gate."
        ),
        other_names=("Đại Nội", "皇城", "en: Imperial Enclosure"),
        construction_notes_en=(
            "Built from 1804 under Gia Long; completed in 1833 under Minh Mạng, when the Meridian Gate was "
            "raised and the Hall of Supreme Harmony was moved to its present site."
        ),
    ),
    MonumentData(
        slug="ngo-mon",
        name_vi="Ngọ Môn",
        name_en="Meridian Gate",
        category="gate",
        latitude="16.4668",
        longitude="107.5793",
        construction_start="1833",
        construction_end="1833",
        reign="Minh Mạng",
        construction_notes=(
            "Dựng năm 1833 dưới triều Minh Mạng, cùng đợt với việc dời điện Thái Hòa. Lầu Ngũ Phụng trên đài "
            "cổng được tu bổ nhiều lần; đợt trùng tu đầu thập niên 1990 có tài trợ của Nhật Bản qua UNESCO "
            "(xem hồ sơ HUE-NGM-1991-01)."
        ),
        intro=(
            "Cổng chính phía nam của Hoàng thành, gồm đài cổng xây gạch đá với năm lối đi và lầu Ngũ Phụng "
            "bằng gỗ ở phía trên."
        ),
        intro_en=(
            "The southern main gate of the Imperial City: a masonry gate platform with five passages, crowned "
            "by the wooden Five Phoenix Pavilion."
        ),
        other_names=("en: Noon Gate", "Lầu Ngũ Phụng (lầu trên cổng)", "午門"),
        construction_notes_en=(
            "Raised in 1833 under Minh Mạng, in the same campaign as the moving of the Hall of Supreme "
            "Harmony. The Five Phoenix Pavilion on the gate platform has been repaired many times; the "
            "restoration of the early 1990s was funded by Japan through UNESCO (see record HUE-NGM-1991-01)."
        ),
    ),
    MonumentData(
        slug="dien-thai-hoa",
        name_vi="Điện Thái Hòa",
        name_en="Hall of Supreme Harmony",
        category="palace",
        latitude="16.4680",
        longitude="107.5786",
        construction_start="1805",
        construction_end="1805",
        reign="Gia Long",
        construction_notes=(
            "Theo Đại Nam thực lục, điện được dựng đầu năm 1805 và làm xong cuối năm ấy. Năm 1833 vua Minh "
            "Mạng cho dời điện về phía nam và dựng lại với quy mô lớn hơn ở vị trí hiện nay. Trùng tu nhiều "
            "lần; đợt tu bổ gần nhất 2021–2024 (xem HUE-DTH-2021-01)."
        ),
        intro=(
            "Nơi đặt ngai vàng và cử hành các đại lễ của triều Nguyễn như lễ đăng quang; điện có 80 cột gỗ lim "
            "sơn son thếp vàng, phía trước là sân Đại Triều Nghi."
        ),
        intro_en=(
            "The throne hall where the Nguyễn emperors were crowned and held grand audiences; 80 lacquered and "
            "gilded ironwood columns, with the Esplanade of Great Salutation in front."
        ),
        other_names=("太和殿", "en: Palace of Supreme Harmony"),
        current_condition="good",
        condition_notes="Sau đợt tu bổ 2021–2024.",
        construction_notes_en=(
            "According to the Đại Nam thực lục, the hall was begun early in 1805 and finished at the end of "
            "that year. In 1833 Emperor Minh Mạng had it moved south and rebuilt on a larger scale at its "
            "present site. Restored many times; the latest restoration ran 2021–2024 (see HUE-DTH-2021-01)."
        ),
        condition_notes_en="After the 2021–2024 restoration.",
    ),
    MonumentData(
        slug="dien-can-chanh",
        name_vi="Điện Cần Chánh",
        name_en="Cần Chánh Palace",
        category="palace",
        latitude="16.4697",
        longitude="107.5778",
        construction_start="1804",
        construction_end="1804",
        reign="Gia Long",
        construction_notes=(
            "Dựng năm 1804 dưới triều Gia Long, là nơi vua làm việc và thiết triều thường nhật. Bị phá hủy năm "
            "1947 trong chiến tranh; chỉ còn nền móng. Tháng 8/2024 Trung tâm Bảo tồn Di tích Cố đô Huế cho biết "
            "sẽ khởi động dự án phục hồi (TTXVN) — tình trạng hiện tại chưa xác minh."
        ),
        intro=(
            "Điện làm việc thường ngày của các vua Nguyễn ở phía trước Tử Cấm Thành, nơi vua tiếp các quan và "
            "sứ thần; nay chỉ còn nền móng."
        ),
        intro_en=(
            "The everyday audience hall of the Nguyễn emperors at the front of the Forbidden Purple City; only "
            "its foundations survive."
        ),
        other_names=("勤政殿",),
        current_condition="poor",
        condition_notes="Bị phá hủy năm 1947; chỉ còn nền móng.",
        construction_notes_en=(
            "Built in 1804 under Gia Long, where the emperor worked and held his everyday audiences. "
            "Destroyed in 1947 during the war; only the foundations remain. In August 2024 the Hue Monuments"
            " Conservation Centre said it would launch a restoration project (Vietnam News Agency); the "
            "present state has not been verified."
        ),
        condition_notes_en="Destroyed in 1947; only the foundations remain.",
    ),
    MonumentData(
        slug="dien-kien-trung",
        name_vi="Điện Kiến Trung",
        name_en="Kiến Trung Palace",
        category="palace",
        latitude="16.4713",
        longitude="107.5767",
        construction_start="1921",
        construction_end="1923",
        reign="Khải Định",
        construction_notes=(
            "Trên nền lầu Minh Viễn (1827–1876, triều Minh Mạng) và lầu Du Cửu (1913–1916, triều Duy Tân), được "
            "vua Khải Định đổi tên là Kiến Trung năm 1916. Năm 1921 vua Khải Định cho xây mới theo phong cách "
            "kết hợp Âu – Á, hoàn thành năm 1923. Bị phá hủy năm 1947; phục hồi 2019–2023 và mở cửa đón khách "
            "dịp Tết Giáp Thìn 2024 (xem HUE-DKT-2019-01)."
        ),
        intro=(
            "Nơi ở và làm việc của vua Khải Định và vua Bảo Đại ở cuối Tử Cấm Thành; công trình mang phong cách "
            "hợp thể Âu – Á, được phục hồi trên nền cũ."
        ),
        intro_en=(
            "Residence and office of the emperors Khải Định and Bảo Đại at the back of the Forbidden Purple "
            "City; a blend of European and Vietnamese styles, reconstructed on its original foundations."
        ),
        other_names=("Lầu Kiến Trung", "建忠殿"),
        current_condition="good",
        condition_notes="Phục hồi 2019–2023.",
        construction_notes_en=(
            "On the site of the Minh Viễn pavilion (1827–1876, under Minh Mạng) and the Du Cửu pavilion "
            "(1913–1916, under Duy Tân), which Emperor Khải Định renamed Kiến Trung in 1916. In 1921 Khải "
            "Định had it rebuilt in a blend of European and Asian styles, completed in 1923. Destroyed in "
            "1947; restored 2019–2023 and opened to visitors for the Lunar New Year of Giáp Thìn, 2024 (see "
            "HUE-DKT-2019-01)."
        ),
        condition_notes_en="Restored 2019–2023.",
    ),
    MonumentData(
        slug="duyet-thi-duong",
        name_vi="Duyệt Thị Đường",
        name_en="Royal Theatre",
        category="theatre",
        latitude="16.4694",
        longitude="107.5795",
        construction_start="1826",
        construction_end="1826",
        reign="Minh Mạng",
        construction_notes=(
            "Dựng năm 1826 dưới triều Minh Mạng (có nguồn ghi tháng 7/1826, chưa xác minh); tu bổ lần đầu năm "
            "1829. Năm 1962 được cải tạo làm trường Quốc gia Âm nhạc Huế, cấu trúc bị thay đổi. Trùng tu "
            "1995–2002, hoạt động thường xuyên từ tháng 3/2003 (xem HUE-DTD-1995-01)."
        ),
        intro=(
            "Nhà hát cung đình trong Tử Cấm Thành, thường được coi là nhà hát cổ nhất Việt Nam còn lại; nay là "
            "nơi biểu diễn Nhã nhạc cung đình Huế."
        ),
        intro_en=(
            "The court theatre inside the Forbidden Purple City, often called the oldest surviving theatre in "
            "Vietnam; today a stage for Nhã nhạc, the royal court music."
        ),
        other_names=("Nhà hát Duyệt Thị Đường", "閱是堂"),
        construction_notes_en=(
            "Built in 1826 under Minh Mạng (one source gives July 1826; not verified); first repaired in "
            "1829. In 1962 it was converted into the Huế National School of Music, which altered its "
            "structure. Restored 1995–2002, with regular performances since March 2003 (see "
            "HUE-DTD-1995-01)."
        ),
    ),
    MonumentData(
        slug="the-mieu",
        name_vi="Thế Miếu",
        name_en="Thế Tổ Temple",
        category="temple",
        latitude="16.4676",
        longitude="107.5764",
        construction_start="1821",
        construction_end="1822",
        reign="Minh Mạng",
        construction_notes=(
            "Dựng 1821–1822 dưới triều Minh Mạng để thờ vua Gia Long (Thế Tổ), về sau thờ các vua triều Nguyễn. "
            "Năm 1959 bài vị các vua Hàm Nghi, Thành Thái, Duy Tân được đưa vào thờ (theo các nguồn phổ biến)."
        ),
        intro=(
            "Miếu thờ các vua triều Nguyễn ở phía tây nam Hoàng thành; trước miếu là sân đặt Cửu Đỉnh và Hiển Lâm Các."
        ),
        intro_en=(
            "The temple of the Nguyễn emperors in the south-west of the Imperial City, facing the courtyard of "
            "the Nine Dynastic Urns and the Pavilion of Glorious Coming."
        ),
        other_names=("Thế Tổ Miếu", "世廟", "en: Temple of Generations"),
        construction_notes_en=(
            "Built 1821–1822 under Minh Mạng to worship Emperor Gia Long (Thế Tổ), and later the Nguyễn "
            "emperors. In 1959 the tablets of the emperors Hàm Nghi, Thành Thái and Duy Tân were brought in "
            "(after commonly cited sources)."
        ),
    ),
    MonumentData(
        slug="hien-lam-cac",
        name_vi="Hiển Lâm Các",
        name_en="Pavilion of Glorious Coming",
        category="pavilion",
        latitude="16.4669",
        longitude="107.5771",
        construction_start="1821",
        construction_end="1822",
        reign="Minh Mạng",
        construction_notes="Dựng 1821–1822 dưới triều Minh Mạng, cùng thời với Thế Miếu.",
        intro="Gác gỗ ba tầng trước sân Thế Miếu, nơi tôn vinh các công thần của triều Nguyễn.",
        intro_en=(
            "A three-storey wooden pavilion before the courtyard of the Thế Tổ Temple, honouring the "
            "meritorious officials of the Nguyễn dynasty."
        ),
        other_names=("顯臨閣",),
        construction_notes_en="Built 1821–1822 under Minh Mạng, at the same time as the Thế Tổ Temple.",
    ),
    MonumentData(
        slug="cuu-dinh",
        name_vi="Cửu Đỉnh",
        name_en="Nine Dynastic Urns",
        category="object",
        latitude="16.4672",
        longitude="107.5768",
        construction_start="1835",
        construction_end="1837",
        reign="Minh Mạng",
        construction_notes=(
            "Đúc từ cuối năm 1835, hoàn thành năm 1837 dưới triều Minh Mạng, đặt ở sân trước Thế Miếu. Mỗi đỉnh "
            "mang tên ứng với miếu hiệu một vị vua và được trang trí bằng các hình chạm nổi về núi sông, sản vật, "
            "vũ khí. Công nhận Bảo vật quốc gia năm 2012 (theo các nguồn phổ biến)."
        ),
        intro=("Chín chiếc đỉnh đồng lớn đúc dưới triều Minh Mạng, biểu tượng cho sự bền vững của vương triều Nguyễn."),
        intro_en="Nine great bronze urns cast under Minh Mạng as emblems of the permanence of the Nguyễn dynasty.",
        other_names=("九鼎", "en: Nine Urns"),
        construction_notes_en=(
            "Cast from the end of 1835 and completed in 1837 under Minh Mạng, placed in the courtyard before"
            " the Thế Tổ Temple. Each urn bears a name matching the temple name of an emperor and is "
            "decorated with reliefs of mountains and rivers, produce and weapons. Recognised as a National "
            "Treasure in 2012 (after commonly cited sources)."
        ),
    ),
    MonumentData(
        slug="trieu-to-mieu",
        name_vi="Triệu Tổ Miếu",
        name_en="Triệu Tổ Temple",
        category="temple",
        latitude="16.4684",
        longitude="107.5806",
        construction_start="1804",
        construction_end="1804",
        reign="Gia Long",
        construction_notes=(
            "Dựng năm 1804 dưới triều Gia Long, là miếu được xây sớm nhất trong Hoàng thành, thờ Triệu Tổ "
            "Nguyễn Kim và vợ. Tu bổ 1983–1985 và 2014–2016 (xem HUE-TTM-2014-01, HUE-TTM-2014-02)."
        ),
        intro="Miếu thờ Nguyễn Kim, tổ của các chúa Nguyễn, ở phía đông nam Hoàng thành.",
        intro_en="The temple of Nguyễn Kim, ancestor of the Nguyễn lords, in the south-east of the Imperial City.",
        other_names=("Triệu Miếu", "肇廟"),
        current_condition="good",
        condition_notes="Sau đợt tu bổ 2014–2016.",
        construction_notes_en=(
            "Built in 1804 under Gia Long, the first temple raised in the Imperial City, for the worship of "
            "Triệu Tổ Nguyễn Kim and his wife. Repaired 1983–1985 and 2014–2016 (see HUE-TTM-2014-01, "
            "HUE-TTM-2014-02)."
        ),
        condition_notes_en="After the 2014–2016 restoration.",
    ),
    MonumentData(
        slug="hung-to-mieu",
        name_vi="Hưng Tổ Miếu",
        name_en="Hưng Tổ Temple",
        category="temple",
        latitude="16.4686",
        longitude="107.5760",
        construction_start="1804",
        construction_end="1804",
        reign="Gia Long",
        construction_notes=(
            "Dựng năm 1804 dưới triều Gia Long; năm 1821 vua Minh Mạng cho dựng lại. Thờ Hưng Tổ Nguyễn Phúc "
            "Luân và vợ, thân sinh của vua Gia Long."
        ),
        intro="Miếu thờ thân sinh của vua Gia Long, gần Thế Miếu ở phía tây Hoàng thành.",
        intro_en="The temple of Emperor Gia Long's parents, near the Thế Tổ Temple in the west of the Imperial City.",
        other_names=("Hưng Miếu", "興廟"),
        construction_notes_en=(
            "Built in 1804 under Gia Long; rebuilt in 1821 on Emperor Minh Mạng's order. It worships Hưng Tổ"
            " Nguyễn Phúc Luân and his wife, Emperor Gia Long's parents."
        ),
    ),
    MonumentData(
        slug="cung-an-dinh",
        name_vi="Cung An Định",
        name_en="An Định Palace",
        category="residence",
        latitude="16.4586",
        longitude="107.5895",
        construction_start="1917",
        construction_end="1919",
        reign="Khải Định",
        construction_notes=(
            "Nguyên là phủ An Định, dinh thự riêng của hoàng tử Nguyễn Phúc Bửu Đảo (sau là vua Khải Định). "
            "Năm dựng phủ ban đầu không thống nhất giữa các nguồn (thời Đồng Khánh, hoặc năm 1902) nên không ghi "
            "ở đây. Công trình hiện nay, gồm lầu Khải Tường, được cải tạo theo phong cách tân thời 1917–1919 "
            "dưới thời Khải Định (theo Trung tâm Bảo tồn Di tích Cố đô Huế). Việc cung thuộc khu di sản UNESCO "
            "dựa theo tài liệu của Bộ Ngoại giao Đức (2010), chưa đối chiếu với hồ sơ UNESCO."
        ),
        intro=(
            "Cung điện riêng của vua Khải Định bên bờ sông An Cựu, nổi tiếng với tranh tường và trang trí nội "
            "thất ở lầu Khải Tường."
        ),
        intro_en=(
            "Emperor Khải Định's private palace on the An Cựu canal, known for the wall paintings and interior "
            "decoration of the Khải Tường Pavilion."
        ),
        other_names=("Phủ An Định", "Lầu Khải Tường (tòa chính)", "安定宮"),
        construction_notes_en=(
            "Originally the An Định residence, the private mansion of Prince Nguyễn Phúc Bửu Đảo (later "
            "Emperor Khải Định). Sources disagree on when the first residence was built (under Đồng Khánh, "
            "or in 1902), so no date is given here. The present building, with the Khải Tường Pavilion, was "
            "remodelled in a modern style in 1917–1919 under Khải Định (after the Hue Monuments Conservation"
            " Centre). That the palace belongs to the UNESCO property rests on a document of the German "
            "Foreign Office (2010), not checked against the UNESCO file."
        ),
    ),
    MonumentData(
        slug="chua-thien-mu",
        name_vi="Chùa Thiên Mụ",
        name_en="Thiên Mụ Pagoda",
        category="pagoda",
        latitude="16.4536",
        longitude="107.5448",
        construction_start="1601",
        construction_end="",
        reign="Chúa Nguyễn Hoàng",
        construction_notes=(
            "Theo Đại Nam thực lục, chúa Nguyễn Hoàng cho dựng chùa năm 1601 trên đồi Hà Khê; có nguồn cho rằng "
            "đã có chùa cổ ở đây từ trước năm 1555 (Ô Châu cận lục). Năm hoàn thành không rõ nên để trống. Năm "
            "1714 chúa Nguyễn Phúc Chu cho đại trùng tu (xem HUE-TMU-1714-01). Tháp Phước Duyên dựng năm 1844 "
            "dưới triều Thiệu Trị."
        ),
        intro=(
            "Ngôi chùa trên đồi Hà Khê bên bờ bắc sông Hương, phía tây Kinh thành; tháp Phước Duyên bảy tầng là "
            "một biểu tượng của Huế."
        ),
        intro_en=(
            "The pagoda on Hà Khê hill on the north bank of the Perfume River, west of the Citadel; its "
            "seven-storey Phước Duyên tower is a symbol of Huế."
        ),
        other_names=("Chùa Linh Mụ", "天姥寺", "Tháp Phước Duyên"),
        construction_notes_en=(
            "According to the Đại Nam thực lục, Lord Nguyễn Hoàng had the pagoda built in 1601 on Hà Khê "
            "hill; one source holds that an older pagoda stood here before 1555 (Ô Châu cận lục). The year "
            "of completion is unknown, so it is left empty. In 1714 Lord Nguyễn Phúc Chu had it restored on "
            "a large scale (see HUE-TMU-1714-01). The Phước Duyên tower was built in 1844 under Thiệu Trị."
        ),
    ),
    MonumentData(
        slug="lang-gia-long",
        name_vi="Lăng Gia Long",
        name_en="Tomb of Gia Long",
        category="tomb",
        latitude="16.3750",
        longitude="107.5960",
        construction_start="1814",
        construction_end="1820",
        reign="Gia Long – Minh Mạng",
        construction_notes=(
            "Khởi công năm 1814 sau khi Thừa Thiên Cao hoàng hậu mất, hoàn thành năm 1820. Khu lăng trên núi "
            "Thiên Thọ gồm nhiều lăng mộ của hoàng tộc."
        ),
        intro=(
            "Lăng của vua Gia Long, người sáng lập triều Nguyễn, giữa vùng đồi núi phía nam Huế; vua và hoàng "
            "hậu Thừa Thiên được an táng song song."
        ),
        intro_en=(
            "The tomb of Gia Long, founder of the Nguyễn dynasty, among the hills south of Huế, where the "
            "emperor and Empress Thừa Thiên lie side by side."
        ),
        other_names=("Thiên Thọ Lăng", "天授陵"),
        construction_notes_en=(
            "Begun in 1814 after the death of Empress Thừa Thiên Cao, completed in 1820. The tomb area on "
            "Thiên Thọ mountain holds many tombs of the royal family."
        ),
    ),
    MonumentData(
        slug="lang-minh-mang",
        name_vi="Lăng Minh Mạng",
        name_en="Tomb of Minh Mạng",
        category="tomb",
        latitude="16.3880",
        longitude="107.5700",
        construction_start="1840",
        construction_end="1843",
        reign="Minh Mạng – Thiệu Trị",
        construction_notes=(
            "Vua Minh Mạng cho chọn đất và khởi công năm 1840; vua mất đầu năm 1841, vua Thiệu Trị cho tiếp tục "
            "và hoàn thành năm 1843."
        ),
        intro=(
            "Lăng vua Minh Mạng trên núi Cẩm Kê, gần nơi hai nguồn Tả Trạch và Hữu Trạch hợp thành sông Hương; "
            "các công trình xếp đối xứng trên một trục thần đạo dài."
        ),
        intro_en=(
            "The tomb of Minh Mạng on Cẩm Kê hill, near the confluence that forms the Perfume River; its buildings "
            "stand symmetrically along one long sacred axis."
        ),
        other_names=("Hiếu Lăng", "孝陵"),
        construction_notes_en=(
            "Emperor Minh Mạng had the site chosen and work begun in 1840; he died early in 1841, and "
            "Emperor Thiệu Trị had the work continued and completed in 1843."
        ),
    ),
    MonumentData(
        slug="lang-tu-duc",
        name_vi="Lăng Tự Đức",
        name_en="Tomb of Tự Đức",
        category="tomb",
        latitude="16.4330",
        longitude="107.5630",
        construction_start="1864",
        construction_end="1867",
        reign="Tự Đức",
        construction_notes=(
            "Xây 1864–1867, ban đầu gọi là Vạn Niên Cơ, sau đổi là Khiêm Cung; sau khi vua mất (1883) gọi là "
            "Khiêm Lăng. Việc xây lăng nặng nhọc dẫn đến cuộc nổi dậy Chày Vôi năm 1866."
        ),
        intro=(
            "Lăng vua Tự Đức trong thung lũng rừng thông phía tây nam Huế, nổi tiếng với hồ Lưu Khiêm và khung "
            "cảnh thơ mộng."
        ),
        intro_en=(
            "The tomb of Tự Đức in a pine-wooded valley south-west of Huế, known for the Lưu Khiêm lake and its "
            "poetic landscape."
        ),
        other_names=("Khiêm Lăng", "謙陵", "Vạn Niên Cơ", "Khiêm Cung"),
        construction_notes_en=(
            "Built 1864–1867, first called Vạn Niên Cơ, later renamed Khiêm Cung; after the emperor's death "
            "(1883) it was called Khiêm Lăng. The heavy labour of building the tomb led to the Chày Vôi "
            "uprising of 1866."
        ),
    ),
    MonumentData(
        slug="lang-khai-dinh",
        name_vi="Lăng Khải Định",
        name_en="Tomb of Khải Định",
        category="tomb",
        latitude="16.3990",
        longitude="107.5903",
        construction_start="1920",
        construction_end="1931",
        reign="Khải Định – Bảo Đại",
        construction_notes=(
            "Khởi công năm 1920; vua Khải Định mất năm 1925, công trình hoàn thành năm 1931 dưới triều Bảo Đại. "
            "Kết hợp kiến trúc Âu – Á, dùng bê tông cốt thép và trang trí khảm sành sứ, thủy tinh."
        ),
        intro=(
            "Lăng vua Khải Định trên sườn núi Châu Chữ, nổi bật với cung Thiên Định trang trí khảm sành sứ và "
            "thủy tinh."
        ),
        intro_en=(
            "The tomb of Khải Định on the slope of Châu Chữ hill, known for the Thiên Định palace with its "
            "ceramic and glass inlay."
        ),
        other_names=("Ứng Lăng", "應陵"),
        construction_notes_en=(
            "Begun in 1920; Emperor Khải Định died in 1925 and the work was completed in 1931 under Bảo Đại."
            " It blends European and Asian architecture, using reinforced concrete and decoration inlaid "
            "with ceramic and glass."
        ),
    ),
]

# The monuments the home page features, in this order (slugs of MONUMENTS): the gate and the throne
# hall a visit starts with, the dynastic temple and its urns, the theatre, the pagoda, three tombs.
HOME_FEATURED = (
    "ngo-mon",
    "dien-thai-hoa",
    "the-mieu",
    "cuu-dinh",
    "duyet-thi-duong",
    "chua-thien-mu",
    "lang-minh-mang",
    "lang-tu-duc",
    "lang-khai-dinh",
)


ARTEFACTS = [
    ArtefactData(
        accession_number="HUE-DEMO-0001",
        slug="cao-dinh",
        title_vi="Cao Đỉnh",
        title_en="Cao Urn (Cao Đỉnh)",
        object_type="Đỉnh đồng",
        object_type_en="Bronze urn",
        location="cuu-dinh",
        materials=("Đồng",),
        period="Minh Mạng (đúc 1835–1837)",
        provenance="Đúc tại Huế trong đợt đúc Cửu Đỉnh dưới triều Minh Mạng; đặt ở sân trước Thế Miếu.",
        description=(
            "Đỉnh lớn nhất trong Cửu Đỉnh, đặt ở vị trí trung tâm, ứng với miếu hiệu Thế Tổ (vua Gia Long). "
            "Khối lượng thường được nêu khoảng 2.600 kg (chưa xác minh). Hiện vật demo."
        ),
        description_en=(
            "The largest of the Nine Dynastic Urns, standing in the centre and dedicated to Thế Tổ (Emperor Gia "
            "Long). Its weight is often given as about 2,600 kg (not verified). Demo record."
        ),
        period_en="Minh Mạng (cast 1835–1837)",
        provenance_en=(
            "Cast in Huế in the campaign that cast the Nine Dynastic Urns under Minh Mạng; placed in the "
            "courtyard before the Thế Tổ Temple."
        ),
    ),
    ArtefactData(
        accession_number="HUE-DEMO-0002",
        slug="than-cong",
        title_vi="Thần công (một trong Cửu vị thần công)",
        title_en="Holy cannon (one of the Nine Holy Cannons)",
        object_type="Súng thần công bằng đồng",
        object_type_en="Bronze cannon",
        location="kinh-thanh-hue",
        materials=("Đồng",),
        period="Gia Long (đúc 1803–1804)",
        provenance=(
            "Đúc dưới triều Gia Long, theo các nguồn phổ biến từ đồng thu được sau chiến thắng quân Tây Sơn; đặt "
            "thành hai nhóm trong Kinh thành, gần cửa Ngăn và cửa Quảng Đức."
        ),
        description=(
            "Chín khẩu súng đồng mang tính biểu trưng bảo vệ kinh thành, không dùng trong chiến đấu. Bản ghi demo "
            "đại diện cho một khẩu, chưa định danh khẩu cụ thể."
        ),
        description_en=(
            "Nine bronze cannons cast as guardians of the capital, never used in battle. This demo record stands "
            "for one of them; which one is not identified."
        ),
        dimensions="Dài khoảng 5 m (số liệu thường được nêu; chưa xác minh)",
        period_en="Gia Long (cast 1803–1804)",
        provenance_en=(
            "Cast under Gia Long, after commonly cited sources from bronze taken after the victory over the "
            "Tây Sơn; placed in two groups inside the Citadel, near the Ngăn gate and the Quảng Đức gate."
        ),
        dimensions_en="About 5 m long (a commonly cited figure; not verified)",
    ),
]
