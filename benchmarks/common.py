"""What the benchmarks share: Django on a throwaway database, fresh copies of it, statistics, and the
seeded generator of realistic restoration records (real monuments, Vietnamese text).

Import this module before Django: `django_setup()` sets the environment Django reads, then
calls `django.setup()` and migrates the new database.
"""

import csv
import datetime
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


LOGS = REPO / "benchmarks" / "logs"  # git-ignored


class _Tee:
    """A text stream writing to two others."""

    def __init__(self, first, second):
        self.first, self.second = first, second

    def write(self, text: str) -> int:
        self.second.write(text)
        return self.first.write(text)

    def flush(self) -> None:
        self.first.flush()
        self.second.flush()

    def __getattr__(self, name):
        return getattr(self.first, name)


def keep_log(name: str) -> Path:
    """Copy what the script prints from now on to benchmarks/logs/<name>-<UTC time>.txt; returns the path."""
    LOGS.mkdir(parents=True, exist_ok=True)
    path = LOGS / f"{name}-{datetime.datetime.now(datetime.UTC):%Y%m%d-%H%M%S}.txt"
    sys.stdout = _Tee(sys.stdout, path.open("w", encoding="utf-8", buffering=1))
    print(f"log: {path.relative_to(REPO)}", flush=True)
    return path


class BenchmarkFailure(Exception):
    """The benchmark could not measure what it claims to (a wrong count, a failed import, a dead service)."""


# --- Django on a throwaway database ------------------------------------------------------------


@dataclass
class Workspace:
    """A temporary folder holding the SQLite file (if any), the media files and generated inputs."""

    root: Path
    database_url: str
    admin_url: str = ""  # PostgreSQL: the maintenance database used to create and drop ours
    databases: list[str] = field(default_factory=list)  # PostgreSQL databases we created

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith(("postgres://", "postgresql://"))


def _pg_connect(url: str):
    import dj_database_url
    import psycopg

    db = dj_database_url.parse(url)
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"],
        dbname=db["NAME"],
        autocommit=True,
        connect_timeout=10,
    )


def _with_db_name(url: str, name: str) -> str:
    base, _slash, _old = url.rpartition("/")
    return f"{base}/{name}"


def pg_recreate(workspace: Workspace, name: str, *, template: str = "") -> None:
    """Drop and create database `name` (from `template` when given), through the maintenance database."""
    from psycopg import sql

    with _pg_connect(workspace.admin_url) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if template:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
            )
        else:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    if name not in workspace.databases:
        workspace.databases.append(name)


def django_setup(*, database_url: str = "", elasticsearch: bool = False, admin_db: str = "heritage") -> Workspace:
    """Configure Django on a new database and migrate it.

    SQLite (the default): a file in a temporary folder. PostgreSQL: the database named in
    `database_url` is dropped and created again through the maintenance database `admin_db`
    on the same server. Media go to the temporary folder; S3 is never used. Elasticsearch
    stays configured (ELASTICSEARCH_URL from the environment) only when `elasticsearch` is true.
    """
    root = Path(tempfile.mkdtemp(prefix="heritage-bench-"))
    workspace = Workspace(root=root, database_url=database_url or f"sqlite:///{root / 'bench.sqlite3'}")
    if workspace.is_postgres:
        workspace.admin_url = _with_db_name(workspace.database_url, admin_db)
        pg_recreate(workspace, workspace.database_url.rpartition("/")[2].split("?")[0])

    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = workspace.database_url
    os.environ["MEDIA_ROOT"] = str(root / "media")
    os.environ["AWS_STORAGE_BUCKET_NAME"] = ""
    # Production settings: DEBUG off, so Django keeps no query log and templates run as deployed.
    os.environ["DJANGO_DEBUG"] = "0"
    # ...and persistent database connections, as the README's production section advises.
    os.environ["DATABASE_CONN_MAX_AGE"] = "60"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-a-secret")
    # ...but no redirect to HTTPS: the benchmarks' in-process client speaks plain HTTP.
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    if not elasticsearch:
        os.environ["ELASTICSEARCH_URL"] = ""

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    return workspace


def workspace_cleanup(workspace: Workspace) -> None:
    from django.db import connections

    connections.close_all()
    for name in workspace.databases:
        try:
            with _pg_connect(workspace.admin_url) as conn:
                from psycopg import sql

                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        except Exception as error:  # cleanup must not hide the result
            print(f"warning: could not drop database {name}: {error}", file=sys.stderr)
    shutil.rmtree(workspace.root, ignore_errors=True)


