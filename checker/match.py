"""Targets ↔ upper-level indicators.

A target speaks of an indicator when one clause of it holds one word of each of the indicator's
keyword groups (and none of its exclusions; the first group may come from the clause before when
the clause names no subject of its own); spaCy's PhraseMatcher finds those words. A name narrowed
to part of the population (农村孕产妇死亡率) is not the indicator. Numbers go to the indicators they
are about: in the same clause after the name, before a name with 的 (95%的城市社区), paired with the
listed subjects after 分别 (新生儿、婴儿和5岁以下儿童死亡率分别降至…), or, in a clause or sentence
with no subject of its own, to the names before it. Figures in brackets that name a baseline or
another level's target are no one's. An indicator with no such mention but a close fuzzy match
(rapidfuzz) is reported as uncertain, never as missing or weaker."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import ScoreAlignment

from .extract.qualitative import is_qualitative
from .extract.quantity_patterns import comparable
from .models import Quantity, Statement, Target
from .reference import Indicator, PlanReference
from .text.nlp import find_phrases, sentences, tokens
from .text.patterns import target_body

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CLAUSE_ENDS = "，。；,;"
_CLAUSE_END = re.compile(f"[{_CLAUSE_ENDS}]")
_SUBJECT_SEPARATOR = re.compile(r"[、和及与]")
# 上述指标, 以上三项指标: the indicators named before, in the same sentence
_ANAPHOR = re.compile(r"(?:上述|以上|前述|上列)(?:[一二三四五六七八九两\d]+项)?指标|[二三四五六七八九两\d]+项指标")
# Right before an indicator's name, words that make it another indicator (孕产妇贫血 is not 儿童贫血).
_OTHER_MEASURE = re.compile(r"(?:孕产妇|道路交通|出生缺陷导致的|正)$")
# Right before the name, or earlier in its noun phrase, words that narrow it to a part of the
# population: 农村孕产妇死亡率, 农村适龄妇女宫颈癌筛查率, 公有制事业单位高级专业技术人员女性比例.
_PART_BEFORE = re.compile(r"(?:城镇|城市)$")
_PART = re.compile(r"农村|流动|留守|残疾|困难|低保|脱贫|公有制|事业单位|机关|国有企业")
_VERB = re.compile(r"开展|实施|加强|推进|推动|提高|提升|建立|完善|落实|实现|保障|促进|覆盖")
_PHRASE_BACK = 12  # how far back a noun phrase's narrowing word may stand
# Words a figure's clause may start with that name no subject: 远期控制在…, 到2030年达到…
_NOT_A_SUBJECT = re.compile(r"近期|中期|远期|届时|同时|力争|确保|到?20\d\d年底?")
# Inside brackets, words that mark a figure as someone else's: a baseline, another level's target.
_ASIDE = re.compile(r"基期|基线|基数|现状|现值|省级|市级|全省|全市|全国|国家|上级|目标为")
_FUZZY_MIN = 85
_RESEMBLES_MIN = 80  # one wrong character in a five- or six-character name


@dataclass
class _Mention:
    indicator: Indicator
    start: int
    clause: int
    score: float
    reason: str | None = None  # the name speaks of part of the population only


def match(targets: list[Target], ref: PlanReference) -> tuple[list[Target], dict[str, Statement]]:
    """Targets annotated with their indicator (one copy per indicator a target speaks of), and
    the best evidence for each indicator the plan speaks of."""
    indicators = ref.indicators()
    vocabulary = _Vocabulary.of(indicators)
    annotated: list[Target] = []
    best: dict[str, Statement] = {}
    bodies = {id(t): target_body(t.text) for t in targets}
    docs = {key: tokens(body) for key, body in bodies.items()}  # each body tokenized once, asked many things
    for target in targets:
        found = _evidence(target, bodies[id(target)], docs[id(target)], vocabulary)
        assigned = {id(q) for ev in found for q in ev.quantities}
        rest = [q for q in target.quantities if id(q) not in assigned]
        if not found or rest:  # numbers about nothing upper-level stay listed, without an indicator
            annotated.append(target.model_copy(update={"quantities": rest}) if found else target)
        for ev in found:
            annotated.append(
                target.model_copy(
                    update={"indicator": ev.indicator.id, "quantities": ev.quantities, "match_score": ev.score}
                )
            )
            counts = ev.target.main or ev.quantities  # a strategy that only names it is no target
            if counts and _better(ev, best.get(ev.indicator.id)):
                best[ev.indicator.id] = ev
    names = tuple(sorted({n for i in indicators for n in (i.name, *i.aliases)}))
    named: dict[int, list[tuple[int, int]]] = {}  # per main target, where it names an indicator exactly
    for ind in indicators:
        if ind.id not in best and (ev := _fuzzy(ind, targets, bodies, docs, names, named)):
            best[ind.id] = ev
    return annotated, best


@dataclass(frozen=True)
class _Vocabulary:
    """The words the indicators are spoken of by, and which indicators each word may point to."""

    indicators: list[Indicator]
    phrases: tuple[str, ...]  # every keyword, alias and exclusion
    subjects: frozenset[str]  # the words of the first keyword groups: a clause with one names its subject
    users: dict[str, list[int]]  # keyword → the indicators (by position) with it in a keyword group

    @classmethod
    def of(cls, indicators: list[Indicator]) -> _Vocabulary:
        words = {w for i in indicators for group in i.keywords for w in group}
        words |= {w for i in indicators for w in (*i.aliases, *i.exclude)}
        users: dict[str, list[int]] = {}
        for k, ind in enumerate(indicators):
            for w in dict.fromkeys(w for group in ind.keywords for w in group):
                users.setdefault(w, []).append(k)
        subjects = frozenset(w for i in indicators if i.keywords for w in i.keywords[0])
        return cls(indicators, tuple(sorted(words)), subjects, users)


def _evidence(target: Target, body: str, doc: Doc, vocabulary: _Vocabulary) -> list[Statement]:
    hits = find_phrases(doc, vocabulary.phrases)
    if not hits:
        return []
    clause_of = _clause_index(body)
    out: dict[tuple[str, str | None], Statement] = {}
    previous: list[_Mention] = []
    for s_start, s_end in sentences(doc):
        mentions = _mentions(vocabulary, [h for h in hits if s_start <= h[1] < s_end], body, clause_of)
        quantities = [
            q for q in target.quantities if s_start <= q.span[0] < s_end and q.text in body and not _aside(body, q)
        ]
        if not mentions and (any(not _has_subject(q) for q in quantities) or _ANAPHOR.search(body, s_start, s_end)):
            mentions = previous  # 孕产妇死亡率到2025年…；到2030年，控制在… (or 上述指标…): the subject carries over
        if not mentions:
            continue
        assigned = _assign(mentions, quantities, body, clause_of)
        for m in mentions:
            # One statement per indicator per target: its figures from every sentence, in order.
            key = (m.indicator.id, m.reason)
            st = out.setdefault(key, Statement(indicator=m.indicator, target=target, score=m.score, reason=m.reason))
            st.quantities += [q for q in assigned.get(m.indicator.id, []) if q not in st.quantities]
            st.qualitative = st.qualitative or is_qualitative(_clause_text(body, clause_of, m.clause))
        previous = mentions
    for st in out.values():
        st.qualitative = st.qualitative and not st.quantities
    return list(out.values())


def _has_subject(q: Quantity) -> bool:
    """Does the figure's clause name what it is about (not just 控制在, 达到 or a bracket)?"""
    return bool(re.search(r"[\u4e00-\u9fff]{2}", _NOT_A_SUBJECT.sub("", q.phrase)))


