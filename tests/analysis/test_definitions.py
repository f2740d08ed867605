"""Definition detection (issue #2 §5, GUIDE §3): one table of passages written for these tests.

Each case is (passage, term, defined?). "Defined" means no use of the term is left undefined:
a term defined once in a passage is defined for every use in it, before or after.
"""

from __future__ import annotations

import pytest

from .helpers import analysis_of, flagged

DEFINED = [
    (
        "We study decoder-only models pretrained on over 1B tokens of text (hereafter, LLMs).",
        "llm",
        "hereafter",
    ),
    (
        "Weiら（2022）は、創発的能力を「小さいモデルには存在せず大きいモデルに存在する能力」と定義している。",
        "emergent",
        "ja-citation-defines",
    ),
    (
        "The paper reports a jump in accuracy once models pass a size threshold, which they call emergent abilities.",
        "emergent",
        "their-name-with-content",
    ),
    (
        "事前学習したモデルを多様なタスクに適応させる手法を基盤モデルという。",
        "foundation-model",
        "ja-wo-x-to-iu",
    ),
    # English explicit forms.
    (
        "We define an emergent ability as one that is absent in small models but present in large ones.",
        "emergent",
        "we-define-as",
    ),
    (
        "By emergent we mean abilities that appear only above 10B parameters.",
        "emergent",
        "by-x-we-mean",
    ),
    (
        "In this card, LLM refers to a decoder-only model pretrained on more than 1B tokens of text.",
        "llm",
        "refers-to",
    ),
    (
        "Foundation models (i.e., models trained on broad data and adapted to many tasks) are our focus.",
        "foundation-model",
        "paren-ie",
    ),
    (
        "We study frontier models, i.e., models trained with more than 10^25 FLOP, and their risks.",
        "frontier-model",
        "comma-ie",
    ),
    (
        "Several skills are emergent, that is, absent from small models but present in big ones.",
        "emergent",
        "that-is",
    ),
    (
        "Models trained on broad data that adapt to many tasks are what we call foundation models.",
        "foundation-model",
        "we-call",
    ),
    (
        "We use the term general-purpose technology for a technology that spreads across sectors, keeps improving and spawns new inventions.",
        "general-purpose-technology",
        "use-the-term-for",
    ),
    (
        "We use robust to mean that accuracy changes by less than one point under typos.",
        "robust",
        "we-use-x-to-mean",
    ),
    (
        "Emergent skills — skills that stay near chance until a threshold scale and then jump — are rare.",
        "emergent",
        "dash-apposition",
    ),
    (
        "A foundation model is a model that is trained on broad data and can be adapted to many tasks.",
        "foundation-model",
        "copular",
    ),
    (
        "Following Chen et al. (2023), we call an ability emergent if smaller models lack it while larger models show it.",
        "emergent",
        "citation-with-content",
    ),
    (
        "The regulation defines a general-purpose AI model as a model that performs a wide range of distinct tasks.",
        "general-purpose-technology",
        "third-party-defines-as",
    ),
    (
        "Emergent abilities are defined as abilities not present in smaller models.",
        "emergent",
        "is-defined-as",
    ),
    (
        "Robustness here means that the error rate rises by less than 2% under paraphrase.",
        "robust",
        "means",
    ),
    (
        "Models show emergent behaviours, acquiring skills that nobody trained them to perform.",
        "emergent",
        "participial-gloss",
    ),
    (
        "Emergent abilities keep appearing. We call an ability emergent when small models lack it and large ones have it.",
        "emergent",
        "defined-after-use",
    ),
    (
        "We say that a model is robust if its accuracy drops by less than one point under paraphrase.",
        "robust",
        "we-say-x-if",
    ),
    (
        "An ability is emergent if it is not present in smaller models but is present in larger models.",
        "emergent",
        "conditional-definition",
    ),
    (
        "A model is considered a frontier model when its training compute exceeds 10^26 FLOP.",
        "frontier-model",
        "is-considered-x-when",
    ),
    (
        "Here, LLM denotes any Transformer language model with more than one billion parameters.",
        "llm",
        "denotes",
    ),
    (
        "Emergence, in the sense of Wei et al. (2022), denotes abilities absent at small scale.",
        "emergent",
        "aside-before-the-verb",
    ),
    (
        "LLMs are a class of neural networks that are trained to predict the next token on web text.",
        "llm",
        "copular-class-of",
    ),
    (
        "We adopt the definition of foundation model from Bommasani et al. (2021): a model trained on broad data at scale that can be adapted to a wide range of downstream tasks.",
        "foundation-model",
        "adopted-definition-with-content",
    ),
    (
        "General-purpose technologies (GPTs) are characterised by three features: they spread across the economy, improve over time and spawn complementary innovation.",
        "general-purpose-technology",
        "criteria-listed",
    ),
    # Japanese forms.
    ("創発とは、一定の規模を超えたモデルにだけ現れる能力のことである。", "emergent", "ja-towa"),
    (
        "本稿では、10億トークン以上で事前学習した言語モデルを大規模言語モデルと呼ぶ。",
        "llm",
        "ja-to-yobu",
    ),
    (
        "本稿では基盤モデルを、広範なデータで学習され多様なタスクに適応できるモデルと定義する。",
        "foundation-model",
        "ja-wo-teigi",
    ),
    (
        "基盤モデル（大量のデータで事前学習され、さまざまな下流タスクに転用できるモデル）を扱う。",
        "foundation-model",
        "ja-paren-gloss",
    ),
    (
        "汎用技術は、経済全体に広がり、改良が続き、新たな発明を誘発することを特徴とする。",
        "general-purpose-technology",
        "ja-wo-tokucho",
    ),
    (
        "LLMは、文章生成の中心的な部品です。要するに、これらは大量のテキストで事前学習したTransformerです。",
        "llm",
        "ja-next-sentence-gloss",
    ),
    (
        "規模を超えたとたん急に使えるようになる「創発」が報告されている。",
        "emergent",
        "ja-naming-clause",
    ),
    # Scoped copular definitions (any document noun scopes them, not only "paper/work/card").
    (
        "In this survey, a general-purpose technology is one that spreads to most sectors and keeps improving. We ask whether ML is a general-purpose technology.",
        "general-purpose-technology",
        "is-one-that",
    ),
    (
        "Throughout this thesis, an LLM is any autoregressive Transformer model with at least one billion parameters. LLMs are queried via an API.",
        "llm",
        "is-any-class-member",
    ),
    (
        "In this policy, frontier AI refers to models whose training used more than 10^26 FLOP.",
        "frontier-model",
        "scope-policy-refers-to",
    ),
    (
        "Frontier AI is defined in the 2023 summit declaration as highly capable general-purpose models that can perform a wide range of tasks.",
        "frontier-model",
        "defined-in-source-as",
    ),
    (
        "In our notes, SOTA stands for the highest score published on the same benchmark split before our submission date.",
        "sota",
        "stands-for-with-content",
    ),
    (
        "A parser is state-of-the-art, in this review, when no published parser scores higher on the same treebank.",
        "sota",
        "conditional-with-aside",
    ),
    (
        "We follow the definition in Chen and Ito (2022): a foundation model is pretrained on broad unlabelled data at scale and then adapted to many downstream tasks.",
        "foundation-model",
        "definition-after-colon",
    ),
    (
        "We keep the definition of Okafor et al. (2023): an LLM is pretrained on more than one billion tokens of text and reused by transfer.",
        "llm",
        "definition-after-colon-et-al",
    ),
    (
        "As defined by Rao et al. (2024), frontier AI systems are models whose training compute exceeds that of every model released before 2023.",
        "frontier-model",
        "as-defined-by-citation",
    ),
    (
        "Emergent skills, as Park and Lee (2023) define them, are skills that score at chance below 10B parameters and well above it beyond.",
        "emergent",
        "as-source-defines-them-aside",
    ),
    (
        "A tagger is robust to a shift when its F1 on the shifted split is within one point of its in-domain F1. Ours is robust.",
        "robust",
        "conditional-with-complement",
    ),
    (
        "We call such pretrained text generators with over 1B parameters LLMs.",
        "llm",
        "we-call-such-models",
    ),
    # Operational definitions: "we measure X as", "X is measured as".
    (
        "We measure robustness as the worst accuracy over the six prompt paraphrases. Our model is robust.",
        "robust",
        "we-measure-x-as",
    ),
    (
        "Emergence is quantified as the jump in exact match between adjacent checkpoints in the family.",
        "emergent",
        "x-is-quantified-as",
    ),
    # Japanese terms with a suffix (頑健性, 創発的能力) in the defining forms.
    (
        "ロバスト性とは、入力の言い換えに対して予測が変わらない度合いを指す。",
        "robust",
        "ja-suffix-sei-towa",
    ),
    (
        "学習データにない課題を解く能力は、創発的能力と呼ばれている。",
        "emergent",
        "ja-passive-naming-at-sentence-end",
    ),
    (
        "創発的能力とは、小規模なモデルには見られず、大規模なモデルにのみ見られる能力である。",
        "emergent",
        "ja-suffix-tekinouryoku-towa",
    ),
    (
        "ここでいう頑健性は、方言を含む入力での正解率の低下幅のことで、小さいほどよい。",
        "robust",
        "ja-koko-de-iu",
    ),
]

