"""The `check` command: parse the arguments (typer), read the configuration, run the batch, write the outputs,
set the exit code. The work itself is done elsewhere (batch, pipeline, report); this only wires it.

Exit codes: 0 no finding at or above --fail-on; 1 such findings, or a review that could not be completed
(unless --fail-on never); 2 an input, argument, configuration or output could not be used (one line on
stderr). Accepted findings (a baseline, a sidecar, a check:ignore comment) do not count.

`check rules` and `check explain RULE` are picked by the first word, always: a file or folder named `rules`
is checked as `./rules` or `check -- rules`. Everything the user reads is Chinese, --help included: typer's
panels get Chinese titles (rich_help_panel), the usage line a Chinese prefix (_Command), and the parser's
errors are rewritten into one Chinese line (_usage_error)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from . import __version__
from .config import FAIL_LEVELS, LEVELS, Config, find_config, load_config, parse_severity
from .errors import InputError
from .output import FILE_NAMES, FORMATS, STDOUT_FORMATS

HELP = """检查妇女/儿童发展规划与上级规划的衔接，写出衔接审核意见（check local plans against upper-level plans）。

文件或文件夹：规划文件（.docx .doc .wps .rtf .odt .pdf .txt 或网页 .html .mht）或整个文件夹；- 表示标准输入。"""
EPILOG = r"""子命令：
  check rules             列出全部规则（编号、级别、名称）
  check explain 规则编号  显示规则说明
  第一个词是 rules 或 explain 时总是子命令；同名的文件或文件夹写作 ./rules

配置：从当前目录向上查找 check.toml 或 pyproject.toml 的 \[tool.plancheck]；
      命令行参数优先
退出码：0 无 --fail-on 级别以上的问题；1 有；2 输入、参数、配置或输出不可用
示例：
  check 草案.docx                        写出 ./草案.review.html
  check 各县规划/ --out 审核结果/        整个文件夹；另有索引与汇总表
  check 草案.docx -f sarif,html -o out/  多种格式，各写一个文件
  check 新稿.docx --compare 旧稿.docx    与旧稿对照"""

# Help texts are rich markup (a literal [ is written \[) and wrap only at spaces inside the option panels.
OUTPUT, UPPER, RULES, RUN, OTHER = "输出", "上级目标", "规则与判定", "配置与运行", "其他"


class _Command(TyperCommand):
    """A typer command whose usage line starts 用法： (typer's own prefix is English)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")


def _show_help(ctx: typer.Context, value: bool) -> None:
    if value:
        typer.echo(ctx.get_help())  # typer's rich help prints itself and returns ""
        raise typer.Exit()


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"plancheck {__version__}")
        raise typer.Exit()


def _fail_level(value: str | None) -> str | None:
    if value is not None and value not in FAIL_LEVELS:
        raise typer.BadParameter(f"应为 {'|'.join(FAIL_LEVELS)} 之一，而不是 {value}")
    return value


def _plan_level(value: str | None) -> str | None:
    if value is not None and value not in LEVELS:  # as check.toml's `level` is checked
        raise typer.BadParameter(f"应为 {' '.join(LEVELS)} 之一，而不是 {value}")
    return value


def _integer(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise typer.BadParameter(f"应为整数，而不是 {value}") from None


def _opt(*names: str, help: str, panel: str, metavar: str = "", **extra: Any) -> Any:
    """An option with its Chinese help in its panel; a flag's empty metavar keeps typer from showing <bool>.
    Rich breaks a help line only at spaces, so runs of Chinese are kept short (tests/test_cli.py)."""
    return typer.Option(*names, metavar=metavar, help=help, rich_help_panel=panel, **extra)


Help = Annotated[bool, _opt("--help", "-h", help="显示本帮助", panel=OTHER, is_eager=True, callback=_show_help)]
Isolated = Annotated[bool, _opt("--isolated", help="不读取任何配置文件", panel=RUN)]
RulesFolder = Annotated[
    Path | None, _opt("--rules", metavar="目录", help="补充或覆盖规则（按编号）的规则文件夹", panel=RULES)
]
Repeated = list[str] | None  # an option given several times (or the files)


def _app() -> typer.Typer:
    return typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode="rich")


