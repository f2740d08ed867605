"""Where a model's pretraining volume comes from: its own family, a named base, components,
corpora the card names, and what must not be counted twice (issue #3 §4, LABELING.md §2).

Hand-written cards and an invented registry (no text from real model cards).
"""

from __future__ import annotations

import pytest
from classify_fakes import Cor, FakeRegistry, Fam, Q

from lmdef.classify import classify_model
from lmdef.classify.snapshot import ModelSnapshot
from lmdef.classify.units import TOKENS_PER_WORD, WORDS_PER_SPEECH_HOUR


@pytest.fixture
def reg() -> FakeRegistry:
    return FakeRegistry(
        families=[
            Fam("toybert", "ToyBERT", ["toybert"], Q(3.3e9, "words"), corpora=["toywiki"]),
            Fam(
                "toyenc",
                "Toy Encoder",
                ["toyenc-base"],
                Q(3.3e9, "words"),
                other_language_means_other_model=True,
            ),
            Fam("toyllama", "ToyLlama", ["toyllama"], Q(2e12, "tokens")),
            Fam("toywhisper", "ToyWhisper", ["toywhisper"], Q(680_000, "hours")),
            Fam("toyt5", "ToyT5", ["toyt5"], Q(3.4e10, "tokens")),
        ],
        corpora=[
            Cor("toywiki", "ToyWiki", ["toywiki"], Q(2.5e9, "words")),
            Cor("smallweb", "SmallWeb", ["smallweb"], Q(2e8, "words")),
            Cor("toycc", "ToyCC", ["toycc"], None, languages=["multi"]),
            Cor(
                "toycc-ja",
                "ToyCC Japanese",
                ["toycc-ja"],
                Q(7e10, "bytes"),
                ["ja"],
                "text",
                "toycc",
            ),
        ],
        language_names={"italian": "it", "japanese": "ja"},
    )


def run(reg: FakeRegistry, model_id: str, card: str):
    snapshot = ModelSnapshot(input=model_id, model_id=model_id, card_text=card, card_path=None)
    result = classify_model(snapshot, registry=reg)
    return result, {c.id: c.met for c in result.criteria}


def test_repo_of_the_family_itself_keeps_the_family_volume_and_transfer(reg):
    # The reference checkpoint's card lists one small dataset: that is not all of its data.
    card = "---\ndatasets:\n- smallweb\n---\n# ToyLlama\n\nA causal language model.\n"
    result, met = run(reg, "toylab/toyllama", card)
    assert met == {"text": "yes", "data": "yes", "transfer": "yes"}
    assert result.pretraining_tokens == pytest.approx(2e12)
    assert result.base_models == []  # the family is the model itself, not a base


def test_display_name_in_another_language_is_not_the_family(reg):
    line = "We fine-tuned a Toy Encoder {} checkpoint for news classification."
    _, other = run(reg, "someone/news-it", "---\nlanguage: it\n---\n" + line.format("Italian"))
    assert other["data"] == "unknown"  # an Italian model of that architecture, volume unknown
    result, same = run(reg, "someone/news-en", "---\nlanguage: en\n---\n" + line.format("base"))
    assert same["data"] == "yes"
    assert result.base_models == ["Toy Encoder"]


def test_corpora_of_a_named_base_are_not_added_to_its_volume(reg):
    card = (
        "---\npipeline_tag: text-classification\n---\nA sentiment classifier fine-tuned from "
        "ToyBERT. ToyBERT was pretrained on the ToyWiki corpus.\n"
    )
    result, _ = run(reg, "someone/sentiment", card)
    assert result.pretraining_tokens == pytest.approx(3.3e9 * TOKENS_PER_WORD)


def test_a_card_restating_its_base_volume_counts_it_once(reg):
    card = (
        "---\nbase_model: lab/toywhisper-large\npipeline_tag: automatic-speech-recognition\n---\n"
        "The base model was pretrained on 680,000 hours of speech; we fine-tuned it further.\n"
    )
    result, met = run(reg, "someone/asr-ft", card)
    assert met["data"] == "yes"
    once = 680_000 * WORDS_PER_SPEECH_HOUR * TOKENS_PER_WORD
    assert result.pretraining_tokens == pytest.approx(once)


@pytest.mark.parametrize(
    ("card", "data"),
    [
        pytest.param(
            "A toyllama model trained from scratch on my poems.\n", "unknown", id="no-figure"
        ),
        pytest.param(
            "A toyllama model trained from scratch on 5M tokens of poems.\n",
            "no",
            id="small-figure",
        ),
    ],
)
def test_architecture_name_trained_from_scratch_inherits_nothing(reg, card, data):
    result, met = run(reg, "someone/toyllama-poems", card)
    assert met["text"] == "yes"  # the architecture still says what it outputs
    assert met["data"] == data
    assert result.base_models == []


def test_whole_corpus_named_by_a_one_language_card_means_its_slice(reg):
    card = "---\nlanguage: ja\ndatasets:\n- toycc\n---\nA Japanese causal language model.\n"
    result, met = run(reg, "someone/ja-lm", card)
    assert met["data"] == "yes"
    assert any("ToyCC Japanese" in e.detail for e in result.criteria[1].evidence)


def test_component_named_after_many_other_lineage_lines_is_found(reg):
    filler = "".join(f"- It uses setting {i} for the demo.\n" for i in range(5))
    card = (
        "---\npipeline_tag: text-to-audio\n---\nA text-to-music generator.\n"
        + filler
        + "It uses a frozen ToyT5 text encoder for the prompts.\n"
    )
    result, met = run(reg, "someone/music-gen", card)
    assert met["text"] == "no"
    assert met["data"] == "yes"
    assert "ToyT5" in result.base_models


def test_needs_config_and_classify_share_one_reading_of_the_card(reg):
    from lmdef.classify import _cached_gather, needs_config

    card = "---\nlicense: mit\n---\nA model.\n"
    snapshot = ModelSnapshot(input="a/b", model_id="a/b", card_text=card, card_path=None)
    needs_config(snapshot)  # reads with the default registry
    before = _cached_gather.cache_info()
    first = classify_model(snapshot)
    after = _cached_gather.cache_info()
    assert after.hits == before.hits + 1  # the same snapshot is not read twice
    # a snapshot with different content (config fetched) is read anew
    with_config = ModelSnapshot(
        input="a/b",
        model_id="a/b",
        card_text=card,
        card_path=None,
        config={"architectures": ["ToyForSequenceClassification"]},
    )
    second = classify_model(with_config)
    assert _cached_gather.cache_info().misses == after.misses + 1
    assert first.criteria[0].met == "unknown"
    assert second.criteria[0].met == "no"
