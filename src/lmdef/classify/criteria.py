"""The three criteria of Rogers & Luccioni (ICML 2024, §2) and the verdict, from `Facts`.

1. text — the model outputs (generates or scores) text; a head that outputs labels, vectors,
   images, audio or actions does not (LABELING.md §1).
2. data — pretraining volume, own plus inherited, exceeds `min_tokens` (default 1e9) tokens;
   estimates within a factor of two of the threshold are `unknown` (LABELING.md §2).
3. transfer — the card or its lineage shows reuse beyond the training task (LABELING.md §3).

Each returns met yes/no/unknown with evidence and a one-sentence rationale. Lineage (issue #3
§4): adapters, quantized copies, merges and copies inherit every label; a fine-tune inherits its
base's data but its own head decides criterion 1.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from lmdef.classify.facts import EMPTY_CARD_WORDS, Facts, Vote
from lmdef.classify.maps import load_maps
from lmdef.classify.units import human
from lmdef.classify.volume import BaseInfo, data_met, quantity_tokens
from lmdef.report import Criterion, Evidence, Met, TokenEstimate

MIN_OUTPUT_SCORE = 1.0
RESTATED_TOLERANCE = 0.25  # own figure within 25% of the base's: the same data, restated
GENERATOR_CARD_WORDS = 40
INHERIT_ALL = {"adapter", "quantized", "merge", "copy"}
# Signals that describe a pretrained language model itself (not a task system like MT or ASR).
LM_SIGNALS = (
    "phrase-generative-lm:",
    "phrase-char-lm:",
    "phrase-mask-token:",
    "code-generative-class:",
    "phrase-rtd-discriminator:",
    "phrase-lm-architecture:",
)
# Config classes of a language-model head (not seq2seq: a translation or ASR system also
# generates text but is not for that reason promptable).
_LM_HEAD = re.compile(r"(?:ForCausalLM|ForMaskedLM|LMHeadModel|WithLMHead\w*)$")
BASE_DESCRIPTIONS = ("phrase-lm-architecture:", "phrase-language-model:")


@dataclass(slots=True)
class Assessment:
    criteria: list[Criterion]
    output: str | None
    tokens: float | None
    estimate: TokenEstimate | None
    derived_from_llm: bool | None
    base_models: list[str]
    languages: list[str]

    @property
    def verdict(self) -> str:
        mets = [c.met for c in self.criteria]
        if "no" in mets:
            return "not-llm"
        if all(m == "yes" for m in mets):
            return "llm"
        return "undetermined"


def _top(votes: list[Vote], n: int = 3) -> list[Evidence]:
    return [v.evidence for v in sorted(votes, key=lambda v: -v.weight)[:n]]


# --- criterion 1 ---------------------------------------------------------------------------


def criterion_text(
    facts: Facts, bases: list[BaseInfo], relation: str | None
) -> tuple[Criterion, str | None, str | None]:
    """-> (criterion, output kind, what the model learns from)."""
    if facts.lineage.get("dummy"):
        ev = facts.lineage["dummy"][:2]
        return (
            Criterion(
                id="text",
                met="no",
                evidence=ev,
                rationale="A dummy or randomly initialised model models no text.",
            ),
            "other",
            "none",
        )
    votes = list(facts.outputs)
    if any(not b.self_family for b in bases) and relation not in INHERIT_ALL:
        # "a BERT model fine-tuned to detect spam": architecture words describe the base; the
        # fine-tune's own head decides criterion 1 (issue #3 §4).
        votes = [v for v in votes if not v.evidence.detail.startswith(BASE_DESCRIPTIONS)]
        structured_head = any(
            v.value != "text" and v.evidence.source.startswith(("front_matter", "config", "hub:"))
            for v in votes
        )
        if structured_head:
            # The metadata declares a non-text head; prose about masked or causal LM objectives
            # then describes how the base was pretrained.
            votes = [
                v
                for v in votes
                if not (v.value == "text" and v.evidence.source.startswith("readme"))
            ]
    primary = bases[0] if bases else None
    if primary is not None and primary.output:
        weight = 6.0 if relation in INHERIT_ALL else 1.0
        if any(
            v.value != "text" and v.evidence.source == "adapter_config.json:task_type"
            for v in votes
        ):
            # A classification or embedding adapter (PEFT task_type SEQ_CLS, TOKEN_CLS,
            # FEATURE_EXTRACTION): what runs is the base with that head, which is not the
            # base's text output (LABELING.md §4 "judge base + adapter").
            weight = 1.0
        votes.append(
            Vote(
                primary.output,
                weight,
                Evidence(
                    source=primary.source, detail=f"base {primary.id} outputs {primary.output}"
                ),
                "text" if primary.output == "text" else None,
            )
        )
    if facts.name_family is not None and getattr(facts.name_family, "output", None):
        # The architecture the name belongs to says what the model outputs, even when it was
        # trained anew in another language ("bert-base-<language>" is still a masked LM).
        fam = facts.name_family
        strong = facts.is_family_member or not facts.outputs
        if strong or not any(not b.self_family for b in bases):
            votes.append(
                Vote(
                    fam.output,
                    2.0 if strong else 1.5,
                    Evidence(
                        source=f"registry:{fam.id}",
                        detail=f"the name belongs to {fam.name}, which outputs {fam.output}",
                    ),
                    None,
                )
            )
    declared_labels = any(
        v.value == "labels" and not v.evidence.detail.startswith("phrase-") for v in votes
    )
    downstream = any(v.evidence.detail.startswith("transfer-downstream:") for v in facts.transfer)
    if downstream and not declared_labels:
        # "We evaluate on downstream tasks: sentiment analysis, NER...": task names in a card
        # that reports downstream results describe fine-tunes of the model, not its own head.
        votes = [
            Vote(v.value, v.weight * 0.3, v.evidence, v.data)
            if v.evidence.detail.startswith("phrase-classifier:")
            else v
            for v in votes
        ]
    scores: dict[str, float] = defaultdict(float)
    for v in votes:
        scores[v.value] += v.weight
    t2t = set(load_maps().text_to_text_model_types)
    text_to_text = bool(facts.lineage.get("text-to-text")) or any(
        t2t & set(re.split(r"[-_/:.\s]+", f"{b.id} {b.source}".lower())) for b in bases
    )
    if text_to_text and scores.get("labels", 0) > 0 and scores.get("text", 0) > 0:
        # T5-style models write even a label as a word (LABELING.md §1)
        scores["text"] += scores.pop("labels")
    if not scores or max(scores.values()) < MIN_OUTPUT_SCORE:
        return (
            Criterion(
                id="text",
                met="unknown",
                evidence=facts.status[:1] + _top(votes),
                rationale="The card does not say what the model outputs.",
            ),
            None,
            None,
        )
    # On a tie, the non-text reading wins: calling a classifier an LLM is the costlier error.
    best = max(scores, key=lambda k: (scores[k], k != "text"))
    winning = [v for v in votes if v.value == best]
    data_votes: dict[str, float] = defaultdict(float)
    for v in winning:
        if v.data:
            data_votes[v.data] += v.weight
    data = max(data_votes, key=lambda k: data_votes[k]) if data_votes else None
    evidence = _top(winning)
    rivals = [v for v in votes if v.value != best]
    if rivals:
        evidence.append(max(rivals, key=lambda v: v.weight).evidence)
    if best == "text":
        if facts.nonlang:
            return (
                Criterion(
                    id="text",
                    met="unknown",
                    evidence=facts.nonlang[:2] + evidence,
                    rationale="It generates sequences, but not of natural-language text.",
                ),
                best,
                data,
            )
        return (
            Criterion(
                id="text",
                met="yes",
                evidence=evidence,
                rationale="The model generates or scores text.",
            ),
            best,
            data,
        )
    return (
        Criterion(
            id="text", met="no", evidence=evidence, rationale=f"The model outputs {best}, not text."
        ),
        best,
        data,
    )


# --- criterion 2 ---------------------------------------------------------------------------


def criterion_data(
    facts: Facts,
    bases: list[BaseInfo],
    relation: str | None,
    data_kind: str | None,
    output: str | None,
    min_tokens: float,
) -> tuple[Criterion, float | None, TokenEstimate | None]:
    if facts.lineage.get("dummy"):
        return (
            Criterion(
                id="data",
                met="no",
                evidence=facts.lineage["dummy"][:1],
                rationale="A dummy model was never trained: 0 tokens.",
            ),
            0.0,
            TokenEstimate(tokens=0.0, arithmetic=["never trained"], languages=facts.languages),
        )
    evidence: list[Evidence] = []
    steps: list[str] = []
    exact = True
    own = [
        a
        for a in facts.amounts
        if a.scope != "finetuning" and not _restates_base(a.sentence or a.quote, bases)
    ]
    own_tokens = None
    if own:
        best = max(own, key=lambda a: a.conversion.tokens)
        own_tokens = best.conversion.tokens
        exact = best.unit == "tokens"
        steps += list(best.conversion.steps)
        evidence.append(
            Evidence(
                source=f"readme:{best.line}",
                detail="stated training data: " + "; ".join(best.conversion.steps),
                line=best.line,
                quote=best.quote,
            )
        )
    elif facts.corpora and not any(b.declared for b in bases):
        total = 0.0
        # Corpora a named base was pretrained on restate that base's data ("DistilBERT was
        # pretrained on BookCorpus and Wikipedia"): the inherited volume counts them once.
        base_corpora = {c for b in bases if not b.self_family for c in b.corpora}
        for corpus, ev in facts.corpora:
            if getattr(corpus, "id", None) in base_corpora:
                continue
            langs = list(getattr(corpus, "languages", []) or [])
            if not _corpus_usable(langs, facts.languages):
                evidence.append(
                    Evidence(
                        source=ev.source,
                        detail=f"{ev.detail}: size of the "
                        f"{'/'.join(facts.languages)} part not known",
                        line=ev.line,
                    )
                )
                continue
            q = quantity_tokens(getattr(corpus, "quantity", None), langs or facts.languages)
            if q is None:
                continue
            total += q[0]
            exact = exact and q[2]
            steps += [f"{corpus.name}: {s}" for s in q[1]]
            evidence.append(
                Evidence(
                    source=f"registry:{corpus.id}",
                    detail=f"{ev.detail}; " + "; ".join(q[1]),
                    line=ev.line,
                )
            )
        own_tokens = total or None
    # inherited volume: the base with the most known data
    known = [b for b in bases if b.tokens is not None]
    if own and all(b.self_family for b in known):
        # The card's stated figure beats the registry's figure for its own family; a list of
        # corpora it names does not (a partial list would undercount the family's own data).
        known = []
    base_tokens = None
    if known:
        base = max(known, key=lambda b: b.tokens or 0.0)
        base_tokens = base.tokens
        exact = exact and base.exact
        steps += list(base.steps) or [f"{base.id}: {human(base.tokens or 0)} tokens"]
        evidence.append(
            Evidence(
                source=base.source,
                detail=f"inherits {base.id}'s pretraining: ~{human(base.tokens or 0)} tokens",
            )
        )
    elif bases and not own_tokens:
        evidence.append(
            Evidence(
                source=bases[0].source, detail=f"base {bases[0].id}: pretraining volume not known"
            )
        )
    if own_tokens is not None and base_tokens is not None:
        family_self = all(b.self_family for b in known)
        # A card that repeats its base's figure ("Whisper was trained on 680k hours") states
        # the inherited data, not more of it (LABELING.md §2 "Cumulative": count text once).
        restated = abs(own_tokens - base_tokens) <= RESTATED_TOLERANCE * base_tokens
        if family_self or restated:
            tokens = max(own_tokens, base_tokens)
            how = "the card restates the base's volume: counted once" if restated else "max"
        else:
            tokens = own_tokens + base_tokens
            how = "own + inherited"
        steps.append(f"{how}: ≈ {human(tokens)} tokens")
    else:
        tokens = own_tokens if own_tokens is not None else base_tokens
    estimate = None
    if tokens is not None:
        estimate = TokenEstimate(tokens=tokens, arithmetic=steps, languages=facts.languages)
        met = data_met(tokens, exact, min_tokens, steps)
        if met == "unknown" and not exact:
            why = (
                f"About {human(tokens)} tokens by estimate, within a factor of two of the "
                f"{human(min_tokens)} threshold, and the card states no count."
            )
        elif met == "unknown":
            why = f"Exactly {human(tokens)} tokens is not over the {human(min_tokens)} threshold."
        else:
            why = (
                f"Pretraining on about {human(tokens)} tokens is "
                f"{'over' if met == 'yes' else 'under'} the {human(min_tokens)}-token threshold."
            )
        return Criterion(id="data", met=met, evidence=evidence, rationale=why), tokens, estimate
    if (
        data_kind == "none"
        and output not in {None, "text"}
        and not any(b.output == "text" for b in bases)
    ):
        return (
            Criterion(
                id="data",
                met="no",
                evidence=evidence + _domain_evidence(facts, output),
                rationale="The model learns from non-text data (images, tables, rollouts, "
                "signals), so it has no text pretraining.",
            ),
            None,
            None,
        )
    if _supervised_from_scratch(facts, bases, output):
        return (
            Criterion(
                id="data",
                met="no",
                evidence=evidence + facts.lineage["scratch"][:1] + _domain_evidence(facts, output),
                rationale="A classifier trained from scratch on labelled examples has no "
                "pretraining stage (LABELING.md §2).",
            ),
            None,
            None,
        )
    if _translation_from_scratch(facts, bases):
        return (
            Criterion(
                id="data",
                met="no",
                evidence=evidence + _domain_evidence(facts, "text"),
                rationale="A translation system trained on parallel data has no "
                "pretraining stage (LABELING.md §2).",
            ),
            None,
            None,
        )
    return (
        Criterion(
            id="data",
            met="unknown",
            evidence=evidence + facts.status[:1],
            rationale="The card states no pretraining volume and names no base whose "
            "volume is known.",
        ),
        None,
        None,
    )


def _restates_base(quote: str, bases: list[BaseInfo]) -> bool:
    """A sentence that names a base with known volume is that base's figure, not extra data."""
    q = quote.lower()
    for b in bases:
        if b.self_family or b.tokens is None:
            continue
        parts = b.id.lower().split("/")
        if any(len(part) >= 3 and part in q for part in parts):
            return True
    return False


