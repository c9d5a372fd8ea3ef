"""Two demo tours, loaded with the archive's demo (`manage.py load_demo`, heritage.demo.demo_loaded).

The narratives say only what the demo monuments' own texts say (heritage/demo/monuments.py, from the
sources named there). Distances are straight lines between the monuments' demo coordinates, which
are approximate; durations are suggestions. Each stop's panorama is a generated placeholder,
labelled as such like every demo picture; curators upload real ones.
"""

import math
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale

from heritage.demo import DemoContext
from heritage.demo import images as drawings
from heritage.models import ArtefactPage, MonumentPage
from heritage.translation import snippet_translations_save, strings_translate, translations_follow

from .models import Panorama, PanoramaHotspot, TourIndexPage, TourPage, TourStop

INDEX = {"slug": "tours", "title_vi": "Tuyến tham quan", "title_en": "Tours", "title_ko": "투어"}
INDEX_INTRO = (
    "<p>Những tuyến đi bộ qua các di tích của Huế, mỗi điểm dừng kèm lời kể, ảnh toàn cảnh và lịch sử trùng tu.</p>",
    "<p>Walks through Huế's monuments, each stop with its story, a panorama and its restoration history.</p>",
    "<p>후에의 유적을 걸어서 둘러보는 투어입니다. 각 지점마다 이야기와 파노라마, 복원 역사가 함께합니다.</p>",
)
# The Korean names of the pages the tours' hotspots name (the archive itself has Vietnamese and
# English names only: heritage.labels).
NAMES_KO = {
    "ngo-mon": "오문(午門)",
    "dien-thai-hoa": "태화전(太和殿)",
    "the-mieu": "세묘(世廟)",
    "duyet-thi-duong": "열시당(閱是堂)",
    "dien-kien-trung": "건중전(建中殿)",
    "lang-minh-mang": "민망 황제릉",
    "lang-tu-duc": "뜨득 황제릉",
    "lang-khai-dinh": "카이딘 황제릉",
    "cuu-dinh": "구정(九鼎)",
    "cao-dinh": "고정(高鼎)",
}
# The words of the demo's hotspot labels and panorama titles.
NEXT = {"vi": "Tiếp theo", "en": "Next", "ko": "다음"}
BACK = {"vi": "Quay lại", "en": "Back", "ko": "이전"}
ILLUSTRATION = {"en": "illustration", "ko": "예시 그림"}


@dataclass(frozen=True)
class StopData:
    monument: str  # slug of a demo monument
    narrative_vi: str
    narrative_en: str
    narrative_ko: str
    pages: tuple[str, ...] = ()  # slugs of monuments or artefacts its panorama's hotspots lead to


@dataclass(frozen=True)
class TourData:
    slug: str
    title_vi: str
    title_en: str
    title_ko: str
    intro_vi: str
    intro_en: str
    intro_ko: str
    duration_minutes: int
    difficulty: str
    stops: tuple[StopData, ...]