class FreshDatabases:
    """Copies of a prepared database, so every timed run starts from the same state.

    `snapshot()` saves the current database as the template; `restore()` replaces the database
    with a copy of it. Primary keys and content types stay the same, so Django's and Wagtail's
    in-process caches remain true across copies.
    """

    def __init__(self, workspace: Workspace):
        from django.db import connection

        self.workspace = workspace
        self.name = connection.settings_dict["NAME"]
        self.template = f"{self.name}_template" if workspace.is_postgres else f"{self.name}.template"

    def snapshot(self) -> None:
        from django.db import connections

        connections.close_all()
        if self.workspace.is_postgres:
            pg_recreate(self.workspace, self.template, template=self.name)
        else:
            shutil.copyfile(self.name, self.template)

    def restore(self) -> None:
        from django.db import connections

        connections.close_all()
        if self.workspace.is_postgres:
            pg_recreate(self.workspace, self.name, template=self.template)
        else:
            for suffix in ("-wal", "-shm", "-journal"):
                Path(self.name + suffix).unlink(missing_ok=True)
            shutil.copyfile(self.template, self.name)


def monuments_create() -> dict:
    """The site tree and the 18 demo monuments (both locales), through the archive's services."""
    from heritage.demo.monuments import MONUMENTS
    from heritage.services import monument_create, site_tree_ensure

    tree = site_tree_ensure()
    index = tree["vi"]["monuments"]
    return {data.slug: monument_create(index=index, slug=data.slug, **data.page_fields()) for data in MONUMENTS}


# --- Statistics and printing ----------------------------------------------------------------------


def median(values) -> float:
    return statistics.median(values)


def percentile(values, p: float) -> float:
    """Linear interpolation between closest ranks (p in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """`with stopwatch() as elapsed:` ... `elapsed[0]` holds the seconds once the block ends."""
    elapsed = [0.0]
    started = time.perf_counter()
    try:
        yield elapsed
    finally:
        elapsed[0] = time.perf_counter() - started


def timed_get(client, url: str) -> tuple[float, object]:
    """Seconds of one GET through Django's test client, and its response, which must be a 200."""
    started = time.perf_counter()
    response = client.get(url)
    seconds = time.perf_counter() - started
    if response.status_code != 200:
        raise BenchmarkFailure(f"{url} answered {response.status_code}")
    return seconds, response