def _aside(body: str, q: Quantity) -> bool:
    """A figure in brackets that names a baseline or another level's target: （基期值：15/10万）."""
    opening = body.rfind("（", 0, q.span[0])
    return opening > body.rfind("）", 0, q.span[0]) and bool(_ASIDE.search(body, opening, q.span[0]))


def _clause_index(text: str) -> list[int]:
    index, out = 0, []
    for ch in text:
        out.append(index)
        if ch in _CLAUSE_ENDS:
            index += 1
    return out


def _clause_text(text: str, clause_of: list[int], clause: int) -> str:
    return "".join(ch for ch, c in zip(text, clause_of, strict=True) if c == clause)


def _mentions(
    vocabulary: _Vocabulary, hits: list[tuple[str, int, int]], body: str, clause_of: list[int]
) -> list[_Mention]:
    by_clause: dict[int, list[tuple[str, int]]] = {}
    for word, start, _ in hits:
        by_clause.setdefault(clause_of[start], []).append((word, start))
    mentions = []
    for clause, words in by_clause.items():
        present = {w for w, _ in words}
        # 高中阶段教育普及水平进一步提高，毛入学率达到95%: the clause before may name the subject.
        own_subject = not vocabulary.subjects.isdisjoint(present)
        carried = set() if own_subject else {w for w, _ in by_clause.get(clause - 1, [])}
        # Only an indicator with a keyword here can be named here (by its first group, or its second after
        # a subject carried over), so the others are not looked at.
        for k in sorted({k for w in present for k in vocabulary.users.get(w, ())}):
            ind = vocabulary.indicators[k]
            if any(e in present for e in ind.exclude):
                continue
            if not ind.keywords or not all(any(w in present for w in group) for group in ind.keywords[1:]):
                continue
            first = [s for w, s in words if w in ind.keywords[0]]
            if not first and not (len(ind.keywords) > 1 and carried & set(ind.keywords[0])):
                continue
            start = min(first) if first else min(s for w, s in words if w in ind.keywords[1])
            if _OTHER_MEASURE.search(body, max(0, start - 8), start):
                continue  # 孕产妇贫血患病率: another indicator
            score = 1.0 if any(a in present for a in ind.aliases) else 0.9
            # A subject carried from the clause before keeps its narrowing (农村适龄妇女宫颈癌…，乳腺癌…筛查率…).
            named = start if first else min(s for w, s in by_clause[clause - 1] if w in ind.keywords[0])
            mentions.append(_Mention(ind, start, clause, score, _narrowed(body, clause_of, named, ind)))
    return sorted(mentions, key=lambda m: m.start)


