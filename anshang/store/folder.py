"""The ledger folder: where it is, what files it holds, reading them fast (with a cache keyed
on file identity), and writing them safely under the ledger's lock.

Layout (README: 台账目录结构):
    anshang.yaml                 settings 设置 (its presence marks the ledger root)
    leaders.yaml                 接待领导
    units.yaml                   承办单位
    enterprises/<USCC>.yaml      企业名录，一企一档
    sessions/<YYYY>/<ID>.yaml    接待日场次
    cases/<YYYY>/<ID>.yaml       诉求，一事一档
    calendar/<YYYY>.yaml         节假日补充
    records/<YYYY>/<日期>-<类别>.yaml  营商办记录（如公开反馈）
    tasks/<方案>/plan.yaml       行动方案（责任清单）的说明
    tasks/<方案>/<序号>.yaml     行动方案的工作任务，一任务一档
    topics/<YYYY>/<ID>.yaml      专题调研
    visits/<YYYY>/<ID>.yaml      领导走访企业的记录
    projects/<YYYY>/<ID>.yaml    重大项目，一项目一档（年份为纳入跟踪的年份）
    campaigns/<ID>.yaml          服务月等专项活动（活动本身是 tasks/<ID>/ 下的工作任务）
    evaluations/<YYYY>/<ID>.yaml 企业评议部门的结果，一次评议一档
    output/                      生成的文件（不纳入版本管理）
    .anshang/                    缓存与写锁（不纳入版本管理，可随时删除）
"""

from __future__ import annotations

import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from anshang.core.problems import AnshangError, Problem, ProblemsFound
from anshang.store import yamlfile as yamlio
from anshang.store.atomic import atomic_write
from anshang.store.cache import CACHE_VERSION, Cache, part_of
from anshang.store.lock import WriteLock

SETTINGS_FILE = "anshang.yaml"
LEADERS_FILE = "leaders.yaml"
UNITS_FILE = "units.yaml"
ENTERPRISES_DIR = "enterprises"
SESSIONS_DIR = "sessions"
CASES_DIR = "cases"
CALENDAR_DIR = "calendar"
RECORDS_DIR = "records"
TASKS_DIR = "tasks"
TOPICS_DIR = "topics"
VISITS_DIR = "visits"
PROJECTS_DIR = "projects"
CAMPAIGNS_DIR = "campaigns"
EVALUATIONS_DIR = "evaluations"
# folders of items filed by year (<top>/<YYYY>/<file>.yaml)
# the top folders whose files ``Ledger.read`` takes from the read cache: the root files and the calendar supplements
REMEMBERED_GROUPS = ("_", "calendar")
TRACKED = {"case", "task", "topic", "project"}  # the kinds of item that can owe reports
# the top folder of each kind's files (a partial read forgets the cache entries of files gone there)
KIND_DIRS = {"enterprise": ENTERPRISES_DIR, "session": SESSIONS_DIR, "case": CASES_DIR, "calendar": CALENDAR_DIR,
             "record": RECORDS_DIR, "plan": TASKS_DIR, "task": TASKS_DIR, "topic": TOPICS_DIR, "visit": VISITS_DIR,
             "project": PROJECTS_DIR, "campaign": CAMPAIGNS_DIR, "evaluation": EVALUATIONS_DIR}
# the Snapshot list each kind of file goes into
SNAPSHOT_LISTS = {"enterprise": "enterprises", "session": "sessions", "case": "cases", "calendar": "calendars",
                  "record": "records", "plan": "plans", "task": "tasks", "topic": "topics", "visit": "visits",
                  "project": "projects", "campaign": "campaigns", "evaluation": "evaluations"}
YEAR_DIRS = ("cases", "sessions", "records", "topics", "visits", "projects", "evaluations")
PLAN_FILE = "plan.yaml"
OUTPUT_DIR = "output"
STATE_DIR = ".anshang"

YEAR_RE = re.compile(r"^\d{4}$")
SESSION_ID_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]{1,8})?$")
USCC_FILE_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")
PLAN_ID_RE = re.compile(r"^[a-z][a-z0-9]{1,15}$")  # an action plan: xd2026
TASK_FILE_RE = re.compile(r"^\d{2,3}$")  # a task's number in its plan, two digits at least: 07


@dataclass
class Doc:
    """One file as read: its kind, path relative to the root, and data (None if unreadable)."""

    kind: str
    rel: str
    data: object = None  # None when the file could not be read (an empty file reads as {})
    schema: list | None = None  # [(line, severity, message)] when asked for (check)
    settled: str | None = None  # a tracked item's last day (core.snapshot.settled_on), plain reads only
    stamp: tuple | None = None  # (mtime, size, inode) of a file old enough to be remembered by it


