"""Demo restoration records, their projects and the vocabulary they use: plain data.

Built from public press and institutional pages (named in each record's `sources`). Rules:
- A budget is recorded only where a figure was published; when sources disagree it is left
  empty and the figures are quoted in `sources`.
- Dates are kept at the precision the sources give; lunar-calendar months are not converted.
- Techniques and materials are indexed from the published descriptions of the work, not from
  project files; `sources` says so where that matters.
- Records marked ILLUSTRATIVE are not documented events: they exist so the demo has internal
  (staff-only) records to show. Their dates and findings are placeholders.
- Every text a reader reads is given in English too (`…_en`), translated from the Vietnamese, with
  the same facts. `sources` holds one source per line, each marked with the language it is written
  in (`[en]`), uncertainties starting with `UNCERTAIN:` (heritage/sources.py).
"""

from dataclasses import dataclass

# Vietnamese name -> English name. The loader creates missing terms and fills name_en when empty.
TECHNIQUES = {
    "Khảo sát hiện trạng": "Condition survey",
    "Tu bổ kết cấu gỗ": "Timber structure repair",
    "Lợp lại mái ngói": "Re-roofing",
    "Gia cố nền móng": "Foundation consolidation",
    "Sơn son thếp vàng": "Red lacquer and gilding",
    "Phục chế đồ gỗ sơn thếp": "Conservation of lacquered and gilded furniture",
    "Bảo tồn tranh tường": "Wall painting conservation",
    "Gia cố lớp vữa": "Plaster consolidation",
    "Làm sạch bề mặt": "Surface cleaning",
    "Phục hồi khảm sành sứ": "Ceramic and glass inlay restoration",
    "Phục hồi theo tư liệu": "Reconstruction from historical documentation",
    "Phân tích vật liệu": "Material analysis",
}

MATERIALS = {
    "Gỗ lim": "Ironwood (lim)",
    "Ngói ống lưu ly": "Glazed tube tiles",
    "Sơn ta": "Traditional lacquer (sơn ta)",
    "Vàng quỳ": "Gold leaf",
    "Vữa vôi": "Lime mortar",
    "Màu khoáng": "Mineral pigments",
    "Mảnh sành sứ": "Ceramic and glass shards for inlay",
    "Đồng": "Bronze",
}

PARTNERS = {
    "Trung tâm Bảo tồn Di tích Cố đô Huế": "Hue Monuments Conservation Centre",
    "UNESCO": "UNESCO",
    "Chính phủ Nhật Bản": "Government of Japan",
    "Bộ Ngoại giao CHLB Đức": "German Federal Foreign Office",
    "GCREP": "German Conservation, Restoration & Education Projects (GCREP)",
    "Quỹ Bảo tồn Văn hóa của Đại sứ Hoa Kỳ": "U.S. Ambassadors Fund for Cultural Preservation (AFCP)",
    "Viện Khoa học Công nghệ Xây dựng": "Vietnam Institute for Building Science and Technology",
}


@dataclass(frozen=True)
class ProjectData:
    name: str
    description: str
    name_en: str = ""
    description_en: str = ""


PROJECTS = [
    ProjectData(
        name="Tu bổ điện Thái Hòa (2021–2024)",
        description="Tu bổ khẩn cấp điện Thái Hòa bằng ngân sách nhà nước, do Trung tâm Bảo tồn Di tích Cố đô Huế "
        "thực hiện.",
        name_en="Restoration of the Hall of Supreme Harmony (2021–2024)",
        description_en="Emergency restoration of the Hall of Supreme Harmony funded by the state budget, carried out "
        "by the Hue Monuments Conservation Centre.",
    ),
    ProjectData(
        name="Phục hồi điện Kiến Trung (2019–2023)",
        description="Dự án tu bổ, phục hồi và tôn tạo di tích điện Kiến Trung trong Tử Cấm Thành.",
        name_en="Reconstruction of Kiến Trung Palace (2019–2023)",
        description_en="Project to repair, reconstruct and enhance the Kiến Trung Palace site in the Forbidden "
        "Purple City.",
    ),
    ProjectData(
        name="Các dự án GCREP tại Huế",
        description="Các dự án bảo tồn do GCREP thực hiện với tài trợ của Bộ Ngoại giao CHLB Đức: cung An Định, "
        "lăng Tự Đức và các công trình khác.",
        name_en="GCREP projects in Huế",
        description_en="Conservation projects carried out by GCREP with funding from the German Federal Foreign "
        "Office: An Định Palace, the Tomb of Tự Đức and other buildings.",
    ),
]