def machine_line() -> str:
    import platform

    cpus = os.cpu_count()
    try:
        with open("/proc/meminfo") as meminfo:
            mem_kb = int(meminfo.readline().split()[1])
        memory = f", {mem_kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, ValueError, IndexError):
        memory = ""
    return (
        f"{datetime.date.today().isoformat()}, {platform.node()}: {cpus} CPU cores{memory}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def goal_line(name: str, value: float, goal: str, met: bool) -> str:
    shown = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    return f"  {'ok  ' if met else 'MISS'} {name}: {shown} (goal {goal})"


def goals_report(goals: list[tuple[str, float, str, bool]], failures: list[str]) -> int:
    """Print the goals (name, value, goal, met) and the failures; the exit status: 0 if all met, none failed."""
    print()
    print("Goals:")
    for name, value, goal, met in goals:
        print(goal_line(name, value, goal, met))
    for failure in failures:
        print(f"  FAIL {failure}")
    return 0 if not failures and all(met for *_rest, met in goals) else 1


# --- Realistic synthetic restoration records -------------------------------------------------------

RECORD_TYPES = ("condition_check", "treatment", "preventive", "analysis", "emergency")
RECORD_TYPE_WEIGHTS = (25, 35, 20, 10, 10)
CONDITIONS = ("excellent", "good", "fair", "poor", "unstable")

# Terms beyond the demo vocabulary (heritage.demo.restorations), as restorers write them.
EXTRA_TECHNIQUES = (
    "Thay thế cấu kiện mục",
    "Chống mối mọt",
    "Xử lý chống thấm",
    "Trát vá tường",
    "Đo vẽ hiện trạng",
    "Chụp ảnh tư liệu",
    "Gia cố khung kèo",
    "Phục hồi hoa văn trang trí",
    "Ổn định nhiệt độ, độ ẩm",
    "Quét vôi",
    "Thay ngói vỡ",
    "Xử lý rêu mốc",
)
EXTRA_MATERIALS = (
    "Gỗ mít",
    "Gạch vồ",
    "Đá thanh",
    "Ngói liệt",
    "Mật mía",
    "Nhựa thông",
    "Giấy dó",
    "Thép không gỉ",
    "Vữa xi măng",
)
EXTRA_PARTNERS = (
    "Viện Bảo tồn Di tích",
    "Đại học Waseda",
    "ICOMOS Việt Nam",
    "Trường Đại học Khoa học Huế",
    "Công ty Tu bổ Di tích Huế",
    "Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)",
)
FUNDERS = (
    "Ngân sách nhà nước",
    "Ngân sách tỉnh Thừa Thiên Huế",
    "Chính phủ Nhật Bản",
    "Quỹ Bảo tồn Văn hóa của Đại sứ Hoa Kỳ",
    "Bộ Ngoại giao CHLB Đức",
    "UNESCO",
    "Nguồn thu từ vé tham quan",
)
COMPONENTS = (
    "mái ngói",
    "hệ kèo",
    "cột gỗ lim",
    "bậc thềm",
    "tường bao",
    "cửa võng",
    "bình phong",
    "nền lát gạch",
    "tranh tường",
    "hoa văn trang trí",
    "lan can",
    "bờ nóc",
    "đầu đao",
    "khung cửa",
    "sân chầu",
    "hồ sen",
    "bia đá",
    "trần thếp vàng",
)
ACTIONS = {
    "condition_check": ("Khảo sát hiện trạng", "Kiểm tra định kỳ", "Đánh giá hư hỏng"),
    "treatment": ("Tu bổ", "Trùng tu", "Phục hồi", "Gia cố", "Thay thế cấu kiện"),
    "preventive": ("Bảo quản phòng ngừa", "Chống mối mọt", "Chống thấm", "Vệ sinh, bảo dưỡng"),
    "analysis": ("Phân tích vật liệu", "Lấy mẫu phân tích", "Nghiên cứu kỹ thuật"),
    "emergency": ("Chống đỡ khẩn cấp", "Xử lý sự cố sau bão", "Gia cố khẩn cấp"),
}
DAMAGE = (
    "mối mọt",
    "nứt vỡ",
    "thấm dột",
    "bong tróc lớp sơn",
    "rêu mốc",
    "mục gỗ",
    "lún nền",
    "phai màu",
    "gãy ngói",
    "xói mòn",
    "muối kết tinh",
)
CAUSES = (
    "sau mùa mưa bão",
    "do độ ẩm cao kéo dài",
    "sau trận lụt năm {year}",
    "do cây mọc trên mái",
    "do lần tu bổ trước dùng vữa xi măng",
    "theo thời gian",
)
REMARKS = (
    "Hồ sơ ảnh được lưu tại Trung tâm Bảo tồn Di tích Cố đô Huế.",
    "Số liệu kích thước chưa được xác minh đầy đủ.",
    "Cần theo dõi thêm sau mùa mưa.",
    "Kết quả phân tích mẫu vữa cho thấy tỉ lệ vôi cao.",
    "Đã lập bản vẽ đo đạc chi tiết trước khi tháo dỡ.",
    "Giữ lại tối đa cấu kiện gốc; phần thay mới được đánh dấu.",
    "Thợ lành nghề địa phương tham gia theo phương pháp truyền thống.",
    "Một phần tư liệu lưu trữ bằng tiếng Pháp thời thuộc địa.",
    "Đối chiếu với ảnh chụp của Trường Viễn Đông Bác Cổ.",
    "Kiểm tra lại sau một năm không thấy hư hỏng tái phát.",
)


def _vocabularies() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    from heritage.demo.restorations import MATERIALS, PARTNERS, TECHNIQUES

    return (
        tuple(TECHNIQUES) + EXTRA_TECHNIQUES,
        tuple(MATERIALS) + EXTRA_MATERIALS,
        tuple(PARTNERS) + EXTRA_PARTNERS,
    )


def _partial(day: datetime.date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


@dataclass(frozen=True)
class GeneratedRecord:
    """One synthetic record: the import CSV's cells, plus the monument's slug for building documents."""

    cells: dict[str, str]
    monument_slug: str


def restoration_rows(
    count: int, *, seed: int = 1991, start: int = 0, prefix: str = "BENCH"
) -> Iterator[GeneratedRecord]:
    """`count` synthetic records, the same for the same seed. References are `<prefix>-<n>` from `start`.

    Monuments are drawn with a long tail (a few monuments hold most of the work, as in Huế), the
    monument cell is written as a slug, a Vietnamese name, an English name or without diacritics,
    dates come at year, month or day precision, some recent work is ongoing (empty end), and a
    fifth of the records are internal.
    """
    from heritage.demo.monuments import MONUMENTS
    from heritage.text import fold

    rng = random.Random(seed)
    techniques, materials, partners = _vocabularies()
    monument_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(MONUMENTS))]
    years = list(range(1955, 2026))
    year_weights = [1 if year < 1990 else 4 for year in years]
    durations = {
        "condition_check": (1, 60),
        "analysis": (7, 120),
        "emergency": (1, 90),
        "preventive": (30, 400),
        "treatment": (90, 1500),
    }
    for number in range(start, start + count):
        monument = rng.choices(MONUMENTS, monument_weights)[0]
        form = rng.random()
        if form < 0.4:
            monument_cell = monument.slug
        elif form < 0.7:
            monument_cell = monument.name_vi
        elif form < 0.85:
            monument_cell = monument.name_en
        elif form < 0.95:
            monument_cell = fold(monument.name_vi)
        else:
            monument_cell = monument.name_vi.upper()

        record_type = rng.choices(RECORD_TYPES, RECORD_TYPE_WEIGHTS)[0]
        year = rng.choices(years, year_weights)[0]
        first = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
        last = first + datetime.timedelta(days=rng.randint(*durations[record_type]))
        precision = rng.choices(("year", "month", "day"), (5, 3, 2))[0]
        start_text = _partial(first, precision)
        ongoing = year >= 2019 and rng.random() < 0.35
        end_text = "" if ongoing else _partial(last, rng.choices(("year", "month", "day"), (5, 3, 2))[0])

        component = rng.choice(COMPONENTS)
        action = rng.choice(ACTIONS[record_type])
        title = f"{action} {component} {monument.name_vi}"
        record_techniques = rng.sample(techniques, rng.randint(1, 3))
        record_materials = rng.sample(materials, rng.randint(0, 3))
        record_partners = rng.sample(partners, rng.randint(0, 2))
        before = rng.choice(("",) + CONDITIONS[2:])
        after = rng.choice(("",) + CONDITIONS[:3]) if end_text else ""
        sentences = [
            f"{action} {component} của {monument.name_vi}.",
            f"Phát hiện {rng.choice(DAMAGE)} ở {rng.choice(COMPONENTS)} "
            f"{rng.choice(CAUSES).format(year=rng.randint(1953, year))}.",
        ]
        if record_materials:
            sentences.append(f"Sử dụng {', '.join(m.lower() for m in record_materials)} theo kỹ thuật truyền thống.")
        if record_partners:
            sentences.append(f"Thực hiện với {' và '.join(record_partners)}.")
        sentences.extend(rng.sample(REMARKS, rng.randint(1, 3)))

        funder, budget, currency = "", "", ""
        if rng.random() < 0.5:
            funder = rng.choice(FUNDERS)
        if rng.random() < 0.4:
            currency = rng.choices(("VND", "USD", "JPY", "EUR"), (6, 2, 1, 1))[0]
            scale = {"VND": 1_000_000, "USD": 1_000, "JPY": 100_000, "EUR": 1_000}[currency]
            budget = str(rng.randint(10, 50_000) * scale)

        cells = {
            "reference": f"{prefix}-{number:07d}",
            "monument": monument_cell,
            "title": title,
            "record_type": record_type,
            "start": start_text,
            "end": end_text,
            "techniques": "; ".join(record_techniques),
            "materials": "; ".join(record_materials),
            "partners": "; ".join(record_partners),
            "funder": funder,
            "budget": budget,
            "currency": currency,
            "condition_before": before,
            "condition_after": after,
            "summary": " ".join(sentences),
            "visibility": "internal" if rng.random() < 0.2 else "public",
        }
        yield GeneratedRecord(cells=cells, monument_slug=monument.slug)


def rows_to_csv(records) -> bytes:
    from heritage.importing import RESTORATION_COLUMNS  # the import's own columns; needs Django set up

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(RESTORATION_COLUMNS)
    for record in records:
        writer.writerow([record.cells[name] for name in RESTORATION_COLUMNS])
    return buffer.getvalue().encode("utf-8")
