"""Find the required sections and the development domains of a plan, by what its parts mean.

Domains: every candidate heading is scored against every domain by its own words and by the words
of its body, with the vocabulary the reference data keeps per domain (name, aliases and key words
for the heading; indicator names, qualitative targets and the domain's vocabulary for the body).
The group of sibling headings that covers the domains best is chosen (二、发展领域, 三、重点任务,
or the top level), and its headings are assigned to the domains all at once, by an exact optimal
assignment over the score matrix. So a heading whose body speaks of 溺水、欺凌、网络沉迷 is 安全
whatever its title says, and 营造和睦家庭环境，促进儿童健康成长 is 家庭 (its body speaks of 家长学校
and 家风; 健康成长 is a slogan). Parts about the past (发展基础, 现状与形势 …) and, in a combined
plan, headings about the other kind of plan are never candidates.

Sections: by alias outside the domains (保障措施 is 组织实施, 统计监测 is 监测评估); the general-part
names (主要目标) only in the plan's general part; an umbrella heading (指导思想、基本原则和总体目标)
counts only when its parts have no headings of their own; a plan whose goals are only an
indicator table of the whole plan has its 总体目标 there."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from .models import Classified, DomainResult, Node, Plan, SectionResult
from .reference import Domain, PlanReference, Section
from .structure import ANNEX, label, walk
from .text.patterns import KEYWORD_LINE
from .text.words import any_of

_MIN_DOMAIN_SCORE = 0.5
_ALIAS_SCORE = 2.0
_TITLE_TERM = 0.8  # a vocabulary word in a title: a little less than a heading key word
_BODY_SCORE = 1.5  # a body that speaks only of one domain outweighs a key word in the title
_BODY_EVIDENCE = 2.0  # the term weight a body needs before its vocabulary counts in full
_TASK_WORDS = ("任务", "领域", "措施", "行动")  # a part holding domains, not the general part

Candidate = tuple[Node, tuple[Node, ...]]


def classify(plan: Plan, ref: PlanReference) -> Classified:
    # An annex (附件：目标任务分解表) may repeat the domain headings: they are not the plan's own.
    own = [c for c in plan.root.children if not ANNEX.match(c.heading.title)]
    root = plan.root.model_copy(update={"children": own})
    nodes = walk(root)
    skip = _not_candidates(nodes, ref)
    scorer = _Scorer(ref)
    section_names = any_of(tuple(a for s in ref.sections for a in s.aliases))
    general_parts = {id(n) for n, _ in nodes if _names_section(n, section_names) and not _names_domain(n, scorer)}
    container, domain_nodes = _find_domains(root, nodes, skip | general_parts, scorer)
    inside = {id(n) for node, _ in domain_nodes.values() for n in (node, *(c for c, _ in walk(node)))}
    outside = [(n, path) for n, path in nodes if id(n) not in inside and id(n) not in skip and n is not container]
    outside = _without_umbrellas(outside, ref.sections)
    general = [(n, path) for n, path in outside if _in_general_part(path, container, ref)]
    sections = []
    section_nodes: dict[str, Node] = {}
    for section in ref.sections:
        found = _find_section(outside, section.aliases) or _find_section(general, section.general_aliases)
        heading = label(found) if found else None
        if found is None and section.indicator_table:
            found, heading = _plan_indicator_table(outside)
        if found is not None:
            section_nodes[section.id] = found
        sections.append(
            SectionResult(
                id=section.id,
                name=section.name,
                found=found is not None,
                heading=heading,
                location=found.heading.location if found else None,
            )
        )
    domains = [
        DomainResult(
            id=d.id,
            name=d.name,
            found=d.id in domain_nodes,
            heading=label(domain_nodes[d.id][0]) if d.id in domain_nodes else None,
            location=domain_nodes[d.id][0].heading.location if d.id in domain_nodes else None,
        )
        for d in ref.domains
    ]
    return Classified(sections=sections, domains=domains, domain_nodes=domain_nodes, section_nodes=section_nodes)


class _Scorer:
    """Scores of headings against domains; each node's vocabulary is read once."""

    def __init__(self, ref: PlanReference) -> None:
        self.ref = ref
        self.terms = ref.domain_terms()
        words = tuple(sorted({w for terms in self.terms.values() for w in terms}))
        self._pattern, self._within = any_of(words), _within(words)
        self._seen: dict[int, frozenset[str]] = {}
        self._weights: dict[int, dict[str, float]] = {}

    def score(self, node: Node, domain: Domain) -> float:
        return self.heading_score(node.heading.title, domain) + self._body_score(node, domain)

    def heading_score(self, title: str, domain: Domain) -> float:
        if any(alias in title for alias in domain.aliases):
            return _ALIAS_SCORE
        if any(fuzz.partial_ratio(alias, title) >= 90 for alias in domain.aliases if len(alias) >= 4):
            return _ALIAS_SCORE * 0.9
        for phrase in self.ref.generic_phrases:
            title = title.replace(phrase, "")
        keyword = max((k.weight for k in domain.keywords if k.word in title), default=0.0)
        terms = self.terms[domain.id]
        return max(keyword, max((_TITLE_TERM * w for t, w in terms.items() if t in title), default=0.0))

    def _body_score(self, node: Node, domain: Domain) -> float:
        if id(node) not in self._weights:  # the same for every domain the node is scored against
            found = self._body_terms(node)
            self._weights[id(node)] = {
                d: sum(w for t, w in terms.items() if t in found) for d, terms in self.terms.items()
            }
        weights = self._weights[id(node)]
        total = sum(weights.values())
        if not total:
            return 0.0
        return _BODY_SCORE * weights[domain.id] / total * min(1.0, total / _BODY_EVIDENCE)

    def _body_terms(self, node: Node) -> frozenset[str]:
        if id(node) not in self._seen:
            found = set(self._text_terms(" ".join(p.text for p in node.paragraphs)))
            for child in node.children:
                found |= self._text_terms(child.heading.title) | self._body_terms(child)
            self._seen[id(node)] = frozenset(found)
        return self._seen[id(node)]

    def _text_terms(self, text: str) -> set[str]:
        if self._pattern is None:
            return set()
        return {w for m in self._pattern.finditer(text) for w in self._within[m[0]]}


