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


def test_resemblance_found_as_by_partial_ratio_alone() -> None:
    """The character count in front of the fuzzy name search never changes what rapidfuzz finds."""
    from rapidfuzz import fuzz

    from checker.match import _RESEMBLES_MIN, _resemblance

    rng = random.Random(11)
    alphabet = "孕产妇死亡率婴儿新生控制在以下，"
    found = 0
    for _ in range(20000):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(4, 8)))
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.5:  # the name inside the body, maybe with a wrong character
            cut = rng.randint(0, len(body))
            typo = list(name)
            typo[rng.randrange(len(typo))] = rng.choice(alphabet)
            body = body[:cut] + "".join(typo) + body[cut:]
        expected = fuzz.partial_ratio_alignment(name, body, score_cutoff=_RESEMBLES_MIN)
        assert _resemblance(name, set(name), body, set(body)) == expected, (name, body)
        found += expected is not None
    assert found > 5000
