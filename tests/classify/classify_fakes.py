"""An invented registry for classify tests (see conftest.py): names are made up so the tests
pin the classifier's rules, not the shipped registry's contents (tests/registry covers that)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Q:
    value: float
    unit: str
    at_least: bool = False


@dataclass(frozen=True)
class Fam:
    id: str
    name: str
    aliases: list[str]
    pretraining: Q | None
    output: str = "text"
    transfer: bool = True
    languages: list[str] = field(default_factory=lambda: ["en"])
    corpora: list[str] = field(default_factory=list)
    derived_from: str | None = None
    additional_pretraining: Q | None = None
    components: list[str] = field(default_factory=list)
    tokens_seen: Q | None = None
    examples: int | None = None
    other_language_means_other_model: bool = False


@dataclass(frozen=True)
class Cor:
    id: str
    name: str
    aliases: list[str]
    quantity: Q | None
    languages: list[str] = field(default_factory=lambda: ["en"])
    kind: str = "text"
    part_of: str | None = None


class FakeRegistry:
    """Implements the lookups lmdef.classify uses (find_family, find_corpus, lineage...)."""

    def __init__(
        self,
        families: list[Fam],
        corpora: list[Cor],
        language_names: dict[str, str] | None = None,
    ) -> None:
        self.families = tuple(families)
        self.corpora = tuple(corpora)
        self.language_names = dict(language_names or {})

    def corpus(self, corpus_id: str) -> Cor | None:
        return next((c for c in self.corpora if c.id == corpus_id), None)

    def language_part(self, corpus: Cor, languages: list[str]) -> Cor | None:
        langs = set(languages) - {"multi", "multilingual", "code"}
        if len(langs) != 1:
            return None
        return next(
            (c for c in self.corpora if c.part_of == corpus.id and set(c.languages) == langs),
            None,
        )

    def family(self, family_id: str) -> Fam | None:
        return next((f for f in self.families if f.id == family_id), None)

    def lineage(self, family: Fam) -> tuple[Fam, ...]:
        chain = [family]
        while chain[-1].derived_from and self.family(chain[-1].derived_from):
            chain.append(self.family(chain[-1].derived_from))
        return tuple(chain)

    def find_family(self, name: str) -> Fam | None:
        tokens = [t for t in re.split(r"[^a-z0-9]+", name.lower()) if t]
        best = None
        for fam in self.families:
            for alias in fam.aliases:
                a = alias.split("-")
                hit = any(tokens[i : i + len(a)] == a for i in range(len(tokens)))
                if hit and (best is None or len(alias) > best[0]):
                    best = (len(alias), fam)
        return best[1] if best else None

    def find_corpus(self, name: str) -> Cor | None:
        key = name.lower()
        return next((c for c in self.corpora if key in c.aliases or key == c.name.lower()), None)

    def corpus_ids_in(self, text: str) -> list[tuple[Cor, int, int]]:
        out = []
        low = text.lower()
        for c in self.corpora:
            for alias in c.aliases:
                start = low.find(alias)
                if start >= 0:
                    out.append((c, start, start + len(alias)))
                    break
        return sorted(out, key=lambda item: item[1])
