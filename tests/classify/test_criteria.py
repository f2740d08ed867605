"""Criteria tables over hand-written cards (written for these tests; not copies of real cards).

Each case pins what a user relies on: the met value of each criterion and the verdict, given
the card, its files and an invented registry (conftest.py).
"""

from __future__ import annotations

import pytest
from classify_fakes import FakeRegistry, Fam, Q

from lmdef.classify import classify_model
from lmdef.classify.snapshot import ModelSnapshot


def snap(card: str | None, model_id: str = "someone/model", **kw) -> ModelSnapshot:
    return ModelSnapshot(
        input=model_id, model_id=model_id, card_text=card, card_path="README.md", **kw
    )


_TEMPLATE_UNFILLED = (
    "---\nlibrary_name: transformers\n---\n# Model Card for Model ID\n\n"
    "<!-- Provide a quick summary of what the model is/does. -->\n\n"
    "- **Model type:** [More Information Needed]\n"
    "- **Finetuned from model [optional]:** [More Information Needed]\n\n"
    "### Downstream Use [optional]\n\n"
    "<!-- This section is for the model use when fine-tuned for a task, or when plugged into "
    "a larger ecosystem/app -->\n\n[More Information Needed]\n"
)


CASES = [
    pytest.param(
        "someone/toy-causal",
        "---\nlanguage: en\npipeline_tag: text-generation\n---\n# Toy causal\n"
        "An auto-regressive language model pretrained from scratch on 300 billion tokens of "
        "web text. It can be fine-tuned or prompted for new tasks.\n",
        {},
        ("yes", "yes", "yes", "llm"),
        id="pretrained-causal-lm-stated-tokens",
    ),
    pytest.param(
        "someone/tiny-story-lm",
        "---\nlanguage: en\npipeline_tag: text-generation\n---\n"
        "A small causal language model trained from scratch on one novel, roughly 0.4M tokens, "
        "as a toy. Text can be generated with model.generate().\n",
        {},
        ("yes", "no", "yes", "not-llm"),
        id="tiny-data-from-scratch",
    ),
    pytest.param(
        "someone/sentiment-head",
        "---\npipeline_tag: text-classification\nbase_model: toybert\n---\n"
        "This model is a fine-tuned version of toybert on a movie review dataset. It predicts "
        "positive or negative labels.\n",
        {},
        ("no", "yes", "yes", "not-llm"),
        id="classifier-head-on-registry-base",
    ),
    pytest.param(
        "someone/toyllama-chat-lora",
        "---\nbase_model: someone/toyllama\nlibrary_name: peft\n---\nA LoRA adapter for chat.\n",
        {"adapter_config": {"base_model_name_or_path": "someone/toyllama"}},
        ("yes", "yes", "yes", "llm"),
        id="adapter-inherits-everything",
    ),
    pytest.param(
        "someone/toyllama-gguf",
        "---\nbase_model: someone/toyllama\n---\nGGUF quantized files of the base model.\n",
        {"filenames": ("README.md", "model-q4_k_m.gguf")},
        ("yes", "yes", "yes", "llm"),
        id="gguf-quant-inherits",
    ),
    pytest.param(
        "someone/merged-chat",
        "---\nbase_model:\n- someone/toyllama\n- someone/toyllama-chat\ntags:\n- mergekit\n---\n"
        "This is a merge of pre-trained language models created using mergekit.\n",
        {},
        ("yes", "yes", "yes", "llm"),
        id="merge-inherits",
    ),
    pytest.param(
        "someone/emotion-writer",
        "---\nbase_model: toyt5\n---\nThis model is a fine-tuned version of toyt5 for emotion "
        "classification: it writes the label word with model.generate().\n",
        {},
        ("yes", "yes", "yes", "llm"),
        id="text-to-text-label-writer",
    ),
    pytest.param(
        "someone/toybert-reviews",
        "---\ntags:\n- generated_from_trainer\nmetrics:\n- f1\n---\nThis model is a fine-tuned "
        "version of [toybert](https://huggingface.co/toybert) on a reviews dataset.\n",
        {},
        ("no", "yes", "yes", "not-llm"),
        id="template-fine-tune-scored-by-f1-is-a-classifier",
    ),
    pytest.param(
        "someone/voice-x",
        "---\npipeline_tag: text-to-speech\n---\n# Voice X\nA text-to-speech model that turns "
        "text into audio in one voice. Install the package, load the checkpoint, call infer() "
        "with your sentences and write the waveform to a wav file. Speed and pitch can be set "
        "with two parameters. Outputs are 24 kHz mono audio files that you can play back.\n",
        {},
        ("no", "unknown", "no", "not-llm"),
        id="speech-generator-offering-only-inference",
    ),
    pytest.param(
        "someone/churn",
        "# Churn model\nAn XGBoost classifier on tabular customer features (tenure, plan, "
        "usage). It outputs the churn probability. Retrained monthly on the same table.\n",
        {},
        ("no", "no", "no", "not-llm"),
        id="tabular-end-task",
    ),
    pytest.param(
        "someone/ppo-cartpole",
        "---\nlibrary_name: stable-baselines3\ntags:\n- reinforcement-learning\n---\n"
        "A PPO agent playing CartPole-v1.\n",
        {},
        ("no", "no", "no", "not-llm"),
        id="rl-agent",
    ),
    pytest.param(
        "someone/tiny-dummy",
        "## A dummy model\nRandomly initialised weights for unit testing. The model weights are "
        "randomly initialized.\n",
        {},
        ("no", "no", "no", "not-llm"),
        id="dummy",
    ),
    pytest.param(
        "someone/empty",
        "---\nlicense: mit\n---\n",
        {},
        ("unknown", "unknown", "unknown", "undetermined"),
        id="empty-card",
    ),
    pytest.param(
        "someone/ja-bert",
        "---\nlanguage: ja\n---\n日本語のBERTモデルです。Masked language modeling で事前学習しました。"
        "学習コーパスは日本語Webテキスト約90GBです。下流タスクでファインチューニングできます。\n",
        {},
        ("yes", "yes", "yes", "llm"),
        id="japanese-bytes",
    ),
    pytest.param(
        "someone/borderline-wiki",
        "---\nlanguage: ja\n---\nA masked language model pretrained on a 2.6GB dump of "
        "Japanese Wikipedia with a character-level tokenizer. Fine-tune it downstream.\n",
        {},
        ("yes", "unknown", "yes", "undetermined"),
        id="borderline-estimate-is-unknown",
    ),
    pytest.param(
        "someone/exact-threshold",
        "A masked language model pretrained on 1B tokens. It can be fine-tuned.\n",
        {},
        ("yes", "unknown", "yes", "undetermined"),
        id="exactly-1B-is-not-over",
    ),
    pytest.param(
        "someone/sentence-embedder",
        "---\npipeline_tag: sentence-similarity\nbase_model: toybert\n---\nThis model maps "
        "sentences to a 384 dimensional dense vector space for semantic search.\n",
        {},
        ("no", "yes", "yes", "not-llm"),
        id="embedder-on-llm-base",
    ),
    pytest.param(
        "someone/image-diffuser",
        "---\npipeline_tag: text-to-image\n---\nA text-to-image diffusion model that uses a "
        "frozen toyclip text encoder.\n",
        {},
        ("no", "yes", "yes", "not-llm"),
        id="diffusion-with-caption-trained-component",
    ),
    pytest.param(
        "someone/speech-recognizer",
        "---\npipeline_tag: automatic-speech-recognition\n---\nA speech recognition model "
        "trained on 680,000 hours of transcribed speech audio. It can be fine-tuned.\n",
        {},
        ("yes", "yes", "yes", "llm"),
        id="asr-speech-hours",
    ),
    pytest.param(
        "someone/opus-style-mt",
        "---\npipeline_tag: translation\n---\nA transformer translation system trained on the "
        "parallel data of a shared task.\n",
        {},
        ("yes", "no", "no", "not-llm"),
        id="translation-from-scratch",
    ),
    # Held-out check (bench/heldout/classify): the Hub's card template speaks of fine-tuning in
    # its instructions and unfilled fields; those are not claims about the model.
    pytest.param(
        "someone/template-only",
        _TEMPLATE_UNFILLED,
        {},
        ("unknown", "unknown", "unknown", "undetermined"),
        id="unfilled-template-says-nothing",
    ),
    pytest.param(
        "someone/template-partly-filled",
        _TEMPLATE_UNFILLED.replace(
            "- **Model type:** [More Information Needed]", "- **Model type:** causal language model"
        ).replace(
            "- **Finetuned from model [optional]:** [More Information Needed]",
            "- **Finetuned from model [optional]:** toyllama",
        ),
        {},
        ("yes", "yes", "yes", "llm"),
        id="filled-template-fields-still-count",
    ),
    pytest.param(
        "someone/adapter-no-base",
        "---\nlibrary_name: peft\n---\n## Training procedure\n\n### Framework versions\n\n"
        "- PEFT 0.4.0\n- Transformers 4.31.0\n",
        {},
        ("unknown", "unknown", "unknown", "undetermined"),
        id="library-version-is-not-reuse",
    ),
    pytest.param(
        "someone/contract-mlm",
        "---\nlanguage: en\n---\nA masked language model for contracts, built on the toybert "
        "architecture. Trained on 200MB of contracts.\n",
        {},
        ("yes", "no", "yes", "not-llm"),
        id="an-architecture-is-not-a-base",
    ),
    pytest.param(
        "someone/legal-lm",
        "---\nlanguage: en\n---\nA masked language model for statutes that uses the same "
        "architecture as toybert.\n",
        {},
        ("yes", "unknown", "yes", "undetermined"),
        id="same-architecture-as-is-not-a-base",
    ),
    pytest.param(
        "someone/gpt2-scratch-smallweb",
        "---\ntags:\n- generated_from_trainer\ndatasets:\n- smallweb\n---\n# gpt2-scratch\n\n"
        "This model was trained from scratch on the smallweb dataset.\nIt achieves the following "
        "results on the evaluation set:\n- Loss: 3.21\n",
        {"config": {"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2"}},
        ("yes", "no", "yes", "not-llm"),
        id="config-lm-head-is-a-promptable-lm",
    ),
    pytest.param(
        "someone/stock-forecaster",
        "# Stock forecaster\n\nPredict next-day closing prices of listed stocks with a 2-layer "
        "LSTM.\n\n- Window: 60 days\n- Metric: RMSE on a 2023 hold-out\n",
        {},
        ("no", "no", "no", "not-llm"),
        id="price-forecaster-without-front-matter",
    ),
    pytest.param(
        "someone/fake-news-detector",
        "# Fake news detection\n\nThis repository fine-tunes `toybert` to classify news articles "
        "as FAKE or REAL.\n\n```python\nmodel = BertForSequenceClassification.from_pretrained("
        '"checkpoints/best")\n```\n',
        {},
        ("no", "yes", "yes", "not-llm"),
        id="readme-that-fine-tunes-a-named-base",
    ),
    pytest.param(
        "someone/char-gpt-plays",
        "# char-gpt-plays\n\nA minimal character-level GPT (6 layers, 6 heads) trained on about "
        "1MB of plays. After 5000 iterations the samples look like plausible dialogue.\n",
        {},
        ("yes", "no", "yes", "not-llm"),
        id="character-level-gpt-is-a-language-model",
    ),
    pytest.param(
        "someone/text-to-audio",
        "---\npipeline_tag: text-to-audio\n---\nGenerates stereo audio from text prompts. It "
        "comprises an autoencoder, a toyt5-based text embedding for text conditioning, and a "
        "diffusion transformer.\n",
        {},
        ("no", "yes", "yes", "not-llm"),
        id="text-conditioning-component-counts-for-data",
    ),
    pytest.param(
        "someone/toyllama-intent-lora",
        "---\nlibrary_name: peft\nbase_model: toyllama\n---\n# Intent LoRA\n\nA LoRA adapter "
        "for routing customer messages to 27 intents.\n",
        {"adapter_config": {"base_model_name_or_path": "toyllama", "task_type": "SEQ_CLS"}},
        ("no", "yes", "yes", "not-llm"),
        id="classification-adapter-on-an-llm-outputs-labels",
    ),
    pytest.param(
        "someone/page-retriever",
        "# page-retriever\n\nA visual retriever that generates ColBERT-style multi-vector "
        "representations of document page images and of queries.\n",
        {},
        ("no", "unknown", "unknown", "not-llm"),
        id="multi-vector-retriever-outputs-vectors",
    ),
    pytest.param(
        "someone/emotion-cnn",
        "# Speech emotion\n\nA CNN over MFCC features that classifies short utterances into "
        "8 emotions. Trained from scratch on 1,440 labelled clips of acted speech.\n",
        {},
        ("no", "no", "no", "not-llm"),
        id="supervised-classifier-from-scratch-has-no-pretraining",
    ),
]


