"""`lmdef rules` and `lmdef explain CODE|NAME`: rule documentation from each rule's RuleDoc
(ruff's rule-page layout: What it flags / Why / Example / Use instead / Options / Known problems).
"""

from __future__ import annotations

import json
import sys
import textwrap

from lmdef.rules import CLASSIFY_RULES, RULES, default_enabled, find_rule
from lmdef.rules.base import Rule

# What every rule accepts, whatever it flags (issue #2 sections 6-7).
COMMON_OPTIONS = (
    "Turn it on or off with `--select`/`--ignore` CODE or NAME (or `select`, `ignore`, "
    "`per-file-ignores` in `[tool.lmdef]`); suppress one block with "
    "`<!-- lmdef: ignore[{code}] -->` or a region with `<!-- lmdef: disable {code} -->` ... "
    "`<!-- lmdef: enable -->`."
)
CLASSIFY_OPTIONS = (
    "Runs inside `lmdef classify` on each card; `--fail-on` decides whether its findings make "
    "the exit code 1, `--min-tokens` moves the data criterion it relies on."
)


def _listed() -> list[Rule]:
    """Rules in code order, whatever order they run in."""
    return sorted(RULES, key=lambda r: r.code)


def _scope(rule: Rule) -> str:
    return "classify" if rule in CLASSIFY_RULES else "lint"


def _describe(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "default_enabled": default_enabled(rule),
        "command": _scope(rule),
        "summary": rule.summary,
    }


def rules_table() -> str:
    rows = [
        (
            r.code,
            r.name,
            r.severity,
            "yes" if default_enabled(r) else "opt-in",
            _scope(r),
            r.summary,
        )
        for r in _listed()
    ]
    header = ("CODE", "NAME", "SEVERITY", "DEFAULT", "COMMAND", "SUMMARY")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]
    return (
        "\n".join(
            "  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True))
            + "  "
            + row[-1]
            for row in (header, *rows)
        )
        + "\n"
    )


def run_rules(fmt: str) -> int:
    if fmt == "json":
        sys.stdout.write(json.dumps([_describe(r) for r in _listed()], indent=2) + "\n")
    else:
        sys.stdout.write(rules_table())
    return 0


def _section(title: str, body: str) -> list[str]:
    if not body.strip():
        return []
    return [title, textwrap.indent(body.strip("\n"), "    "), ""]


def _fill(text: str) -> str:
    """Wrap each paragraph; never split `per-file-ignores` at its hyphens."""
    return "\n\n".join(
        textwrap.fill(p, 92, break_on_hyphens=False, break_long_words=False)
        for p in text.split("\n\n")
    )


def explain_text(rule: Rule) -> str:
    doc = rule.doc
    enabled = "enabled by default" if default_enabled(rule) else "opt-in: enable with --select"
    where = "runs in `lmdef classify`" if _scope(rule) == "classify" else "runs in `lmdef lint`"
    common = COMMON_OPTIONS.format(code=rule.code) if _scope(rule) == "lint" else CLASSIFY_OPTIONS
    options = "\n\n".join(p for p in (doc.options.strip(), common) if p)
    lines = [
        f"{rule.code} {rule.name} ({rule.severity}, {enabled}; {where})",
        "",
        rule.summary,
        "",
        *_section("What it flags", _fill(doc.what)),
        *_section("Why", _fill(doc.why)),
        *_section("Example", doc.example),
        *_section("Use instead", doc.use_instead),
        *_section("Options", _fill(options)),
        *_section("Known problems", _fill(doc.known_problems)),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def run_explain(key: str) -> int:
    rule = find_rule(key)
    if rule is None:
        known = "\n".join(f"  {r.code}  {r.name}" for r in _listed())
        sys.stderr.write(f"lmdef: error: no rule {key!r}; known rules:\n{known}\n")
        return 2
    sys.stdout.write(explain_text(rule))
    return 0
