"""The spaCy pipeline's tokenizer gives the tokens spaCy's own Chinese "char" segmenter gives (it only does
so in linear time), so phrase matches and sentences are the same."""

from __future__ import annotations

import random

import pytest
import spacy

from checker.text.nlp import find_phrases, pipeline, sentences

CRAFTED = [
    "",
    " ",
    "   ",
    "孕产妇死亡率控制在12/10万以下。",
    "孕产 妇死亡率",  # a single space: the trailing space of 产, so 孕产妇 still matches across it
    "孕产  妇死亡率",  # two: the second is a token of its own
    " 孕产妇",
    "孕产妇 ",
    "孕产妇\t 死亡率\n",
    "\u3000\u3000孕产妇死亡率　下降",
    "HPV 疫苗 接种率 达到 90 % 。",
    "妇女\xa0儿童",
]


def _tokens(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(token.text, token.whitespace_) for token in doc]


@pytest.mark.parametrize("seed", range(3))
def test_tokens_are_spacys_own(seed: int) -> None:
    spacys = spacy.blank("zh")
    rng = random.Random(seed)
    alphabet = [*"孕产妇死亡率儿童ab1。，；（）", " ", " ", "  ", "\t", "\n", "\u3000", "\xa0"]
    texts = CRAFTED + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    for text in texts:
        assert _tokens(pipeline().make_doc(text)) == _tokens(spacys.make_doc(text)), repr(text)


def test_phrases_and_sentences_over_spaces() -> None:
    text = "孕产 妇死亡率下降。孕产  妇死亡率；婴儿死亡率"
    assert find_phrases(text, ("孕产妇", "死亡率", "婴儿死亡率")) == [
        ("孕产妇", 0, 4),
        ("死亡率", 4, 7),
        ("死亡率", 15, 18),
        ("婴儿死亡率", 19, 24),
        ("死亡率", 21, 24),
    ]
    assert sentences(text) == [(0, 10), (10, 19), (19, 24)]
