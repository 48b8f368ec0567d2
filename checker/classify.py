"""Find the required sections and the development domains of a plan, also under reworded headings.

Sections are recognised by alias (exact, or rapidfuzz ≥ 90 for slightly garbled headings); domains
by alias or by weighted keywords, assigned one heading per domain, best scores first. Domain
headings are looked for among the children of the heading that holds most of them (发展领域…)."""

from __future__ import annotations

from rapidfuzz import fuzz

from .models import Classified, DomainResult, Node, Plan, SectionResult
from .reference import Domain, PlanReference, Section
from .structure import ANNEX, walk
from .text.patterns import KEYWORD_LINE

_MIN_DOMAIN_SCORE = 0.5
_ALIAS_SCORE = 2.0


def classify(plan: Plan, ref: PlanReference) -> Classified:
    # An annex (附件：目标任务分解表) may repeat the domain headings: they are not the plan's own.
    own = [c for c in plan.root.children if not ANNEX.match(c.heading.title)]
    plan_root = plan.root.model_copy(update={"children": own})
    container, candidates = _domain_candidates(plan_root, ref.domains)
    domain_nodes = _assign_domains(candidates, ref.domains)
    inside = {id(n) for n, _ in domain_nodes.values()}
    outside = [
        (n, path) for n, path in walk(plan_root) if not any(id(a) in inside for a in (*path, n)) and n is not container
    ]
    outside = _without_umbrellas(outside, ref.sections)
    sections = []
    for section in ref.sections:
        found = _find_section(outside, section.aliases)
        sections.append(
            SectionResult(
                id=section.id,
                name=section.name,
                found=found is not None,
                heading=_heading_text(found) if found else None,
                location=found.heading.location if found else None,
            )
        )
    domains = []
    for d in ref.domains:
        node = domain_nodes.get(d.id)
        domains.append(
            DomainResult(
                id=d.id,
                name=d.name,
                found=node is not None,
                heading=_heading_text(node[0]) if node else None,
                location=node[0].heading.location if node else None,
            )
        )
    return Classified(sections=sections, domains=domains, domain_nodes=domain_nodes)


def domain_score(title: str, domain: Domain) -> float:
    if any(alias in title for alias in domain.aliases):
        return _ALIAS_SCORE
    if any(fuzz.partial_ratio(alias, title) >= 90 for alias in domain.aliases if len(alias) >= 4):
        return _ALIAS_SCORE * 0.9
    return max((k.weight for k in domain.keywords if k.word in title), default=0.0)


def _domain_candidates(root: Node, domains: list[Domain]) -> tuple[Node | None, list[tuple[Node, tuple]]]:
    """The heading whose children name the most different domains, and those children."""
    best: Node | None = None
    best_hits = 0
    nodes = [root, *(n for n, _ in walk(root))]
    for node in nodes:
        titles = [c.heading.title for c in node.children if _is_part(c)]
        hits = sum(1 for d in domains if any(domain_score(t, d) >= 1.0 for t in titles))
        if hits > best_hits:
            best, best_hits = node, hits
    if best is None or best_hits < 2:
        return None, [(n, p) for n, p in walk(root) if _is_part(n) and n.heading.level <= 3]
    path = next((p for n, p in walk(root) if n is best), ())
    return best, [(c, (*path, best)) for c in best.children]


def _assign_domains(candidates: list[tuple[Node, tuple]], domains: list[Domain]) -> dict:
    scored = sorted(
        ((domain_score(node.heading.title, d), i, d.id) for i, (node, _) in enumerate(candidates) for d in domains),
        key=lambda t: (-t[0], t[1]),
    )
    taken: set[int] = set()
    assigned: dict[str, tuple[Node, tuple]] = {}
    for score, i, domain_id in scored:
        if score < _MIN_DOMAIN_SCORE:
            break
        if i in taken or domain_id in assigned:
            continue
        taken.add(i)
        assigned[domain_id] = candidates[i]
    return assigned


def _without_umbrellas(nodes: list[tuple[Node, tuple]], sections: list[Section]) -> list[tuple[Node, tuple]]:
    """Drop umbrella headings such as 一、指导思想、基本原则和总体目标 whose parts have headings of
    their own: then each part must be there under its own heading."""

    def named(title: str) -> int:
        return sum(1 for s in sections if any(a in title for a in s.aliases))

    return [
        (n, path)
        for n, path in nodes
        if not (named(n.heading.title) >= 2 and any(named(c.heading.title) for c in n.children))
    ]


def _find_section(nodes: list[tuple[Node, tuple]], aliases: list[str]) -> Node | None:
    """The most specific heading naming the section: the shortest title that contains an alias."""
    hits = [n for n, _ in nodes if any(a in n.heading.title for a in aliases)]
    if not hits:
        hits = [
            n
            for n, _ in nodes
            if len(n.heading.title) <= 20 and any(fuzz.partial_ratio(a, n.heading.title) >= 90 for a in aliases)
        ]
    return min(hits, key=lambda n: len(n.heading.title)) if hits else None


def _is_part(node: Node) -> bool:
    """A heading that may name a domain: any but the keyword lines 主要目标, 策略措施 …"""
    return not KEYWORD_LINE.match(node.heading.title)


def _heading_text(node: Node) -> str:
    return f"{node.heading.number}{node.heading.title}"
