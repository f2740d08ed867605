"""The vague-term lexicon as data: hygiene, schema, validators, and its own examples run
through the real engine (parse_document -> analyse -> rules), STYLE.md "vocabulary is data"."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from lmdef.analysis.occurrences import Matcher, _bounded
from lmdef.config import Config
from lmdef.lexicon import LexiconError, load_lexicon
from lmdef.lint import lint_text

LEXICON = load_lexicon()
SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "lexicon.schema.json"
CANONICAL = {
    "llm",
    "emergent",
    "foundation-model",
    "frontier-model",
    "general-purpose-technology",
    "sota",
    "robust",
}


def _raw_data() -> dict:
    return yaml.safe_load(
        resources.files("lmdef.lexicon").joinpath("terms.yaml").read_text("utf-8")
    )


def test_the_seven_canonical_terms_are_there():
    assert set(LEXICON.ids) == CANONICAL


@pytest.mark.parametrize("term", LEXICON.terms, ids=lambda t: t.id)
def test_term_documents_why_and_what_a_definition_states(term):
    assert term.why.strip() and term.definition_should_state.strip()
    assert term.operationalisation.strip()
    assert re.search(r"§\d", term.paper_section), "cite the paper's section"


@pytest.mark.parametrize("term", LEXICON.terms, ids=lambda t: t.id)
def test_term_has_flag_and_pass_examples_in_both_languages(term):
    examples = term.examples.flag + term.examples.pass_
    assert term.examples.flag and term.examples.pass_
    assert any(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", e) for e in term.examples.flag), (
        "a Japanese example that must flag"
    )
    assert any(not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", e) for e in examples)


@pytest.mark.parametrize("term", LEXICON.terms, ids=lambda t: t.id)
def test_term_has_english_and_japanese_variants(term):
    assert {v.lang for v in term.variants} == {"en", "ja"}


@pytest.mark.parametrize("term", LEXICON.terms, ids=lambda t: t.id)
def test_no_variant_is_claimed_by_two_terms(term):
    """Every surface form the examples exercise belongs to exactly one term."""
    others = {
        t.id: re.compile("|".join(_bounded(v) for v in t.variants))
        for t in LEXICON.terms
        if t.id != term.id
    }
    own = re.compile("|".join(_bounded(v) for v in term.variants))
    for example in term.examples.flag + term.examples.pass_:
        for m in own.finditer(example):
            claimed = [tid for tid, rx in others.items() if rx.fullmatch(m.group(0))]
            assert not claimed, f"{m.group(0)!r} is also a variant of {claimed}"


def test_packaged_data_validates_against_the_checked_in_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(_raw_data(), schema)


def test_all_variants_compile_into_one_matcher():
    assert Matcher(LEXICON).regex.groups >= len(LEXICON.terms)


def _extra(**overrides):
    entry = {
        "id": "agi",
        "label": "artificial general intelligence",
        "paper_section": "§1",
        "why": "no agreed test",
        "definition_should_state": "the capabilities meant",
        "operationalisation": "only an explicit definition counts",
        "variants": [
            {"pattern": "AGI", "case_sensitive": True},
            {"pattern": "汎用人工知能", "lang": "ja"},
        ],
    }
    entry.update(overrides)
    return entry


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        pytest.param(_extra(colour="red"), "extra-terms[0]: colour", id="unknown-key"),
        pytest.param(
            _extra(variants=[{"pattern": "AG(I"}]), "invalid regular expression", id="bad-regex"
        ),
        pytest.param(_extra(id="LLM Term"), "extra-terms[0]: id", id="bad-id"),
        pytest.param(_extra(id="llm"), "duplicate term id 'llm'", id="duplicate-id"),
        pytest.param(_extra(variants=[]), "extra-terms[0]: variants", id="no-variants"),
        pytest.param(_extra(operationalised_by="vibes"), "operationalised_by", id="unknown-check"),
    ],
)
def test_validators_reject_bad_extra_terms_with_one_line(entry, message):
    with pytest.raises(LexiconError) as exc:
        load_lexicon(extra=[entry])
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)


def test_extra_term_from_config_is_linted_like_a_packaged_one():
    lexicon = load_lexicon(extra=[_extra()])
    assert "agi" in lexicon.ids
    from lmdef.analysis import analyse
    from lmdef.documents import parse_document

    doc = parse_document("Our roadmap leads to AGIの実現 and beyond.", "x.md")
    assert [o.term for o in analyse(doc, lexicon).undefined_uses("agi")] == ["agi"]


def _cases():
    for term in LEXICON.terms:
        for i, text in enumerate(term.examples.flag):
            for suffix in (".md", ".txt"):
                yield pytest.param(term.id, text, True, suffix, id=f"{term.id}-flag{i}{suffix}")
        for i, text in enumerate(term.examples.pass_):
            for suffix in (".md", ".txt"):
                yield pytest.param(term.id, text, False, suffix, id=f"{term.id}-pass{i}{suffix}")


@pytest.mark.parametrize(("term", "text", "must_flag", "suffix"), list(_cases()))
def test_lexicon_examples_through_the_real_engine(term, text, must_flag, suffix):
    result = lint_text(text + "\n", "example" + suffix, Config())
    flagged = {f.term for f in result.findings if f.rule == "LMD101"}
    assert (term in flagged) is must_flag
