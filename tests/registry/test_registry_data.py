"""Hygiene of the shipped registries (issue #3 §3): sources, unique aliases, references, schemas.

These read the packaged YAML through the real loader; a failure names the offending entry.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from lmdef.classify.registry import (
    CORPORA_PATH,
    FAMILIES_PATH,
    BaseFamily,
    Corpus,
    load_registry,
    name_tokens,
)

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
REGISTRY = load_registry()
CORPORA = REGISTRY.corpora
FAMILIES = REGISTRY.families


def test_registries_meet_the_issue_minimum():
    # issue #3 §3: at least 60 corpora and 60 base-model families
    assert len(CORPORA) >= 60
    assert len(FAMILIES) >= 60


@pytest.mark.parametrize(
    ("data_file", "schema_file"),
    [(CORPORA_PATH, "corpora.schema.json"), (FAMILIES_PATH, "base-models.schema.json")],
    ids=["corpora", "base-models"],
)
def test_data_file_validates_against_checked_in_schema(data_file, schema_file):
    schema = json.loads((SCHEMA_DIR / schema_file).read_text(encoding="utf-8"))
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


@pytest.mark.parametrize("entry", [*CORPORA, *FAMILIES], ids=lambda e: e.id)
def test_every_entry_cites_a_source(entry: Corpus | BaseFamily):
    assert entry.source.strip(), entry.id
    # a citation is dated (paper year) or points at a card, project page or dump, not a bare title
    assert re.search(r"\b(19|20)\d\d\b|card|page|dumps|github", entry.source), entry.source


@pytest.mark.parametrize("entry", CORPORA, ids=lambda e: e.id)
def test_unknown_corpus_size_is_explained(entry: Corpus):
    if entry.quantity is None:
        assert entry.note.strip()


@pytest.mark.parametrize("entry", CORPORA, ids=lambda e: e.id)
def test_corpus_units_fit_its_kind(entry: Corpus):
    # speech is measured in hours (LABELING.md §2 converts at ~9,000 words/hour); nothing else is
    if entry.quantity is not None:
        assert (entry.quantity.unit == "hours") == (entry.kind == "speech")
    if entry.kind in {"image-text", "audio-text"}:
        assert entry.examples, "paired corpora state their number of pairs"


def _duplicates(keys: list[tuple[str, str]]) -> list[str]:
    owner: dict[str, str] = {}
    clashes = []
    for entry_id, key in keys:
        if owner.setdefault(key, entry_id) != entry_id:
            clashes.append(f"{key!r}: {owner[key]} and {entry_id}")
    return clashes


def test_no_corpus_alias_is_claimed_twice():
    def norm(name: str) -> str:
        return " ".join(name.lower().replace("-", " ").replace("_", " ").split())

    keys = [(c.id, norm(a)) for c in CORPORA for a in {*c.aliases, *c.exact_case}]
    assert _duplicates(keys) == []


def test_no_family_alias_is_claimed_twice():
    keys = [(f.id, " ".join(name_tokens(a))) for f in FAMILIES for a in set(f.aliases)]
    assert _duplicates(keys) == []


def test_ids_are_unique():
    assert len({c.id for c in CORPORA}) == len(CORPORA)
    assert len({f.id for f in FAMILIES}) == len(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.id)
def test_family_references_exist(family: BaseFamily):
    for corpus_id in family.corpora:
        assert REGISTRY.corpus(corpus_id) is not None, corpus_id
    for family_id in [family.derived_from, *family.components]:
        if family_id is not None:
            assert REGISTRY.family(family_id) is not None, family_id


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.id)
def test_lineage_ends_without_a_cycle(family: BaseFamily):
    chain = REGISTRY.lineage(family)
    assert chain[0] is family
    assert len({f.id for f in chain}) == len(chain)
    assert chain[-1].derived_from is None


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.id)
def test_family_without_own_volume_says_why_or_inherits(family: BaseFamily):
    if family.pretraining is None:
        assert family.derived_from is not None or family.note.strip()
    if family.additional_pretraining is not None:
        assert family.derived_from is not None, "additional pretraining needs a base"


@pytest.mark.parametrize(
    ("family", "alias"),
    [(f, a) for f in FAMILIES for a in f.aliases],
    ids=[f"{f.id}:{a}" for f in FAMILIES for a in f.aliases],
)
def test_every_family_alias_finds_its_own_family(family: BaseFamily, alias: str):
    # Each alias, used as a model name, must lead back to its entry: otherwise a longer alias
    # of another family shadows it and the entry is dead data.
    name = alias.replace("*", "7b")
    assert REGISTRY.find_family(name) is family
    # the cheap pre-test used on prose lines must never rule out a name find_family knows
    assert REGISTRY.may_name_family(f"fine-tuned from {name.upper()} then merged")


@pytest.mark.parametrize(
    ("corpus", "alias"),
    [(c, a) for c in CORPORA for a in c.aliases],
    ids=[f"{c.id}:{a}" for c in CORPORA for a in c.aliases],
)
def test_every_corpus_alias_finds_its_own_corpus(corpus: Corpus, alias: str):
    assert REGISTRY.find_corpus(alias) is corpus
    assert REGISTRY.find_corpus(alias.upper()) is corpus


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.id)
def test_every_corpus_name_is_found_in_prose(corpus: Corpus):
    # The display name, written in a sentence, is recognised as this corpus (or, for names that
    # are also ordinary words, their exact-case spelling is).
    name = corpus.exact_case[0] if corpus.exact_case else corpus.name
    text = f"It was pretrained on {name} for two epochs."
    found = REGISTRY.corpus_ids_in(text)
    assert [(c.id, text[s:e]) for c, s, e in found] == [(corpus.id, name)]
