"""The check kinds that rules/*.yaml extend: one module each, with a `check(rule, facts)` generator."""
