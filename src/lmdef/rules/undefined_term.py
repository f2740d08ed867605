"""LMD101 undefined-term: a vague term used in a document that never defines it.

One finding per term per file, at the first undefined use; the message counts the other
undefined uses. Whether a use is defined, operationalised, a mention or a non-ML sense is
decided by `lmdef.analysis` (issue #2 §5, GUIDE §1-4); this rule only reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lmdef.report import Severity
from lmdef.rules.base import Hit, RuleDoc


def _more(n: int) -> str:
    if n == 0:
        return "no other undefined uses"
    return f"{n} more use" + ("" if n == 1 else "s")


def _help(term: Any) -> str:
    why = f"Rogers & Luccioni 2024, {term.paper_section}"
    if term.operationalised_by == "none":
        return f"Define {term.label} once in this document ({why}); only a definition counts here."
    return f"Define {term.label} once in this document ({why}), or {term.operationalisation}."


class UndefinedTerm:
    code = "LMD101"
    name = "undefined-term"
    severity: Severity = "warning"
    default_enabled = True
    summary = "A vague term (LLM, emergent, foundation model, ...) used without a definition."
    help = "Define the term once in the document, or make this use precise where it is made."
    doc = RuleDoc(
        what=(
            "The first use of a lexicon term (`lmdef rules` and the lexicon list them: llm, "
            "emergent, foundation-model, frontier-model, general-purpose-technology, sota, "
            'robust) in a document that neither defines it anywhere ("we define X as", "by '
            'X we mean", "X (i.e., ...)", a glossary or definition list, a footnote on the '
            "term, front matter `lmdef: {definitions: ...}`, the config glossary) nor makes "
            "that use precise in the same or the next sentence (a benchmark and a score for "
            "state-of-the-art, a perturbation and a measurement for robust, a parameter count "
            "and an architecture or data volume for an LLM, a threshold for frontier models). "
            "Mentions (\"the term 'emergent'\", cited titles, references), code, URLs and "
            "non-ML senses (Pareto frontier, robust standard errors, the LL.M. degree) are "
            "not uses. One finding per term per file."
        ),
        why=(
            "Rogers & Luccioni (ICML 2024, arXiv 2308.07120) show that key claims about LLMs "
            'rest on words nobody defines: "LLM" itself has no agreed definition (§2), '
            '"emergent" has several incompatible senses (§3), and state-of-the-art '
            "and robustness claims are made without the benchmark, score or perturbation "
            "that would let a reader check them. A claim whose key word is undefined cannot "
            "be evaluated or reproduced."
        ),
        example="The model shows emergent abilities and state-of-the-art results.",
        use_instead=(
            "We call an ability emergent if it is absent in models under 1B parameters but "
            "present in larger ones. The model is state of the art on SQuAD 2.0 (90.1 F1)."
        ),
        known_problems=(
            "Definition and operationalisation are recognised by patterns: an unusual "
            "phrasing of a definition can be missed (add it to the config glossary or front "
            "matter), and a sentence that merely looks like a definition can be accepted."
        ),
    )

    def check(self, context: Any) -> Iterable[Hit]:
        analysis = context.analysis
        suppressed = getattr(context, "is_suppressed", None)
        for term_id in analysis.terms_in_order():
            undefined = analysis.undefined_uses(term_id)
            if suppressed is not None:
                # A suppressed block must not hide the term's later undefined uses (lint.py).
                undefined = tuple(o for o in undefined if not suppressed(self.code, o.span))
            if not undefined:
                continue
            first = undefined[0]
            term = analysis.term(term_id)
            yield Hit(
                span=first.span,
                term=term_id,
                message=(
                    f'"{first.text}" is used without a definition ({_more(len(undefined) - 1)}); '
                    f"a definition should state {term.definition_should_state}"
                ),
                help=_help(term),
            )


UNDEFINED_TERM = UndefinedTerm()
