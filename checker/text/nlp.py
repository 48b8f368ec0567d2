"""The one spaCy pipeline of the process: a blank Chinese tokenizer (one token per character, no
model download) with a sentencizer over Chinese sentence punctuation, and phrase matchers over it."""

from __future__ import annotations

import gc
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

_SPACE = re.compile(r"\s")  # what str.isspace() calls whitespace
SENTENCE_ENDS = ["。", "！", "？", "；", "!", "?", ";"]


@cache
def pipeline() -> Language:
    import spacy

    nlp = spacy.blank("zh")  # default "char" segmenter: needs no dictionary or model
    nlp.tokenizer = _CharTokenizer(nlp.vocab)
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_ENDS})
    # spaCy's vocabulary and tables, and the modules loaded by now, live as long as the process: moved out
    # of the garbage collector's way, its full collections no longer go through them plan after plan (and
    # worker processes forked after this do not touch their memory). No collection first: it would cost
    # each one-document check some 60 ms for the little garbage an import leaves.
    gc.freeze()
    return nlp


class _CharTokenizer:
    """spaCy's Chinese "char" segmenter, the same tokens in linear time: a token per character; one
    space after a character is its trailing space, any other whitespace a token of its own. (spaCy's
    aligns the characters with the text by `str.index` on the rest of the text, quadratic in its length.)"""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        if _SPACE.search(text) is None:  # most text: a token per character and nothing else
            return Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        words: list[str] = []
        spaces: list[bool] = []
        end = 0  # of the text taken so far
        for i, char in enumerate(text):
            if char.isspace():
                continue
            if i > end:  # whitespace before this character, beyond one trailing space
                words.append(text[end:i])
                spaces.append(False)
            words.append(char)
            end = i + 1
            spaces.append(text[end : end + 1] == " ")
            end += spaces[-1]
        if end < len(text):
            words.append(text[end:])
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


@cache
def phrase_matcher(phrases: tuple[str, ...]) -> PhraseMatcher:
    """A matcher labelling each match with the phrase itself."""
    from spacy.matcher import PhraseMatcher

    nlp = pipeline()
    matcher = PhraseMatcher(nlp.vocab)
    for phrase in phrases:
        matcher.add(phrase, [nlp.make_doc(phrase)])
    return matcher


def tokens(text: str) -> Doc:
    """The text's tokens, to ask several questions of (phrases, sentences) for one tokenization."""
    return pipeline().make_doc(text)


def find_phrases(text: str | Doc, phrases: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """(phrase, start, end) character spans of every phrase occurring in text (or its tokens)."""
    doc = tokens(text) if isinstance(text, str) else text
    matcher = phrase_matcher(phrases)
    vocab = pipeline().vocab.strings
    return [(vocab[label], doc[s:e].start_char, doc[s:e].end_char) for label, s, e in matcher(doc)]


def sentences(text: str | Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences of text (or its tokens)."""
    doc = pipeline().get_pipe("sentencizer")(tokens(text) if isinstance(text, str) else text)
    return [(s.start_char, s.end_char) for s in doc.sents]