NOT_DEFINED = [
    (
        "**Robustness:** we tested the model on noisy inputs and it held up well.",
        "robust",
        "label-is-not-a-gloss",
    ),
    (
        "Foundation models (Bommasani et al., 2021) are everywhere.",
        "foundation-model",
        "bare-citation",
    ),
    (
        "LLMs, characterised by their vast number of parameters, are popular.",
        "llm",
        "circular-gloss",
    ),
    ("We call on developers to document their LLMs.", "llm", "call-on-is-not-naming"),
    (
        "We call these emergent skills of large language models.",
        "llm",
        "named-thing-is-another-noun",
    ),
    (
        "Compared to regular LLMs, reasoning models produce long chains of thought before answering.",
        "llm",
        "complement-with-participle",
    ),
    (
        "The robustness of LLMs means that they keep answering correctly under noise.",
        "llm",
        "of-llms-means-defines-the-head",
    ),
    ("What Large Language Models Mean for Science", "llm", "mean-for-is-not-a-definition"),
    ("LLMs are increasingly used in hospitals.", "llm", "generic-claim"),
    ("LLMs, including GPT-4 and Llama, are used widely.", "llm", "examples-are-not-a-gloss"),
    ("So-called emergent abilities are debated.", "emergent", "so-called"),
    ("We use LLMs for annotation.", "llm", "we-use-x-for-a-task"),
    ("They call it emergent.", "emergent", "their-name-without-content"),
    (
        "LLMs, generating fluent text on request, are popular with students.",
        "llm",
        "participle-that-only-describes",
    ),
    ("LLMs are used as judges in our pipeline.", "llm", "used-as-is-not-defined-as"),
    (
        "LLMs are characterised by their vast number of parameters.",
        "llm",
        "characterised-by-is-circular",
    ),
    (
        "Emergent abilities (Wei et al., 2022) have attracted attention.",
        "emergent",
        "bare-citation-after-term",
    ),
    ("自然言語処理の分野では、LLMが急速に普及している。", "llm", "ja-plain-use"),
    (
        "大規模言語モデルにおける創発的スキルと呼ぶ現象を扱う。",
        "llm",
        "ja-named-thing-is-another-noun",
    ),
    ("LLMとは何か、まだ合意はない。", "llm", "ja-towa-question"),
    ("大規模言語モデル（LLM）を用いて要約を作成した。", "llm", "ja-paren-abbreviation"),
    ("LLM stands for large language model.", "llm", "stands-for-expansion-only"),
    (
        "Robustness refers to many different things in this literature.",
        "robust",
        "refers-to-many-things",
    ),
    (
        "A model is robust to noise in our tests, and so is ours.",
        "robust",
        "complement-without-condition",
    ),
    (
        "- **Robustness:** The model copes well with noisy product reviews.\n",
        "robust",
        "label-then-statement-about-the-model",
    ),
    (
        "Robustness: we found it held up on most inputs we tried.\n",
        "robust",
        "label-then-we-statement",
    ),
    ("We measure robustness on three held-out sets.", "robust", "we-measure-x-on-is-a-use"),
    (
        "We measure robustness as well as accuracy for all of the models.",
        "robust",
        "as-well-as-is-not-a-gloss",
    ),
    ("本稿における頑健性は高い。", "robust", "ja-scope-without-a-gloss"),
    (
        "一方で、基盤モデルと呼ばれる技術には懸念もある。",
        "foundation-model",
        "ja-so-called-is-not-naming",
    ),
    (
        "一方で、基盤モデルと呼ばれる\n技術には懸念もある。",
        "foundation-model",
        "ja-so-called-across-a-line-break",
    ),
    ("創発的な能力がモデルの大規模化で現れた。", "emergent", "ja-suffix-use"),
    (
        "For each query we call the LLM twice and keep the longer answer.",
        "llm",
        "call-invokes-the-model",
    ),
    (
        "As defined by the team, foundation models are great.",
        "foundation-model",
        "as-defined-without-gloss",
    ),
    (
        "An LLM is then prompted with the question and the five retrieved passages.",
        "llm",
        "a-x-is-then-prompted-is-a-method-step",
    ),
    (
        "Results: a foundation model is used by most of the teams we interviewed last year.",
        "foundation-model",
        "colon-without-definition-word",
    ),
    ("An LLM is one of the tools we tried for triage.", "llm", "is-one-of-is-not-one-that"),
    ("In this report, LLMs are powerful and widely used.", "llm", "scope-without-a-gloss"),
]


