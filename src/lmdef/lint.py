"""The lint engine: Document -> findings. Pure: no printing, no file access, no click.

The engine, not the rules, decides which rules run on a file (select / ignore /
per-file-ignores), drops suppressed hits, and stamps code, name, severity and positions
(`rules.base.stamp`). Findings come back sorted by position.

Contract for rules (`Rule.check(context)`), the `LintContext` below:
  - `context.document`  the parsed Document (original text + same-length prose mask)
  - `context.analysis`  H2's TermAnalysis of it (computed on first access, once per file)
  - `context.config`    the run's Config (glossary, extra terms...)
  - `context.lexicon`   the Lexicon the analysis used
  - `context.is_suppressed(code, span) -> bool`  whether an `lmdef:` directive suppresses a
    hit of rule `code` starting at `span`. A rule that reduces many uses to one finding
    (LMD101: first *undefined* use per term) should skip the uses for which this returns
    True and report the next one, so a suppressed block does not hide the rest of the file.
    The engine also filters every hit through it, so a rule that never calls it is still
    suppressed correctly (it just reports nothing after a suppressed first use).
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from lmdef import __version__
from lmdef.config import Config
from lmdef.documents import Document, DocumentError, kind_for_path, parse_document
from lmdef.report import FailedFile, Finding, LintedFile, LintReport, LintSummary
from lmdef.rules import LINT_RULES, RULES, default_enabled, find_rule, resolve_selectors
from lmdef.rules.base import Rule, stamp
from lmdef.spans import LineIndex, Span
from lmdef.suppressions import SuppressionTracker, parse_suppressions

if TYPE_CHECKING:
    from lmdef.analysis import TermAnalysis
    from lmdef.lexicon import Lexicon

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class LintContext:
    """What a rule sees for one document in one run (see the module docstring)."""

    def __init__(
        self,
        document: Document,
        config: Config,
        lexicon: Lexicon,
        suppressions: SuppressionTracker,
        ran_codes: frozenset[str],
    ) -> None:
        self.document = document
        self.config = config
        self.lexicon = lexicon
        self.suppressions = suppressions
        self.ran_codes = ran_codes  # codes of the rules that run on this file (for LMD901)
        self._analysis: TermAnalysis | None = None

    @property
    def analysis(self) -> TermAnalysis:
        if self._analysis is None:
            from lmdef.analysis import analyse

            self._analysis = analyse(self.document, self.lexicon, self.config.glossary)
        return self._analysis

    def is_suppressed(self, code: str, span: Span) -> bool:
        return self.suppressions.is_suppressed(code, span)


def enabled_codes(config: Config, path: str, rules: Sequence[Rule] = LINT_RULES) -> frozenset[str]:
    """Codes of `rules` that run on `path`: the selection (or the default set) minus ignores."""
    # Selectors may name any registered rule (a classify rule in a shared config is no error
    # here), so resolve against the registry too, then keep only the rules that can run.
    known = {r.code: r for r in (*RULES, *rules)}
    runnable = frozenset(r.code for r in rules)
    if config.select is None:
        chosen = frozenset(r.code for r in rules if default_enabled(r))
    else:
        chosen = resolve_selectors(config.select, tuple(known.values())) & runnable
    off = config.ignore + config.ignored_for(path)
    if off:
        chosen -= resolve_selectors(off, tuple(known.values()))
    return chosen


def _runs_last(rule: Rule) -> bool:
    # LMD901 judges what the other rules' hits consulted, so it must see them all first.
    return rule.code == "LMD901"


def lint_document(
    document: Document,
    config: Config,
    lexicon: Lexicon,
    rules: Sequence[Rule] = LINT_RULES,
) -> list[Finding]:
    """Run the enabled `rules` over `document`; return its findings sorted by position."""
    codes = enabled_codes(config, document.path, rules)
    active = [r for r in rules if r.code in codes]
    if not active:
        return []
    resolve = functools.partial(_resolve_code, rules=rules)
    tracker = SuppressionTracker(
        parse_suppressions(document.directives, len(document.text), resolve)
    )
    ran = frozenset(r.code for r in active if not _runs_last(r))
    context = LintContext(document, config, lexicon, tracker, ran)
    index: LineIndex | None = None  # built on the first finding: most files have none
    findings: list[Finding] = []
    for rule in sorted(active, key=_runs_last):  # stable: registry order otherwise
        for hit in rule.check(context):
            # LMD901's own hits (pointing at directives) can be silenced by a
            # `disable LMD901` region like any other rule's.
            if tracker.is_suppressed(rule.code, hit.span):
                continue
            if index is None:
                index = LineIndex(document.text)
            findings.append(stamp(rule, hit, document.text, index))
    findings.sort(key=lambda f: (f.offset, f.rule, f.length))
    return findings


def _resolve_code(token: str, rules: Sequence[Rule]) -> str | None:
    # Directives may name any registered rule, including ones that are not run here.
    rule = find_rule(token) or find_rule(token, rules)
    return rule.code if rule is not None else None


def lexicon_for(config: Config) -> Lexicon:
    """The lexicon for `config` (bundled terms plus `extra-terms`), loaded once per distinct
    set of extra terms (H1's speed bench lints many texts with one Config)."""
    return _load_lexicon(json.dumps(list(map(dict, config.extra_terms)), sort_keys=True))


@functools.lru_cache(maxsize=8)
def _load_lexicon(extra_json: str) -> Lexicon:
    from lmdef.lexicon import load_lexicon

    extra: list[dict[str, Any]] = json.loads(extra_json)
    return load_lexicon(extra=extra or None)


def lint_source(text: str, path: str, config: Config, lexicon: Lexicon) -> LintedFile | FailedFile:
    """Lint one decoded text as read from `path` (its suffix picks the markup)."""
    if not _may_have_findings(text, lexicon) and not _front_matter_broken(text, path):
        # Fast path: about half of real model cards contain no lexicon term at all. The term
        # rules need an occurrence, LMD901 an `lmdef:` directive, LMD902 broken front matter;
        # prose is a same-length mask of the text, so a term absent from the raw text is
        # absent from the prose too. tests/lint/test_fast_path.py pins the equivalence.
        return LintedFile(path=path, findings=[])
    try:
        document = parse_document(text, path)
    except DocumentError as exc:
        return FailedFile(path=path, error=str(exc))
    return LintedFile(path=path, findings=lint_document(document, config, lexicon))


def _may_have_findings(text: str, lexicon: Lexicon) -> bool:
    from lmdef.analysis.occurrences import matcher

    return "lmdef" in text.lower() or matcher(lexicon).occurs_in(text)


def _front_matter_broken(text: str, path: str) -> bool:
    if kind_for_path(path) != "markdown" or not text.lstrip("\ufeff \t\r\n").startswith("---"):
        return False
    from lmdef.documents.frontmatter import split_front_matter

    return split_front_matter(text).error is not None


def lint_text(text: str, path: str, config: Config | None = None) -> LintedFile | FailedFile:
    """Lint one decoded text as if read from `path` (its suffix picks the markup)."""
    config = config or Config()
    return lint_source(text, path, config, lexicon_for(config))


def build_report(files: Iterable[LintedFile | FailedFile]) -> LintReport:
    """One report for a run, with its summary filled."""
    files = list(files)
    by_rule: Counter[str] = Counter()
    by_term: Counter[str] = Counter()
    with_findings = with_errors = 0
    for f in files:
        if isinstance(f, FailedFile):
            with_errors += 1
            continue
        if f.findings:
            with_findings += 1
        for finding in f.findings:
            by_rule[finding.rule] += 1
            if finding.term:
                by_term[finding.term] += 1
    summary = LintSummary(
        files=len(files),
        files_with_findings=with_findings,
        files_with_errors=with_errors,
        findings=sum(by_rule.values()),
        by_rule=dict(sorted(by_rule.items())),
        by_term=dict(sorted(by_term.items())),
    )
    return LintReport(version=__version__, files=files, summary=summary)


def exit_code(report: LintReport, fail_on: str) -> int:
    """2 when any input failed, else 1 when a finding is at or above `fail_on`, else 0."""
    if report.summary.files_with_errors:
        return 2
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    for f in report.files:
        if isinstance(f, LintedFile) and any(
            SEVERITY_RANK[x.severity] >= floor for x in f.findings
        ):
            return 1
    return 0
