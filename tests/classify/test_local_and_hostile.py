"""Local model folders and hostile input (issue #3 §7): the bad model carries a one-line error
naming the file or field, still appears in the report, and the others are classified."""

from __future__ import annotations

import json

import pytest

from lmdef.classify import classify_model
from lmdef.commands.classify import ClassifyOptions, iter_results
from lmdef.sources.local_model import JSON_MAX_BYTES, model_id_for, read_local_model

GOOD_CARD = (
    "---\npipeline_tag: fill-mask\n---\nA masked language model pretrained on 20 billion tokens "
    "of news text. Fine-tune it on downstream tasks.\n"
)
ALIAS_BOMB = (
    "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\n"
    "A masked language model.\n"
)


def make(tmp_path, name, files):
    folder = tmp_path / name
    folder.mkdir()
    for fname, content in files.items():
        path = folder / fname
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return str(folder)


def classify_paths(paths):
    results = dict(iter_results(list(paths), ClassifyOptions(inputs=tuple(paths))))
    return [results[i] for i in range(len(paths))]


@pytest.mark.parametrize(
    ("files", "fragment"),
    [
        ({"config.json": "{}"}, "no model card (README.md)"),
        ({"README.md": ALIAS_BOMB}, "alias"),
        ({"README.md": GOOD_CARD, "config.json": b"\x00\x01\x02binary"}, "config.json"),
        ({"README.md": GOOD_CARD, "config.json": "{not json"}, "not valid JSON"),
        ({"README.md": GOOD_CARD, "config.json": "[1, 2]"}, "not an object"),
        ({"README.md": GOOD_CARD, "config.json": " " * (JSON_MAX_BYTES + 10) + "{}"}, "too large"),
        ({"README.md": b"\x00\x00binary card"}, "binary"),
    ],
    ids=[
        "no-readme",
        "alias-bomb",
        "binary-config",
        "bad-json",
        "json-list",
        "huge-config",
        "binary-card",
    ],
)
def test_bad_input_is_an_error_on_that_model_only(tmp_path, files, fragment):
    bad = make(tmp_path, "bad", files)
    good = make(tmp_path, "good", {"README.md": GOOD_CARD})
    bad_result, good_result = classify_paths([bad, good])
    assert bad_result.error is not None and fragment in bad_result.error
    assert "\n" not in bad_result.error
    assert bad_result.input == bad
    assert good_result.error is None and good_result.verdict == "llm"


@pytest.mark.parametrize(
    ("front", "fragment"),
    [
        pytest.param("- just\n- a list", "not a mapping", id="non-mapping"),
        pytest.param("key: [unclosed", "malformed YAML", id="syntax-error"),
    ],
)
def test_malformed_front_matter_is_a_note_and_the_prose_still_counts(tmp_path, front, fragment):
    """Real cards carry broken YAML and the Hub still renders them: the metadata is ignored,
    the model is classified from its prose, and the report says why (not an input error)."""
    body = "This model is a fine-tuned version of gpt2 on a poems dataset.\n"
    folder = make(tmp_path, "broken", {"README.md": f"---\n{front}\n---\n{body}"})
    (result,) = classify_paths([folder])
    assert result.error is None
    assert any(fragment in n.detail and "metadata ignored" in n.detail for n in result.notes)
    assert result.verdict == "llm"  # the base named in the prose still counts


def test_card_without_front_matter_is_not_an_error(tmp_path):
    folder = make(tmp_path, "plain", {"README.md": "A masked language model for news text.\n"})
    (result,) = classify_paths([folder])
    assert result.error is None
    assert result.criteria[0].met == "yes"  # classified from the prose alone


def test_card_file_alone_is_a_model(tmp_path):
    card = tmp_path / "MODEL_CARD.md"
    card.write_text(GOOD_CARD, encoding="utf-8")
    (result,) = classify_paths([str(card)])
    assert result.verdict == "llm"
    assert result.card_path == str(card)


def test_folder_reads_config_and_file_names(tmp_path):
    folder = make(
        tmp_path,
        "head",
        {
            "README.md": "A model.\n",
            "config.json": json.dumps({"architectures": ["FooForSequenceClassification"]}),
            "model.safetensors": b"",
        },
    )
    local = read_local_model(folder)
    assert local.snapshot is not None and "model.safetensors" in local.snapshot.filenames
    result = classify_model(local.snapshot)
    text = result.criteria[0]
    assert text.met == "no"
    assert any(e.source == "config.json:architectures" for e in text.evidence)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("org__model-name", "org/model-name"), ("plain-folder", "plain-folder")],
    ids=["mirror-layout", "plain"],
)
def test_model_id_from_folder_name(tmp_path, name, expected):
    folder = tmp_path / name
    folder.mkdir()
    assert model_id_for(str(folder)) == expected


def test_base_model_cycle_is_not_followed():
    from lmdef.classify.snapshot import ModelSnapshot

    a = ModelSnapshot("a/x", "a/x", "---\nbase_model: b/y\n---\nA fine-tuned chat model.\n", "a")
    b = ModelSnapshot("b/y", "b/y", "---\nbase_model: a/x\n---\nA fine-tuned chat model.\n", "b")
    result = classify_model(a, bases={"b/y": b, "a/x": a})
    assert result.base_models == ["b/y"]  # the walk stops where it would revisit a/x
