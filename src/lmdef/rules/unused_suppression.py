"""LMD901 unused-suppression: an `lmdef:` directive that suppresses nothing, or that lmdef
cannot read (unknown rule code, unknown action, `enable` without `disable`).

A stale suppression hides the next real finding that lands in its block, and a misspelt
code suppresses nothing while looking as if it did (issue #2 section 7).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lmdef.report import Severity
from lmdef.rules.base import Hit, RuleDoc
from lmdef.suppressions import ALL


class UnusedSuppression:
    code = "LMD901"
    name = "unused-suppression"
    severity: Severity = "warning"
    summary = "A suppression directive that suppresses nothing, or names an unknown rule."
    help = "Remove the directive, or fix the rule code it names (`lmdef rules` lists them)."
    doc = RuleDoc(
        what=(
            "An `lmdef: ignore[...]` or `lmdef: disable ...` comment under which no finding of "
            "the named rules was reported, and any `lmdef:` comment lmdef cannot read: an "
            "unknown rule code or action, or an `enable` with no `disable` before it. A "
            "directive is only judged for rules that ran on the file, so `--ignore LMD101` "
            "never makes an `ignore[LMD101]` look unused."
        ),
        why=(
            "Suppressions outlive the text they were written for. Once the author adds a "
            "definition, an old `ignore[undefined-term]` silently hides the next undefined use "
            "that lands in that paragraph, which defeats the point of holding vague terms to "
            "a written definition (Rogers & Luccioni 2024, section 2)."
        ),
        example=(
            "<!-- lmdef: ignore[LMD101] -->\n"
            "We define an LLM as a model trained on over 1B tokens of text.\n"
            "\n"
            "<!-- lmdef: ignore[LMD110] -->   (no such rule)"
        ),
        use_instead=(
            "We define an LLM as a model trained on over 1B tokens of text.\n"
            "\n"
            "<!-- lmdef: ignore[LMD101] -->   (only where a finding is really reported)"
        ),
        known_problems=(
            "A directive covering several rules is reported for the codes that suppressed "
            "nothing, even when another of its codes was used."
        ),
    )

    def check(self, context: Any) -> Iterable[Hit]:
        """Reads the run's `context.suppressions` tracker; the engine runs this rule last."""
        tracker = context.suppressions
        for problem in tracker.suppressions.problems:
            yield Hit(span=problem.directive, message=problem.message)
        for suppression, codes in tracker.unused(context.ran_codes):
            what = "any finding" if codes == [ALL] else "any " + ", ".join(codes) + " finding"
            yield Hit(
                span=suppression.directive,
                message=f"{suppression.text!r} does not suppress {what} here",
            )


UNUSED_SUPPRESSION = UnusedSuppression()