TOURS = (
    TourData(
        slug="hoang-thanh-buoi-sang",
        title_vi="Hoàng thành trong một buổi sáng",
        title_en="The Imperial City in a morning",
        title_ko="오전에 둘러보는 황성",
        intro_vi="<p>Từ cổng chính phía nam vào đến cuối Tử Cấm Thành: nơi đăng quang, nơi thờ các vua, "
        "nhà hát cung đình và nơi ở của hai vị vua cuối cùng.</p>",
        intro_en="<p>From the southern main gate to the back of the Forbidden Purple City: where emperors "
        "were crowned and worshipped, the court theatre, and the residence of the last two emperors.</p>",
        intro_ko="<p>남쪽 정문에서 자금성 안쪽까지: 황제가 즉위하고 제향을 받던 곳, 궁중 극장, 그리고 마지막 두 "
        "황제의 거처를 지납니다.</p>",
        duration_minutes=180,
        difficulty="easy",
        stops=(
            StopData(
                "ngo-mon",
                "<p>Ngọ Môn, cổng chính phía nam của Hoàng thành, dựng năm 1833 dưới triều Minh Mạng: đài cổng "
                "xây gạch đá với năm lối đi, trên là lầu Ngũ Phụng bằng gỗ.</p>",
                "<p>Ngọ Môn, the southern main gate of the Imperial City, raised in 1833 under Minh Mạng: a "
                "masonry platform with five passages, crowned by the wooden Five Phoenix Pavilion.</p>",
                "<p>황성의 남쪽 정문인 오문(Ngọ Môn)은 민망 황제 때인 1833년에 세워졌습니다. 다섯 개의 통로가 난 석조 "
                "기단 위에 목조 누각인 오봉루(五鳳樓)가 얹혀 있습니다.</p>",
            ),
            StopData(
                "dien-thai-hoa",
                "<p>Điện Thái Hòa, nơi đặt ngai vàng và cử hành các đại lễ như lễ đăng quang. Năm 1833 vua Minh "
                "Mạng cho dời điện về vị trí hiện nay; điện có 80 cột gỗ lim sơn son thếp vàng.</p>",
                "<p>The Hall of Supreme Harmony, the throne hall of coronations and grand audiences. Emperor "
                "Minh Mạng had it moved to its present site in 1833; it stands on 80 lacquered and gilded "
                "ironwood columns.</p>",
                "<p>태화전(Điện Thái Hòa)은 즉위식과 큰 조회가 열리던 옥좌의 전각입니다. 민망 황제가 1833년에 지금 "
                "자리로 옮겼으며, 옻칠하고 금박을 입힌 철목 기둥 80개 위에 서 있습니다.</p>",
            ),
            StopData(
                "the-mieu",
                "<p>Thế Miếu, dựng 1821–1822 để thờ vua Gia Long, về sau thờ các vua triều Nguyễn. Ở sân trước "
                "miếu là Cửu Đỉnh, chín chiếc đỉnh đồng đúc 1835–1837, mỗi đỉnh mang tên ứng với miếu hiệu "
                "một vị vua.</p>",
                "<p>The Thế Tổ Temple, built 1821–1822 to worship Emperor Gia Long and later the Nguyễn "
                "emperors. In its courtyard stand the Nine Dynastic Urns, cast 1835–1837, each named after the "
                "temple name of an emperor.</p>",
                "<p>세묘(Thế Miếu)는 1821–1822년에 자롱 황제를 모시려고 세웠고, 뒤에 응우옌 왕조의 황제들을 "
                "모셨습니다. 앞마당에는 1835–1837년에 주조한 아홉 개의 청동 솥, 구정(九鼎)이 서 있으며, 솥마다 "
                "한 황제의 묘호가 붙어 있습니다.</p>",
                pages=("cuu-dinh", "cao-dinh"),
            ),
            StopData(
                "duyet-thi-duong",
                "<p>Duyệt Thị Đường, nhà hát cung đình dựng năm 1826, thường được coi là nhà hát cổ nhất Việt Nam "
                "còn lại. Trùng tu 1995–2002, nay là nơi biểu diễn Nhã nhạc cung đình Huế.</p>",
                "<p>Duyệt Thị Đường, the court theatre built in 1826, often called the oldest surviving theatre "
                "in Vietnam. Restored 1995–2002, it is today a stage for Nhã nhạc, the royal court music.</p>",
                "<p>열시당(Duyệt Thị Đường)은 1826년에 지은 궁중 극장으로, 베트남에 남아 있는 가장 오래된 극장으로 "
                "흔히 불립니다. 1995–2002년에 복원되었고, 오늘날 궁중 음악 냐냑(Nhã nhạc)의 무대입니다.</p>",
            ),
            StopData(
                "dien-kien-trung",
                "<p>Điện Kiến Trung, nơi ở và làm việc của vua Khải Định và vua Bảo Đại, xây 1921–1923 theo "
                "phong cách kết hợp Âu – Á. Bị phá hủy năm 1947, điện được phục hồi 2019–2023.</p>",
                "<p>Điện Kiến Trung, residence and office of the emperors Khải Định and Bảo Đại, built "
                "1921–1923 in a blend of European and Asian styles. Destroyed in 1947, it was restored "
                "2019–2023.</p>",
                "<p>건중전(Điện Kiến Trung)은 카이딘 황제와 바오다이 황제의 거처이자 집무실로, 1921–1923년에 유럽과 "
                "아시아 양식을 섞어 지었습니다. 1947년에 파괴되었다가 2019–2023년에 복원되었습니다.</p>",
            ),
        ),
    ),
    TourData(
        slug="lang-vua",
        title_vi="Các lăng vua",
        title_en="The royal tombs",
        title_ko="황제릉",
        intro_vi="<p>Ba lăng vua ở phía nam Huế, từ đối xứng cổ điển đến thơ mộng và đến kiến trúc Âu – Á. "
        "Các lăng cách xa nhau: hãy đi xe giữa các điểm dừng.</p>",
        intro_en="<p>Three royal tombs south of Huế, from classical symmetry to poetry to a European and "
        "Asian blend. They lie far apart: travel between the stops by car or motorbike.</p>",
        intro_ko="<p>후에 남쪽의 황제릉 세 곳: 고전적인 대칭에서 시적인 풍경, 그리고 유럽과 아시아가 어우러진 "
        "양식까지. 서로 멀리 떨어져 있으니 지점 사이는 자동차나 오토바이로 이동하세요.</p>",
        duration_minutes=300,
        difficulty="moderate",
        stops=(
            StopData(
                "lang-minh-mang",
                "<p>Lăng vua Minh Mạng trên núi Cẩm Kê, khởi công năm 1840 và hoàn thành năm 1843 dưới triều "
                "Thiệu Trị; các công trình xếp đối xứng trên một trục thần đạo dài.</p>",
                "<p>The tomb of Minh Mạng on Cẩm Kê hill, begun in 1840 and completed in 1843 under Thiệu Trị; "
                "its buildings stand symmetrically along one long sacred axis.</p>",
                "<p>깜께(Cẩm Kê) 언덕의 민망 황제릉은 1840년에 착공해 티에우찌 황제 때인 1843년에 완공되었습니다. "
                "건물들이 하나의 긴 신도(神道) 축을 따라 대칭으로 놓여 있습니다.</p>",
            ),
            StopData(
                "lang-tu-duc",
                "<p>Lăng vua Tự Đức, xây 1864–1867 trong thung lũng rừng thông, nổi tiếng với hồ Lưu Khiêm. "
                "Việc xây lăng nặng nhọc dẫn đến cuộc nổi dậy Chày Vôi năm 1866.</p>",
                "<p>The tomb of Tự Đức, built 1864–1867 in a pine-wooded valley, known for the Lưu Khiêm lake. "
                "The heavy labour of building it led to the Chày Vôi uprising of 1866.</p>",
                "<p>뜨득 황제릉은 1864–1867년에 소나무 숲 골짜기에 지어졌으며 르우키엠(Lưu Khiêm) 호수로 "
                "유명합니다. 능을 짓는 고된 노역이 1866년 짜이보이(Chày Vôi) 봉기로 이어졌습니다.</p>",
            ),
            StopData(
                "lang-khai-dinh",
                "<p>Lăng vua Khải Định trên sườn núi Châu Chữ, khởi công năm 1920 và hoàn thành năm 1931 dưới "
                "triều Bảo Đại; cung Thiên Định được trang trí khảm sành sứ và thủy tinh.</p>",
                "<p>The tomb of Khải Định on the slope of Châu Chữ hill, begun in 1920 and completed in 1931 "
                "under Bảo Đại; the Thiên Định palace is decorated with ceramic and glass inlay.</p>",
                "<p>쩌우쯔(Châu Chữ) 언덕 비탈의 카이딘 황제릉은 1920년에 착공해 바오다이 황제 때인 1931년에 "
                "완공되었습니다. 천정궁(Thiên Định)은 도자기와 유리 상감으로 장식되어 있습니다.</p>",
            ),
        ),
    ),
)


