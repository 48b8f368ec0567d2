#!/usr/bin/env python3
"""Measure time and peak memory of `check` on big inputs: a Word file whose document.xml is N MB,
and a text file of N MB on one line or many. Each file is made, and each check run, in a child
process of its own, so that a peak is the check's alone (a child starts with its parent's peak).

    PYTHONPATH=$PWD .venv/bin/python scripts/bigfile.py --docx-mb 40 150 --txt-mb 9 50
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

PARAGRAPH = "<w:p><w:r><w:t>（{k}）孕产妇死亡率控制在{v}/10万以下，城乡、区域差距逐步缩小，第{k}项。</w:t></w:r></w:p>"


def big_docx(path: Path, mb: int) -> None:
    import docx

    docx.Document().save(path)
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    head, tail = parts["word/document.xml"].split(b"<w:body>")
    body, k = [], 0
    size = 0
    while size < mb * 1024 * 1024:
        piece = PARAGRAPH.format(k=k, v=k % 97).encode()
        body.append(piece)
        size += len(piece)
        k += 1
    parts["word/document.xml"] = head + b"<w:body>" + b"".join(body) + tail
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def big_txt(path: Path, mb: int, one_line: bool) -> None:
    line = "（1）孕产妇死亡率控制在10/10万以下，城乡、区域差距逐步缩小。"
    count = mb * 1024 * 1024 // len(line.encode())
    path.write_text(("" if one_line else "\n").join([line] * count), encoding="utf-8")


def measure(path: Path) -> None:
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "checker", str(path), "--format", "json"], stdout=out, stderr=err
        )
        _, status, usage = os.wait4(child.pid, 0)
        err.seek(0)
        stderr = err.read().decode().strip().splitlines()
        size = out.tell()
    code = os.waitstatus_to_exitcode(status)
    print(f"{path.name}: exit {code}, {time.monotonic() - start:.1f} s, peak {usage.ru_maxrss // 1024} MB")
    print("   ", stderr[-1] if stderr else f"{size // 1024} KB of JSON")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docx-mb", type=int, nargs="*", default=[11, 150])
    parser.add_argument("--txt-mb", type=int, nargs="*", default=[9, 50])
    parser.add_argument("--make", nargs=2, metavar=("MB", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        path = Path(args.make[1])
        if path.suffix == ".docx":
            big_docx(path, int(args.make[0]))
        else:
            big_txt(path, int(args.make[0]), "one-line" in path.name)
        return
    with tempfile.TemporaryDirectory() as tmp:
        names = [f"body-{mb}mb.docx" for mb in args.docx_mb]
        names += [f"text-{mb}mb-{kind}.txt" for mb in args.txt_mb for kind in ("lines", "one-line")]
        for name in names:
            path = Path(tmp) / name
            subprocess.run([sys.executable, __file__, "--make", re.search(r"\d+", name)[0], str(path)], check=True)
            measure(path)


if __name__ == "__main__":
    main()