@pytest.mark.parametrize(("model_id", "card", "extra", "expected"), CASES)
def test_criteria_table(registry, model_id, card, extra, expected):
    result = classify_model(snap(card, model_id, **extra), registry=registry)
    got = (*tuple(c.met for c in result.criteria), result.verdict)
    assert got == expected, [(c.id, c.met, c.rationale) for c in result.criteria]
    for criterion in result.criteria:
        assert criterion.rationale.endswith(".")


def test_every_decided_criterion_has_evidence(registry):
    for param in CASES:
        model_id, card, extra, _ = param.values
        result = classify_model(snap(card, model_id, **extra), registry=registry)
        for c in result.criteria:
            if c.met != "unknown":
                assert c.evidence, (param.id, c.id)


def test_min_tokens_changes_the_threshold(registry):
    card = "A causal language model pretrained on 300 billion tokens. Fine-tune it.\n"
    assert classify_model(snap(card), registry=registry).criteria[1].met == "yes"
    strict = classify_model(snap(card), registry=registry, min_tokens=1e12)
    assert strict.criteria[1].met == "no"


def test_token_estimate_states_conversion_and_language(registry):
    card = "---\nlanguage: ja\n---\n日本語の言語モデル。日本語テキスト約90GBで事前学習。\n"
    result = classify_model(snap(card), registry=registry)
    assert result.token_estimate is not None
    assert any("bytes per japanese character" in s for s in result.token_estimate.arithmetic)
    assert result.languages == ["ja"]


