"""The classifier's data files: valid against their checked-in schemas, and every signal's
examples run through the real matcher (STYLE.md: vocabulary is data with its own tests)."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from lmdef.classify.maps import load_maps, load_signals
from lmdef.classify.prose import find_signals
from lmdef.spans import LineIndex

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
SIGNALS = load_signals().signals


@pytest.mark.parametrize(
    ("data", "schema"),
    [
        ("architectures.yaml", "classify-architectures.schema.json"),
        ("signals.yaml", "classify-signals.schema.json"),
    ],
    ids=["architectures", "signals"],
)
def test_data_file_validates_against_checked_in_schema(data, schema):
    text = resources.files("lmdef.classify").joinpath("data", data).read_text(encoding="utf-8")
    jsonschema.validate(yaml.safe_load(text), json.loads((SCHEMAS / schema).read_text()))


@pytest.mark.parametrize("signal", SIGNALS, ids=[s.id for s in SIGNALS])
def test_signal_examples_match_and_counter_examples_do_not(signal):
    pattern = re.compile(signal.pattern, re.IGNORECASE)
    assert pattern.groups == 0, "capturing groups break the one-pass alternation"
    for example in signal.examples:
        assert pattern.search(example), example
    for counter in signal.counter_examples:
        assert not pattern.search(counter), counter


@pytest.mark.parametrize("signal", SIGNALS, ids=[s.id for s in SIGNALS])
def test_signal_examples_are_found_by_the_real_scanner(signal):
    # Through the combined alternation some other signal may claim the same words first;
    # the example must at least produce a hit of this signal's kind.
    for example in signal.examples:
        hits = find_signals(example, 0, LineIndex(example))
        assert any(h.signal.kind == signal.kind for h in hits), example


def test_pipeline_tags_cover_the_hub_text_tasks():
    maps = load_maps()
    for tag in ("text-generation", "fill-mask", "text2text-generation", "summarization"):
        assert maps.pipeline_tags[tag].output == "text"
    for tag in ("text-classification", "token-classification", "question-answering"):
        assert maps.pipeline_tags[tag].output == "labels"
    assert maps.pipeline_tags["sentence-similarity"].output == "vectors"


@pytest.mark.parametrize(
    ("arch", "output"),
    [
        ("LlamaForCausalLM", "text"),
        ("BertForMaskedLM", "text"),
        ("RobertaForSequenceClassification", "labels"),
        ("WhisperForConditionalGeneration", "text"),
    ],
    ids=["causal", "masked", "seq-cls", "seq2seq"],
)
def test_architecture_suffixes(arch, output):
    kind = load_maps().for_architecture(arch)
    assert kind is not None and kind.output == output
