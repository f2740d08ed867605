"""Uses made precise in place (GUIDE §4): the evidence must be in the same or an adjacent sentence.

- benchmark-score (`sota`): a named benchmark AND a score (a count "best on 30 of 32" is not one);
- perturbation-measurement (`robust`): the perturbation or shift AND a measurement;
- model-spec (`llm`): about one model (not the class), a parameter count AND an architecture or
  a training-data volume;
- threshold (`frontier-model`): a stated threshold (training compute or a capability evaluation);
- none (`emergent`, `foundation-model`, `general-purpose-technology`): only a definition counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NUM = r"\d+(?:[.,]\d+)?"
_METRIC = (
    r"(?:F1|F-1|BLEU|chrF|mAP|AP|mIoU|PQ|EM|WER|CER|ROUGE(?:-[\w]+)?|METEOR|CIDEr|accuracy|acc\.?|"
    r"top-1|top-5|AUC|AUROC|pass@\d+|Pass@\d+|perplexity|PPL|score|points?|Elo|win[\s-]rate|"
    r"nDCG(?:@\d+)?|MRR(?:@\d+)?|MAP(?:@\d+)?|(?:recall|precision|R|P|Hits|hit)@\d+|RMSE|MAE|"
    r"exact[\s-]match|macro[\s-]F1|micro[\s-]F1|Spearman|Pearson|Kendall|"
    r"正解率|精度|スコア|ポイント|F値)"
)
# A bare decimal counts as a score unless it is part of a name or version ("SQuAD 2.0",
# "GPT-3.5", "Llama 3.1 405B", "Section 3.2") or a size ("1.5B", "2.5x").
_DECIMAL = (
    r"(?<![A-Za-z][\s-])(?<![A-Za-z.\-])\d+\.\d+"
    r"(?!\d|\.\d)(?!\s*(?:[BMKTx×]\b|billion|million|trillion|times))"
)
# A decimal after a verb or preposition of scoring is a score even right after a word
# ("scoring 85.3", "falls from 41.2 to 40.8"); the names _DECIMAL avoids ("SQuAD 2.0",
# "Section 3.2") come after a capitalised word or "version"/"section".
_VERB_DECIMAL = (
    r"\b(?:scor(?:e|es|ed|ing)|reach(?:es|ed|ing)?|achiev(?:e|es|ed|ing)|obtain(?:s|ed|ing)?|"
    r"attain(?:s|ed|ing)?|get(?:s|ting)?|got|of|with|at|to|from|by|is|was|are|were|vs\.?|versus|"
    r"than|averag(?:e|es|ed|ing)|los(?:e|es|ing|t))\s+[+-]?\d+\.\d+"
    r"(?!\d|\.\d)(?!\s*(?:[BMKTx×]\b|billion|million|trillion|times))"
)
# Tried only when the main patterns fail and the window has a decimal (a long alternation
# of verbs is slow to scan for).
_VERB_DECIMAL_RX = re.compile(_VERB_DECIMAL, re.IGNORECASE)
_HAS_DECIMAL = re.compile(r"\d\.\d")


def _verb_decimal(window: str) -> bool:
    return bool(_HAS_DECIMAL.search(window) and _VERB_DECIMAL_RX.search(window))


_SCORE = re.compile(
    rf"[+-]?{_NUM}\s*(?:%|％|pp\b|ポイント)|{_DECIMAL}"
    rf"|{_METRIC}\s*(?:of|=|:|：|は|が|で)?\s*(?:of\s+)?[+-]?{_NUM}"
    rf"|\b{_NUM}\s*{_METRIC}(?![A-Za-z])",
    re.IGNORECASE,
)
# A benchmark-like proper name: an acronym, CamelCase, or a capitalised name with digits.
_BENCHMARK = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9'’-]*|[A-Z][a-z]+[A-Z][A-Za-z0-9-]*"
    r"|[A-Z][a-z]+-\d+[A-Za-z]*"
    # Lower-case initial with an inner capital: miniF2F, bAbI, nuScenes, mMARCO, iNaturalist.
    r"|[a-z]{1,5}[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![A-Za-z0-9])"
    r"|(?:ベンチマーク|データセット|タスク)"
)
_NOT_BENCHMARK = frozenset(
    [
        "AI",
        "ML",
        "NLP",
        "LLM",
        "LLMs",
        "GPU",
        "GPUs",
        "CPU",
        "API",
        "SOTA",
        "SoTA",
        "US",
        "UK",
        "EU",
        "OK",
        "I",
        "II",
        "III",
        "IV",
        "CV",
        "ASR",
        "TTS",
        "QA",
        "OCR",
        "arXiv",
        "iPhone",
        "eBay",
    ]
)
_PERTURBATION = re.compile(
    r"\b(?:typos?|misspell\w*|paraphras\w*|nois(?:e|y|ed)|adversarial|(?:auto|pgd-?|text)?attacks?|perturb\w*|"
    r"corrupt\w*|shifts?|out-of-distribution|OOD|accents?|jailbreak\w*|injection|seeds?|personas?|"
    r"blur\w*|occlusion|rotation|reworded|rephras\w*|dialects?|distractors?)\b"
    r"|ノイズ|摂動|敵対的|分布シフト|誤字|言い換え|攻撃",
    re.IGNORECASE,
)
_MEASUREMENT = re.compile(
    rf"[+-]?{_NUM}\s*(?:%|％|pp\b|points?\b|ポイント)|{_DECIMAL}|→|->|"
    rf"{_METRIC}\s*(?:of|=|:)?\s*{_NUM}|\b{_NUM}\s*{_METRIC}(?![A-Za-z])|"
    # A spread is a measurement too: "std 0.3 over 5 seeds", "±0.4", "σ = 0.2".
    rf"(?:\bstd\.?|\bs\.d\.|standard\s+deviation|σ|±|標準偏差)\s*(?:of|=|:|は)?\s*{_NUM}|"
    r"\b(?:drops?|falls?|fell|degrades?|declines?|decreases?|los(?:es|ing|t)|varies|changes?|"
    rf"differs?)\s+(?:by\s+)?(?:only\s+|at\s+most\s+|less\s+than\s+)?{_NUM}",
    re.IGNORECASE,
)
_PARAMS = re.compile(
    rf"{_NUM}[\s-]*(?:[BMT]|billion|million|trillion|億|兆)[\s-]*(?:parameters?|params?|パラメータ|パラメーター)"
    rf"|\b{_NUM}[BMT]-(?:parameter|param)\b"
    rf"|(?:パラメータ|パラメーター)数?\s*(?:は|が|：|:)?\s*(?:約)?{_NUM}\s*(?:億|兆|B|M)"
    rf"|parameters?\s*(?:count)?\s*(?:of|:)\s*{_NUM}\s*(?:[BMT]|billion|million)",
    re.IGNORECASE,
)
_ARCH_OR_DATA = re.compile(
    rf"decoder-only|encoder-decoder|encoder-only|\btransformers?\b|mixture[\s-]of[\s-]experts|\bMoE\b|"
    rf"\bMamba\b|state[\s-]space|\bRNN\b|\bLSTM\b|アーキテクチャ|デコーダ|エンコーダ|トランスフォーマー|"
    rf"{_NUM}\s*(?:[BMKT]|billion|trillion|million|兆|億)?\s*(?:tokens?|トークン)|"
    rf"{_NUM}\s*(?:TB|GB|PB|テラバイト|ギガバイト)|tokens?\s+of\s+(?:text|data)",
    re.IGNORECASE,
)
_THRESHOLD = re.compile(
    r"\b(?:FLOPs?|FLOP/s|flops)\b[^.。]{0,40}\d|\d[^.。\s]*\s*(?:FLOPs?|flops)\b|10\^?\s*\d{2}|10[⁰¹²³⁴⁵⁶⁷⁸⁹]+"
    r"|\bthreshold\b[^.。]{0,60}\d|閾値|しきい値"
    r"|\b(?:above|exceed\w*|more\s+than|at\s+least|over|greater\s+than)\s+[^.。]{0,20}\d",
    re.IGNORECASE,
)


def _benchmark_and_score(window: str, _surface: str, _before: str = "", _after: str = "") -> bool:
    if not (_SCORE.search(window) or _verb_decimal(window)):
        return False
    return any(m.group(0) not in _NOT_BENCHMARK for m in _BENCHMARK.finditer(window))


# "robust to JPEG compression", "robust across languages", 「ノイズに対して頑健」: the phrase
# right after (or, in Japanese, before) the term names what the model is robust to.
_ROBUST_TO = re.compile(r"^\s+(?:to|against|under|across|with\s+respect\s+to)\s+\w")
_JA_ROBUST_TO = re.compile(
    r"[\w）)」』](?:に対して|に対する|への|に対し)(?:も|は)?\s*(?:高い|より|十分に|非常に)?$"
)


def _perturbation_and_measurement(
    window: str, _surface: str, before: str = "", after: str = ""
) -> bool:
    named = _ROBUST_TO.match(after) or _JA_ROBUST_TO.search(before) or _PERTURBATION.search(window)
    return bool(named and (_MEASUREMENT.search(window) or _verb_decimal(window)))


_GENERIC_DETERMINER = re.compile(
    r"\b(?:any|all|most|many|every|other|such|these|those|modern|current|today'?s|typical|"
    r"general|existing)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# After the head noun "LLM": words that continue a description of *this* model. Any other word
# makes "LLM" a modifier ("LLM ranking", "LLM crown"), which speaks about the class.
_HEAD_CONTINUES = re.compile(
    r"^(?:\s*[^\w\s]|\s*$|\s+(?:is|was|has|had|with|that|which|trained|pretrained|pre-trained|"
    r"built|based|from|of|on|in|at|and|or|to|called|named|dubbed|developed|released|uses|using|"
    r"contains|containing|comprising|featuring|having|designed|fine-tuned|by|for|it|we|our|"
    r"を|は|が|の|で|と|に)\b)",
    re.IGNORECASE,
)


def _model_spec(window: str, surface: str, before: str = "", after: str = "") -> bool:
    # A plural ("LLMs", "large language models"), a generic determiner ("any LLM") or a
    # modifier use ("LLM ranking") speaks about the class: one model's size does not make the
    # class precise (GUIDE §4).
    if surface.endswith("s") and not surface.endswith(("'s", "’s")):
        return False
    if _GENERIC_DETERMINER.search(before[-40:]):
        return False
    if after and re.match(r"^\s+[A-Za-z]", after) and not _HEAD_CONTINUES.match(after):
        return False
    # Sizes of another component ("The planner is a 40M-parameter Transformer") do not
    # describe the model called an LLM.
    if _FOREIGN_SUBJECT.search(window):
        window = " ".join(
            c for c in _CLAUSE_SPLIT.split(window) if surface in c or not _FOREIGN_SUBJECT.match(c)
        )
    return bool(_PARAMS.search(window) and _ARCH_OR_DATA.search(window))


_CLAUSE_SPLIT = re.compile(r"(?<=[.;。！？])\s+")
_FOREIGN_SUBJECT = re.compile(
    r"(?:^|(?<=[.;。！？])\s+)(?:the|our|its)\s+(?!(?:model|LLM|network|system|checkpoint|"
    r"language\s+model|base\s+model)\b)[a-z][\w-]*\s+(?:is|was|has|uses)\s+an?\b",
    re.IGNORECASE,
)


def _threshold(window: str, _surface: str, _before: str = "", _after: str = "") -> bool:
    return bool(_THRESHOLD.search(window))


CHECKS: dict[str, Callable[[str, str, str, str], bool]] = {
    "benchmark-score": _benchmark_and_score,
    "perturbation-measurement": _perturbation_and_measurement,
    "model-spec": _model_spec,
    "threshold": _threshold,
}


_DIGIT = re.compile(r"\d|[〇一二三四五六七八九十百千万億兆]")


def is_operationalised(
    kind: str, window: str, surface: str, before: str = "", after: str = ""
) -> bool:
    """Whether `window` (the use's sentence and its neighbours) makes the use precise.

    `before`/`after` are the text of the use's own sentence on either side of it. Every check
    needs a number (a score, a measurement, a size, a threshold), so a window without one is
    settled before the slower patterns run.
    """
    check = CHECKS.get(kind)
    return bool(check and _DIGIT.search(window) and check(window, surface, before, after))
