"""LMD102 term-used-before-definition (opt-in): a term used before the document defines it.

The labelling rules treat a term defined once as defined for every use in the document (GUIDE
§3), so this is a style rule for readers who read in order: it is off by default
(`default_enabled = False`) and runs only when selected (`--select LMD102`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lmdef.report import Severity
from lmdef.rules.base import Hit, RuleDoc
from lmdef.spans import LineIndex


class UsedBeforeDefinition:
    code = "LMD102"
    name = "term-used-before-definition"
    severity: Severity = "info"
    default_enabled = False
    summary = "A vague term used before the document's own definition of it (opt-in)."
    help = "Move the definition before the first use, or point forward to it at the first use."
    doc = RuleDoc(
        what=(
            "The first use of a lexicon term that comes before the place where the document "
            "defines it (an inline definition, a definition list or glossary entry, or a "
            "footnote), and that is not made precise where it stands. Definitions given in "
            "front matter or the config glossary have no place in the text and never trigger "
            "it. Off by default: select it with `--select LMD102`."
        ),
        why=(
            "A reader meets the claim before the definition and reads it in whatever sense "
            'they already hold; with words such as "emergent" that have several incompatible '
            "senses (Rogers & Luccioni 2024, §3) the claim is misread before it is defined."
        ),
        example=(
            "Emergent abilities appear at scale.\n\n"
            "We call an ability emergent if it is absent in small models but present in large ones."
        ),
        use_instead=(
            "We call an ability emergent if it is absent in small models but present in large ones.\n\n"
            "Emergent abilities appear at scale."
        ),
    )

    def check(self, context: Any) -> Iterable[Hit]:
        analysis = context.analysis
        index: LineIndex | None = None
        for term_id in analysis.terms_in_order():
            definition = analysis.first_definition(term_id)
            if definition is None or definition.span is None:
                continue
            early = [
                o
                for o in analysis.for_term(term_id)
                if o.status == "defined"
                and not o.at_definition
                and o.span.end <= definition.span.start
            ]
            if not early:
                continue
            if index is None:
                index = LineIndex(context.document.text)
            line, _ = index.line_col(definition.span.start)
            first = early[0]
            yield Hit(
                span=first.span,
                term=term_id,
                message=f'"{first.text}" is used before its definition on line {line}',
            )


USED_BEFORE_DEFINITION = UsedBeforeDefinition()
