"""LMD201 unsupported-llm-claim: the card calls its own model an LLM, but by Rogers & Luccioni's
three criteria (text, >1B tokens of pretraining data, transfer) the model is not one.

The classifier (`lmdef classify`, issue #3 §5) runs this rule once it has a verdict; positions
point into the card file so the Action can annotate the exact words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lmdef.report import Finding
from lmdef.rules.base import Hit, RuleDoc, stamp
from lmdef.spans import LineIndex, Span

# "LLM-powered", "LLM-based" say what the model uses, not what it is.
_CLAIM = re.compile(
    r"\blarge[- ]language[- ]models?\b(?![-‐])|\bLLMs?\b(?![-‐])|大規模言語モデル(?!を)",
    re.IGNORECASE,
)
# The sentence must be about the card's own model, not LLMs in general ("unlike LLMs, ...").
_SELF = re.compile(
    r"\b(?:this|our|the present)\s+(?:\w+[\s-]+){0,3}?(?:model|LLM|system|checkpoint)\b"
    r"|\b(?:is|are)\s+(?:an?|the|our)\s+(?:[\w-]+\s+){0,5}?(?:LLM|large[- ]language[- ]model)"
    r"|\bwe\s+(?:present|introduce|release|train(?:ed)?|built?)\b"
    r"|本モデル|このモデル|です|である",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?。！？]\s|\n\s*\n|\n[#|*-]")
_CODE_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class ClaimContext:
    text: str  # the whole card file
    body_start: int  # first offset after the front matter
    verdict: str  # "llm" | "not-llm" | "undetermined"
    model_id: str = ""


class UnsupportedLlmClaim:
    code = "LMD201"
    name = "unsupported-llm-claim"
    severity = "warning"
    summary = "The card calls its model an LLM, but the model does not meet the definition."
    help = (
        "Say which criterion the model meets (text, >1B tokens of pretraining, transfer) or "
        "drop the word; run `lmdef classify` to see the evidence."
    )
    doc = RuleDoc(
        what="Flags a model card that calls its own model an LLM (large language model, "
        "大規模言語モデル) when `lmdef classify` finds that it is not one.",
        why="Rogers & Luccioni (ICML 2024) define an LLM by three criteria: it models text, "
        "it was pretrained on over 1B tokens, and it can be used for transfer. Calling a "
        "sentiment classifier or a model trained on a few megabytes an LLM misleads readers, "
        "regulators and users who filter by the word.",
        example="This model is a small LLM for classifying support tickets.  "
        "(a classifier head: it outputs labels, not text)",
        use_instead="This model is a ticket classifier fine-tuned from BERT (an LLM).",
        known_problems="The check runs only on cards whose verdict is not-llm; an "
        "undetermined verdict is not flagged.",
    )

    def check(self, context: ClaimContext) -> Iterable[Hit]:
        if context.verdict != "not-llm":
            return
        text = context.text
        lowered = text.lower()
        if "llm" not in lowered and "language" not in lowered and "大規模言語" not in text:
            return  # cheap test first: most cards never use the word (speed, issue #3)
        fences: list[tuple[int, int]] | None = None
        for match in _CLAIM.finditer(text, context.body_start):
            if fences is None:  # only cards that use the word pay for the fence scan
                fences = [m.span() for m in _CODE_FENCE.finditer(text, context.body_start)]
            if any(a <= match.start() < b for a, b in fences):
                continue
            if not _SELF.search(_sentence(text, match.start(), match.end())):
                continue
            yield Hit(
                span=Span(match.start(), match.end()),
                message=f"the card calls its model {match.group(0)!r}, but it does not meet "
                "the three criteria of an LLM (verdict: not-llm)",
                term="llm",
            )


UNSUPPORTED_LLM_CLAIM = UnsupportedLlmClaim()


def _sentence(text: str, start: int, end: int) -> str:
    lo = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        lo = m.end()
    hi_m = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    hi = hi_m.start() if hi_m else min(len(text), end + 400)
    return text[max(lo, start - 400) : hi]


def claim_findings(text: str, body_start: int, verdict: str, model_id: str = "") -> list[Finding]:
    """LMD201 findings for one card (empty unless the verdict is not-llm)."""
    if verdict != "not-llm" or not text:
        return []
    context = ClaimContext(text=text, body_start=body_start, verdict=verdict, model_id=model_id)
    hits = list(UNSUPPORTED_LLM_CLAIM.check(context))
    if not hits:
        return []
    index = LineIndex(text)
    return [stamp(UNSUPPORTED_LLM_CLAIM, hit, text, index) for hit in hits]
