"""Errors the checker reports to the user (kept free of heavy imports)."""


class InputError(Exception):
    """The input can't be used. `str(e)` is one line for the user, in Chinese with a short English
    gloss, e.g. '无法读取 a.docx：文件已加密（受密码保护），请先取消密码后再检查 (encrypted .docx)'."""
