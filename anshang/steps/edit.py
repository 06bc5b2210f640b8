"""Editing one ledger file by hand, safely (``anshang edit``): the clerk's editor opens a copy;
the result is checked (YAML, the file's schema, its id unchanged; then, under the write lock,
the whole ledger as ``check`` checks it) and kept only if this file has no errors and nobody
changed it meanwhile. An invalid result keeps the original."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from anshang.core.problems import AnshangError, Problem, ProblemsFound
from anshang.store import loader, schema
from anshang.store.atomic import atomic_write
from anshang.store.folder import LEADERS_FILE, SETTINGS_FILE, UNITS_FILE, Ledger, kind_of
from anshang.store.validate import check_mapping

WHOLE_FILES = {SETTINGS_FILE: ("settings", "设置", "anshang.yaml"), UNITS_FILE: ("units", "承办单位", "units.yaml"),
               LEADERS_FILE: ("leaders", "接待领导", "leaders.yaml")}


def target(ledger: Ledger, given: str) -> str:
    """The ledger file meant by ``given``: 设置 / 承办单位 / 接待领导 (or their file names), a
    demand's, task's or topic's id or unique prefix, a session's id or date, an enterprise's code or name."""
    from anshang.core import ids
    from anshang.core.matching import find_session

    g = given.strip()
    for rel, words in WHOLE_FILES.items():
        if g in words:
            return rel
    if g[:1].isascii() and g[:1].isalpha():  # an action-plan task, a research topic or a leader's visit
        if g.lower().startswith("zf"):
            from anshang.steps.visits import visit_rel

            try:
                return visit_rel(ledger, g)
            except AnshangError:
                pass  # a plan's task may start so too (zfyh2026-01)
        try:
            return Ledger.item_rel(ids.resolve(g, ledger.item_ids(), "工作任务或专题调研"))
        except AnshangError:
            pass
    try:
        return Ledger.case_rel(ids.resolve(g, ledger.case_ids()))
    except AnshangError:
        pass
    world = loader.load(ledger, {"session", "enterprise"})
    try:
        return Ledger.session_rel(find_session(world, g))
    except AnshangError:
        pass
    hits = [u for u, e in world.enterprises.items() if g and (u == g.upper() or g in str(e.get("name") or ""))]
    if len(hits) == 1:
        return Ledger.enterprise_rel(hits[0])
    if len(hits) > 1:
        shown = "、".join(str(world.enterprises[h].get("name")) for h in hits[:6])
        raise AnshangError(f"{given!r} 可指多家企业：{shown}；请写全称或统一社会信用代码")
    raise AnshangError(f"找不到 {given!r}：可写诉求、工作任务或专题调研的编号（或唯一前缀）、场次日期、企业名称或代码，"
                       "或 设置、承办单位、接待领导")


def problems_of(rel: str, raw: bytes, original: dict | None) -> list[Problem]:
    """What is wrong with the edited bytes of ``rel``."""
    from anshang.core.lines import strip_lines
    from anshang.store import yamlfile

    try:
        data = yamlfile.loads(yamlfile.decode(raw, rel))
    except yamlfile.YamlProblem as e:
        return [Problem(rel, e.line, "yaml", "error", e.message)]
    kind = kind_of(rel)
    if kind == "settings":
        from anshang.store.settings import settings_problems

        return [p for p in settings_problems(data) if p.severity == "error"]
    found: list = []
    check_mapping({} if data is None else data, schema.FILES[kind][0], found)
    out = [Problem(rel, line, "schema", sev, msg) for line, sev, msg in found if sev == "error"]
    plain = strip_lines(data) if isinstance(data, dict) else {}
    key = {"case": "id", "session": "id", "enterprise": "uscc"}.get(kind)
    if key and original is not None and str(plain.get(key)) != str(original.get(key)):
        from anshang.core.lines import line_of

        out.append(Problem(rel, line_of(data, key) or 1, "edit", "error",
                           f"不能修改 {key}（{original.get(key)}）：编号或代码与文件名对应；换编号用 anshang renumber"))
    return out


def editor_command() -> list[str]:
    """The clerk's editor: $VISUAL, $EDITOR, Notepad on Windows, else nano or vi."""
    for var in ("VISUAL", "EDITOR"):
        if os.environ.get(var, "").strip():
            return shlex.split(os.environ[var], posix=os.name != "nt")
    if os.name == "nt":
        return ["notepad"]
    for name in ("nano", "vi"):
        if shutil.which(name):
            return [name]
    raise AnshangError("找不到编辑器：请设置环境变量 EDITOR（如 EDITOR=nano）")


@dataclass
class Edited:
    rel: str
    saved: bool


def edit(ledger: Ledger, given: str, again) -> Edited:
    """Open a copy of the file in the editor until it is valid or the clerk gives up.
    ``again(problems)`` shows the problems and says whether to reopen (False when nobody can
    answer: then the problems stop the command and the original is kept)."""
    rel = target(ledger, given)
    path = ledger.path(rel)
    try:
        before = path.read_bytes()
    except OSError:
        raise AnshangError(f"无法读取 {rel}") from None
    try:
        original = loader.read(ledger, rel, valid=False)
    except ProblemsFound:
        original = None  # a broken file can be mended here too
    command = editor_command()
    with tempfile.TemporaryDirectory(prefix="anshang-edit-") as tmp:
        copy = Path(tmp) / path.name
        copy.write_bytes(before)
        while True:
            try:
                done = subprocess.run([*command, str(copy)], check=False)
            except OSError:
                raise AnshangError(f"无法启动编辑器 {command[0]!r}；请检查环境变量 EDITOR") from None
            if done.returncode != 0:
                raise AnshangError(f"编辑器异常退出（退出码 {done.returncode}），{rel} 未修改")
            try:
                after = copy.read_bytes()
            except OSError:
                raise AnshangError(f"编辑器没有留下修改后的文件（可能另存到了别处或删除了它），{rel} 未修改") from None
            if after == before:
                return Edited(rel, False)
            found = problems_of(rel, after, original if isinstance(original, dict) else None)
            if not found:
                found = _save_if_consistent(ledger, rel, path, before, after)
                if not found:
                    return Edited(rel, True)
            if not again(found):
                raise ProblemsFound(f"{rel} 未保存（原文件不变）：", found, "改正后再运行 anshang edit")


def _save_if_consistent(ledger: Ledger, rel: str, path: Path, before: bytes, after: bytes) -> list[Problem]:
    """Under the write lock: write the edit, check the ledger as ``check`` does (references to
    units, fields, sessions…), and put the original back if this file now has errors."""
    import datetime as dt

    from anshang.store.check_memo import check_ledger

    with ledger.lock():
        if path.read_bytes() != before:
            raise AnshangError(f"{rel} 在编辑期间已被修改（可能是同事或另一个命令），未保存；请重新运行 anshang edit")
        atomic_write(path, after)
        try:
            found = [p for p in check_ledger(ledger, dt.date.today()) if p.path == rel and p.severity == "error"]
        except Exception:
            atomic_write(path, before)
            raise
        if found:
            atomic_write(path, before)
    return found


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()
