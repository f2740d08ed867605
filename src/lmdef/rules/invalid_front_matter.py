"""LMD902 invalid-front-matter: a model card whose YAML front matter does not parse.

Real cards carry broken YAML (a stray tab, an unclosed quote, a list where a mapping belongs);
the Hub still renders them and shows a metadata warning. lmdef does the same: the metadata is
ignored, the prose is linted, and this rule points at the block. Hostile YAML (alias bombs,
oversized or over-deep blocks) is not a finding but an input error (issue #2 section 9).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lmdef.report import Severity
from lmdef.rules.base import Hit, RuleDoc
from lmdef.spans import Span


class InvalidFrontMatter:
    code = "LMD902"
    name = "invalid-front-matter"
    severity: Severity = "error"
    summary = "The card's YAML front matter does not parse; its metadata is ignored."
    help = (
        "Fix the YAML between the `---` lines (the message names the line); until then the "
        "Hub, lmdef and other tools read no metadata from this card."
    )
    doc = RuleDoc(
        what=(
            "A Markdown file whose leading `--- ... ---` block is not valid YAML, or is not a "
            "mapping of keys to values. The rest of the file is still linted; the block's "
            "`lmdef: definitions:` are not read."
        ),
        why=(
            "A model card's metadata (pipeline_tag, base_model, datasets, license) is what "
            "the Hub and tools such as `lmdef classify` read to say what the model is; a card "
            "whose metadata cannot be read makes every claim in it harder to check "
            "(Rogers & Luccioni 2024 ask for the precise facts behind a model's description)."
        ),
        example="---\nlicense: mit\ntags: [text-generation\n---\n# My model",
        use_instead="---\nlicense: mit\ntags: [text-generation]\n---\n# My model",
    )

    def check(self, context: Any) -> Iterable[Hit]:
        problem = context.document.front_matter_problem
        if problem is None:
            return
        block, reason = problem
        # Point at the opening `---` line: the message names the YAML line at fault.
        first_line_end = context.document.text.find("\n", block.start, block.end)
        end = first_line_end if first_line_end != -1 else block.end
        yield Hit(span=Span(block.start, max(end, block.start + 1)), message=reason)


INVALID_FRONT_MATTER = InvalidFrontMatter()
