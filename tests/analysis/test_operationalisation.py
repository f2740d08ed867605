"""Uses made precise in place (GUIDE §4): same or adjacent sentence, per term's check."""

from __future__ import annotations

import pytest

from .helpers import flagged, statuses

CASES = [
    # sota: a named benchmark AND a score.
    (
        "Our parser is state of the art on CoNLL-2003 with 93.4 F1.",
        "sota",
        False,
        "sota-benchmark-and-f1",
    ),
    (
        "The model is state-of-the-art. It reaches 88.2% accuracy on ImageNet.",
        "sota",
        False,
        "sota-score-next-sentence",
    ),
    ("提案手法はJSQuADで完全一致率91.2%を達成し、最先端の性能を示した。", "sota", False, "sota-ja"),
    (
        "The model is state-of-the-art on SQuAD 2.0.",
        "sota",
        True,
        "sota-version-number-is-not-a-score",
    ),
    ("We are state of the art on 30 of 32 benchmarks.", "sota", True, "sota-counts-are-not-scores"),
    (
        "Our model reaches 85.3 on MMLU and is state-of-the-art among open models.",
        "sota",
        False,
        "sota-bare-decimal-score",
    ),
    (
        "The model is state-of-the-art (see Section 4.2 of the GLUE paper).",
        "sota",
        True,
        "sota-section-number-is-not-a-score",
    ),
    (
        "The model is state-of-the-art.\n\nIt reaches 88.2% accuracy on ImageNet.",
        "sota",
        True,
        "sota-score-in-another-paragraph",
    ),
    (
        "The model is state-of-the-art. It is fast. It reaches 88.2% on ImageNet.",
        "sota",
        True,
        "sota-score-two-sentences-away",
    ),
    # robust: the perturbation AND a measurement.
    (
        "The tagger is robust to typos: accuracy drops by 0.8 points on the noised set.",
        "robust",
        False,
        "robust-typos-and-drop",
    ),
    (
        "ノイズを加えても精度の低下は1.5ポイントにとどまり、頑健である。",
        "robust",
        False,
        "robust-ja",
    ),
    (
        "We improve robustness to adversarial attacks and paraphrases.",
        "robust",
        True,
        "robust-perturbation-without-measurement",
    ),
    (
        "Our method lifts accuracy on open-domain QA from 41% to 72% and learns robust skills.",
        "robust",
        True,
        "robust-gain-is-not-a-perturbation",
    ),
    # llm: this model's parameter count AND architecture or data volume.
    (
        "Our LLM is a 13B-parameter decoder-only Transformer.",
        "llm",
        False,
        "llm-params-and-architecture",
    ),
    (
        "The 480-billion-parameter large language model was trained on 18 trillion tokens.",
        "llm",
        False,
        "llm-params-and-tokens",
    ),
    (
        "130億パラメータの大規模言語モデルを、220 GBの日本語テキストで学習した。",
        "llm",
        False,
        "llm-ja",
    ),
    ("Our LLM has 13B parameters.", "llm", True, "llm-params-only"),
    (
        "LLMs such as our 13B-parameter decoder-only Transformer are useful.",
        "llm",
        True,
        "llm-plural-is-the-class",
    ),
    (
        "Like any LLM, our 13B-parameter decoder-only Transformer hallucinates.",
        "llm",
        True,
        "llm-any-is-the-class",
    ),
    (
        "Our 13B-parameter decoder-only Transformer tops the LLM ranking.",
        "llm",
        True,
        "llm-modifier-is-the-class",
    ),
    # frontier-model: a stated threshold.
    (
        "We test frontier models, trained with more than 10^26 FLOP, on cyber tasks.",
        "frontier-model",
        False,
        "frontier-flop-threshold",
    ),
    ("We test frontier models on cyber tasks.", "frontier-model", True, "frontier-no-threshold"),
    (
        "Frontier models, here those scoring above 60% on our hazard evaluation, were tested.",
        "frontier-model",
        False,
        "frontier-capability-threshold",
    ),
    # emergent / foundation-model: only a definition counts, numbers do not.
    (
        "Emergent abilities appear at 62B parameters with 35.1% accuracy on BIG-Bench.",
        "emergent",
        True,
        "emergent-numbers-are-not-a-definition",
    ),
    # A score at the end of a sentence, or right after a verb or preposition.
    (
        "Our tagger is state of the art on CoNLL-2000, scoring 95.8.",
        "sota",
        False,
        "sota-score-after-verb",
    ),
    (
        "We set the state of the art on WinoGrande: accuracy is 81.6.",
        "sota",
        False,
        "sota-score-ends-sentence",
    ),
    (
        "We are state of the art on SQuAD 2.0 as of version 1.1.",
        "sota",
        True,
        "sota-version-after-word-is-not-a-score",
    ),
    # Benchmark names that start in lower case.
    (
        "The prover is state-of-the-art on miniF2F-valid with 58.2% solved.",
        "sota",
        False,
        "sota-lowercase-initial-benchmark",
    ),
    ("Our detector is SOTA on nuScenes, 71.0 NDS.", "sota", False, "sota-camel-benchmark"),
    # LaTeX: the escaped percent sign is the score's unit.
    (
        "\\begin{document}\nIt is state-of-the-art on GSM8K, solving 83.1\\% of problems.\n\\end{document}\n",
        "sota",
        False,
        "sota-latex-escaped-percent",
    ),
    # robust: what follows "robust to/against/under/across" names the perturbation.
    (
        "The segmenter is robust to lens flare: mIoU falls from 77.4 to 76.9.",
        "robust",
        False,
        "robust-to-named-thing",
    ),
    (
        "The tagger is robust across dialects; accuracy varies by at most 1.3 points.",
        "robust",
        False,
        "robust-across",
    ),
    (
        "It is robust under sensor dropout, losing only 0.7 mAP.",
        "robust",
        False,
        "robust-under-metric-after-number",
    ),
    (
        "提案モデルは照明変化に対して頑健であり、精度の低下は0.5ポイントであった。",
        "robust",
        False,
        "robust-ja-ni-taishite",
    ),
    (
        "背景雑音（SNR 10dB）に対しても頑健で、単語誤り率は7.9%から8.6%への悪化にとどまった。",
        "robust",
        False,
        "robust-ja-parenthesised-perturbation",
    ),
    (
        "Our assistant pairs an LLM with a retriever. The retriever is a 110M-parameter encoder-only Transformer.",
        "llm",
        True,
        "llm-another-components-size",
    ),
    (
        "Wren is an LLM for contracts. The model is a 7B-parameter decoder-only Transformer.",
        "llm",
        False,
        "llm-the-model-is-its-size",
    ),
    (
        "The ranking is robust to the random seed (std 0.4 across five runs).",
        "robust",
        False,
        "robust-spread-is-a-measurement",
    ),
    (
        "Robust accuracy under AutoAttack (eps 4/255) is 49.7%.",
        "robust",
        False,
        "robust-named-attack-compound",
    ),
    (
        "The tagger is robust to dialects and to slang.",
        "robust",
        True,
        "robust-to-without-measurement",
    ),
    (
        "The tagger is robust, and it was trained on 12 dialects.",
        "robust",
        True,
        "robust-count-is-not-a-measurement",
    ),
]