def _narrowed(body: str, clause_of: list[int], start: int, ind: Indicator) -> str | None:
    """Why a name speaks of part of the population only (农村…, 公有制事业单位…), or None."""
    clause_start = clause_of.index(clause_of[start])
    before = body[max(clause_start, start - _PHRASE_BACK) : start]
    part = _PART_BEFORE.search(before) or next(
        (m for m in _PART.finditer(before) if not _VERB.search(before, m.end())), None
    )
    if part is None:
        return None
    return f"“{before[part.start() :]}”只是部分人群，不是上级指标“{ind.name}”本身，未作比较"


def _assign(
    mentions: list[_Mention], quantities: list[Quantity], body: str, clause_of: list[int]
) -> dict[str, list[Quantity]]:
    """Give each number of a sentence to the indicators it is about."""
    out: dict[str, list[Quantity]] = {}
    for q in quantities:
        start, clause = q.span[0], clause_of[q.span[0]]
        here = [m for m in mentions if m.clause == clause]
        if not here and (named := _named_before(mentions, q, quantities, body, clause_of)):
            out.setdefault(named.indicator.id, []).append(q)
            continue
        if not here and not _has_subject(q):
            # 孕产妇死亡率持续下降，控制在…: a number with no subject of its own belongs to the
            # names of the clause before it.
            earlier = [m for m in mentions if m.clause < clause]
            here = [m for m in earlier if m.clause == earlier[-1].clause] if earlier else []
        before = [m for m in here if m.start < start]
        after = [m for m in here if m.start > start]
        split = body.find("分别", before[0].start, start) if before else -1
        if body[q.span[1] : q.span[1] + 1] == "的" and after:
            owners = [m for m in after if m.start == after[0].start]  # 95%的城市社区…: the name after it
        elif split >= 0:
            values = [x for x in quantities if x.span[0] > split and clause_of[x.span[0]] == clause]
            owners = _respectively(before, values, q, body, clause_of)
        else:  # the name right before it; one word may name two (村（社区） is urban and rural alike)
            owners = [m for m in before if m.start == before[-1].start]
        for m in owners:
            out.setdefault(m.indicator.id, []).append(q)
    return out


def _named_before(
    mentions: list[_Mention], q: Quantity, quantities: list[Quantity], body: str, clause_of: list[int]
) -> _Mention | None:
    """到2030年，上述指标分别达到92%、96%和93%以上: the indicators the sentence named before, in order, pair
    with the clause's figures when there are as many of each."""
    if "分别" not in body or not _ANAPHOR.search(body):  # most targets: nothing to look for clause by clause
        return None
    clause = clause_of[q.span[0]]
    text = _clause_text(body, clause_of, clause)
    if not _ANAPHOR.search(text) or "分别" not in text:
        return None
    sentence = body.rfind("。", 0, clause_of.index(clause)) + 1
    named: list[_Mention] = []
    for m in mentions:
        if m.clause < clause and m.start >= sentence and all(n.indicator.id != m.indicator.id for n in named):
            named.append(m)
    values = [x for x in quantities if clause_of[x.span[0]] == clause]
    return named[values.index(q)] if len(named) == len(values) else None


