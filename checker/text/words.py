"""Any of a set of words found in a text by one pattern, compiled once per set (the sets come from the
reference data, so there are few of them).

The pattern is the words' trie (孕产妇死亡率|孕产妇贫血 → 孕产妇(?:死亡率|贫血)): it finds what the plain
alternation of the words, longest first, finds, but tries one branch per character instead of every word
at each place of the text."""

from __future__ import annotations

import re
from functools import cache


@cache
def any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern finding the words, the longest of those starting at one place; None for no words."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return re.compile(_branches(trie)) if words else None


def _branches(node: dict[str, dict]) -> str:
    longer = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not longer:
        return ""
    either = longer[0] if len(longer) == 1 else f"(?:{'|'.join(longer)})"
    return f"(?:{either})?" if "" in node else either  # a word ending here: longer words first