@pytest.mark.parametrize(("text", "term"), [c[:2] for c in DEFINED], ids=[c[2] for c in DEFINED])
def test_definition_is_recognised(text, term):
    assert not flagged(text, term), [(o.text, o.status) for o in analysis_of(text).for_term(term)]


@pytest.mark.parametrize(
    ("text", "term"), [c[:2] for c in NOT_DEFINED], ids=[c[2] for c in NOT_DEFINED]
)
def test_not_a_definition(text, term):
    assert flagged(text, term)


def test_definition_site_is_marked_and_covers_other_uses():
    a = analysis_of(
        "Emergent skills matter. By emergent we mean skills that only large models have. "
        "Emergence is rare."
    )
    occ = a.for_term("emergent")
    assert [o.at_definition for o in occ] == [False, True, False]
    assert {o.status for o in occ} == {"defined"}
    assert a.first_definition("emergent").source == "inline"


@pytest.mark.parametrize(
    ("text", "path", "term"),
    [
        pytest.param(
            "LLM\n: A decoder-only Transformer pretrained on over 1B tokens.\n\nLLMs help.\n",
            "a.md",
            "llm",
            id="md-definition-list",
        ),
        pytest.param(
            "# Glossary\n\n- **SOTA**: the best published score on a named benchmark at the time of writing.\n\nWe are SOTA.\n",
            "a.md",
            "sota",
            id="md-glossary-section",
        ),
        pytest.param(
            "Robust models[^r] are good.\n\n[^r]: Accuracy drops by less than one point when typos are injected.\n",
            "a.md",
            "robust",
            id="md-footnote-on-term",
        ),
        pytest.param(
            "---\nlmdef:\n  definitions:\n    emergent: absent in small models, present in large ones\n---\nEmergent skills.\n",
            "a.md",
            "emergent",
            id="front-matter",
        ),
        pytest.param(
            "\\begin{document}\nFoundation models\\footnote{Models trained on broad data and adapted to many downstream tasks.} help.\n\\end{document}\n",
            "a.tex",
            "foundation-model",
            id="tex-footnote",
        ),
        pytest.param(
            "\\newacronym{llm}{LLM}{large language model, a Transformer pretrained on over 1B tokens}\n\\begin{document}\nLLMs help.\n\\end{document}\n",
            "a.tex",
            "llm",
            id="tex-newacronym",
        ),
        pytest.param(
            "\\begin{document}\n\\begin{definition}[Robustness]\nA model is robust to typos if accuracy drops by at most one point.\n\\end{definition}\nRobust models win.\n\\end{document}\n",
            "a.tex",
            "robust",
            id="tex-definition-env",
        ),
        pytest.param(
            "- foundation models\n  - models trained on broad data at scale and adaptable to a wide range of downstream tasks\n- foundation models are everywhere\n",
            "a.md",
            "foundation-model",
            id="outline-entry",
        ),
        # The entry's name is a phrase around the term (the name is masked, not prose).
        pytest.param(
            "\\newglossaryentry{emg}{name={emergent behaviour},\n  description={a behaviour seen only in checkpoints above some size}}\n\\begin{document}\nEmergent behaviour is rare.\n\\end{document}\n",
            "a.tex",
            "emergent",
            id="tex-glossary-name-is-a-phrase",
        ),
        pytest.param(
            "\\newacronym{fm}{FM}{foundation model trained on broad data and adapted downstream}\n\\newglossaryentry{fms}{name={foundation models (FMs)}, description={networks pretrained on broad data that many downstream tasks reuse}}\n\\begin{document}\nFoundation models help.\n\\end{document}\n",
            "a.tex",
            "foundation-model",
            id="tex-glossary-name-with-abbreviation",
        ),
        pytest.param(
            "## Notes\n\n| Term | Definition |\n|---|---|\n| Robustness | the drop in exact match when 5% of words are misspelled |\n\nThe reader is robust.\n",
            "a.md",
            "robust",
            id="md-glossary-table",
        ),
    ],
)
def test_structural_definitions(text, path, term):
    assert not flagged(text, term, path)