@dataclass
class Snapshot:
    """Everything the ledger holds, as read; read failures are already Problems."""

    root: Path
    settings: Doc | None = None
    leaders: Doc | None = None
    units: Doc | None = None
    enterprises: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    cases: list = field(default_factory=list)
    calendars: list = field(default_factory=list)
    records: list = field(default_factory=list)
    plans: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    visits: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    campaigns: list = field(default_factory=list)
    evaluations: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    def docs(self):
        for d in (self.settings, self.leaders, self.units):
            if d is not None:
                yield d
        yield from self.enterprises
        yield from self.sessions
        yield from self.cases
        yield from self.calendars
        yield from self.records
        yield from self.plans
        yield from self.tasks
        yield from self.topics
        yield from self.visits
        yield from self.projects
        yield from self.campaigns
        yield from self.evaluations


def find_root(data: str | None = None, env: dict | None = None, cwd: Path | None = None) -> Path:
    """The ledger folder from ``--data``, then ``ANSHANG_DATA``, then upwards from ``cwd``."""
    env = os.environ if env is None else env
    given = data or env.get("ANSHANG_DATA")
    if given:
        root = Path(given).expanduser()
        how = "--data" if data else "ANSHANG_DATA"
        if not root.is_dir():
            raise AnshangError(f"{how} 指定的台账目录不存在：{root}")
        if not (root / SETTINGS_FILE).is_file():
            raise AnshangError(
                f"{root} 不是 anshang 台账（缺少 {SETTINGS_FILE}）。新建台账请运行 anshang init {root}")
        return root.resolve()
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise AnshangError(
        f"在 {here} 及其上级目录中找不到台账（{SETTINGS_FILE}）。"
        "请进入台账目录，或用 --data 目录 / 环境变量 ANSHANG_DATA 指定，新建台账用 anshang init 目录")


def _drop_other_versions(folder: Path, name: str) -> None:
    """Remove the read indexes of ``name``'s other versions (``due-4`` once ``due-5`` is written)."""
    import shutil

    stem = name.rsplit("-", 1)[0] + "-"
    try:
        others = [e.path for e in os.scandir(folder) if e.is_dir() and e.name.startswith(stem) and e.name != name
                  and e.name[len(stem):].isdigit()]
    except OSError:
        return
    for path in others:
        shutil.rmtree(path, ignore_errors=True)


PARSE_ALONGSIDE = 1000  # files a copy of the process parses at least (fewer: forking costs more than it saves)
SAMPLE = 20  # one file in this many tells whether the cache is cold enough to look at every file


class _Kept:
    """What ``_load_one`` would put in a cache, kept in a list (``Ledger._parse_alongside``'s copy)."""

    def __init__(self):
        self.entries: list = []

    def get(self, rel, stamp):
        return None

    def put(self, rel, stamp, payload) -> None:
        self.entries.append((rel, stamp, payload))

    def touch(self, rel) -> None:
        pass


