"""Hand-built reports for the formatter tests, so they pin rendering, not engine accuracy.

Findings are made with the engine's own `stamp()` on text written here, so their line, column
and UTF-16 columns are what a real run would give for that text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lmdef.report import (
    ClassificationReport,
    Criterion,
    Evidence,
    FailedFile,
    Finding,
    LintedFile,
    LintReport,
    LintSummary,
    ModelResult,
    Severity,
    TokenEstimate,
)
from lmdef.rules.base import Hit, RuleDoc, stamp
from lmdef.spans import LineIndex, Span

DOC = RuleDoc(
    what="A vague term with no definition.",
    why="Readers cannot check the claim.",
    example="Our LLM is emergent.",
    use_instead="We call an ability emergent if it is absent below 1B parameters.",
)


@dataclass(frozen=True)
class FakeRule:
    code: str
    name: str
    severity: Severity
    summary: str = "Flags a vague term used without a definition."
    help: str = "Define the term where it is first used."
    doc: RuleDoc = DOC

    def check(self, context):  # pragma: no cover - never run by these tests
        return ()


UNDEFINED = FakeRule("LMD101", "undefined-term", "warning")
CLAIM = FakeRule("LMD201", "unsupported-llm-claim", "error")
FAKE_RULES = (UNDEFINED, CLAIM)


def find(text: str, word: str, rule: FakeRule = UNDEFINED, nth: int = 0, **hit) -> Finding:
    """The finding `rule` would give for the `nth` occurrence of `word` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    term = hit.pop("term", word.casefold())
    message = hit.pop("message", f"'{word}' is used without a definition")
    h = Hit(span=Span(start, start + len(word)), message=message, term=term, **hit)
    return stamp(rule, h, text, LineIndex(text))


def lint_report(files: list[LintedFile | FailedFile]) -> LintReport:
    linted = [f for f in files if isinstance(f, LintedFile)]
    findings = [x for f in linted for x in f.findings]
    by_rule: dict[str, int] = {}
    by_term: dict[str, int] = {}
    for x in findings:
        by_rule[x.rule] = by_rule.get(x.rule, 0) + 1
        if x.term:
            by_term[x.term] = by_term.get(x.term, 0) + 1
    return LintReport(
        version="0.1.0",
        files=files,
        summary=LintSummary(
            files=len(files),
            files_with_findings=sum(1 for f in linted if f.findings),
            files_with_errors=len(files) - len(linted),
            findings=len(findings),
            by_rule=by_rule,
            by_term=by_term,
        ),
    )


def model(
    model_id: str = "acme/tiny-bert",
    verdict: str = "not-llm",
    findings: list[Finding] | None = None,
    error: str | None = None,
    card_path: str | None = "README.md",
    quote: str = "trained on 3B tokens",
) -> ModelResult:
    criteria = [
        Criterion(
            id="text",
            met="yes",
            evidence=[Evidence(source="config.json:architectures", detail="BertForMaskedLM")],
            rationale="A masked language model of text.",
        ),
        Criterion(
            id="data",
            met="unknown",
            evidence=[Evidence(source="readme:4", detail="pretraining size", line=4, quote=quote)],
            rationale="The card states no pretraining volume.",
        ),
        Criterion(id="transfer", met="no", evidence=[], rationale="No adaptation reported."),
    ]
    return ModelResult(
        input=model_id,
        model_id=model_id,
        verdict=verdict,
        criteria=criteria,
        pretraining_tokens=3e9 if verdict == "llm" else None,
        token_estimate=TokenEstimate(tokens=3e9, arithmetic=["3B tokens stated"])
        if verdict == "llm"
        else None,
        derived_from_llm=None,
        base_models=["google-bert/bert-base-uncased"],
        card_path=card_path,
        findings=findings or [],
        error=error,
    )


def classification(models: list[ModelResult]) -> ClassificationReport:
    return ClassificationReport(version="0.1.0", min_tokens=1e9, models=models)


CARD = (
    "---\nlicense: mit\n---\n# Tiny model\n\n"
    "Our model achieves state-of-the-art results.\n"
    "🚀 It shows emergent abilities, like every LLM.\n"
)