def _metres(a: MonumentPage, b: MonumentPage) -> float:
    """The straight-line distance between two monuments' coordinates (haversine)."""
    lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def _panorama(demo: DemoContext, monument: MonumentPage, vi: Locale) -> Panorama:
    image = demo.image(
        title=f"{monument.name_vi} — ảnh toàn cảnh 360° minh họa",
        filename=f"demo-{monument.slug}-360.jpg",
        render=lambda: drawings.panorama(title=monument.name_vi, subtitle=monument.name_en),
        is_panorama=True,
    )
    panorama = Panorama.objects.filter(image=image, locale=vi).first()
    if panorama is None:
        panorama = Panorama(title=f"{monument.name_vi} (ảnh minh họa)", image=image, locale=vi)
        panorama.full_clean()
        panorama.save()
        demo.tally("panoramas", "created", panorama.title)
    else:
        demo.tally("panoramas", "unchanged", panorama.title)
    return panorama


def _hotspots(panorama: Panorama, wanted: list[dict]) -> None:
    """Give `panorama` exactly these hotspots (label, target, angles), replacing any others."""
    current = [
        (h.label, h.target_scene_id, h.target_page_id, float(h.yaw), float(h.pitch)) for h in panorama.hotspots.all()
    ]
    goal = [(w["labels"]["vi"], w.get("scene_id"), w.get("page_id"), w["yaw"], 0.0) for w in wanted]
    if current == goal:
        return
    panorama.hotspots.all().delete()
    for order, item in enumerate(wanted):
        PanoramaHotspot.objects.create(
            panorama=panorama,
            sort_order=order,
            locale=panorama.locale,
            yaw=item["yaw"],
            pitch=0,
            label=item["labels"]["vi"],
            target_scene_id=item.get("scene_id"),
            target_page_id=item.get("page_id"),
        )


def _names(page) -> dict[str, str]:
    """A demo monument's or artefact's name in each language the demo writes: its own names, and the
    Korean one from NAMES_KO (else the English)."""
    english = getattr(page, "name_en", "") or getattr(page, "title_en", "") or page.title
    return {"vi": getattr(page, "name_vi", "") or page.title, "en": english, "ko": NAMES_KO.get(page.slug, english)}


def _page_of(slug: str, vi: Locale):
    return (
        MonumentPage.objects.filter(slug=slug, locale=vi).first()
        or ArtefactPage.objects.filter(slug=slug, locale=vi).first()
    )


