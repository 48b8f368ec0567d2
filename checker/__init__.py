"""plancheck: a rule-based compliance checker for local women's and children's development plans."""

__version__ = "0.1.0"
