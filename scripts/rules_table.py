"""Write the README's rule table from rules/*.yaml (tests/test_rule_files.py checks that they agree).

Usage: python scripts/rules_table.py   (rewrites the table between its markers in README.md)"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.rules import KINDS, Rule, load_rules  # noqa: E402

START = "<!-- rule table: generated from rules/*.yaml by scripts/rules_table.py -->"
END = "<!-- end of rule table -->"


def table(rules: tuple[Rule, ...]) -> str:
    """One row per rule, in the order of the kinds (parts, domains, targets, units), then by id."""
    order = list(KINDS)
    rules = tuple(sorted(rules, key=lambda r: (order.index(r.extends), r.id)))
    rows = [f"| `{r.id}` | {r.extends} | {r.severity} | {r.title} | {r.description} |" for r in rules]
    return "\n".join(["| rule | kind | severity | 名称 | what it checks |", "|---|---|---|---|---|", *rows])


def with_table(readme: str, rules: tuple[Rule, ...]) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table(rules)}\n{END}{tail}"


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(with_table(path.read_text(encoding="utf-8"), load_rules(ROOT / "rules")), encoding="utf-8")
