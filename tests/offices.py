"""Running `check` in this process (fast: spaCy loads once) for the batch, format and baseline tests."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def check(*args: str | Path, cwd: Path, stdin: bytes = b"") -> Result:
    """`check ARGS` run in `cwd`, with the configuration search starting there."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        mp.setattr(sys, "stdout", out)
        mp.setattr(sys, "stderr", err)
        mp.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        try:
            main([str(a) for a in args])
        except SystemExit as e:
            code = int(e.code or 0)
    return Result(code, out.getvalue(), err.getvalue())