@pytest.mark.parametrize(
    ("text", "term", "must_flag"), [c[:3] for c in CASES], ids=[c[3] for c in CASES]
)
def test_operationalisation(text, term, must_flag):
    assert flagged(text, term) is must_flag, statuses(text, term)


HEADINGS = [
    pytest.param(
        "# Card\n\n## Robustness\n\nWith 10% of words misspelled, accuracy falls from 90.2 to 89.5.\n",
        "robust",
        False,
        id="heading-made-precise-by-the-first-sentence-of-its-section",
    ),
    pytest.param(
        "## Robustness\n\nWe tested it thoroughly.\n\nWith typos, accuracy falls from 90.2 to 89.5.\n",
        "robust",
        True,
        id="heading-and-a-later-paragraph",
    ),
    pytest.param(
        "## State of the art\n\nOn DROP our reader scores 88.7 F1, above every published system.\n",
        "sota",
        False,
        id="sota-heading-with-score-below",
    ),
]


@pytest.mark.parametrize(("text", "term", "must_flag"), HEADINGS)
def test_heading_window_includes_the_first_sentence_of_its_section(text, term, must_flag):
    assert flagged(text, term, "card.md") is must_flag, statuses(text, term, "card.md")


@pytest.mark.parametrize(
    ("text", "term", "should_flag"),
    [
        pytest.param(
            "Frontier models trained with more than $10^{26}$ FLOP must be reported.\n",
            "frontier-model",
            False,
            id="frontier-threshold-in-math",
        ),
        pytest.param(
            "Our tagger is state of the art on CoNLL-2003 with $93.4$ F1.\n",
            "sota",
            False,
            id="sota-score-in-math",
        ),
        pytest.param(
            "Frontier models such as $f_\\theta$ are regulated.\n",
            "frontier-model",
            True,
            id="frontier-math-without-number",
        ),
    ],
)
def test_latex_numbers_written_as_math_count(text, term, should_flag):
    assert flagged(text, term, path="paper.tex") is should_flag