class Ledger:
    """A ledger folder on disk."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self._prefix = f"{self.root}{os.sep}"  # (file paths as text: tens of thousands are looked at)
        self._stats: dict = {}  # identities seen by ``fingerprint``, used once by ``load_all``
        self._listed: list | None = None  # the files ``fingerprint`` listed, used once by ``load_all``
        # files found by listing that are links or lie in a linked folder: only these can lead out
        # of the ledger, so only these pay for a full path resolution before they are read
        self._linked: set = set()
        self._kept = None  # what a command read, held to its end (``keep``)

    # -- paths ---------------------------------------------------------------------------
    def path(self, rel: str) -> Path:
        """Absolute path of ``rel``, refusing anything that would leave the ledger."""
        p = (self.root / rel).resolve()
        if p != self.root and self.root not in p.parents:
            raise AnshangError(f"路径 {rel!r} 在台账目录之外（{p}），已拒绝（台账中的文件也不能是指向台账之外的链接）")
        return p

    def rel(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.root).as_posix()

    @staticmethod
    def case_rel(case_id: str) -> str:
        from anshang.core.ids import id_problem

        if id_problem(case_id):
            raise AnshangError(id_problem(case_id))
        return f"{CASES_DIR}/20{case_id[:2]}/{case_id}.yaml"

    @staticmethod
    def item_rel(item_id: str) -> str:
        """The file of a case, an action-plan task, a research topic or a major project, by its id."""
        from anshang.core.ids import PROJECT_ID_RE, TASK_ID_RE, TOPIC_ID_RE

        m = TASK_ID_RE.match(item_id or "")
        if m:
            return f"{TASKS_DIR}/{m.group(1)}/{m.group(2)}.yaml"
        if TOPIC_ID_RE.match(item_id or ""):
            return f"{TOPICS_DIR}/20{item_id[2:4]}/{item_id}.yaml"
        if PROJECT_ID_RE.match(item_id or ""):
            return f"{PROJECTS_DIR}/20{item_id[2:4]}/{item_id}.yaml"
        return Ledger.case_rel(item_id)

    @staticmethod
    def plan_rel(plan: str) -> str:
        if not PLAN_ID_RE.match(plan or ""):
            raise AnshangError(f"行动方案编号 {plan!r} 格式不对：用 2–16 个小写字母或数字、字母开头，例如 xd2026")
        return f"{TASKS_DIR}/{plan}/{PLAN_FILE}"

    @staticmethod
    def campaign_rel(campaign: str) -> str:
        if not PLAN_ID_RE.match(campaign or ""):
            raise AnshangError(f"活动编号 {campaign!r} 格式不对：用 2–16 个小写字母或数字、字母开头，例如 fwy2026")
        return f"{CAMPAIGNS_DIR}/{campaign}.yaml"

    @staticmethod
    def enterprise_rel(uscc: str) -> str:
        if not USCC_FILE_RE.match(uscc or ""):
            raise AnshangError(f"统一社会信用代码 {uscc!r} 不能用作文件名（应为 18 位代码）")
        return f"{ENTERPRISES_DIR}/{uscc}.yaml"

    @staticmethod
    def session_rel(session_id: str) -> str:
        if not SESSION_ID_RE.match(session_id or ""):
            raise AnshangError(f"场次编号 {session_id!r} 格式不对，应为日期，如 2026-03-05（同日多场加后缀 -2）")
        return f"{SESSIONS_DIR}/{session_id[:4]}/{session_id}.yaml"

    @property
    def state_dir(self) -> Path:
        """``.anshang/`` (lock and caches); refused when it is a link out of the ledger."""
        return self._own_dir(STATE_DIR, "缓存和写锁")

    @property
    def output_dir(self) -> Path:
        """``output/`` (generated files); refused when it is a link out of the ledger."""
        return self._own_dir(OUTPUT_DIR, "生成的文件")

    def _own_dir(self, name: str, what: str) -> Path:
        p = self.root / name
        if p.is_symlink() or (p.exists() and self.root not in p.resolve().parents):
            raise AnshangError(f"{name}/ 是指向台账目录之外的链接（{p.resolve()}），为免把{what}写到别处，已停止。"
                               f"请删除这个链接（anshang 会重新建立普通目录），或用 --out 明确指定输出目录")
        return p

    # -- enumeration (names only, no parsing) --------------------------------------------
    def _year_files(self, top: str) -> list[str]:
        out: list[str] = []
        base = self.root / top
        if not base.is_dir():
            return out
        top_linked = base.is_symlink()
        with os.scandir(base) as years:
            for y in sorted(years, key=lambda e: e.name):
                if y.is_dir() and YEAR_RE.match(y.name):
                    linked = top_linked or y.is_symlink()
                    with os.scandir(y.path) as files:
                        for f in files:
                            if f.name.endswith(".yaml") and not f.name.startswith("."):
                                rel = f"{top}/{y.name}/{f.name}"
                                out.append(rel)
                                if linked or f.is_symlink():
                                    self._linked.add(rel)
        return sorted(out)

    def _flat_files(self, top: str) -> list[str]:
        base = self.root / top
        if not base.is_dir():
            return []
        linked = base.is_symlink()
        out = []
        with os.scandir(base) as files:
            for f in files:
                if f.is_file() and f.name.endswith(".yaml") and not f.name.startswith("."):
                    out.append(f"{top}/{f.name}")
                    if linked or f.is_symlink():
                        self._linked.add(out[-1])
        return sorted(out)

    def case_files(self) -> list[str]:
        return self._year_files(CASES_DIR)

    def session_files(self) -> list[str]:
        return self._year_files(SESSIONS_DIR)

    def enterprise_files(self) -> list[str]:
        return self._flat_files(ENTERPRISES_DIR)

    def calendar_files(self) -> list[str]:
        return self._flat_files(CALENDAR_DIR)

    def record_files(self) -> list[str]:
        return self._year_files(RECORDS_DIR)

    def topic_files(self) -> list[str]:
        return self._year_files(TOPICS_DIR)

    def visit_files(self) -> list[str]:
        return self._year_files(VISITS_DIR)

    def project_files(self) -> list[str]:
        return self._year_files(PROJECTS_DIR)

    def evaluation_files(self) -> list[str]:
        return self._year_files(EVALUATIONS_DIR)

    def campaign_files(self) -> list[str]:
        return [r for r in self._flat_files(CAMPAIGNS_DIR) if PLAN_ID_RE.match(r.rsplit("/", 1)[1][:-5])]

    def _plan_dirs(self) -> list[str]:
        base = self.root / TASKS_DIR
        if not base.is_dir():
            return []
        with os.scandir(base) as entries:
            return sorted(e.name for e in entries if e.is_dir() and PLAN_ID_RE.match(e.name))

    def plan_files(self) -> list[str]:
        out = [f"{TASKS_DIR}/{p}/{PLAN_FILE}" for p in self._plan_dirs()
               if (self.root / TASKS_DIR / p / PLAN_FILE).is_file()]
        self._linked.update(out)  # a few files: each is resolved before it is read
        return out

    def task_files(self) -> list[str]:
        out = []
        top_linked = (self.root / TASKS_DIR).is_symlink()
        for p in self._plan_dirs():
            folder = self.root / TASKS_DIR / p
            linked = top_linked or folder.is_symlink()
            with os.scandir(folder) as files:
                found = sorted((f.name, f.is_symlink()) for f in files
                               if f.is_file() and f.name.endswith(".yaml") and TASK_FILE_RE.match(f.name[:-5]))
            for name, link in found:
                out.append(f"{TASKS_DIR}/{p}/{name}")
                if linked or link:
                    self._linked.add(out[-1])
        return out

    def item_ids(self) -> list[str]:
        """Ids of tasks, topics and major projects, from file names only."""
        tasks = [f"{r.split('/')[1]}-{r.rsplit('/', 1)[1][:-5]}" for r in self.task_files()]
        return tasks + [r.rsplit("/", 1)[1][:-5] for r in self.topic_files() + self.project_files()]

    def case_ids(self, year: str | None = None) -> list[str]:
        """Case ids from file names only (nothing parsed); ``year`` looks in one folder."""
        if year is None:
            return [r.rsplit("/", 1)[1][:-5] for r in self.case_files()]
        base = self.root / CASES_DIR / year
        if not YEAR_RE.match(year) or not base.is_dir():
            return []
        with os.scandir(base) as files:
            return [f.name[:-5] for f in files if f.name.endswith(".yaml") and not f.name.startswith(".")]

    def stray_files(self) -> list[str]:
        """YAML files where no kind of ledger file belongs (a case dropped in cases/ itself)."""
        stray: list[str] = []
        for top in YEAR_DIRS:
            base = self.root / top
            if base.is_dir():
                for e in os.scandir(base):
                    if e.is_file() and e.name.endswith(".yaml"):
                        stray.append(f"{top}/{e.name}")
                    elif e.is_dir() and not YEAR_RE.match(e.name):
                        stray.append(f"{top}/{e.name}/")
        base = self.root / CAMPAIGNS_DIR
        if base.is_dir():
            stray += [f"{CAMPAIGNS_DIR}/{e.name}" for e in os.scandir(base) if e.is_file() and e.name.endswith(".yaml")
                      and not e.name.startswith(".") and not PLAN_ID_RE.match(e.name[:-5])]
        base = self.root / TASKS_DIR
        if base.is_dir():
            for e in os.scandir(base):
                if e.is_file() and e.name.endswith(".yaml"):
                    stray.append(f"{TASKS_DIR}/{e.name}")
                elif e.is_dir() and not PLAN_ID_RE.match(e.name):
                    stray.append(f"{TASKS_DIR}/{e.name}/")
                elif e.is_dir():
                    with os.scandir(e.path) as files:
                        stray += [f"{TASKS_DIR}/{e.name}/{f.name}" for f in files if f.is_file()
                                  and f.name.endswith(".yaml") and f.name != PLAN_FILE
                                  and not TASK_FILE_RE.match(f.name[:-5])]
        return sorted(stray)

    # -- reading -------------------------------------------------------------------------
    def listed_path(self, rel: str) -> str:
        """The path of a file found by listing the ledger: resolved (and refused when it leads
        out of the ledger) only when it or a folder on its way is a link, or it was not listed."""
        if rel in self._linked or kind_of(rel) in ("settings", "leaders", "units") or "/." in "/" + rel:
            return str(self.path(rel))
        return f"{self.root}{os.sep}{rel}"

    def read(self, rel: str):
        """Fast read of one file: plain data with line numbers; raises yamlio.YamlProblem.

        The small files nearly every command reads first (settings, leaders, units, calendar
        supplements) come from the read cache while unchanged, as in ``load_all``: most commands
        then need no YAML parser at all (importing and setting it up is a good part of a
        command's start-up)."""
        path = self.path(rel)
        try:
            state = self.state_dir if part_of(rel)[0] in REMEMBERED_GROUPS else None
        except AnshangError:  # ``.anshang`` is a link out of the ledger: read as a command writing nothing would
            state = None
        if state is None:
            return yamlio.loads(yamlio.decode(yamlio.read_bytes(path), rel))
        st = os.stat(path)
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        cache = Cache(state / "cache", keep_unseen=True)  # (forgets nothing: it sees a file or two)
        hit = cache.get(rel, stamp)
        if hit is not None:
            if "err" in hit:
                raise yamlio.YamlProblem(*hit["err"])
            if hit.get("ok") != {}:  # (an empty file is cached as {}; read gives None for it)
                return hit["ok"]
        try:
            data = yamlio.loads(yamlio.decode(yamlio.read_bytes(path), rel))
            payload = {"ok": {} if data is None else data}
        except yamlio.YamlProblem as e:
            data, payload = e, {"err": [e.message, e.line]}
        if time.time_ns() - st.st_mtime_ns > 2_000_000_000:  # as in ``_load_one``: a fresh file may change unseen
            cache.put(rel, stamp, payload)
            cache.save()
        if isinstance(data, yamlio.YamlProblem):
            raise data
        return data

    def load_all(self, use_cache: bool = True, kinds: set | None = None, schema: bool = False,
                 plain: bool = False) -> Snapshot:
        """Read every ledger file (or only those of ``kinds``), from the cache where a file
        is unchanged. With ``schema``, each file's schema findings come too (also cached:
        they depend on that file alone). With ``plain``, the data comes without line records
        (what read commands use), from a cache of its own (``.anshang/plain/``), so that
        nothing has to be stripped on every run."""
        import gc

        # Tens of thousands of small dicts that all stay alive: the cyclic collector would
        # rescan the growing heap again and again for nothing (there are no cycles here).
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            return self._load_all(use_cache, kinds, schema, plain)
        finally:
            # what was read stays alive for the whole command: keep it out of later scans too
            gc.freeze()
            if gc_was_on:
                gc.enable()

    def _load_all(self, use_cache: bool, kinds: set | None, schema: bool, plain: bool) -> Snapshot:
        snap = Snapshot(self.root)
        cache = Cache(self.state_dir / ("plain" if plain else "cache"), keep_unseen=kinds is not None,
                      forgettable=None if kinds is None else (lambda rel: kind_of(rel) in kinds),
                      groups=[KIND_DIRS[k] for k in kinds or () if k in KIND_DIRS]) if use_cache else None
        listed, self._listed = self._listed, None  # what ``fingerprint`` just listed, if it did
        groups = [(kind, rels) for kind, rels in listed or self.file_groups(kinds) if kinds is None or kind in kinds]
        if cache is not None:
            self._parse_alongside(groups, cache, schema, plain)
        load_one, from_cache, unchanged, problems = self._load_one, self._from_cache, self._unchanged, snap.problems
        # the files that are in the cache and unchanged (most, most of the time) are taken straight from
        # one dict of their folders' entries; any other goes through ``_load_one``
        known = self._entries(cache, groups) if cache is not None else {}
        for kind, rels in groups:
            if kind in ("settings", "leaders", "units"):
                for rel in rels:
                    setattr(snap, kind, load_one(kind, rel, cache, problems, schema, plain))
                continue
            append = getattr(snap, SNAPSHOT_LISTS[kind]).append
            for rel in rels:
                e = unchanged(known, rel)
                if e is not None:
                    cache.seen.add(rel)
                    append(from_cache(kind, rel, e[1], e[0], cache, problems, schema))
                else:
                    append(load_one(kind, rel, cache, problems, schema, plain))
        for rel in self.stray_files() if kinds is None else []:
            snap.problems.append(Problem(rel, 1, "layout", "error",
                                         "文件位置不对：诉求、场次、营商办记录、专题调研、领导走访、重大项目和评议文件应放在按年份"
                                         "命名的子目录中（如 cases/2026/），工作任务放在 tasks/<方案编号>/<序号>.yaml，"
                                         "专项活动放在 campaigns/<活动编号>.yaml"))
        if cache is not None:
            cache.save()
        return snap

    def derived(self, name: str, kinds: set, derive, tag: str = "") -> list[tuple[str, str, object]]:
        """(kind, rel, ``derive(doc)``) for every file of ``kinds``, in the order of ``file_groups``,
        where ``doc`` is the file as ``load_all(plain=True, schema=True)`` reads it (data None when it
        cannot be read). The values are remembered per file identity in ``.anshang/index/<name>/``
        (a read index), so a read command that needs a little of every file (what falls due) neither
        reads nor unmarshals the files' data while they are unchanged. ``name`` must change whenever
        what ``derive`` gives changes; ``tag`` is what else the values depend on (the calendar):
        values kept under another tag are worked out again."""
        groups = [KIND_DIRS[k] for k in kinds if k in KIND_DIRS]
        index = Cache(self.state_dir / "index" / name, keep_unseen=True,
                      forgettable=lambda rel: kind_of(rel) in kinds, groups=groups, tag=tag)
        plain = None
        out = []
        listed = self.file_groups(kinds)
        known = self._entries(index, listed)
        for kind, rels in listed:
            index.seen.update(rels)
            for rel in rels:
                e = self._unchanged(known, rel)
                hit = None if e is None else e[1]
                if hit is None:
                    if plain is None:  # (only the files missed are looked up: it must forget none of the others)
                        plain = Cache(self.state_dir / "plain", keep_unseen=True)
                    problems: list = []
                    doc = self._load_one(kind, rel, plain, problems, schema=True, plain=True)
                    hit = [derive(doc if not problems else Doc(kind, rel))]
                    if doc.stamp is not None:
                        index.put(rel, doc.stamp, hit)
                out.append((kind, rel, hit[0]))
        if index.dirty:
            index.save()
            _drop_other_versions(self.state_dir / "index", name)
        if plain is not None:
            plain.save()
        return out

    def keep(self, value) -> None:
        """Hold ``value`` (what a command read) for as long as this ledger object lives, that is, to the
        end of the command: the data of tens of thousands of files is then let go with the process,
        instead of object by object in the middle of the command (about 0.1 s at 20,000 cases)."""
        self._kept = value

    def memo(self, name: str, tag: str | None, kind: type = object):
        """A ``Memo`` kept in ``.anshang/memo/<name>.bin`` (nothing is kept without a ``tag``, or when
        ``.anshang`` is a link out of the ledger)."""
        from anshang.store.cache import Memo

        try:
            path = self.state_dir / "memo" / f"{name}.bin" if tag else None
        except AnshangError:
            path = None
        return Memo(path, tag or "", kind)

    def file_groups(self, kinds: set | None = None) -> list[tuple[str, list]]:
        """(kind, files) in the stable order of ``all_files``; folders of kinds not wanted are not listed."""
        listing = [
            ("settings", lambda: [SETTINGS_FILE]),
            ("leaders", lambda: [LEADERS_FILE]),
            ("units", lambda: [UNITS_FILE]),
            ("enterprise", self.enterprise_files),
            ("session", self.session_files),
            ("case", self.case_files),
            ("calendar", self.calendar_files),
            ("record", self.record_files),
            ("plan", self.plan_files),
            ("task", self.task_files),
            ("topic", self.topic_files),
            ("visit", self.visit_files),
            ("project", self.project_files),
            ("campaign", self.campaign_files),
            ("evaluation", self.evaluation_files),
        ]
        return [(kind, files() if kinds is None or kind in kinds else []) for kind, files in listing]

    def all_files(self) -> list[str]:
        """Every file the ledger consists of (what ``check`` reads), in a stable order."""
        return [rel for _, rels in self.file_groups() for rel in rels] + self.stray_files()

    def fingerprint(self, extra: str = "") -> str | None:
        """A digest of every file's identity (path, mtime, size, inode), or None while a file
        is so fresh that a same-second edit could go unseen. The identities are kept for the
        ``load_all`` that usually follows, so no file is looked at twice."""
        import hashlib

        h = hashlib.sha256(f"{CACHE_VERSION}|{extra}".encode("utf-8"))
        now = time.time_ns()
        fresh = False
        self._stats = {}
        root = str(self.root) + os.sep
        groups = self.file_groups()
        for rel in [rel for _, rels in groups for rel in rels] + self.stray_files():
            try:
                st = os.stat(root + rel)
            except FileNotFoundError:
                h.update(f"{rel}|-\n".encode("utf-8"))
                continue
            self._stats[rel] = st
            fresh = fresh or now - st.st_mtime_ns < 2_000_000_000
            h.update(f"{rel}|{st.st_mtime_ns}|{st.st_size}|{st.st_ino}\n".encode("utf-8"))
        self._listed = groups  # for the ``load_all`` that usually follows
        return None if fresh else h.hexdigest()

    def forget_fingerprint(self) -> None:
        """Drop what ``fingerprint`` kept for a ``load_all`` that is not coming (files may change
        before the next read)."""
        self._stats, self._listed = {}, None

    def _parse_alongside(self, groups: list, cache: Cache, schema: bool, plain: bool) -> None:
        """A cold cache on a big ledger: every other file not in it is parsed by a forked copy of this
        process (``store.alongside``) while this one parses the rest; both put what they found in the
        cache, so the reading that follows finds every file there, in the same order and with the same
        answers as if it had parsed them itself. Nothing happens where a copy cannot run alongside,
        or when it would parse fewer than ``PARSE_ALONGSIDE`` files."""
        from anshang.store import alongside

        if not alongside.can_fork():
            return
        root = f"{self.root}{os.sep}"
        files = [(kind, rel) for kind, rels in groups for rel in rels if rel not in self._linked]
        # (a link is read in the order of the rest: it may be refused)

        def missing(rel: str) -> bool:
            try:
                st = self._stats.get(rel) or os.stat(root + rel)
            except FileNotFoundError:
                return False
            self._stats[rel] = st  # (used once by ``_load_one``: no file is looked at twice)
            return cache.get(rel, (st.st_mtime_ns, st.st_size, st.st_ino)) is None

        if sum(missing(rel) for _, rel in files[::SAMPLE]) * SAMPLE < 2 * PARSE_ALONGSIDE:
            return  # a warm cache (one file in SAMPLE tells): nothing worth a second process
        todo = [(kind, rel) for kind, rel in files if missing(rel)]
        theirs = todo[1::2]
        if len(theirs) < PARSE_ALONGSIDE:
            return

        def work() -> list:
            kept = _Kept()
            for kind, rel in theirs:
                self._load_one(kind, rel, kept, [], schema, plain)
            return kept.entries

        with alongside.Alongside(work) as other:
            if not other.running:
                return
            for kind, rel in todo[0::2]:
                self._load_one(kind, rel, cache, [], schema, plain)
            for rel, stamp, payload in other.result():
                cache.put(rel, stamp, payload)

    @staticmethod
    def _entries(cache: Cache, groups: list) -> dict:
        """Every entry ``cache`` keeps for the folders of the files ``groups`` lists ([(kind, files)]), in
        one dict: for a reading that looks up every file of them (rather than part by part)."""
        known: dict = {}
        for group in {part_of(rels[0])[0] for _, rels in groups if rels}:
            known.update(cache.folder_entries(group))
        return known

    def _unchanged(self, known: dict, rel: str):
        """The entry (identity, payload) ``known`` keeps for ``rel`` when the file is still the one it
        was made from; else None, and ``_load_one`` reads the file (a link, a file gone or changed, a
        directory: the identity taken here is left for it, so no file is looked at twice)."""
        e = known.get(rel)
        if e is None or rel in self._linked:
            return None
        try:
            st = self._stats.pop(rel, None) or os.stat(self._prefix + rel)
        except FileNotFoundError:
            return None
        if e[0] == (st.st_mtime_ns, st.st_size, st.st_ino) and not stat.S_ISDIR(st.st_mode):
            return e
        self._stats[rel] = st
        return None

    @staticmethod
    def _from_cache(kind: str, rel: str, hit: dict, stamp: tuple, cache, problems: list, schema: bool) -> Doc:
        """The file as its cache entry ``hit`` keeps it (the file unchanged since)."""
        if "err" in hit:
            msg, line = hit["err"]
            problems.append(Problem(rel, line, "yaml", "error", msg))
            return Doc(kind, rel, stamp=stamp)  # (as the file's parse gave it)
        doc = Doc(kind, rel, hit["ok"], hit.get("schema"), hit.get("settled"), stamp)
        if schema and doc.schema is None:
            doc.schema = hit["schema"] = _schema_findings(kind, doc.data)
            cache.touch(rel)
        return doc

    @staticmethod
    def _gone(kind: str, rel: str, path, problems: list) -> Doc:
        """A file listed but not there when looked at or read."""
        if kind in ("leaders", "units"):
            problems.append(Problem(rel, 1, "missing", "error", f"缺少文件 {rel}（可从 anshang init 新建的台账中复制）"))
        elif os.path.islink(path):  # listed, but a link to nothing (a file gone since it was listed is passed over)
            problems.append(Problem(rel, 1, "layout", "error",
                                    f"{rel} 是一个链接，它指向的文件不存在：请删除这个链接，或把文件放回原处"))
        return Doc(kind, rel)

    def _load_one(self, kind: str, rel: str, cache, problems: list, schema: bool = False, plain: bool = False) -> Doc:
        path = f"{self.root}{os.sep}{rel}"
        try:
            st = self._stats.pop(rel, None) or os.stat(path)
        except FileNotFoundError:
            return self._gone(kind, rel, path, problems)
        if stat.S_ISDIR(st.st_mode):
            problems.append(Problem(rel, 1, "layout", "error",
                                    f"{rel} 是一个目录，不是文件：请把它改名或移出台账（以 .yaml 结尾的应是台账文件）"))
            return Doc(kind, rel)
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        if rel in self._linked:  # a link: refused when it leads out of the ledger, cached or not
            try:
                self.listed_path(rel)
            except AnshangError as e:
                problems.append(Problem(rel, 1, "layout", "error", e.message))
                return Doc(kind, rel)
        if cache is not None:
            hit = cache.get(rel, stamp)
            if hit is not None:
                return self._from_cache(kind, rel, hit, stamp, cache, problems, schema)
        try:
            path = self.listed_path(rel)  # a file that is a link out of the ledger is refused, not read
        except AnshangError as e:
            problems.append(Problem(rel, 1, "layout", "error", e.message))
            return Doc(kind, rel)
        try:
            try:
                raw = yamlio.read_bytes(path)
            except FileNotFoundError:  # gone between the look and the read (another program's edit)
                return self._gone(kind, rel, path, problems)
            data = yamlio.loads(yamlio.decode(raw, rel))
            if data is None:  # an empty file: every required key is missing (schema says so)
                data = {}
            # the plain cache always keeps the findings: they need the lines it no longer has
            findings = _schema_findings(kind, data) if schema or plain else None
            if plain:
                data = yamlio.strip_lines(data)
            payload = {"ok": data}
            doc = Doc(kind, rel, data)
            if plain and kind in TRACKED and isinstance(data, dict):
                from anshang.core.snapshot import settled_on

                payload["settled"] = doc.settled = settled_on(data)
            if findings is not None:
                payload["schema"] = findings
                if schema:
                    doc.schema = findings
        except yamlio.YamlProblem as e:
            payload = {"err": [e.message, e.line]}
            problems.append(Problem(rel, e.line, "yaml", "error", e.message))
            doc = Doc(kind, rel)
        # A file changed within the last two seconds could change again with the same
        # mtime and size (coarse clocks); such files are re-read next time instead.
        if time.time_ns() - st.st_mtime_ns > 2_000_000_000:
            doc.stamp = stamp
            if cache is not None:
                cache.put(rel, stamp, payload)
        return doc

    # -- writing -------------------------------------------------------------------------
    def lock(self, timeout: float | None = None):
        """The ledger's write lock; re-entrant for this Ledger object, so that a batch can
        hold it around steps that take it themselves."""
        if getattr(self, "_held", 0):
            return _Nested(self)
        if timeout is None:
            timeout = float(os.environ.get("ANSHANG_LOCK_TIMEOUT", "5"))
        return _Outer(self, WriteLock(self.state_dir / "lock", timeout))

    def sweep_leftovers(self) -> list[str]:
        """Remove the temporary files of writes that were killed half-way (``.name.xxxx.tmp``).
        Runs under the write lock, when no other writer can be in the middle of a write."""
        removed = []
        folders = [self.root, self.root / ENTERPRISES_DIR, self.root / CALENDAR_DIR, self.root / CAMPAIGNS_DIR]
        for top in YEAR_DIRS:
            base = self.root / top
            if base.is_dir():
                folders += [base] + [Path(e.path) for e in os.scandir(base) if e.is_dir() and YEAR_RE.match(e.name)]
        folders += [self.root / TASKS_DIR / p for p in self._plan_dirs()]
        for folder in folders:
            if not folder.is_dir():
                continue
            with os.scandir(folder) as entries:
                for e in entries:
                    if e.name.startswith(".") and e.name.endswith(".tmp") and e.is_file(follow_symlinks=False):
                        try:
                            os.unlink(e.path)
                            removed.append(self.rel(Path(e.path)))
                        except OSError:
                            pass
        return removed

    def replace_file(self, rel: str, text: str) -> None:
        """Atomically replace one file (the caller holds the lock)."""
        atomic_write(self.path(rel), text)

    def create(self, rel: str, data) -> None:
        """Write a new file from plain data in canonical form; refuses to overwrite."""
        from anshang.store.canonical import canonical_text

        target = self.path(rel)
        if target.exists():
            raise AnshangError(f"{rel} 已存在，未覆盖")
        self.replace_file(rel, canonical_text(data, kind_of(rel)))

    def edit(self, rel: str, change) -> None:
        """Round-trip edit of one file: comments, key order and hand layout survive.

        ``change(doc)`` mutates the ruamel document in place (returning False skips the write). New keys should be placed with
        ``canonical.put`` so they land in canonical order.
        """
        try:
            raw = yamlio.read_bytes(self.path(rel))
            text = yamlio.decode(raw, rel)
            doc = yamlio.rt_load(text)
        except yamlio.YamlProblem as e:
            from anshang.store.loader import UNREADABLE

            raise ProblemsFound(UNREADABLE, [Problem(rel, e.line, "yaml", "error", e.message)]) from None
        if change(doc) is not False:  # False: nothing to write after all
            after = yamlio.rt_dump(doc, indent=yamlio.guess_indent(text))
            self.replace_file(rel, keep_style(text, raw.startswith(b"\xef\xbb\xbf"), after))


class _Outer:
    def __init__(self, ledger, lock):
        self.ledger, self.inner = ledger, lock

    def __enter__(self):
        self.inner.__enter__()
        self.ledger._held = 1
        self.ledger.sweep_leftovers()
        return self

    def __exit__(self, *exc):
        self.ledger._held = 0
        return self.inner.__exit__(*exc)


class _Nested:
    def __init__(self, ledger):
        self.ledger = ledger

    def __enter__(self):
        self.ledger._held += 1
        return self

    def __exit__(self, *exc):
        self.ledger._held -= 1
        return False


def _schema_findings(kind: str, data) -> list:
    """Schema problems of one file's data as [line, severity, message] (cacheable)."""
    from anshang.store import schema as sch
    from anshang.store.validate import check_mapping

    out: list = []
    check_mapping({} if data is None else data, sch.FILES[kind][0], out)
    return [list(x) for x in out]


def kind_of(rel: str) -> str:
    """Which kind of ledger file ``rel`` is ('' for none)."""
    top = rel.split("/", 1)[0]
    return {
        SETTINGS_FILE: "settings", LEADERS_FILE: "leaders", UNITS_FILE: "units",
        ENTERPRISES_DIR: "enterprise", SESSIONS_DIR: "session", CASES_DIR: "case",
        CALENDAR_DIR: "calendar", RECORDS_DIR: "record", TOPICS_DIR: "topic", VISITS_DIR: "visit",
        PROJECTS_DIR: "project", CAMPAIGNS_DIR: "campaign", EVALUATIONS_DIR: "evaluation",
    }.get(top, "") or ({TASKS_DIR: "plan" if rel.endswith("/" + PLAN_FILE) else "task"}.get(top, ""))



def keep_style(before: str, bom: bool, after: str, endings: bool = True) -> str:
    """``after`` written the way the file was: a leading ``---`` with the comments above it,
    Windows line endings (when most lines had them) and a byte-order mark survive an edit.
    ``fmt`` keeps only the first (``endings=False``): it normalises the rest."""
    lines = [line.rstrip("\r") for line in before.lstrip("\ufeff").split("\n")]
    head = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), None)
    if head is not None and lines[head].strip() == "---" and "\n---\n" not in "\n" + after:
        # ruamel.yaml drops the marker and the comments above it: put both back
        prefix = lines[:head + 1]
        out = after.split("\n")
        first = next((i for i, line in enumerate(out) if line.strip() and not line.lstrip().startswith("#")), 0)
        after = "\n".join(prefix + [line for line in out[:first] if line not in prefix] + out[first:])
    if endings and before.count("\r\n") * 2 > before.count("\n"):
        after = after.replace("\r\n", "\n").replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + after
