"""The wire contract: pydantic models of lint findings and model classifications.

These shapes are read by other tools (see issues #2, #3). Keep field names and values stable;
add fields rather than rename. `schemas/*.schema.json` are generated from these models
(`python -m lmdef.schemas`) and a test fails when they drift.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Severity = Literal["error", "warning", "info"]
Met = Literal["yes", "no", "unknown"]
Verdict = Literal["llm", "not-llm", "undetermined"]
CriterionId = Literal["text", "data", "transfer"]


class _Frozen(BaseModel):
    # defer_build: schemas are built on first use, not at import (lint start-up time, issue #2).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Position(_Frozen):
    """1-based line and column; columns count Unicode code points. `end` is exclusive."""

    line: int = Field(ge=1)
    column: int = Field(ge=1)


class Finding(_Frozen):
    rule: str = Field(description="Stable rule code, e.g. LMD101.")
    rule_name: str = Field(description="Stable human name of the rule, e.g. undefined-term.")
    term: str | None = Field(
        description="Canonical lexicon id of the term, when the rule is about one."
    )
    severity: Severity
    message: str
    help: str
    start: Position
    end: Position = Field(description="Position just after the last character of the span.")
    offset: int = Field(ge=0, description="Code-point offset of the span start in the file.")
    length: int = Field(ge=0, description="Span length in code points.")
    snippet: str = Field(default="", description="The flagged source text.")
    # GitHub annotations and SARIF count columns in UTF-16 code units (issue #4); an emoji
    # before the term on the same line shifts them, so the engine stamps them from the text.
    start_utf16_column: int | None = Field(
        default=None, ge=1, description="1-based start column in UTF-16 code units (SARIF/GitHub)."
    )
    end_utf16_column: int | None = Field(
        default=None, ge=1, description="1-based exclusive end column in UTF-16 code units."
    )


class LintedFile(_Frozen):
    path: str
    findings: list[Finding]


class FailedFile(_Frozen):
    path: str
    error: str = Field(description="One-line reason the file could not be linted.")


class LintSummary(_Frozen):
    files: int
    files_with_findings: int
    files_with_errors: int
    findings: int
    by_rule: dict[str, int]
    by_term: dict[str, int]


class LintReport(_Frozen):
    schema_version: Literal["1"] = SCHEMA_VERSION
    tool: str = "lmdef"
    version: str
    files: list[LintedFile | FailedFile]
    summary: LintSummary


class Evidence(_Frozen):
    source: str = Field(
        description="Where the fact came from: 'front_matter:<field>', 'config.json:<field>', "
        "'readme:<line>', 'files', 'registry:<id>', 'base_model:<id>', 'hub:<field>'."
    )
    detail: str = Field(description="The fact, quoted or stated, with any arithmetic.")
    line: int | None = Field(default=None, description="1-based line in the card, when from prose.")
    quote: str | None = Field(default=None, description="Verbatim text the fact rests on.")


class Criterion(_Frozen):
    id: CriterionId
    met: Met
    evidence: list[Evidence]
    rationale: str


class TokenEstimate(_Frozen):
    tokens: float
    arithmetic: list[str] = Field(description="Each step of the estimate, in words.")
    languages: list[str] = Field(default_factory=list)


class ModelResult(_Frozen):
    input: str = Field(description="The argument exactly as given on the command line.")
    model_id: str
    verdict: Verdict
    criteria: list[Criterion]
    pretraining_tokens: float | None
    token_estimate: TokenEstimate | None = None
    derived_from_llm: bool | None
    base_models: list[str]
    languages: list[str] = Field(default_factory=list)
    card_path: str | None = Field(default=None, description="Path or hub file findings point into.")
    notes: list[Evidence] = Field(
        default_factory=list,
        description="Card-level notes: no front matter, malformed metadata ignored, unreadable files.",
    )
    findings: list[Finding]
    error: str | None


class ClassificationReport(_Frozen):
    schema_version: Literal["1"] = SCHEMA_VERSION
    tool: str = "lmdef"
    version: str
    min_tokens: float
    models: list[ModelResult]