def _corpus_usable(corpus_langs: list[str], model_langs: list[str]) -> bool:
    cl = {lang.lower() for lang in corpus_langs}
    ml = {lang.lower() for lang in model_langs} - {"multilingual"}
    if not cl or not ml or "multilingual" in model_langs or len(ml) >= 3:
        return True
    return bool(cl & ml) and (len(cl) <= 2 or (ml <= cl and len(ml) == len(cl)))


def _domain_evidence(facts: Facts, output: str | None) -> list[Evidence]:
    return [
        v.evidence for v in sorted(facts.outputs, key=lambda v: -v.weight) if v.value == output
    ][:2]


def _supervised_from_scratch(facts: Facts, bases: list[BaseInfo], output: str | None) -> bool:
    """A label or score predictor whose card says it was trained from scratch and names no
    base (an MFCC CNN for emotions, a CNN on labelled images): supervised task training is
    not pretraining (LABELING.md §2 "No pretraining stage means no")."""
    return bool(facts.lineage.get("scratch")) and output in {"labels", "other"} and not bases


def _translation_from_scratch(facts: Facts, bases: list[BaseInfo]) -> bool:
    # Public facts about the model's own family (FSMT) do not make it a fine-tune; a family
    # known to be reused (T5, mBART) does.
    if facts.auto_trained or any(not b.self_family or b.transfer for b in bases):
        return False
    return any(
        "translation" in v.evidence.detail.lower()
        for v in facts.outputs
        if v.evidence.source.startswith(("front_matter", "hub"))
    )