def test_classifier_on_llm_base_is_derived_from_llm(registry):
    card = "---\npipeline_tag: text-classification\nbase_model: toybert\n---\nA classifier.\n"
    result = classify_model(snap(card), registry=registry)
    assert result.verdict == "not-llm"
    assert result.derived_from_llm is True
    assert result.base_models == ["toybert"]


def test_fine_tune_inherits_volume_through_registry_lineage(registry):
    card = "---\nbase_model: toyllama-chat\n---\nAn instruction-tuned chat model. Prompt it.\n"
    result = classify_model(snap(card), registry=registry)
    assert result.pretraining_tokens == pytest.approx(2e12)
    assert result.verdict == "llm"


def test_hub_base_snapshot_supplies_the_inherited_volume(registry):
    base = snap(
        "---\npipeline_tag: text-generation\n---\nA causal language model pretrained on 2 "
        "trillion tokens of web text. Prompt it or fine-tune it.\n",
        "lab/base-lm",
    )
    tune = snap("---\nbase_model: lab/base-lm\n---\nAn instruction-tuned chat model.\n")
    alone = classify_model(tune, registry=registry)
    assert alone.criteria[1].met == "unknown"  # the card alone says nothing about data
    result = classify_model(tune, bases={"lab/base-lm": base}, registry=registry)
    assert result.verdict == "llm"
    assert result.pretraining_tokens == pytest.approx(2e12)
    assert result.derived_from_llm is True
    assert any(e.source == "base_model:lab/base-lm" for e in result.criteria[1].evidence)


