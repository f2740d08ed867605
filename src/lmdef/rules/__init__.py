"""The rule registry: one explicit tuple, and the lookups the CLI and config use.

Codes are stable and never reused (issue #2 section 6); names read naturally after "ignore".
Lint rules run in `lmdef lint` in the order listed; classify rules are listed by `lmdef rules` /
`lmdef explain` but only run inside `lmdef classify`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lmdef.rules.base import Rule
from lmdef.rules.invalid_front_matter import INVALID_FRONT_MATTER
from lmdef.rules.undefined_term import UNDEFINED_TERM
from lmdef.rules.unsupported_llm_claim import UNSUPPORTED_LLM_CLAIM
from lmdef.rules.unused_suppression import UNUSED_SUPPRESSION
from lmdef.rules.used_before_definition import USED_BEFORE_DEFINITION

# Keep LMD901 last: it judges the suppressions the rules before it consulted.
LINT_RULES: tuple[Rule, ...] = (
    UNDEFINED_TERM,
    USED_BEFORE_DEFINITION,
    INVALID_FRONT_MATTER,
    UNUSED_SUPPRESSION,
)
CLASSIFY_RULES: tuple[Rule, ...] = (UNSUPPORTED_LLM_CLAIM,)
RULES: tuple[Rule, ...] = LINT_RULES + CLASSIFY_RULES


class UnknownRuleError(ValueError):
    """A code or name that no rule has; the message lists the known ones."""

    def __init__(self, selector: str) -> None:
        self.selector = selector
        known = ", ".join(f"{r.code} ({r.name})" for r in RULES)
        super().__init__(f"unknown rule {selector!r}; known rules: {known}")


def default_enabled(rule: Rule) -> bool:
    """Opt-in rules (LMD102) set `default_enabled = False`; every other rule runs by default."""
    return bool(getattr(rule, "default_enabled", True))


def find_rule(key: str, rules: Sequence[Rule] = RULES) -> Rule | None:
    """The rule whose code or name is `key` (case-insensitive), else None."""
    k = key.strip().casefold()
    for rule in rules:
        if k in (rule.code.casefold(), rule.name.casefold()):
            return rule
    return None


def resolve_selector(selector: str, rules: Sequence[Rule] = RULES) -> frozenset[str]:
    """Codes matched by one selector: a code, a name, a code prefix (`LMD1`) or `ALL`."""
    s = selector.strip()
    if s.upper() == "ALL":
        return frozenset(r.code for r in rules)
    rule = find_rule(s, rules)
    if rule is not None:
        return frozenset({rule.code})
    prefix = s.upper()
    if len(prefix) >= 3 and prefix.startswith("LMD"):
        codes = frozenset(r.code for r in rules if r.code.startswith(prefix))
        if codes:
            return codes
    raise UnknownRuleError(selector)


def resolve_selectors(selectors: Iterable[str], rules: Sequence[Rule] = RULES) -> frozenset[str]:
    """Union of `resolve_selector` over `selectors`; raises UnknownRuleError on the first unknown."""
    codes: set[str] = set()
    for s in selectors:
        codes |= resolve_selector(s, rules)
    return frozenset(codes)