# --- criterion 3 ---------------------------------------------------------------------------


def criterion_transfer(
    facts: Facts,
    bases: list[BaseInfo],
    relation: str | None,
    c1: Met,
    c2: Met,
    output: str | None,
    data_kind: str | None,
) -> Criterion:
    if facts.lineage.get("dummy"):
        return Criterion(
            id="transfer",
            met="no",
            evidence=facts.lineage["dummy"][:1],
            rationale="Random weights carry nothing to transfer.",
        )
    derived = [b for b in bases if not b.self_family]
    if derived:
        base = derived[0]
        return Criterion(
            id="transfer",
            met="yes",
            evidence=[
                Evidence(source=base.source, detail=f"built from {base.id}"),
                *(facts.lineage.get("finetune", []) + facts.lineage.get("continued", []))[:1],
            ],
            rationale="The model is itself derived from a pretrained model, which shows transfer.",
        )
    yes = [v for v in facts.transfer if v.value == "yes"]
    no = [v for v in facts.transfer if v.value == "no"]
    yes_score = sum(v.weight for v in yes)
    if yes_score >= 2 and yes_score > sum(v.weight for v in no):
        return Criterion(
            id="transfer",
            met="yes",
            evidence=_top(yes),
            rationale="The card describes reuse beyond the training task.",
        )
    if any(b.self_family for b in bases) and getattr(facts.name_family, "transfer", False):
        return Criterion(
            id="transfer",
            met="yes",
            evidence=[
                Evidence(
                    source=f"registry:{facts.name_family.id}",
                    detail=f"{facts.name_family.name} is widely fine-tuned",
                )
            ],
            rationale="The model family is widely reused by fine-tuning or prompting.",
        )
    if _translation_from_scratch(facts, bases):
        return Criterion(
            id="transfer",
            met="no",
            evidence=_domain_evidence(facts, "text"),
            rationale="A translation system trained for one language pair; no reuse offered.",
        )
    lm_evidence = any(
        v.value == "text"
        and (
            v.evidence.detail.startswith(LM_SIGNALS)
            # a Trainer card that only says "trained from scratch on <dataset>": the config's
            # LM head says it is a language model (held-out check, bench/heldout/classify)
            or (
                v.evidence.source == "config.json:architectures"
                and _LM_HEAD.search(v.evidence.detail)
            )
        )
        for v in facts.outputs
    )
    # A masked LM exists to be fine-tuned or probed: its own signals show transfer.
    masked = any(
        v.evidence.source == "front_matter:widget"
        or v.evidence.detail.startswith("phrase-mask-token:")
        or v.evidence.detail == "fill-mask"
        or "masked" in v.evidence.detail.lower()
        for v in facts.outputs
        if v.value == "text"
    )
    if (
        c1 == "yes"
        and output == "text"
        and (
            c2 == "yes"
            or masked
            or _says_pretrained(facts)
            or (lm_evidence and facts.body_words >= EMPTY_CARD_WORDS)
        )
    ):
        return Criterion(
            id="transfer",
            met="yes",
            evidence=_top([v for v in facts.outputs if v.value == "text"], 2),
            rationale="A pretrained language model can be prompted or fine-tuned for other tasks.",
        )
    # LABELING.md §3: an end-task generator (speech, images, 3D) whose card describes only
    # inference offers no reuse; an empty card stays unknown.
    generator_only = (
        c1 == "no"
        and output in {"audio", "images", "other"}
        and not yes
        and facts.body_words >= GENERATOR_CARD_WORDS
    )
    if (
        no
        or generator_only
        or (data_kind == "none" and output not in {None, "text"})
        or _translation_from_scratch(facts, bases)
        or _supervised_from_scratch(facts, bases, output)
    ):
        return Criterion(
            id="transfer",
            met="no",
            evidence=_top(no) + _domain_evidence(facts, output),
            rationale="An end-task system trained for one task; the card offers no reuse.",
        )
    if sum(v.weight for v in yes) >= 1:
        return Criterion(
            id="transfer",
            met="yes",
            evidence=_top(yes),
            rationale="The card mentions reuse beyond the training task.",
        )
    return Criterion(
        id="transfer",
        met="unknown",
        evidence=facts.status[:1],
        rationale="The card says nothing about reuse.",
    )


def _says_pretrained(facts: Facts) -> bool:
    body = facts.text[facts.body_start :].lower()
    return "pretrain" in body or "pre-train" in body or "事前学習" in body
