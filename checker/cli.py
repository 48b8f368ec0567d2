"""The `check` command: parse the arguments, read the configuration, run the batch, write the outputs,
set the exit code. The work itself is done elsewhere (batch, pipeline, report); this only wires it.

Exit codes: 0 no finding at or above --fail-on; 1 such findings, or a review that could not be completed
(unless --fail-on never); 2 an input, argument, configuration or output could not be used (one line on
stderr). Accepted findings (a baseline, a sidecar, a check:ignore comment) do not count."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from . import __version__
from .config import FAIL_LEVELS, Config, find_config, load_config, parse_severity
from .errors import InputError
from .output import FILE_NAMES, FORMATS, STDOUT_FORMATS

DESCRIPTION = "检查妇女/儿童发展规划与上级规划的衔接，写出衔接审核意见（check local plans against upper-level plans）。"
EPILOG = """子命令：
  check rules                 列出全部规则（编号、级别、名称）
  check explain 规则编号        显示规则说明

配置：从当前目录向上查找 check.toml，或 pyproject.toml 中的 [tool.plancheck]；命令行参数优先。
退出码：0 没有达到 --fail-on 级别的问题；1 有；2 输入、参数、配置或输出无法使用。
示例：
  check 草案.docx                         写出 ./草案.review.html
  check 各县规划/ --out 审核结果/ --jobs 2    整个文件夹，另有 index.html、summary.json、summary.csv
  check 草案.docx --format sarif,html --out out/
  check 新稿.docx --compare 旧稿.docx
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="用法：")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError(f"参数错误：{message}（用法：check --help）")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="check", description=DESCRIPTION, epilog=EPILOG, formatter_class=_Formatter, add_help=False)
    p._positionals.title = "参数"
    p._optionals.title = "选项"
    p.add_argument(
        "files",
        nargs="*",
        metavar="文件或文件夹",
        help="规划文件（.docx .doc .wps .pdf .txt …）或文件夹；- 表示标准输入",
    )
    p.add_argument(
        "-f",
        "--format",
        action="append",
        metavar="格式",
        help=f"输出格式：{'|'.join(FORMATS)}，可用逗号或多次给出（默认 html）",
    )
    p.add_argument(
        "-o",
        "--out",
        type=Path,
        metavar="目录",
        help="输出目录：审核意见按输入的文件夹结构存放；多种格式时各写一个文件",
    )
    p.add_argument(
        "-r",
        "--reference",
        action="append",
        metavar="名称或文件",
        help="上级目标：内置名称或 YAML 文件，可多次给出，依次叠加在全国纲要之上",
    )
    p.add_argument("--against", type=Path, metavar="上级规划", help="从上级规划文件中读取上级目标")
    p.add_argument("--level", metavar="层级", help="标题未写明层级时规划的层级（省 市 县 区 乡镇 街道）")
    p.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        metavar="级别",
        help="退出码为 1 的最低级别：error|warning|info|never（默认 error）",
    )
    p.add_argument("--select", action="append", metavar="规则", help="只运行这些规则（逗号分隔）")
    p.add_argument("--ignore", action="append", metavar="规则", help="不运行这些规则（逗号分隔）")
    p.add_argument(
        "--severity", action="append", metavar="规则=级别", help="改变规则的级别，如 missing-lead-unit=error"
    )
    p.add_argument("--rules", type=Path, metavar="目录", help="补充或覆盖规则的规则文件夹（按编号）")
    p.add_argument("--config", type=Path, metavar="文件", help="使用此配置文件（不再自动查找）")
    p.add_argument("--isolated", action="store_true", help="不读取任何配置文件")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="并行检查的进程数（默认为 CPU 核数）")
    p.add_argument("--baseline", type=Path, metavar="文件", help="只报告基线文件中没有的新问题，并列出已解决的")
    p.add_argument("--write-baseline", type=Path, metavar="文件", help="把本次全部问题写入基线文件（保留已有的理由）")
    p.add_argument(
        "--compare", type=Path, metavar="旧稿", help="与旧稿对照：目标的减弱、加强、新增、删除，问题的新增与解决"
    )
    p.add_argument("--no-timestamp", action="store_true", help="HTML 中不写生成时间（逐字节可重现）")
    p.add_argument(
        "--annotate", action="store_true", help="另在输出目录写出 <文件名>.reviewed.docx：审核意见作为 Word 批注"
    )
    p.add_argument("--version", action="version", version=f"plancheck {__version__}", help="显示版本号")
    p.add_argument("-h", "--help", action="help", help="显示本帮助")
    return p


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _formats(values: list[str] | None) -> list[str]:
    formats = list(dict.fromkeys(_split(values) or ["html"]))
    for f in formats:
        if f not in FORMATS:
            raise InputError(f"参数错误：未知的输出格式 {f}（可用：{', '.join(FORMATS)}）")
    return formats


