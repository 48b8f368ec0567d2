.PHONY: example test bench lint

example:
	scripts/setup.sh
	.venv/bin/check examples/dongchangfu.docx --out examples/

test:
	scripts/setup.sh
	.venv/bin/ruff check .
	.venv/bin/pytest -q

bench:
	scripts/setup.sh
	.venv/bin/python bench/bench.py