@cache  # per reference: its terms do not change from plan to plan
def _within(words: tuple[str, ...]) -> dict[str, set[str]]:
    """Each term's shorter terms inside it: a long term found also counts them (家庭教育指导 → 家庭教育)."""
    return {w: {v for v in words if v in w} for w in words}


def _find_domains(
    root: Node, nodes: list[Candidate], skip: set[int], scorer: _Scorer
) -> tuple[Node | None, dict[str, Candidate]]:
    """The sibling group that covers the domains best, and its assignment to them."""
    paths = {id(n): path for n, path in nodes}
    best: tuple[tuple[int, float], Node | None, dict[str, Candidate]] = ((0, 0.0), None, {})
    for parent in (root, *(n for n, _ in nodes)):
        # 三、重点任务 holds the domains although 重点任务 is also a keyword line inside a domain
        if id(parent) in skip or (parent is not root and not _is_part(parent) and "任务" not in parent.heading.title):
            continue
        kids = [c for c in parent.children if _is_part(c) and id(c) not in skip]
        if len(kids) < 2:
            continue
        path = (*paths.get(id(parent), ()), parent) if parent is not root else ()
        assigned = _assign([(c, path) for c in kids], scorer)
        quality = (len(assigned), sum(s for _, s in assigned.values()))
        if quality > best[0]:
            best = (quality, parent, {d: c for d, (c, _) in assigned.items()})
    if best[0][0] >= 2:
        return best[1], best[2]
    loose = [(n, path) for n, path in nodes if _is_part(n) and id(n) not in skip and n.heading.level <= 3]
    return None, {d: c for d, (c, _) in _assign(loose, scorer).items()}