def check(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    formats = _formats(args.format)
    if not args.files:
        raise InputError("参数错误：请给出要检查的规划文件或文件夹（用法：check --help）")
    to_stdout = [f for f in formats if f in STDOUT_FORMATS and f != "github"]
    if args.out is None and len(to_stdout) > 1:
        raise InputError("参数错误：多种输出格式需要用 --out 指定输出目录")
    if args.compare and len(args.files) != 1:
        raise InputError("参数错误：--compare 只能对照一个文件")
    config = Config() if args.isolated else load_config(args.config or find_config(Path.cwd()))
    fail_on = args.fail_on or config.fail_on

    from . import batch
    from .baseline import Policy, baseline_result, baseline_text, read_baseline
    from .models import SEVERITY_RANK, CheckOptions
    from .output import Reviews, render, write_atomic, write_reviews, write_stdout
    from .pipeline import report_for
    from .reference import load_reference

    reference = load_reference(*_layers(args.reference or config.reference))
    if args.against is not None:
        from .pipeline import reference_from_plan

        reference = reference_from_plan(args.against, reference)
    rules = _rules(args, config)
    baseline = read_baseline(args.baseline) if args.baseline else None
    severity = {**config.severity, **parse_severity(args.severity or [])}
    _known(severity, rules, "--severity")
    options = CheckOptions(level=args.level or config.level, policy=Policy(severity=severity, baseline=baseline))
    jobs = args.jobs or batch.default_jobs()

    with batch.scratch_dir() as scratch:
        inputs = batch.collect(args.files, sys.stdin.buffer.read, Path(scratch))
        if not inputs:
            raise InputError(f"在 {', '.join(args.files)} 中没有找到规划文件（.docx .doc .wps .rtf .odt .pdf .txt）")
        names = dict(zip((i.shown for i in inputs), batch.output_names(inputs), strict=True))
        reviews = Reviews(args.out or Path("."), names, None if args.no_timestamp else datetime.now())
        early = "html" in formats and not args.compare  # else each review is written below, from the whole report
        documents, failed = batch.run(
            inputs, reference, rules, options, jobs, True, reviews if early else None, whole="json" in formats
        )
        if args.compare and documents:
            old, old_failed = batch.run(
                [batch.Input(args.compare, str(args.compare))],
                reference,
                rules,
                CheckOptions(options.level, Policy(severity)),
                1,
                False,
            )
            if old_failed:
                raise InputError(f"{old_failed[0].path}：{old_failed[0].reason}")
            from .revision import revision

            documents = [documents[0].model_copy(update={"revision": revision(old[0], documents[0])})]
    report = report_for(documents, reference)
    report.failed = failed
    if baseline:
        report.baseline = baseline_result(report, baseline)
    if args.write_baseline:
        write_atomic(args.write_baseline, baseline_text(report, baseline))

    is_batch = len(inputs) > 1 or any(Path(f).is_dir() for f in args.files if f != batch.STDIN)
    for f in formats:
        if f == "html":
            written = write_reviews(report, reviews, index=is_batch, rendered=early)
            if not to_stdout or args.out:
                _summary(report, written, reviews.out if is_batch else None)
        elif args.out is not None and f != "github":
            write_atomic(args.out / FILE_NAMES[f], render(f, report, rules, fail_on))
        else:
            write_stdout(render(f, report, rules, fail_on))
    if args.annotate:
        failed += _annotate(report, args.out or Path("."), names)
    for failure in failed:
        print(f"check: {failure.path}：{failure.reason}", file=sys.stderr)
    if failed:
        return 2
    if fail_on == "never":
        return 0
    if any(d.verdict == "incomplete" for d in report.documents):  # a partial review never passes a gate
        return 1
    floor = SEVERITY_RANK[fail_on]
    findings = (f for d in report.documents for p in d.plans for f in p.findings if f.accepted is None)
    return int(any(SEVERITY_RANK[f.severity] >= floor for f in findings))


def _annotate(report, out: Path, names: dict[str, Path]) -> list:  # type: ignore[no-untyped-def]
    """Write each document's reviewed .docx beside its review (a line each on stderr); the failures."""
    from .models import Failure
    from .report.annotate import annotate_document

    failed = []
    for i, doc in enumerate(report.documents):
        folder = out / names[doc.path].parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            print(annotate_document(report, i, folder), file=sys.stderr)
        except InputError as e:
            failed.append(Failure(path=doc.path, reason=str(e)))
        except OSError as e:
            raise InputError(f"无法写入 {folder}：{e.strerror}") from None
    return failed


def _layers(references: list[str]) -> list[str]:
    """Reference files layered over the national one, unless the first named is itself a bundled base."""
    from .reference import bundled_names

    if references and Path(references[0]).suffix == "" and references[0] in bundled_names():
        return references
    return ["national-2021-2030", *references]


def _rules(args: argparse.Namespace, config: Config) -> tuple:
    """The bundled rules, then a rules folder's (adding or overriding by id), then --select/--ignore."""
    from .rules import load_rules

    rules = {rule.id: rule for rule in load_rules()}
    folder = args.rules or config.rules
    if folder is not None:
        if not folder.is_dir():
            raise InputError(f"找不到规则文件夹 {folder}")
        rules.update({rule.id: rule for rule in load_rules(folder.resolve())})
    select = _split(args.select) or config.select
    ignore = _split(args.ignore) or config.ignore
    _known(select, rules, "select")
    _known(ignore, rules, "ignore")
    return tuple(r for r in rules.values() if (not select or r.id in select) and r.id not in ignore)


def _known(ids, rules, where: str) -> None:  # type: ignore[no-untyped-def]
    known = {r.id for r in (rules.values() if isinstance(rules, dict) else rules)}
    for rule_id in ids:
        if rule_id not in known:
            raise InputError(f"{where} 中的规则 {rule_id} 不存在（check rules 列出全部规则）")


def _summary(report, written: list[Path], index: Path | None) -> None:  # type: ignore[no-untyped-def]
    from .report.text import print_summary, print_total

    if index is None:
        print_summary(report, written)
    else:
        print_total(report, index)


# ---- check rules / check explain RULE ----


def _rules_parser(name: str, help: str) -> argparse.ArgumentParser:
    p = _Parser(prog=f"check {name}", description=help, formatter_class=_Formatter, add_help=False)
    p._positionals.title = "参数"
    p._optionals.title = "选项"
    if name == "explain":
        p.add_argument("rule", metavar="规则编号")
    p.add_argument("--rules", type=Path, metavar="目录", help="补充或覆盖规则的规则文件夹")
    p.add_argument("--isolated", action="store_true", help="不读取任何配置文件")
    p.add_argument("-h", "--help", action="help", help="显示本帮助")
    return p


def rules_command(argv: list[str]) -> int:
    from .labels import SEVERITY_NAMES

    args = _rules_parser("rules", "列出全部规则：编号、级别、名称。").parse_args(argv)
    config = Config() if args.isolated else load_config(find_config(Path.cwd()))
    args.select = args.ignore = None
    rules = _rules(args, config)
    width = max(len(r.id) for r in rules)
    for rule in rules:
        severity = config.severity.get(rule.id, rule.severity)
        print(f"{rule.id:<{width}}  {severity:<7}  {SEVERITY_NAMES[severity]}  {rule.title}")
    return 0


EXPLAIN_FIELDS = (
    ("title", "名称"),
    ("extends", "检查类型"),
    ("severity", "级别"),
    ("description", "说明"),
    ("why", "为什么"),
    ("example_fail", "不符合的例子"),
    ("example_pass", "符合的例子"),
    ("message", "意见措辞"),
    ("suggestion", "修改建议"),
)


def explain_command(argv: list[str]) -> int:
    """The rule's documentation, read from its YAML file: the fields it has, in a fixed order."""
    from .resources import data_dir, read_yaml

    args = _rules_parser("explain", "显示规则说明（来自规则的 YAML 文件）。").parse_args(argv)
    config = Config() if args.isolated else load_config(find_config(Path.cwd()))
    folders = [f for f in (args.rules or config.rules, data_dir("rules")) if f is not None]
    for folder in folders:
        for path in sorted(Path(folder).glob("*.yaml")):
            data = read_yaml(path)
            if isinstance(data, dict) and data.get("id") == args.rule:
                print(f"{args.rule}（{path.name}）")
                for key, label in EXPLAIN_FIELDS:
                    if data.get(key):
                        print(f"\n{label}：\n{_indented(data[key])}")
                if data.get("params"):
                    print("\n参数：")
                    for key, value in data["params"].items():
                        print(f"  {key}: {value}")
                return 0
    raise InputError(f"规则 {args.rule} 不存在（check rules 列出全部规则）")


def _indented(value: object) -> str:
    lines = value if isinstance(value, list) else str(value).strip().splitlines()
    return "\n".join(f"  {line}" for line in lines)


COMMANDS = {"rules": rules_command, "explain": explain_command}


def main(argv: list[str] | None = None) -> None:
    """Run the command; any unusable input, argument or output is one line on stderr and exit code 2."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        command = COMMANDS.get(argv[0]) if argv else None
        code = command(argv[1:]) if command else check(argv)
    except InputError as e:
        print(f"check: {e}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