@dataclass(frozen=True)
class RecordData:
    reference: str
    monument: str  # a monuments.MonumentData slug
    title: str
    record_type: str  # a heritage.models.RecordType value
    start: str
    end: str
    summary: str
    sources: str
    visibility: str = "public"
    component: str = ""
    project: str = ""  # a ProjectData name
    artefact: str = ""  # a monuments.ArtefactData accession number
    techniques: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    funder: str = ""
    budget: str = ""  # a decimal string, only when published
    currency: str = ""
    condition_before: str = ""
    condition_after: str = ""
    images: tuple[str, ...] = ()  # placeholder pictures to generate, by phase: "before", "after"
    # The English texts, translated from the Vietnamese above (the same facts, nothing added).
    title_en: str = ""
    summary_en: str = ""
    component_en: str = ""
    funder_en: str = ""


ILLUSTRATIVE = (
    "[en] ILLUSTRATIVE DEMO RECORD: not a documented event. Created by load_demo so the demo has internal "
    "(staff-only) records; the date, findings and condition are placeholders."
)

RECORDS = [
    RecordData(
        reference="HUE-NGM-1991-01",
        monument="ngo-mon",
        title="Trùng tu Ngọ Môn với tài trợ của Nhật Bản qua UNESCO",
        record_type="treatment",
        start="1991",
        end="1992",
        summary=(
            "Dự án trùng tu quốc tế lớn đầu tiên ở Huế: trùng tu Ngọ Môn với khoảng 100.000 USD do Nhật Bản tài "
            "trợ qua UNESCO; GS. Nakagawa Takeshi tham gia với tư cách giám sát kỹ thuật của UNESCO. Mở đầu quan "
            "hệ hợp tác Việt – Nhật trong bảo tồn di tích Huế."
        ),
        sources=(
            "[en] Công an Nhân dân (English), 'Japan supports heritage conservation efforts in Hue city' (2017): "
            "Japan's aid began in 1990; first large project, USD 100,000, restored Ngọ Môn.\n"
            "[en] Phan Thanh Hải, {vi: Tạp chí Sông Hương} (24/02/2017): cooperation began in 1991–1993 with Prof. "
            "Nakagawa Takeshi as UNESCO technical supervisor of the Ngọ Môn project.\n"
            "[en] Phan Thanh Hải, {vi: Thừa Thiên Huế} (29/10/2005): 'the first project was the Ngọ Môn restoration in "
            "1990'.\n"
            "[en] UNCERTAIN: the years (1990, 1991–1992 or 1991–1993 depending on the source; 1991–1992 kept as "
            "the span most often quoted); the budget is the reported round figure; the formal name of the funding"
            " channel is not confirmed; techniques are indexed from the general description; the condition "
            "ratings are editorial."
        ),
        techniques=("Khảo sát hiện trạng", "Tu bổ kết cấu gỗ"),
        partners=("UNESCO", "Chính phủ Nhật Bản", "Trung tâm Bảo tồn Di tích Cố đô Huế"),
        funder="Chính phủ Nhật Bản, qua UNESCO",
        budget="100000",
        currency="USD",
        condition_before="poor",
        condition_after="good",
        images=("before", "after"),
        title_en="Restoration of the Meridian Gate with Japanese funding through UNESCO",
        summary_en=(
            "The first major international restoration project in Huế: the Meridian Gate was restored with about "
            "USD 100,000 provided by Japan through UNESCO; Prof. Nakagawa Takeshi took part as UNESCO's technical"
            " supervisor. It opened Vietnamese–Japanese cooperation in conserving the monuments of Huế."
        ),
        funder_en="Government of Japan, through UNESCO",
    ),
    RecordData(
        reference="HUE-DTD-1995-01",
        monument="duyet-thi-duong",
        title="Trùng tu, phục chế nhà hát Duyệt Thị Đường",
        record_type="treatment",
        start="1995",
        end="2002",
        summary=(
            "Trùng tu và phục chế toàn diện nhà hát sau thời gian xuống cấp nghiêm trọng (công trình bị cải tạo "
            "năm 1962 làm trường Quốc gia Âm nhạc Huế). Nhà hát hoạt động thường xuyên từ tháng 3/2003, biểu "
            "diễn Nhã nhạc cung đình."
        ),
        sources=(
            "[en] {vi: Wikipedia tiếng Việt}, {vi: 'Duyệt Thị Đường (Hoàng thành Huế)'}: restored 1995–2002, "
            "in regular use "
            "from March 2003.\n"
            "[en] {vi: Hà Nội Mới}, {vi: 'Duyệt Thị Đường – nhà hát cổ nhất Việt Nam'}: building history, "
            "1962 conversion.\n"
            "[en] UNCERTAIN: funder and budget not found (left empty); techniques and materials are indexed from "
            "the building's known finishes (ironwood columns, red lacquer and gilding), not from project "
            "documents."
        ),
        techniques=("Tu bổ kết cấu gỗ", "Sơn son thếp vàng"),
        materials=("Gỗ lim", "Sơn ta", "Vàng quỳ"),
        partners=("Trung tâm Bảo tồn Di tích Cố đô Huế",),
        condition_before="poor",
        condition_after="good",
        title_en="Restoration and refurbishment of the Royal Theatre (Duyệt Thị Đường)",
        summary_en=(
            "Comprehensive restoration and refurbishment of the theatre after a period of serious decay (the "
            "building had been converted in 1962 into the Huế National School of Music). The theatre has been in "
            "regular use since March 2003, performing royal court music."
        ),
    ),
    RecordData(
        reference="HUE-CAD-2002-01",
        monument="cung-an-dinh",
        title="Bảo tồn tranh tường và tranh trần lầu Khải Tường, cung An Định",
        record_type="treatment",
        start="2002-06",
        end="2010",
        component="Tranh tường và tranh trần, lầu Khải Tường",
        project="Các dự án GCREP tại Huế",
        summary=(
            "Chuyên gia GCREP (Đức) cùng Trung tâm Bảo tồn Di tích Cố đô Huế bảo tồn tranh tường, tranh trần ở "
            "lầu Khải Tường: bắt đầu với sáu bức tranh tường ở sảnh từ tháng 6/2002, tiếp theo là các giai đoạn "
            "2003–2008, kết hợp đào tạo 15 học viên Việt Nam. Dùng vữa vôi truyền thống và màu vẽ trên vữa ướt."
        ),
        sources=(
            "[en] VietnamPlus, 'Germany helps fund four restoration projects': GCREP, German Foreign Office "
            "programme, EUR 290,000, phases 2003–2008, 15 trainees.\n"
            "[en] Press reprint (2008): about EUR 445,000 in total including German non-refundable aid; six wall "
            "paintings restored from June 2002 with German Embassy funds.\n"
            "[en] huefestival.com: supported since inception by the German Federal Foreign Office's cultural "
            "preservation programme.\n"
            "[en] hueworldheritage.org.vn: HMCC restored the facade and grounds in 2002.\n"
            "[en] Book 'An Định – Hue's Hidden Pearl' (2010).\n"
            "[en] UNCERTAIN: the end year 2010 is the year of the book and closing events, not a documented end "
            "of works; budget figures disagree (EUR 290,000 vs about EUR 444,000 in total with EUR 355,000 from "
            "Germany), so the budget is empty; GTZ involvement is NOT confirmed by these sources: the partner "
            "they name is GCREP, funded by the Foreign Office."
        ),
        techniques=("Bảo tồn tranh tường", "Gia cố lớp vữa", "Làm sạch bề mặt"),
        materials=("Vữa vôi", "Màu khoáng"),
        partners=("Bộ Ngoại giao CHLB Đức", "GCREP", "Trung tâm Bảo tồn Di tích Cố đô Huế"),
        funder="Bộ Ngoại giao CHLB Đức (chương trình bảo tồn văn hóa)",
        condition_before="poor",
        condition_after="good",
        title_en="Conservation of the wall and ceiling paintings of the Khải Tường Pavilion, An Định Palace",
        component_en="Wall and ceiling paintings, Khải Tường Pavilion",
        summary_en=(
            "GCREP (Germany) specialists and the Hue Monuments Conservation Centre conserved the wall and ceiling"
            " paintings of the Khải Tường Pavilion: beginning with six wall paintings in the hall from June 2002,"
            " followed by phases in 2003–2008, combined with the training of 15 Vietnamese trainees. Traditional "
            "lime mortar and painting on wet plaster were used."
        ),
        funder_en="German Federal Foreign Office (cultural preservation programme)",
    ),
    RecordData(
        reference="HUE-TTM-2014-01",
        monument="trieu-to-mieu",
        title="Phục chế ba án thờ hoàng gia tại Triệu Tổ Miếu",
        record_type="treatment",
        start="2014-01",
        end="2015-02",
        component="Án thờ",
        summary=(
            "Phục chế ba án thờ gỗ sơn son thếp vàng của Triệu Tổ Miếu với tài trợ của Quỹ Bảo tồn Văn hóa của "
            "Đại sứ Hoa Kỳ; bàn giao ngày 6/2/2015."
        ),
        sources=(
            "[en] US Embassy Vietnam, 'Preserving Vietnam's Cultural Heritage' (launch on 15 January, three "
            "altars).\n"
            "[en] Viet Nam News (07/02/2015): USD 29,084, work since January 2014.\n"
            "[en] Dân Việt (07/02/2015): completed and handed over on 6 February 2015.\n"
            "[en] UNCERTAIN: the launch year in the US Embassy note is inferred as 2014 from Viet Nam News; the "
            "materials are those of royal altars in general (lacquer and gilding), not from the project report."
        ),
        techniques=("Phục chế đồ gỗ sơn thếp",),
        materials=("Sơn ta", "Vàng quỳ"),
        partners=("Quỹ Bảo tồn Văn hóa của Đại sứ Hoa Kỳ", "Trung tâm Bảo tồn Di tích Cố đô Huế"),
        funder="Quỹ Bảo tồn Văn hóa của Đại sứ Hoa Kỳ (AFCP)",
        budget="29084",
        currency="USD",
        condition_before="poor",
        condition_after="good",
        title_en="Restoration of three royal altars at the Triệu Tổ Temple",
        component_en="Altars",
        summary_en=(
            "Restoration of three red-lacquered and gilded wooden altars of the Triệu Tổ Temple, funded by the "
            "U.S. Ambassadors Fund for Cultural Preservation; handed over on 6 February 2015."
        ),
        funder_en="U.S. Ambassadors Fund for Cultural Preservation (AFCP)",
    ),
    RecordData(
        reference="HUE-TTM-2014-02",
        monument="trieu-to-mieu",
        title="Bảo tồn, tu bổ di tích Triệu Tổ Miếu (gồm phần Tiền điện)",
        record_type="treatment",
        start="2014-06",
        end="2016",
        summary=(
            "Tu bổ toàn diện Triệu Tổ Miếu, miếu được xây sớm nhất trong Hoàng thành (1804), sau lần tu bổ trước "
            "đó năm 1983–1985. Tổng kinh phí khoảng 35,6 tỷ đồng, trong đó Quỹ Bảo tồn Văn hóa của Đại sứ Hoa Kỳ "
            "tài trợ 700.000 USD cho phần Tiền điện; thi công bởi Viện Khoa học Công nghệ Xây dựng cùng nghệ nhân "
            "địa phương."
        ),
        sources=(
            "[en] VietnamPlus (English), 'Old temple in Hue royal citadel rehabilitated': over VND 35.6 billion "
            "in total, USD 700,000 from the AFCP, work began in June 2014, inaugurated on 15 September; previous "
            "restoration 1983–1985.\n"
            "[en] Công an Nhân dân: inauguration on 15 September 'after more than two years'.\n"
            "[en] Thanh Niên News, Dân Việt, PLO (February 2015): USD 700,000 AFCP grant for the front hall (Tiền"
            " điện) handed over by Ambassador Ted Osius.\n"
            "[en] UNCERTAIN: the end year 2016 is inferred (June 2014 plus 'more than two years'); the "
            "inauguration articles consulted do not print the year. The demo brief said 2013–2015, which these "
            "sources do not support. The budget is the reported total in VND, including the AFCP grant; "
            "techniques are indexed from the general description."
        ),
        techniques=("Tu bổ kết cấu gỗ", "Lợp lại mái ngói"),
        partners=(
            "Quỹ Bảo tồn Văn hóa của Đại sứ Hoa Kỳ",
            "Viện Khoa học Công nghệ Xây dựng",
            "Trung tâm Bảo tồn Di tích Cố đô Huế",
        ),
        funder="Quỹ Bảo tồn Văn hóa của Đại sứ Hoa Kỳ (700.000 USD) và vốn trong nước",
        budget="35600000000",
        currency="VND",
        condition_before="poor",
        condition_after="good",
        images=("before", "after"),
        title_en="Conservation and repair of the Triệu Tổ Temple (including its front hall)",
        summary_en=(
            "Comprehensive repair of the Triệu Tổ Temple, the earliest temple built in the Imperial City (1804), "
            "after its previous repair in 1983–1985. Total cost about VND 35.6 billion, of which the U.S. "
            "Ambassadors Fund for Cultural Preservation granted USD 700,000 for the front hall; carried out by "
            "the Vietnam Institute for Building Science and Technology with local craftsmen."
        ),
        funder_en="U.S. Ambassadors Fund for Cultural Preservation (USD 700,000) and domestic funds",
    ),
    RecordData(
        reference="HUE-DKT-2019-01",
        monument="dien-kien-trung",
        title="Tu bổ, phục hồi và tôn tạo điện Kiến Trung",
        record_type="treatment",
        start="2019",
        end="2023",
        project="Phục hồi điện Kiến Trung (2019–2023)",
        summary=(
            "Phục hồi điện Kiến Trung trên nền móng cũ sau khi bị phá hủy năm 1947, dựa trên tư liệu ảnh và "
            "nghiên cứu từ năm 2013; khởi công đầu năm 2019, mở cửa đón khách dịp Tết Giáp Thìn 2024. Dự án gồm "
            "phục hồi Kiến Trung lâu và nội thất, tu bổ nền móng các công trình phụ và hạ tầng kỹ thuật."
        ),
        sources=(
            "[en] VOV, {vi: 'Đầu tư 123 tỷ đồng tu bổ, phục hồi và tôn tạo di tích điện Kiến Trung'} and "
            "{vi: Báo Công an Đà Nẵng} (31/07/2018): approved total investment of over VND 123 billion.\n"
            "[en] {vi: Báo Thừa Thiên Huế} (30/12/2017): scope of works.\n"
            "[en] Báo Quốc tế; Tuổi Trẻ (05/01/2024): work began early 2019, opened at Tết 2024.\n"
            "[en] VTV (28/08/2024): research since 2013.\n"
            "[en] UNCERTAIN: the budget is the approved plan (one later article says about VND 124 billion), the "
            "final cost is unknown; end 2023 means the works were substantially complete before the February 2024"
            " opening; techniques and materials are indexed from press descriptions."
        ),
        techniques=("Phục hồi theo tư liệu", "Gia cố nền móng", "Phục hồi khảm sành sứ"),
        materials=("Mảnh sành sứ",),
        partners=("Trung tâm Bảo tồn Di tích Cố đô Huế",),
        funder="Chương trình mục tiêu phát triển văn hóa và các nguồn hợp pháp khác",
        budget="123000000000",
        currency="VND",
        condition_before="poor",
        condition_after="good",
        images=("before", "after"),
        title_en="Repair, reconstruction and enhancement of Kiến Trung Palace",
        summary_en=(
            "Reconstruction of Kiến Trung Palace on its old foundations after its destruction in 1947, based on "
            "photographs and research since 2013; work began in early 2019 and the palace opened to visitors at "
            "the Lunar New Year (Tết) of 2024. The project included reconstructing the Kiến Trung pavilion and "
            "its interior, repairing the foundations of the ancillary buildings, and the technical "
            "infrastructure."
        ),
        funder_en="Targeted programme for cultural development and other lawful sources",
    ),
    RecordData(
        reference="HUE-DTH-2021-01",
        monument="dien-thai-hoa",
        title="Tu bổ điện Thái Hòa",
        record_type="treatment",
        start="2021",
        end="2024",
        component="Mái, kết cấu gỗ và trang trí",
        project="Tu bổ điện Thái Hòa (2021–2024)",
        summary=(
            "Tu bổ khẩn cấp điện Thái Hòa sau khi công trình xuống cấp nghiêm trọng và bão năm 2020 làm hư hại "
            "mái ngói: thay thế, gia cố cấu kiện gỗ mục, lợp lại mái và phục hồi trang trí sơn son thếp vàng. "
            "Điện mở cửa đón khách dịp Tết 2024 khi công việc đạt khoảng 70%, sau đó tiếp tục hoàn thiện."
        ),
        sources=(
            "[en] The Saigon Times via Talk Vietnam (31/12/2020): Government approved an emergency VND 100 "
            "billion; previous repair in 2017; storm damage to the western roof.\n"
            "[en] VietExplorer: work began on 23 November (2021, during the COVID-19 closure).\n"
            "[en] VNA (09/08/2024): nearly VND 129 billion allocated in 2021, reopening expected in late November"
            " 2024.\n"
            "[en] Tết 2024 press: over 70% complete, to be finished in 2025.\n"
            "[en] UNCERTAIN: budget figures disagree (VND 100 billion approved vs nearly 129 billion allocated), "
            "so the budget is empty; the end year 2024 follows the reopening, some reports give 2025; the start "
            "month is reported by one source only, so only the year is stored; techniques and materials are "
            "indexed from press descriptions of the palace."
        ),
        techniques=("Tu bổ kết cấu gỗ", "Lợp lại mái ngói", "Sơn son thếp vàng"),
        materials=("Gỗ lim", "Ngói ống lưu ly", "Sơn ta", "Vàng quỳ"),
        partners=("Trung tâm Bảo tồn Di tích Cố đô Huế",),
        funder="Ngân sách nhà nước (kinh phí tu bổ khẩn cấp)",
        condition_before="unstable",
        condition_after="good",
        title_en="Restoration of the Hall of Supreme Harmony",
        component_en="Roof, timber structure and decoration",
        summary_en=(
            "Emergency restoration of the Hall of Supreme Harmony after the building had seriously decayed and "
            "the 2020 storms damaged its tiled roof: replacing and strengthening rotten timber members, "
            "re-roofing and restoring the red lacquer and gilded decoration. The hall reopened to visitors at Tết"
            " 2024 with the work about 70% done, and finishing continued afterwards."
        ),
        funder_en="State budget (emergency restoration funds)",
    ),
    RecordData(
        reference="HUE-TMU-1714-01",
        monument="chua-thien-mu",
        title="Đại trùng tu chùa Thiên Mụ dưới thời chúa Nguyễn Phúc Chu",
        record_type="treatment",
        start="1714",
        end="1715",
        summary=(
            "Theo Đại Nam thực lục, mùa hạ tháng 6 năm Giáp Ngọ (1714) chúa Nguyễn Phúc Chu cho đại trùng tu "
            "chùa, từ cổng chùa đến các điện Thiên Vương, Ngọc Hoàng, Đại Hùng, nhà Thuyết pháp, lầu Tàng kinh, "
            "lầu chuông, lầu trống; làm một năm mới xong. Chúa cho dựng bia ghi việc này năm 1715."
        ),
        sources=(
            "[en] {vi: Cục Văn thư và Lưu trữ nhà nước} (luutru.gov.vn, 20/05/2019), {vi: 'Trùng tu chùa Thiên Mụ dưới"
            " triều Nguyễn'}, citing {vi: Đại Nam thực lục}.\n"
            "[en] {vi: Báo Thừa Thiên Huế}, {vi: 'Tiếng chuông Thiên Mụ'}: stele of 1715.\n"
            "[en] UNCERTAIN: the month is a lunar month (6th month of Giáp Ngọ), so only the year is stored; the "
            "end year 1715 follows 'took one year' and is approximate."
        ),
        funder="Chúa Nguyễn Phúc Chu",
        title_en="Major restoration of Thiên Mụ Pagoda under Lord Nguyễn Phúc Chu",
        summary_en=(
            "According to the Veritable Records of Đại Nam, in summer, in the sixth month of the Giáp Ngọ year "
            "(1714), Lord Nguyễn Phúc Chu had the pagoda thoroughly restored, from its gate to the Thiên Vương, "
            "Ngọc Hoàng and Đại Hùng halls, the preaching hall, the sutra library, the bell tower and the drum "
            "tower; the work took a year. The lord had a stele erected recording it in 1715."
        ),
        funder_en="Lord Nguyễn Phúc Chu",
    ),
    RecordData(
        reference="HUE-LTD-2009-01",
        monument="lang-tu-duc",
        title="Tu bổ Bửu Thành Môn và bình phong lăng Tự Đức",
        record_type="treatment",
        start="2009",
        end="2010",
        component="Bửu Thành Môn và bình phong",
        project="Các dự án GCREP tại Huế",
        summary=(
            "Chuyên gia GCREP cùng năm cán bộ Trung tâm Bảo tồn Di tích Cố đô Huế tu bổ cổng Bửu Thành và bình "
            "phong, các công trình gạch trang trí khảm sành sứ và đắp nổi, dùng vữa vôi truyền thống thay cho xi "
            "măng; kết hợp đào tạo."
        ),
        sources=(
            "[en] Đất Việt (2009, reprinted by nguoivietukraina.com): German Embassy grant of EUR 109,000 (about "
            "VND 2.5 billion) plus VND 300 million from HMCC; survey on 8 March 2009; ten months, to finish early"
            " 2010.\n"
            "[en] VOV (03/10/2009): lime mortar instead of cement.\n"
            "[en] VietnamPlus (French): works from November 2009 to December 2010.\n"
            "[en] VietnamPlus (English): EUR 110,000.\n"
            "[en] UNCERTAIN: the start (March 2009 survey vs November 2009 works) and the budget (EUR 109,000 vs "
            "110,000), so only years are stored and the budget is empty."
        ),
        techniques=("Phục hồi khảm sành sứ", "Gia cố lớp vữa", "Làm sạch bề mặt"),
        materials=("Vữa vôi", "Mảnh sành sứ"),
        partners=("GCREP", "Bộ Ngoại giao CHLB Đức", "Trung tâm Bảo tồn Di tích Cố đô Huế"),
        funder="Bộ Ngoại giao CHLB Đức, qua Đại sứ quán Đức",
        condition_before="poor",
        condition_after="good",
        title_en="Repair of the Bửu Thành Gate and the screen wall of the Tomb of Tự Đức",
        component_en="Bửu Thành Gate and screen wall",
        summary_en=(
            "GCREP specialists and five staff of the Hue Monuments Conservation Centre repaired the Bửu Thành "
            "gate and the screen wall, brick structures decorated with ceramic inlay and relief, using "
            "traditional lime mortar instead of cement; combined with training."
        ),
        funder_en="German Federal Foreign Office, through the German Embassy",
    ),
    RecordData(
        reference="HUE-HLC-2024-01",
        monument="hien-lam-cac",
        title="Kiểm tra định kỳ mái và kết cấu gỗ Hiển Lâm Các (dữ liệu minh họa)",
        record_type="condition_check",
        start="2024",
        end="2024",
        visibility="internal",
        component="Mái và kết cấu gỗ",
        summary="Bản ghi minh họa: kiểm tra mái ngói, kết cấu gỗ và dấu hiệu mối mọt sau mùa mưa bão.",
        sources=ILLUSTRATIVE,
        techniques=("Khảo sát hiện trạng",),
        partners=("Trung tâm Bảo tồn Di tích Cố đô Huế",),
        condition_before="fair",
        title_en=(
            "Periodic inspection of the roof and timber structure of the Pavilion of Glorious Coming "
            "(illustrative data)"
        ),
        component_en="Roof and timber structure",
        summary_en=(
            "Illustrative record: inspection of the tiled roof, the timber structure and signs of termites after "
            "the storm season."
        ),
    ),
    RecordData(
        reference="HUE-TMI-2024-01",
        monument="the-mieu",
        title="Theo dõi mối mọt ở hệ cột Thế Miếu (dữ liệu minh họa)",
        record_type="condition_check",
        start="2024",
        end="2024",
        visibility="internal",
        component="Hệ cột gỗ",
        summary="Bản ghi minh họa: theo dõi dấu hiệu mối mọt ở chân cột, ghi nhận để lập kế hoạch bảo quản.",
        sources=ILLUSTRATIVE,
        techniques=("Khảo sát hiện trạng",),
        materials=("Gỗ lim",),
        partners=("Trung tâm Bảo tồn Di tích Cố đô Huế",),
        condition_before="fair",
        title_en="Monitoring termites in the columns of the Thế Tổ Temple (illustrative data)",
        component_en="Timber columns",
        summary_en=(
            "Illustrative record: monitoring signs of termites at the foot of the columns, recorded to plan "
            "preventive care."
        ),
    ),
    RecordData(
        reference="HUE-CDI-2024-01",
        monument="cuu-dinh",
        artefact="HUE-DEMO-0001",
        title="Khảo sát bề mặt đồng Cao Đỉnh (dữ liệu minh họa)",
        record_type="analysis",
        start="2024",
        end="2024",
        visibility="internal",
        component="Bề mặt đồng",
        summary="Bản ghi minh họa: khảo sát lớp gỉ và bề mặt đồng của Cao Đỉnh.",
        sources=ILLUSTRATIVE,
        techniques=("Khảo sát hiện trạng", "Phân tích vật liệu"),
        materials=("Đồng",),
        partners=("Trung tâm Bảo tồn Di tích Cố đô Huế",),
        condition_before="good",
        title_en="Survey of the bronze surface of the Cao Urn (illustrative data)",
        component_en="Bronze surface",
        summary_en="Illustrative record: survey of the corrosion layer and the bronze surface of the Cao Urn.",
    ),
]