def _assign(candidates: list[Candidate], scorer: _Scorer) -> dict[str, tuple[Candidate, float]]:
    """The optimal one-to-one assignment of headings to domains (largest total score), by dynamic
    programming over the set of domains taken (at most 2⁸ states)."""
    domains = scorer.ref.domains
    states: dict[int, tuple[float, tuple[tuple[int, int, float], ...]]] = {0: (0.0, ())}
    for i, (node, _) in enumerate(candidates):
        row = [scorer.score(node, d) for d in domains]
        after = dict(states)
        for mask, (total, pairs) in states.items():
            for j, s in enumerate(row):
                if s < _MIN_DOMAIN_SCORE or mask >> j & 1:
                    continue
                key = mask | 1 << j
                if key not in after or total + s > after[key][0] + 1e-9:
                    after[key] = (total + s, (*pairs, (i, j, s)))
        states = after
    _, pairs = max(states.values(), key=lambda v: v[0])
    return {domains[j].id: (candidates[i], s) for i, j, s in pairs}


def _not_candidates(nodes: list[Candidate], ref: PlanReference) -> set[int]:
    """Nodes that are never the plan's domains or sections: parts about the past (发展基础 …) and,
    in a combined plan, parts about the other kind (儿童与健康 in the women's review), with all
    below them."""
    skip: set[int] = set()
    for n, path in nodes:
        title = n.heading.title
        other = any(w in title for w in ref.other_kind_words) and not any(w in title for w in ref.kind_words)
        past = n.heading.level <= 2 and any(w in title for w in ref.past_parts)
        if other or past or any(id(a) in skip for a in path):
            skip.add(id(n))
    return skip


def _names_section(node: Node, names: re.Pattern[str] | None) -> bool:
    """A required part (指导思想 …) or the part holding them (总体思路): never a domain."""
    parts = (node, *(c for c in node.children if _is_part(c)))  # a domain's own 主要目标 does not count
    return names is not None and any(names.search(n.heading.title) for n in parts)


def _names_domain(node: Node, scorer: _Scorer) -> bool:
    """A heading that names the plan's kind and a domain (健全儿童福利保障机制, 完善妇女社会保障体系): a
    domain although a section's word (保障机制) is in it."""
    title = node.heading.title
    if not any(w in title for w in scorer.ref.kind_words):
        return False
    return any(scorer.heading_score(title, d) >= _MIN_DOMAIN_SCORE for d in scorer.ref.domains)


def _in_general_part(path: tuple[Node, ...], container: Node | None, ref: PlanReference) -> bool:
    """Is a node in the plan's general part (总体要求, 总体思路 …), where 主要目标 means 总体目标?"""
    if container is not None and any(a is container for a in path):
        return False
    words = (*ref.kind_words, *ref.other_kind_words, *_TASK_WORDS)
    return not path or not any(w in path[-1].heading.title for w in words)


def _without_umbrellas(nodes: list[Candidate], sections: list[Section]) -> list[Candidate]:
    """Drop umbrella headings such as 一、指导思想、基本原则和总体目标 whose parts have headings of
    their own: then each part must be there under its own heading."""

    def named(title: str) -> int:
        return sum(1 for s in sections if any(a in title for a in (*s.aliases, *s.general_aliases)))

    return [
        (n, path)
        for n, path in nodes
        if not (named(n.heading.title) >= 2 and any(named(c.heading.title) for c in n.children))
    ]


def _find_section(nodes: list[Candidate], aliases: list[str]) -> Node | None:
    """The most specific heading naming the section: the shortest title that contains an alias."""
    hits = [n for n, _ in nodes if any(a in n.heading.title for a in aliases)]
    if not hits:
        hits = [
            n
            for n, _ in nodes
            if len(n.heading.title) <= 20 and any(fuzz.partial_ratio(a, n.heading.title) >= 90 for a in aliases)
        ]
    return min(hits, key=lambda n: len(n.heading.title)) if hits else None


def _plan_indicator_table(nodes: list[Candidate]) -> tuple[Node | None, str | None]:
    """An indicator table of the whole plan (指标名称 | 2030年目标值 …) outside the domains."""
    for n, _ in nodes:
        if any(p.cells and any("指标" in c for c in p.cells) for p in n.paragraphs):
            return n, f"{label(n)}（指标表）"
    return None, None


def _is_part(node: Node) -> bool:
    """A heading that may name a domain: any but the keyword lines 主要目标, 策略措施 …"""
    return not KEYWORD_LINE.match(node.heading.title)
