"""Any of a set of words found in a text by one pattern, compiled once per set (the sets come from the
reference data, so there are few of them)."""

from __future__ import annotations

import re
from functools import cache


@cache
def any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern finding the words, the longest of those starting at one place; None for no words."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None
