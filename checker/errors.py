"""Errors the checker reports to the user (kept free of heavy imports)."""

import re
from pathlib import Path


class InputError(Exception):
    """The input can't be used. `str(e)` is one line for the user, in Chinese with a short English
    gloss, e.g. '无法读取 a.docx：文件已加密（受密码保护），请先取消密码后再检查 (encrypted .docx)'."""


def unreadable(path: Path, cn: str, en: str) -> InputError:
    """The one-line error for a file that can't be read: its name, the reason in Chinese, a gloss."""
    name = re.sub(r"[\x00-\x1f\x7f]", "?", path.name or str(path))
    return InputError(f"无法读取 {name}：{cn} ({en})")