def test_glossary_entry_naming_a_product_does_not_define_the_term():
    # "TensorRT-LLM" in an entry name is a name (an exclusion), not the term.
    text = "\\newglossaryentry{trt}{name={TensorRT-LLM}, description={an inference library for GPUs from one vendor}}\n\\begin{document}\nLLMs help.\n\\end{document}\n"
    assert flagged(text, "llm", "a.tex")


PLAIN_GLOSSARIES = [
    pytest.param(
        "Terms used in this memo\n\nFrontier AI: general-purpose systems beyond the best models of 2025 on the Annex B evaluations.\n\nFrontier AI needs audits.\n",
        "frontier-model",
        False,
        id="plain-heading-line-makes-a-glossary",
    ),
    pytest.param(
        "Notes\n\nFrontier AI: general-purpose systems beyond the best models of 2025 on the Annex B evaluations.\n",
        "frontier-model",
        True,
        id="plain-heading-line-that-is-not-a-glossary",
    ),
    pytest.param(
        "Definitions\n\nSOTA: the best published score.\n\nResults\n\nSOTA: we beat it easily on our own split.\nOur model is SOTA.\n",
        "sota",
        False,
        id="plain-glossary-section-then-other-section",
    ),
]


@pytest.mark.parametrize(("text", "term", "must_flag"), PLAIN_GLOSSARIES)
def test_plain_text_glossary_section(text, term, must_flag):
    assert flagged(text, term) is must_flag


def test_results_table_row_does_not_define_the_term():
    text = (
        "| Model | Notes |\n|---|---|\n| Tern | an LLM for support tickets in three languages |\n"
    )
    assert flagged(text, "llm", "a.md")


def test_bare_citation_footnote_is_not_a_definition():
    text = "Emergent abilities[^1] appear.\n\n[^1]: Smith et al. 2022\n"
    assert flagged(text, "emergent", "a.md")


@pytest.mark.parametrize("key", ["emergent", "emergence"], ids=["canonical-id", "surface-form"])
def test_config_glossary_defines_by_id_or_surface_form(key):
    a = analysis_of("Emergent skills appear at scale.", glossary={key: "absent in small models"})
    assert not a.undefined_uses("emergent")
    assert a.first_definition("emergent").source == "config"


def test_empty_glossary_value_is_not_a_definition():
    a = analysis_of("Emergent skills appear at scale.", glossary={"emergent": "  "})
    assert a.undefined_uses("emergent")