main_app, rules_app, explain_app = _app(), _app(), _app()
_command = {"cls": _Command, "options_metavar": "[选项]", "add_help_option": False}


@main_app.command(help=HELP, epilog=EPILOG, **_command)
def check(
    files: Annotated[Repeated, typer.Argument(metavar="文件或文件夹", hidden=True)] = None,
    format: Annotated[
        Repeated,
        _opt(
            "--format",
            "-f",
            metavar="格式",
            help=f"{' '.join(FORMATS)} 中的一种或几种， 用逗号分隔或多次给出（默认 html）",
            panel=OUTPUT,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        _opt(
            "--out",
            "-o",
            metavar="目录",
            help="审核意见按输入的文件夹结构存放； 多种格式时各写一个文件",
            panel=OUTPUT,
        ),
    ] = None,
    no_timestamp: Annotated[
        bool, _opt("--no-timestamp", help="HTML 中不写生成时间（逐字节可重现）", panel=OUTPUT)
    ] = False,
    annotate: Annotated[
        bool, _opt("--annotate", help="另写出 <文件名>.reviewed.docx： 审核意见作为 Word 批注", panel=OUTPUT)
    ] = False,
    reference: Annotated[
        Repeated,
        _opt(
            "--reference",
            "-r",
            metavar="名称或文件",
            help="内置名称或 YAML 文件；可多次给出， 依次叠加在全国纲要之上",
            panel=UPPER,
        ),
    ] = None,
    against: Annotated[
        Path | None, _opt("--against", metavar="上级规划", help="从上级规划文件中读取上级目标", panel=UPPER)
    ] = None,
    level: Annotated[
        str | None,
        _opt(
            "--level",
            metavar="层级",
            help="标题未写明层级时规划的层级（省 市 县 区 乡镇 街道）",
            panel=UPPER,
            callback=_plan_level,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        _opt(
            "--fail-on",
            metavar="级别",
            help=f"退出码为 1 的最低级别： {'|'.join(FAIL_LEVELS)}（默认 error）",
            panel=RULES,
            callback=_fail_level,
        ),
    ] = None,
    select: Annotated[
        Repeated, _opt("--select", metavar="规则", help="只运行这些规则（逗号分隔）", panel=RULES)
    ] = None,
    ignore: Annotated[
        Repeated, _opt("--ignore", metavar="规则", help="不运行这些规则（逗号分隔）", panel=RULES)
    ] = None,
    severity: Annotated[
        Repeated,
        _opt("--severity", metavar="规则=级别", help="改变规则的级别，如 missing-lead-unit=error", panel=RULES),
    ] = None,
    rules_folder: RulesFolder = None,
    baseline: Annotated[
        Path | None,
        _opt("--baseline", metavar="文件", help="只报告基线文件中没有的新问题， 并列出已解决的", panel=RULES),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        _opt("--write-baseline", metavar="文件", help="把本次全部问题写入基线文件 （保留已有的理由）", panel=RULES),
    ] = None,
    compare: Annotated[
        Path | None,
        _opt(
            "--compare", metavar="旧稿", help="与旧稿对照：目标的减弱、加强、 新增、删除，问题的新增与解决", panel=RULES
        ),
    ] = None,
    config_file: Annotated[
        Path | None, _opt("--config", metavar="文件", help="使用此配置文件（不再自动查找）", panel=RUN)
    ] = None,
    isolated: Isolated = False,
    jobs: Annotated[
        int | None,
        _opt("--jobs", "-j", metavar="N", help="并行检查的进程数（默认为 CPU 核数）", panel=RUN, parser=_integer),
    ] = None,
    version: Annotated[
        bool, _opt("--version", help="显示版本号", panel=OTHER, is_eager=True, callback=_show_version)
    ] = False,
    help: Help = False,
) -> int:
    formats = _formats(format)
    if not files:
        raise InputError("参数错误：请给出要检查的规划文件或文件夹（用法：check --help）")
    to_stdout = [f for f in formats if f in STDOUT_FORMATS and f != "github"]
    if out is None and len(to_stdout) > 1:
        raise InputError("参数错误：多种输出格式需要用 --out 指定输出目录")
    if compare and len(files) != 1:
        raise InputError("参数错误：--compare 只能对照一个文件")
    config = Config() if isolated else load_config(config_file or find_config(Path.cwd()))
    fail_on = fail_on or config.fail_on

    from . import batch
    from .baseline import Policy, baseline_result, baseline_text, read_baseline
    from .models import SEVERITY_RANK, CheckOptions
    from .output import Reviews, render, write_atomic, write_reviews, write_stdout
    from .pipeline import report_for
    from .reference import layers, load_reference
    from .ruleset import active_rules, require_known

    reference_targets = load_reference(*layers(reference or config.reference))
    if against is not None:
        from .pipeline import reference_from_plan

        try:
            reference_targets = reference_from_plan(against, reference_targets)
        except InputError as e:  # said of the upper plan, not of the draft
            raise InputError(f"上级规划文件（--against）{e}") from None
    rules_dir = rules_folder or config.rules

    def named_in(option: str, given: list[str] | None) -> str:  # where a list of rules came from, for its error
        return f"--{option}" if _split(given) else f"配置文件 {config.source} 的 {option}"

    lists = (_split(select) or config.select, _split(ignore) or config.ignore)
    rules = active_rules(rules_dir, *lists, (named_in("select", select), named_in("ignore", ignore)))
    accepted = read_baseline(baseline) if baseline else None
    flagged = parse_severity(severity or [])
    every_rule = active_rules(rules_dir, [], [])  # a rule left out by --select may still be re-graded
    require_known(config.severity, every_rule, f"配置文件 {config.source} 的 [severity]")
    require_known(flagged, every_rule, "--severity")
    severities = {**config.severity, **flagged}
    options = CheckOptions(level=level or config.level, policy=Policy(severity=severities, baseline=accepted))

    with batch.scratch_dir() as scratch:
        inputs = batch.collect(files, sys.stdin.buffer.read, Path(scratch))
        if not inputs:
            kinds = ".docx .doc .wps .rtf .odt .pdf .txt 或网页 .html .mht"
            raise InputError(f"在 {', '.join(files)} 中没有找到规划文件（{kinds}）")
        names = dict(zip((i.shown for i in inputs), batch.output_names(inputs), strict=True))
        reviews = Reviews(out or Path("."), names, None if no_timestamp else datetime.now())
        early = "html" in formats and not compare  # else each review is written below, from the whole report
        checked, failed = batch.run(
            inputs,
            reference_targets,
            rules,
            options,
            jobs or batch.default_jobs(),
            True,
            reviews if early else None,
            whole=bool(compare),  # the revision is read from the whole reports; all else from the findings
            as_json="json" in formats and not compare,
        )
        documents = [c.report for c in checked]
        documents_json = [c.json for c in checked if c.json is not None] or None
        if compare and documents:
            old_options = CheckOptions(options.level, Policy(severities))  # no baseline: accepted ones compared too
            documents = [batch.compared(documents[0], compare, reference_targets, rules, old_options)]
    report = report_for(documents, reference_targets)
    report.failed = failed
    if accepted:
        report.baseline = baseline_result(report, accepted)
    if write_baseline:
        write_atomic(write_baseline, baseline_text(report, accepted))

    is_batch = len(inputs) > 1 or any(Path(f).is_dir() for f in files if f != batch.STDIN)
    folder = reviews.out
    for f in formats:
        if f == "html":
            written = write_reviews(report, reviews, index=is_batch, rendered=early)
            if not to_stdout or out:  # the summary only when stdout does not carry a format
                from .report.text import print_summary, print_total

                if is_batch:
                    print_total(report, folder)
                else:
                    print_summary(report, written)
        elif out is not None and f != "github":
            write_atomic(out / FILE_NAMES[f], render(f, report, rules, fail_on, documents_json))
        else:
            write_stdout(render(f, report, rules, fail_on, documents_json))
    if annotate:
        from .report.annotate import annotate_documents

        failed += annotate_documents(report, folder, names)
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


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _formats(values: list[str] | None) -> list[str]:
    formats = list(dict.fromkeys(_split(values) or ["html"]))
    for f in formats:
        if f not in FORMATS:
            raise InputError(f"参数错误：未知的输出格式 {f}（可用：{', '.join(FORMATS)}）")
    return formats


# ---- check rules / check explain RULE ----


_loose = {**_command, "context_settings": {"allow_extra_args": True}}  # extra words: our message, not typer's


def _no_extra(ctx: typer.Context) -> None:
    if ctx.args:
        raise InputError(f"参数错误：多余的参数 {' '.join(ctx.args)}（用法：{ctx.command_path} --help）")


@rules_app.command(help="列出全部规则：编号、级别、名称。", **_loose)
def rules(ctx: typer.Context, rules_folder: RulesFolder = None, isolated: Isolated = False, help: Help = False) -> int:
    from .ruleset import active_rules, rule_table

    _no_extra(ctx)
    config = Config() if isolated else load_config(find_config(Path.cwd()))
    print("\n".join(rule_table(active_rules(rules_folder or config.rules, [], []), config.severity)))
    return 0


@explain_app.command(
    help="显示规则说明（来自规则的 YAML 文件）。规则编号如 weaker-target，check rules 列出全部。", **_loose
)
def explain(
    ctx: typer.Context,
    rule: Annotated[str | None, typer.Argument(metavar="规则编号", hidden=True)] = None,
    rules_folder: RulesFolder = None,
    isolated: Isolated = False,
    help: Help = False,
) -> int:
    from .ruleset import explain as explanation

    _no_extra(ctx)
    if rule is None:
        raise InputError("参数错误：请给出规则编号（check rules 列出全部规则）")
    config = Config() if isolated else load_config(find_config(Path.cwd()))
    print(explanation(rule, rules_folder or config.rules))
    return 0


COMMANDS = {"rules": rules_app, "explain": explain_app}


def _usage_error(e: Exception, args: list[str]) -> str:
    """One Chinese line for an error of typer's parser. Its exception classes belong to the Click that typer
    vendors (private), so they are told apart by the attributes they carry; anything else keeps its own text."""
    name = getattr(e, "option_name", None)
    if name and hasattr(e, "possibilities"):  # typer's guesses share the "--" with anything; compare the words
        from rapidfuzz import fuzz, process

        words = [p.lstrip("-") for p in e.possibilities or []]
        found = process.extract(name.lstrip("-"), words, scorer=fuzz.ratio, score_cutoff=60, limit=3)
        close = [word for word, _, _ in found]
        return f"没有选项 {name}" + (f"（是否想用 --{'、--'.join(close)}？）" if close else "")
    if name:  # a value missing after the option, or one given to a switch as --switch=value
        return f"选项 {name} 不接受值" if any(a.startswith(f"{name}=") for a in args) else f"选项 {name} 需要一个值"
    param = getattr(e, "param", None)
    if param is not None:
        return f"{'/'.join(getattr(param, 'opts', [])) or param.name} 的值无效：{getattr(e, 'message', e)}"
    return f"无法理解的参数（{getattr(e, 'message', e)}）"


def main(argv: list[str] | None = None) -> None:
    """Run the command; any unusable input, argument or output is one line on stderr and exit code 2."""
    argv = sys.argv[1:] if argv is None else argv
    name = argv[0] if argv and argv[0] in COMMANDS else None
    app, args, prog = (COMMANDS[name], argv[1:], f"check {name}") if name else (main_app, argv, "check")
    try:
        code = app(args, prog_name=prog, standalone_mode=False)
    except InputError as e:
        print(f"check: {e}", file=sys.stderr)
        code = 2
    except typer.TyperException as e:  # the parser's: unknown option, missing or bad value
        print(f"check: 参数错误：{_usage_error(e, args)}（用法：{prog} --help）", file=sys.stderr)
        code = 2
    except (KeyboardInterrupt, typer.Abort):
        code = 130
    sys.exit(code or 0)
