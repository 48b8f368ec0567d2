"""Upper-level targets: load, validate and layer the YAML files in reference_targets/.

A file may `extends:` another (by name); it then lists only what it changes: indicators with the
same id replace the parent's fields they set, new ids are added to their domain."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError
from ..resources import data_dir, read_yaml

# The reference is the checker's knowledge, below every step: the models import these from here.
Comparator = Literal[">=", "<=", ">", "<", "=", "about"]
PlanKind = Literal["women", "children"]


class _Strict(BaseModel):
    """A misspelt or misplaced key in a reference file is an error, never silently ignored (a province file
    whose indicators sit at the wrong level would otherwise leave the national values in force)."""

    model_config = ConfigDict(extra="forbid")


class Keyword(_Strict):
    word: str
    weight: float = 1.0


class Indicator(_Strict):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    keywords: list[list[str]] = Field(default_factory=list)  # groups: one of each must occur
    exclude: list[str] = Field(default_factory=list)
    comparator: Comparator
    value: float
    unit: str
    year: int = 2030
    stages: dict[int, float] = Field(default_factory=dict)  # intermediate values, e.g. {2025: 95}
    stage_source: str | None = None  # the document the stages come from (a province file may add them)
    binding: str | None = None  # 约束性 / 预期性
    certainty: str = "confirmed"
    wording: str
    clause: str | None = None
    source: str | None = None  # the document it comes from (filled from the file's `sources`)
    domain: str = ""  # filled when loaded


class Qualitative(_Strict):
    key: str
    wording: str


class Domain(_Strict):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    keywords: list[Keyword] = Field(default_factory=list)  # words a heading names the domain by
    vocabulary: list[str] = Field(default_factory=list)  # words its body speaks of (溺水, 欺凌 …)
    indicators: list[Indicator] = Field(default_factory=list)
    qualitative: list[Qualitative] = Field(default_factory=list)

    def terms(self) -> set[str]:
        """Everything the domain's text is recognised by: its vocabulary, indicator names and
        key words, the keys of its qualitative targets, its longer heading key words."""
        words = {*self.vocabulary, *(q.key for q in self.qualitative)}
        words |= {k.word for k in self.keywords if len(k.word) >= 3}
        for ind in self.indicators:
            words |= {ind.name, *ind.aliases, *(w for group in ind.keywords for w in group)}
        return {w for w in words if len(w) >= 2}


class Section(_Strict):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)  # names it has anywhere outside the domains
    general_aliases: list[str] = Field(default_factory=list)  # names it has only in the general part (主要目标)
    indicator_table: bool = False  # an indicator table of the whole plan stands for it (总体目标)


class PlanReference(_Strict):
    sections: list[Section]
    domains: list[Domain]
    kind_words: list[str] = Field(default_factory=list)  # 妇女, 女性: headings about this kind of plan
    other_kind_words: list[str] = Field(default_factory=list)  # 儿童, 未成年人: about the other kind
    generic_phrases: list[str] = Field(default_factory=list)  # 健康成长: a slogan, not a domain's name
    past_parts: list[str] = Field(default_factory=list)  # 发展基础, 现状: parts about the past

    def indicators(self) -> list[Indicator]:
        return [i for d in self.domains for i in d.indicators]

    def domain_terms(self) -> dict[str, dict[str, float]]:
        """domain id → {term: weight}; a term several domains share weighs 1/k in each."""
        terms = {d.id: d.terms() for d in self.domains}
        counts: dict[str, int] = {}
        for words in terms.values():
            for w in words:
                counts[w] = counts.get(w, 0) + 1
        return {d: {w: 1 / counts[w] for w in words} for d, words in terms.items()}


class Reference(_Strict):
    name: str
    version: str
    description: str = ""
    extends: str | None = None
    period: list[int] = Field(default_factory=list)
    sources: dict[str, str] = Field(default_factory=dict)
    issuer: str | None = None
    doc_no: str | None = None
    level: str | None = None
    plans: dict[PlanKind, PlanReference]

    def for_kind(self, kind: PlanKind) -> PlanReference:
        return self.plans[kind]

    def source_list(self) -> list[str]:
        """Every document a bar comes from: a province file's own, and the national outlines for the
        indicators it leaves as they are."""
        bars = [s for plan in self.plans.values() for i in plan.indicators() for s in (i.source, i.stage_source)]
        return [f"《{s}》" for s in dict.fromkeys([*self.sources.values(), *bars]) if s]


def bundled_names() -> list[str]:
    return sorted(p.stem for p in data_dir("reference_targets").glob("*.yaml"))


def layers(names_or_paths: list[str]) -> list[str]:
    """The references a run names, over the national one unless the first named is itself a bundled base."""
    if names_or_paths and not Path(names_or_paths[0]).suffix and names_or_paths[0] in bundled_names():
        return names_or_paths
    return ["national-2021-2030", *names_or_paths]


def load_reference(*names_or_paths: str) -> Reference:
    """A bundled reference by name, or a YAML file by path; parents are merged in. Several are layered in
    order, each over the ones before it (national, then a province's, then a city's)."""
    names = names_or_paths or ("national-2021-2030",)
    return _load(names[-1], names[:-1])


@cache
def _load(name_or_path: str, below: tuple[str, ...] = ()) -> Reference:
    path = Path(name_or_path)
    if not path.suffix:
        path = data_dir("reference_targets") / f"{name_or_path}.yaml"
    if not path.is_file():
        raise InputError(
            f"找不到上级目标文件 {name_or_path}（可用：{', '.join(bundled_names())}，或给出 YAML 文件路径）"
        )
    try:
        raw = read_yaml(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise InputError(f"上级目标文件 {path.name} 无法读取：{str(e).splitlines()[0]}") from e
    if not isinstance(raw, dict):
        raise InputError(f"上级目标文件 {path.name} 不是有效的 YAML 映射")
    try:
        _stamp_sources(raw)
        if below:
            raw = _merge(_load(below[-1], below[:-1]).model_dump(), raw)
        elif raw.get("extends"):
            raw = _merge(_load(str(raw["extends"])).model_dump(), raw)
    except KeyError as e:  # layering merges domains, sections and indicators by id
        raise InputError(f"上级目标文件 {path.name} 格式错误：有一项缺少 {e.args[0]}") from None
    except (TypeError, AttributeError):
        raise InputError(f"上级目标文件 {path.name} 格式错误：结构应与 national-2021-2030.yaml 相同") from None
    try:
        ref = Reference.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"上级目标文件 {path.name} 格式错误：{where}: {first['msg']}") from e
    for plan in ref.plans.values():
        for domain in plan.domains:
            for ind in domain.indicators:
                ind.domain = domain.id
    return ref


def _stamp_sources(raw: dict) -> None:
    """Each indicator remembers the document its bar comes from, before files are layered: a file
    that restates an indicator's value or wording is its source; one that only adds stages is the
    stages' source, and the value and wording keep the parent's. A file without `sources` is named
    by its description, never by its file name."""
    sources = raw.get("sources") or {}
    for kind, plan in (raw.get("plans") or {}).items():
        document = sources.get(kind) or raw.get("description") or raw.get("name")
        for domain in plan.get("domains", []):
            for ind in domain.get("indicators", []):
                if "value" in ind or "wording" in ind:
                    ind.setdefault("source", document)
                if ind.get("stages"):
                    ind.setdefault("stage_source", document)


def _merge(parent: dict, child: dict) -> dict:
    """Child fields override the parent's; domains and indicators merge by id."""
    merged = {**parent, **{k: v for k, v in child.items() if k != "plans"}}
    merged["sources"] = {**parent.get("sources", {}), **(child.get("sources") or {})}
    merged["plans"] = {kind: dict(plan) for kind, plan in parent["plans"].items()}
    for kind, plan in (child.get("plans") or {}).items():
        base = merged["plans"].setdefault(kind, {"sections": [], "domains": []})
        if "sections" in plan:
            base["sections"] = _merge_by_id(base["sections"], plan["sections"])
        for key, words in plan.items():  # kind_words, past_parts …: added to the parent's; unknown keys refused
            if key not in ("sections", "domains"):
                base[key] = [*base.get(key, []), *words] if isinstance(words, list) else words
        domains = {d["id"]: dict(d) for d in base["domains"]}
        for d in plan.get("domains", []):
            if d["id"] in domains:
                old = domains[d["id"]]
                indicators = _merge_by_id(old.get("indicators", []), d.get("indicators", []))
                domains[d["id"]] = {**old, **d, "indicators": indicators}
            else:
                domains[d["id"]] = d
        base["domains"] = list(domains.values())
    return merged


def _merge_by_id(old: list[dict], new: list[dict]) -> list[dict]:
    by_id = {item["id"]: dict(item) for item in old}
    for item in new:
        by_id[item["id"]] = {**by_id.get(item["id"], {}), **item}
    return list(by_id.values())