def demo_tours_load(sender=None, *, loader: DemoContext, **kwargs) -> None:
    """Receiver of heritage.demo.demo_loaded: the tours' index and the demo tours, in Vietnamese,
    English and Korean."""
    demo = loader
    vi = Locale.objects.get(language_code="vi")
    en = Locale.objects.get(language_code="en")
    ko = Locale.objects.get(language_code="ko")
    home = demo.tree["vi"]["home"]
    demo.log(f"Tours ({len(TOURS)}), with a placeholder panorama per stop…")
    with transaction.atomic():
        index = TourIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(
                instance=TourIndexPage(title=INDEX["title_vi"], slug=INDEX["slug"], intro=INDEX_INTRO[0], locale=vi)
            )
            index.save_revision().publish()
        strings_translate(index, en, {"title": INDEX["title_en"], "intro": _inner(INDEX_INTRO[1])})
        strings_translate(index, ko, {"title": INDEX["title_ko"], "intro": _inner(INDEX_INTRO[2])})
        translations_follow(index, locales=[en, ko])
        for data in TOURS:
            _tour(demo, index, data, vi, en, ko)


def _tour(demo: DemoContext, index: TourIndexPage, data: TourData, vi: Locale, en: Locale, ko: Locale) -> None:
    monuments = [MonumentPage.objects.get(slug=stop.monument, locale=vi) for stop in data.stops]
    scenes = [_panorama(demo, monument, vi) for monument in monuments]
    names = [_names(monument) for monument in monuments]
    for number, (stop, scene) in enumerate(zip(data.stops, scenes, strict=True)):
        # Each hotspot's label in every language the demo writes; the Vietnamese one is the original's.
        wanted = []
        if number + 1 < len(scenes):
            labels = {code: f"{NEXT[code]}: {name}" for code, name in names[number + 1].items()}
            wanted.append({"labels": labels, "yaw": 0.0, "scene_id": scenes[number + 1].pk})
        if number > 0:
            labels = {code: f"{BACK[code]}: {name}" for code, name in names[number - 1].items()}
            wanted.append({"labels": labels, "yaw": 180.0, "scene_id": scenes[number - 1].pk})
        for offset, slug in enumerate(stop.pages):
            page = _page_of(slug, vi)
            if page is not None:
                wanted.append({"labels": _names(page), "yaw": -60.0 + 120.0 * offset, "page_id": page.pk})
        _hotspots(scene, wanted)
        hotspots = list(scene.hotspots.all())  # in the order of `wanted`
        for locale in (en, ko):
            code = locale.language_code
            texts = {"title": f"{names[number][code]} ({ILLUSTRATION[code]})"}
            for hotspot, item in zip(hotspots, wanted, strict=True):
                texts[f"hotspots.{hotspot.translation_key}.label"] = item["labels"][code]
            strings_translate(scene, locale, texts)
        snippet_translations_save(scene, [en, ko])

    distance = sum(_metres(a, b) for a, b in zip(monuments, monuments[1:], strict=False))
    fields = {
        "title": data.title_vi,
        "intro": data.intro_vi,
        "duration_minutes": data.duration_minutes,
        "distance_metres": round(distance / 10) * 10,
        "difficulty": data.difficulty,
    }
    tour = TourPage.objects.child_of(index).filter(slug=data.slug).first()
    stops = [
        TourStop(monument=monument, panorama=scene, narrative=[("text", _rich(stop.narrative_vi))], locale=vi)
        for stop, monument, scene in zip(data.stops, monuments, scenes, strict=True)
    ]
    if tour is None:
        tour = TourPage(slug=data.slug, locale=vi, stops=stops, **fields)
        index.add_child(instance=tour)
        tour.save_revision().publish()
        demo.tally("tours", "created", data.title_vi)
    else:
        demo.tally("tours", "unchanged", data.title_vi)
    texts = {"title": data.title_en, "intro": _inner(data.intro_en)}
    korean = {"title": data.title_ko, "intro": _inner(data.intro_ko)}
    for stop, item in zip(data.stops, tour.stops.all(), strict=True):
        block = item.narrative[0]
        texts[f"stops.{item.translation_key}.narrative.{block.id}"] = _inner(stop.narrative_en)
        korean[f"stops.{item.translation_key}.narrative.{block.id}"] = _inner(stop.narrative_ko)
    strings_translate(tour, en, texts)
    strings_translate(tour, ko, korean)
    translations_follow(tour, locales=[en, ko])


def _inner(html: str) -> str:
    """A one-paragraph rich text as wagtail-localize keeps its string: without the <p> around it."""
    return html.removeprefix("<p>").removesuffix("</p>")


def _rich(html: str):
    from wagtail.rich_text import RichText

    return RichText(html)