def test_lower_bound_volume_is_never_a_no(registry):
    from classify_fakes import Fam, Q

    registry.families += (
        Fam("partial", "Partial", ["partialbert"], Q(2e8, "words", at_least=True)),
    )
    card = "---\nbase_model: partialbert\n---\nA fine-tuned masked language model.\n"
    result = classify_model(snap(card), registry=registry)
    assert result.criteria[1].met == "unknown"  # 0.26B tokens, but only a lower bound


@pytest.mark.parametrize(
    ("card", "extra", "expected"),
    [
        (
            "---\nbase_model: org/a\ntags:\n- base_model:finetune:org/b\n---\nx\n",
            {},
            ["org/a", "org/b"],
        ),
        ("x\n", {"adapter_config": {"base_model_name_or_path": "org/c"}}, ["org/c"]),
        (
            "This model is a fine-tuned version of [m](https://huggingface.co/org/d) on data.\n",
            {},
            ["org/d"],
        ),
        ("See the [docs](https://huggingface.co/docs/transformers/index) for more.\n", {}, []),
        ("---\nbase_model: ../../etc/passwd\n---\nx\n", {}, []),
    ],
    ids=[
        "front-matter-and-tag",
        "adapter-config",
        "prose-link",
        "docs-link-is-not-a-base",
        "invalid-id",
    ],
)
def test_base_model_ids(card, extra, expected):
    from lmdef.classify import base_model_ids

    assert base_model_ids(snap(card, "org/self", **extra)) == expected


