"""SARIF 2.1.0 for GitHub code scanning (issue #4).

One run per report. Columns are UTF-16 code units (`run.columnKind`), because that is what
GitHub counts; the engine stamps them on each finding (`Finding.start_utf16_column`). Alerts
must survive edits elsewhere in the file, so `partialFingerprints` hash what the finding *is*
(file, rule, term, the flagged words) and never its line number.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from lmdef import __version__
from lmdef.report import (
    ClassificationReport,
    FailedFile,
    Finding,
    LintReport,
    ModelResult,
    Severity,
)
from lmdef.rules.base import Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/lmdef/lmdef"
# One stable page with one anchor per rule code (lower-cased, as GitHub renders headings).
RULES_DOC_URI = "https://github.com/lmdef/lmdef/blob/main/docs/rules.md"
SRCROOT = "%SRCROOT%"
# Bump the suffix only when the hash recipe changes: every open alert is re-opened once.
FINGERPRINT_KEY = "lmdefFinding/v1"

_LEVELS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}
_SPACE = re.compile(r"\s+")


def help_uri(code: str) -> str:
    return f"{RULES_DOC_URI}#{code.lower()}"


def artifact_location(path: str) -> dict[str, str]:
    """A repo-relative URI under %SRCROOT% when `path` is relative, else an absolute URI.

    Paths arrive as typed on the command line (`./README.md`, `docs\\paper.tex`); code scanning
    matches alerts to files by the relative URI, so it is normalised and percent-encoded.
    """
    p = path.replace("\\", "/")
    if "://" in p:
        return {"uri": p}
    if p.startswith("/") or re.match(r"^[A-Za-z]:/", p):
        return {"uri": "file://" + ("" if p.startswith("/") else "/") + quote(p, safe="/:")}
    while p.startswith("./"):
        p = p[2:]
    return {"uri": quote(p, safe="/"), "uriBaseId": SRCROOT}


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def region(finding: Finding) -> dict[str, Any]:
    """startLine/startColumn/endLine/endColumn in UTF-16 code units; end column exclusive."""
    start_col = finding.start_utf16_column or finding.start.column
    if finding.end_utf16_column is not None:
        end_col = finding.end_utf16_column
    elif finding.start.line == finding.end.line:
        # Older reports without UTF-16 columns: the snippet is the whole span on this line.
        end_col = start_col + _utf16_len(finding.snippet)
    else:
        end_col = finding.end.column
    reg: dict[str, Any] = {
        "startLine": finding.start.line,
        "startColumn": start_col,
        "endLine": finding.end.line,
        "endColumn": max(end_col, 1),
    }
    if finding.snippet:
        reg["snippet"] = {"text": finding.snippet}
    return reg


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def fingerprints(findings: Sequence[tuple[str, Finding]]) -> list[str]:
    """One stable fingerprint per (uri, finding), in order.

    The identity is uri + rule + term + normalised snippet. Equal identities in one file (the
    same undefined term used three times) are told apart by their order of appearance, as
    CodeQL does: inserting lines above moves nothing, and adding a fourth use opens one alert.
    """
    seen: dict[str, int] = {}
    out = []
    for uri, f in findings:
        base = "\x00".join((uri, f.rule, f.term or "", _normalise(f.snippet)))
        n = seen.get(base, 0)
        seen[base] = n + 1
        digest = hashlib.sha256(f"{base}\x00{n}".encode()).hexdigest()
        out.append(f"{digest[:32]}:{n + 1}")
    return out


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule.doc
    markdown = (
        f"**{rule.code} {rule.name}**: {rule.summary}\n\n"
        f"### What it does\n{doc.what}\n\n### Why is this bad?\n{doc.why}\n\n"
        f"### Example\n```\n{doc.example}\n```\n\n### Use instead\n```\n{doc.use_instead}\n```\n"
    )
    if doc.known_problems:
        markdown += f"\n### Known problems\n{doc.known_problems}\n"
    markdown += f"\n[Rule documentation]({help_uri(rule.code)})\n"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc.what},
        "help": {"text": f"{rule.help}\n\n{doc.why}", "markdown": markdown},
        "helpUri": help_uri(rule.code),
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": ["documentation", "terminology"], "precision": "high"},
    }


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    # A finding from a rule missing in RULES (a plugin, an older report) still gets a valid
    # ruleIndex rather than a dangling ruleId.
    return {
        "id": finding.rule,
        "name": finding.rule_name,
        "shortDescription": {"text": finding.rule_name},
        "helpUri": help_uri(finding.rule),
        "defaultConfiguration": {"level": _LEVELS[finding.severity]},
    }


def _all_rules(rules: Iterable[Rule] | None) -> list[Rule]:
    if rules is None:
        from lmdef.rules import RULES

        rules = RULES
    return list(rules)


def _results(
    located: list[tuple[str, Finding]], descriptors: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for _, f in located:
        if f.rule not in index:
            index[f.rule] = len(descriptors)
            descriptors.append(_fallback_descriptor(f))
    results = []
    for (path, f), fp in zip(located, fingerprints(located), strict=True):
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVELS[f.severity],
            "message": {"text": f"{f.message}\n{f.help}" if f.help else f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact_location(path),
                        "region": region(f),
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: fp},
        }
        if f.term:
            result["properties"] = {"term": f.term}
        results.append(result)
    return results


def _run(
    kind: str,
    located: list[tuple[str, Finding]],
    notifications: list[dict[str, Any]],
    rules: Iterable[Rule] | None,
    properties: dict[str, Any] | None = None,
) -> dict[str, Any]:
    descriptors = [_rule_descriptor(r) for r in _all_rules(rules)]
    results = _results(located, descriptors)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "lmdef",
                "semanticVersion": __version__,
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        # Distinct categories let lint and classify runs share one upload (GitHub rejects two
        # runs with the same tool and category).
        "automationDetails": {"id": f"lmdef/{kind}/"},
        "columnKind": "utf16CodeUnits",
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The repository root."}}},
        "invocations": [
            {
                "executionSuccessful": not any(n["level"] == "error" for n in notifications),
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": results,
    }
    if properties:
        run["properties"] = properties
    return run


def _notification(level: str, text: str, path: str | None = None) -> dict[str, Any]:
    note: dict[str, Any] = {"level": level, "message": {"text": text}}
    if path:
        note["locations"] = [{"physicalLocation": {"artifactLocation": artifact_location(path)}}]
    return note


def lint_run(report: LintReport, rules: Iterable[Rule] | None = None) -> dict[str, Any]:
    located: list[tuple[str, Finding]] = []
    notes = []
    for file in report.files:
        if isinstance(file, FailedFile):
            notes.append(_notification("error", f"{file.path}: {file.error}", file.path))
        else:
            located.extend((file.path, f) for f in file.findings)
    return _run("lint", located, notes, rules)


def _verdict_line(model: ModelResult) -> str:
    criteria = ", ".join(f"{c.id} {c.met}" for c in model.criteria)
    return f"{model.model_id}: {model.verdict} ({criteria})"


def classification_run(
    report: ClassificationReport, rules: Iterable[Rule] | None = None
) -> dict[str, Any]:
    located: list[tuple[str, Finding]] = []
    notes = []
    for model in report.models:
        if model.error:
            notes.append(_notification("error", f"{model.input}: {model.error}"))
        else:
            # A verdict is not a problem in a file, so it is a note on the run, not a result.
            notes.append(_notification("note", _verdict_line(model)))
        path = model.card_path or model.input
        located.extend((path, f) for f in model.findings)
    verdicts = [
        {"input": m.input, "model_id": m.model_id, "verdict": m.verdict} for m in report.models
    ]
    return _run(
        "classify",
        located,
        notes,
        rules,
        {"minTokens": report.min_tokens, "verdicts": verdicts},
    )


def sarif_log(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": runs}


def dumps(log: dict[str, Any]) -> str:
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def render_lint(report: LintReport, rules: Iterable[Rule] | None = None) -> str:
    return dumps(sarif_log([lint_run(report, rules)]))


def render_classification(report: ClassificationReport, rules: Iterable[Rule] | None = None) -> str:
    return dumps(sarif_log([classification_run(report, rules)]))
