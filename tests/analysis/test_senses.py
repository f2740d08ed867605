"""Non-ML senses, names and mentions are not uses (GUIDE "Not:" lists and §2)."""

from __future__ import annotations

import pytest

from .helpers import statuses

NOT_USES = [
    (
        "Emergence: How Simple Rules Make Patterns\n\nBirds flock and fish school by local rules.",
        "emergent",
        "non-ml",
        "title-takes-the-sense-of-its-paragraph",
    ),
    ("Training ran in a state-of-the-art data center.", "sota", "name", "sota-said-of-equipment"),
    ("世界の最先端技術を持ち寄る組織が発足した。", "sota", "name", "ja-sota-said-of-technology"),
    ("The patient needed emergent surgery.", "emergent", "name", "medical-urgent"),
    (
        "Emergent vegetation covers the shallow margins of the lake.",
        "emergent",
        "name",
        "emergent-vegetation",
    ),
    ("The Frontier Model Forum published a report.", "frontier-model", "name", "industry-body"),
    (
        "Members of the Global Partnership on AI (GPAI) met in Paris.",
        "general-purpose-technology",
        "non-ml",
        "gpai-partnership",
    ),
    ("Analysts expect robust growth in cloud spending.", "robust", "name", "robust-growth"),
    ("We deploy with TensorRT-LLM on two GPUs.", "llm", "name", "product-name-suffix"),
    ("LLM-jp released a new corpus.", "llm", "name", "project-name-prefix"),
    ("We fine-tuned LLM-7B on our data.", "llm", "name", "model-name-with-size"),
    (
        "Download emergent_abilities.pdf from the site.",
        "emergent",
        "not-prose",
        "file-name-in-plain-text",
    ),
    ("The model tops the Open LLM Leaderboard.", "llm", "name", "leaderboard-name"),
    (
        "She holds an LLM from a law school, after a first law degree.",
        "llm",
        "non-ml",
        "law-degree",
    ),
    ("LLM勉強会が新しいコーパスを公開した。", "llm", "name", "ja-organisation"),
    (
        "Flocking is an emergent behaviour of birds following local rules.",
        "emergent",
        "non-ml",
        "ecology",
    ),
    (
        "The emergence of powerful chatbots changed search.",
        "emergent",
        "name",
        "emergence-of-means-appearance",
    ),
    ("ミンツバーグは創発的戦略という考え方を示した。", "emergent", "name", "ja-emergent-strategy"),
    (
        "The Center for Research on Foundation Models held a workshop.",
        "foundation-model",
        "name",
        "organisation",
    ),
    (
        "Points on the Pareto frontier trade accuracy for cost.",
        "frontier-model",
        None,
        "pareto-frontier-not-matched",
    ),
    (
        "We report heteroskedasticity-robust standard errors.",
        "robust",
        "name",
        "robust-standard-errors",
    ),
    ("RoBERTa: A Robustly Optimized BERT Pretraining Approach", "robust", "name", "roberta-title"),
    (
        "The tasks were robustly evaluated by three annotators.",
        "robust",
        "name",
        "evaluation-practice",
    ),
    ("係数は頑健標準誤差で評価した。", "robust", "name", "ja-robust-standard-errors"),
    ("本節ではロバスト最適化の定式化を述べる。", "robust", "name", "ja-robust-optimisation"),
    ("The term 'emergent' is used in at least four senses.", "emergent", "mention", "the-term-x"),
    ("There is no agreed definition of LLMs.", "llm", "mention", "definition-of-x-is-the-topic"),
    ("「創発」という言葉には複数の意味がある。", "emergent", "mention", "ja-to-iu-kotoba"),
    (
        'As argued in "Emergent Abilities of Large Language Models", scale matters.',
        "emergent",
        "mention",
        "quoted-title",
    ),
    (
        "The essay 'Why Robust Models Fail in the Wild' started the debate.",
        "robust",
        "mention",
        "single-quoted-title",
    ),
    (
        "See ‘Frontier Models and the Limits of Oversight’ for the opposite view.",
        "frontier-model",
        "mention",
        "curly-single-quoted-title",
    ),
    (
        "『基盤モデルの社会実装』という本で詳しく論じられている。",
        "foundation-model",
        "mention",
        "ja-book-title",
    ),
    (
        "Robust Parsing of Noisy Clinical Notes at Scale (Ortega et al., 2021) reported gains.",
        "robust",
        "mention",
        "unquoted-title-before-citation",
    ),
    (
        "Our survey follows Frontier Models and Public Oversight [Lind and Sato, 2024].",
        "frontier-model",
        "mention",
        "unquoted-title-before-bracket-citation",
    ),
    (
        "[3] Wei, J., Tay, Y., et al. Emergent abilities of large language models. TMLR, 2022.",
        "emergent",
        "mention",
        "reference-entry",
    ),
    (
        "@article{wei2022, title = {Emergent Abilities}, abstract = {We find emergent abilities.}}",
        "emergent",
        "mention",
        "bibtex-entry",
    ),
]

STILL_USES = [
    ("We first give a formal definition of LLM robustness.", "llm", "definition-of-a-compound"),
    ("Our LLM-based agent writes code.", "llm", "llm-based-compound"),
    ("Responsible LLM-application deployment needs care.", "llm", "lowercase-compound"),
    ('Do models really have "emergent" abilities?', "emergent", "scare-quotes-are-a-use"),
    (
        "Our 'robust' model's errors doubled on noisy input.",
        "robust",
        "single-scare-quotes-are-a-use",
    ),
    (
        "It's the frontier models' turn: we audit what labs don't test.",
        "frontier-model",
        "apostrophes-are-not-quotes",
    ),
    ("The emergence of in-context learning surprised us.", "emergent", "emergence-of-an-ability"),
    ("The uses of LLMs in medicine grow.", "llm", "uses-of-x-is-a-use"),
    ("LLMs/VLMs are popular.", "llm", "slash-alternation-is-prose"),
    ("提案モデルのロバスト性を評価した。", "robust", "ja-robustness-is-a-use"),
    (
        "Large Language Models (Okafor et al., 2023) write code.",
        "llm",
        "short-capitalised-subject-with-citation",
    ),
    (
        "We deploy Robust Models in production (see Table 2).",
        "robust",
        "title-case-without-citation",
    ),
    (
        "State-of-the-art technology gives our model the best accuracy.",
        "sota",
        "sota-technology-then-model-claim",
    ),
]


@pytest.mark.parametrize(
    ("text", "term", "status"), [c[:3] for c in NOT_USES], ids=[c[3] for c in NOT_USES]
)
def test_not_a_use(text, term, status):
    found = statuses(text, term)
    assert found == ([] if status is None else [status] * len(found)) and (status is None or found)


@pytest.mark.parametrize(
    ("text", "term"), [c[:2] for c in STILL_USES], ids=[c[2] for c in STILL_USES]
)
def test_still_a_use(text, term):
    assert statuses(text, term) == ["undefined"]


def test_references_section_under_heading_is_a_mention():
    text = (
        "# Results\n\nWe use LLMs.\n\n# References\n\n- Emergent Abilities in Big Models. 2022.\n"
    )
    assert statuses(text, "emergent", "a.md") == ["mention"]
    assert statuses(text, "llm", "a.md") == ["undefined"]
