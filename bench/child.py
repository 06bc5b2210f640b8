"""Run one benchmarked job in this process and report its peak memory.

``python -m bench.child KB_FILE anshang ARGS…`` runs the anshang CLI; ``… parse DIR`` parses
every YAML file under DIR with the libyaml C loader alone; ``… warm DIR`` reads every file under
DIR (so that both sides of a pair find them in the page cache); ``… cells N COLS OUT`` writes N×COLS
text cells with openpyxl write-only alone; ``… import-typer`` imports typer. The peak resident
memory (KB) goes to KB_FILE.
"""

from __future__ import annotations

import os
import sys


def _peak_kb() -> int:
    """This process's own peak resident memory. On Linux VmHWM of /proc/self/status: it starts
    afresh at exec, whereas ``ru_maxrss`` keeps the high-water mark of the parent that forked it
    (the bench itself)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows: no resource module
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def main() -> int:
    out, job, *args = sys.argv[1:]
    code = 0
    try:
        if job == "anshang":
            sys.argv = ["anshang", *args]
            from anshang.cli import main as cli

            try:
                cli()
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 0
        elif job == "parse":
            import yaml

            for root, _, files in os.walk(args[0]):
                for name in files:
                    if name.endswith(".yaml"):
                        with open(os.path.join(root, name), "rb") as f:
                            yaml.load(f.read().decode("utf-8"), Loader=yaml.CSafeLoader)
        elif job == "cells":
            from openpyxl import Workbook

            rows, cols = int(args[0]), int(args[1])
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("cells")
            text = "北岚市某某新材料有限公司厂房用电增容迟迟未批"
            for r in range(rows):
                ws.append([f"{text}{r}"] * cols)
            wb.save(args[2])
        elif job == "import-typer":
            import typer  # noqa: F401
        elif job == "warm":
            for root, _, files in os.walk(args[0]):
                for name in files:
                    with open(os.path.join(root, name), "rb") as f:
                        while f.read(1 << 20):
                            pass
    finally:
        with open(out, "w", encoding="utf-8") as f:
            f.write(str(_peak_kb()))
    return code


if __name__ == "__main__":
    sys.exit(main())