def test_needs_config_only_when_the_head_is_unknown():
    from lmdef.classify import needs_config

    assert needs_config(snap("---\nlicense: mit\n---\nWeights.\n")) is True
    assert needs_config(snap("---\npipeline_tag: text-generation\n---\nA chat model.\n")) is False
    assert needs_config(snap("x\n", config={"architectures": ["FooForCausalLM"]})) is False
    # The Hub's pipeline tag decides the head: no config.json request for such models.
    assert needs_config(snap("Weights.\n", hub_pipeline_tag="text-classification")) is False
    assert needs_config(snap("Weights.\n", hub_pipeline_tag="no-such-task")) is True


def test_card_language_names_become_codes(registry):
    registry.language_names = {"german": "de"}
    card = "---\nlanguage: german\n---\nA masked language model.\n"
    assert classify_model(snap(card), registry=registry).languages == ["de"]


def test_a_tag_can_name_the_family(registry):
    card = "---\ntags:\n- toyllama\npipeline_tag: text-generation\n---\nA chat model.\n"
    result = classify_model(snap(card, "someone/my-bot"), registry=registry)
    assert result.criteria[1].met == "yes"
    assert any("ToyLlama" in e.detail for e in result.criteria[1].evidence)


def test_sentence_transformers_architecture_line_names_the_base(registry):
    card = (
        "---\npipeline_tag: sentence-similarity\n---\nThis model maps sentences to a dense "
        "vector space.\n\n```\nSentenceTransformer(\n  (0): Transformer({'max_seq_length': 128}) "
        "with Transformer model: ToybertModel\n)\n```\n"
    )
    result = classify_model(snap(card), registry=registry)
    assert [c.met for c in result.criteria] == ["no", "yes", "yes"]
    assert result.base_models == ["ToyBERT"]


def test_a_tool_named_after_a_family_names_no_base():
    # "llama.cpp-compatible files" in a GGUF copy of an embedder: llama.cpp is the runtime, not
    # a base whose pretraining the copy inherits (held-out check, bench/heldout/classify).
    llama_like = FakeRegistry(
        families=[Fam("llamaish", "Llamaish", ["llama"], Q(1.4e12, "tokens"))], corpora=[]
    )
    card = (
        "---\nlibrary_name: ggml\npipeline_tag: sentence-similarity\n---\n# embedder GGUF\n\n"
        "This repo contains llama.cpp-compatible files for an embedding model in GGUF format.\n"
    )
    result = classify_model(snap(card, "someone/embedder-GGUF"), registry=llama_like)
    assert [c.met for c in result.criteria][:2] == ["no", "unknown"]
    assert result.base_models == []
