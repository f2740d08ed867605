"""The vague-term lexicon: data in terms.yaml, validated by the pydantic models below.

`load_lexicon()` reads the packaged terms; `load_lexicon(extra=...)` adds terms from a project's
config (`[tool.lmdef] extra-terms`), validated by the same models (unknown keys are errors).
The JSON Schema in schemas/lexicon.schema.json is generated from `Lexicon` (issue #2 §4).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

OperationalisedBy = Literal[
    "none", "benchmark-score", "perturbation-measurement", "model-spec", "threshold"
]
Language = Literal["en", "ja"]

_MAX_LEXICON_BYTES = 1_000_000


class LexiconError(ValueError):
    """The lexicon data is invalid (one line naming the field)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {value!r}: {exc}") from None
    return value


class Variant(_Strict):
    """One surface form of a term, as a regex fragment matched inside ASCII-only boundaries."""

    pattern: str = Field(min_length=1)
    case_sensitive: bool = False
    lang: Language = "en"

    @field_validator("pattern")
    @classmethod
    def _valid(cls, value: str) -> str:
        return _check_regex(value)


class Exclusion(_Strict):
    """A regex whose match marks an overlapping occurrence as a name or a non-ML sense."""

    pattern: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    case_sensitive: bool = False

    @field_validator("pattern")
    @classmethod
    def _valid(cls, value: str) -> str:
        return _check_regex(value)


class Examples(_Strict):
    flag: list[str] = Field(default_factory=list, description="Passages that must be flagged.")
    pass_: list[str] = Field(
        default_factory=list, alias="pass", description="Passages that must not be flagged."
    )


class Term(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$", description="Canonical id, e.g. 'emergent'.")
    label: str = Field(min_length=1)
    paper_section: str = Field(min_length=1, description="Rogers & Luccioni section behind it.")
    why: str = Field(min_length=1, description="Why the term is vague.")
    definition_should_state: str = Field(min_length=1)
    operationalisation: str = Field(min_length=1, description="How a use can be made precise.")
    operationalised_by: OperationalisedBy = "none"
    variants: list[Variant] = Field(min_length=1)
    exclusions: list[Exclusion] = Field(default_factory=list)
    non_ml_context: list[Exclusion] = Field(
        default_factory=list,
        description="Regexes looked up in the paragraph around an occurrence: a match means "
        "the word is used in a non-ML sense there.",
    )
    examples: Examples = Field(default_factory=Examples)


class Lexicon(_Strict):
    version: Literal[1] = 1
    terms: list[Term] = Field(min_length=1)

    @field_validator("terms")
    @classmethod
    def _unique_ids(cls, terms: list[Term]) -> list[Term]:
        seen: set[str] = set()
        for term in terms:
            if term.id in seen:
                raise ValueError(f"duplicate term id {term.id!r}")
            seen.add(term.id)
        return terms

    def term(self, term_id: str) -> Term:
        for t in self.terms:
            if t.id == term_id:
                return t
        raise KeyError(term_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.terms)


def _one_line(exc: ValidationError, where: str) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "(top)"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {loc}: {err['msg']}{more}"


def _read_packaged() -> Mapping[str, Any]:
    raw = resources.files(__name__).joinpath("terms.yaml").read_bytes()
    if len(raw) > _MAX_LEXICON_BYTES:
        raise LexiconError("lexicon terms.yaml: file too large")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(raw, Loader=loader)
    if not isinstance(data, dict):
        raise LexiconError("lexicon terms.yaml: expected a mapping at the top")
    return data


def load_lexicon(extra: Iterable[Mapping[str, Any]] | None = None) -> Lexicon:
    """The packaged lexicon, plus `extra` terms (e.g. from config), all validated alike.

    Raises LexiconError with one line naming the offending field.
    """
    data = dict(_read_packaged())
    try:
        lexicon = Lexicon.model_validate(data)
    except ValidationError as exc:
        raise LexiconError(_one_line(exc, "lexicon terms.yaml")) from None
    if not extra:
        return lexicon
    extra_terms: list[Term] = []
    for i, entry in enumerate(extra):
        try:
            extra_terms.append(Term.model_validate(entry))
        except ValidationError as exc:
            raise LexiconError(_one_line(exc, f"extra-terms[{i}]")) from None
    try:
        return Lexicon(version=1, terms=[*lexicon.terms, *extra_terms])
    except ValidationError as exc:
        raise LexiconError(_one_line(exc, "extra-terms")) from None


__all__ = [
    "Examples",
    "Exclusion",
    "Lexicon",
    "LexiconError",
    "Term",
    "Variant",
    "load_lexicon",
]
