"""Fixtures for classify tests: a tiny registry with invented families and corpora."""

from __future__ import annotations

import pytest
from classify_fakes import Cor, FakeRegistry, Fam, Q


@pytest.fixture
def registry() -> FakeRegistry:
    return FakeRegistry(
        families=[
            Fam("toybert", "ToyBERT", ["toybert"], Q(3.3e9, "words")),
            Fam("toyllama", "ToyLlama", ["toyllama"], Q(2e12, "tokens")),
            Fam("toyllama-chat", "ToyLlama Chat", ["toyllama-chat"], None, derived_from="toyllama"),
            Fam("tinylm", "TinyLM", ["tinylm"], Q(5e7, "tokens")),
            Fam("toyclip", "ToyCLIP", ["toyclip"], None, output="vectors", examples=400_000_000),
            Fam("t5", "ToyT5", ["toyt5"], Q(3.4e10, "tokens")),  # a text-to-text family id
            Fam("toyvision", "ToyVision", ["toyvision"], None, output="labels", transfer=True),
        ],
        corpora=[
            Cor("toywiki", "ToyWiki", ["toywiki"], Q(2.5e9, "words")),
            Cor("smallweb", "SmallWeb", ["smallweb"], Q(2e8, "words")),
        ],
    )
