"""`any_of` builds the words' trie as a pattern: it must find what the plain alternation of the words,
longest first, finds (the way the term, section-name and vocabulary searches were first written)."""

from __future__ import annotations

import random
import re

from checker.text.words import any_of


def test_trie_finds_what_the_alternation_finds() -> None:
    rng = random.Random(3)
    for _ in range(1000):
        alphabet = "孕产妇死亡率ab"[: rng.randint(2, 8)]
        words = tuple({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(12)})
        plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        trie = any_of(words)
        assert trie is not None
        for _ in range(10):
            text = "".join(rng.choice(alphabet + "，") for _ in range(rng.randint(0, 40)))
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], (words, text)


def test_real_terms() -> None:
    pattern = any_of(("孕产妇死亡率", "孕产妇", "死亡率", "婴儿死亡率", "家庭教育", "家庭教育指导"))
    assert pattern is not None
    text = "孕产妇死亡率和婴儿死亡率下降，加强家庭教育指导和家庭教育"
    assert [m[0] for m in pattern.finditer(text)] == ["孕产妇死亡率", "婴儿死亡率", "家庭教育指导", "家庭教育"]
    assert any_of(()) is None
