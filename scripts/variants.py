#!/usr/bin/env python3
"""Run the layout-variant property over many seeds and print the share of variants whose review
stays the same as the original text's, with the differences of those that do not.

    PYTHONPATH=$PWD .venv/bin/python scripts/variants.py --seeds 20 [--only pdfcopy,webcopy] [--plans ruzhou]

The .doc/.rtf/.odt variants are made by LibreOffice, one run per format and seed for all plans,
and each is converted back when it is read: they take some seconds each."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from variants import OFFICE_VARIANTS, VARIANTS, differences, make_office_variants, make_variant, review  # noqa: E402

PLANS = ("dongchangfu", "ruzhou", "wuqing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--first", type=int, default=0, help="first seed")
    parser.add_argument("--only", default=",".join(VARIANTS), help="variants, comma-separated")
    parser.add_argument("--plans", default=",".join(PLANS))
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args()
    same: Counter[str] = Counter()
    total: Counter[str] = Counter()
    plans = args.plans.split(",")
    seeds = range(args.first, args.first + args.seeds)
    with tempfile.TemporaryDirectory() as tmp:
        texts = [(ROOT / "tests" / "fixtures" / f"{plan}.txt").read_text(encoding="utf-8") for plan in plans]
        made = {  # LibreOffice's copies, made in one run per format and seed
            (plan, name, seed): path
            for name in args.only.split(",")
            if name in OFFICE_VARIANTS
            for seed in seeds
            for plan, path in zip(plans, make_office_variants(name, texts, seed, Path(tmp)), strict=True)
        }
        for plan, text in zip(plans, texts, strict=True):
            expected = review(ROOT / "tests" / "fixtures" / f"{plan}.txt")
            for name in args.only.split(","):
                for seed in seeds:
                    try:
                        path = made.get((plan, name, seed)) or make_variant(name, text, seed, Path(tmp))
                        diff = differences(expected, review(path))
                    except Exception as e:  # a refusal is a difference too
                        diff = [f"{type(e).__name__}: {e}"]
                    total[name] += 1
                    same[name] += not diff
                    if diff and not args.quiet:
                        print(f"{plan} {name} seed {seed}:", *diff, sep="\n  ")
    for name in total:
        print(f"{name:14} {same[name]}/{total[name]} the same ({same[name] / total[name]:.0%})")
    print(f"{'all':14} {sum(same.values())}/{sum(total.values())} ({sum(same.values()) / sum(total.values()):.0%})")


if __name__ == "__main__":
    main()