def _respectively(
    names: list[_Mention], values: list[Quantity], q: Quantity, body: str, clause_of: list[int]
) -> list[_Mention]:
    """分别: the listed subjects (新生儿、婴儿和5岁以下儿童死亡率; 宫颈癌和乳腺癌人群筛查率) pair with the
    values in order; one value goes to all; stage years go to a single name; otherwise nobody."""
    years = [v.year for v in values]
    if len(values) == 1 or (len(names) == 1 and None not in years and len(set(years)) == len(years)):
        return names
    index = values.index(q)
    first = clause_of.index(names[0].clause)
    split = body.find("分别", names[0].start)
    cuts = [first] + [m.end() for m in _SUBJECT_SEPARATOR.finditer(body, first, split)]
    subjects = [sum(1 for c in cuts if c <= m.start) - 1 for m in names]
    if len(cuts) == len(values):
        return [m for m, k in zip(names, subjects, strict=True) if k == index]
    if len(values) == len(names):
        return [names[index]]
    return []


def _better(new: Statement, old: Statement | None) -> bool:
    if old is None:
        return True

    # The indicator's own figure before a subgroup's; a main target before a strategy; a number in the
    # indicator's unit (or one converting to it) before one in another, a number before none; an indicator
    # table's row before a sentence (the table is the plan's own summary of its numbers, stage by stage);
    # otherwise the first statement stands.
    def rank(e: Statement) -> tuple[bool, ...]:
        comparable_figure = any(comparable(q.unit, e.indicator.unit) for q in e.quantities)
        return (e.reason is None, e.target.main, comparable_figure, bool(e.quantities), e.target.table, e.qualitative)

    return rank(new) > rank(old)


def _resemblance(name: str, chars: set[str], body: str, letters: set[str]) -> ScoreAlignment | None:
    """Where `body` resembles `name` best, if it scores at least _RESEMBLES_MIN. An alignment scores at most
    200·k/(n+k) with k of the name's n characters in the body; a name too few of whose characters are in a
    longer body cannot reach the minimum, which spares most of the searches."""
    k = len(name) - len(chars - letters)
    if len(body) >= len(name) and (200 - _RESEMBLES_MIN) * k < _RESEMBLES_MIN * len(name):
        return None
    return fuzz.partial_ratio_alignment(name, body, score_cutoff=_RESEMBLES_MIN)  # None below it


def _fuzzy(
    ind: Indicator,
    targets: list[Target],
    bodies: dict[int, str],
    docs: dict[int, Doc],
    names_of_all: tuple[str, ...],
    named: dict[int, list[tuple[int, int]]],
) -> Statement | None:
    """A main target naming the indicator in other words or with a typo (孕产妇死忙率), by rapidfuzz
    over its name and aliases. With a figure right after the name it is read as the indicator's
    (compare then takes the unit and comparator as the evidence, and never accuses on it); a
    weaker resemblance without one is only to be confirmed by a person. Text that already names
    an indicator exactly (新生儿死亡率) is that indicator's, not a look-alike of another (婴儿死亡率)."""
    names = [(a, set(a)) for a in (ind.name, *ind.aliases) if len(a) >= 4]
    best: tuple[float, Target, int] | None = None
    for t in targets:
        if not t.main:
            continue
        body = bodies[id(t)]
        if id(t) not in named:
            named[id(t)] = [(start, end) for _, start, end in find_phrases(docs[id(t)], names_of_all)]
        known = named[id(t)]
        letters = set(body)
        for name, chars in names:
            found = _resemblance(name, chars, body, letters)
            if found is None or any(start < found.dest_end and found.dest_start < end for start, end in known):
                continue
            if found.score >= _RESEMBLES_MIN and (best is None or found.score > best[0]):
                best = (found.score, t, found.dest_end)
    if best is None:
        return None
    score, target, end = best
    body = bodies[id(target)]
    clause_end = next((m.start() for m in _CLAUSE_END.finditer(body, end)), len(body))
    figures = [q for q in target.quantities if end <= q.span[0] < clause_end and q.text in body]
    if figures:
        return Statement(indicator=ind, target=target, quantities=figures[:1], score=score / 100, resembles=True)
    if score >= _FUZZY_MIN:
        return Statement(indicator=ind, target=target, score=score / 100, uncertain=True)
    return None
