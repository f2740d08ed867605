"""The loader refuses broken registry files with one line naming file, entry and field.

Each case writes a small registry to a temp directory and loads it through
`load_registry_from`, so the validators themselves are shown to fire (codespell-style).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from lmdef.classify.registry import RegistryError, load_registry_from

GOOD_CORPUS: dict[str, Any] = {
    "id": "toyweb",
    "name": "ToyWeb",
    "aliases": ["toyweb", "org/toyweb"],
    "quantity": {"value": 5_000_000_000, "unit": "tokens"},
    "languages": ["en"],
    "kind": "text",
    "source": "Invented et al. 2031, ToyWeb (arXiv 3101.00001), §2",
}
GOOD_FAMILY: dict[str, Any] = {
    "id": "toylm",
    "name": "ToyLM",
    "aliases": ["toylm"],
    "pretraining": {"value": 1_000_000_000_000, "unit": "tokens"},
    "corpora": ["toyweb"],
    "languages": ["en"],
    "output": "text",
    "transfer": True,
    "source": "Invented et al. 2031, ToyLM (arXiv 3101.00002), §3",
}
GOOD_CHAT: dict[str, Any] = {
    "id": "toylm-chat",
    "name": "ToyLM Chat",
    "aliases": ["toylm-chat"],
    "pretraining": None,
    "languages": ["en"],
    "output": "text",
    "transfer": True,
    "derived_from": "toylm",
    "source": "ToyLM Chat model card (invented)",
}


def write(
    tmp_path: Path, corpora: list[Any], families: list[Any], **extra: Any
) -> tuple[Path, Path]:
    c = tmp_path / "corpora.yaml"
    f = tmp_path / "base_models.yaml"
    c.write_text(yaml.safe_dump({"corpora": corpora}, allow_unicode=True), encoding="utf-8")
    doc = {"language_names": {"japanese": "ja"}, "families": families, **extra}
    f.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return c, f


def test_valid_files_load_and_resolve(tmp_path: Path):
    reg = load_registry_from(*write(tmp_path, [GOOD_CORPUS], [GOOD_FAMILY, GOOD_CHAT]))
    assert reg.find_family("someone/toylm-chat-7b-GGUF").id == "toylm-chat"
    assert reg.find_corpus("ORG/ToyWeb").id == "toyweb"
    assert [p.family_id for p in reg.volume_parts(reg.family("toylm-chat"))] == ["toylm"]


def _corpus(**changes: Any) -> dict[str, Any]:
    entry = copy.deepcopy(GOOD_CORPUS)
    for key, value in changes.items():
        if value is ...:
            del entry[key]
        else:
            entry[key] = value
    return entry


def _family(**changes: Any) -> dict[str, Any]:
    entry = copy.deepcopy(GOOD_FAMILY)
    for key, value in changes.items():
        if value is ...:
            del entry[key]
        else:
            entry[key] = value
    return entry


BROKEN = [
    # (corpora, families, file that must be named, fragments the message must contain)
    (
        [_corpus(quantity={"value": 5, "unit": "pages"})],
        [GOOD_FAMILY],
        "corpora.yaml",
        ["'toyweb'", "quantity.unit"],
        "unknown-unit",
    ),
    (
        [_corpus(quantity={"value": -1, "unit": "tokens"})],
        [GOOD_FAMILY],
        "corpora.yaml",
        ["'toyweb'", "quantity.value"],
        "negative-size",
    ),
    ([_corpus(source=...)], [GOOD_FAMILY], "corpora.yaml", ["'toyweb'", "source"], "no-source"),
    ([_corpus(source="")], [GOOD_FAMILY], "corpora.yaml", ["'toyweb'", "source"], "empty-source"),
    (
        [_corpus(languages=["english"])],
        [GOOD_FAMILY],
        "corpora.yaml",
        ["'toyweb'", "languages.0"],
        "language-not-iso",
    ),
    (
        [_corpus(quantity=None)],
        [GOOD_FAMILY],
        "corpora.yaml",
        ["'toyweb'", "note"],
        "unknown-size-without-note",
    ),
    ([_corpus(sizes="big")], [GOOD_FAMILY], "corpora.yaml", ["'toyweb'", "sizes"], "extra-field"),
    (
        [_corpus(aliases=["ToyWeb"])],
        [GOOD_FAMILY],
        "corpora.yaml",
        ["'toyweb'", "aliases.0"],
        "uppercase-alias",
    ),
    (
        [GOOD_CORPUS, _corpus(id="toyweb2", aliases=["toy web", "org/toyweb"])],
        [GOOD_FAMILY],
        "corpora.yaml",
        ["'toyweb2'", "aliases", "'org/toyweb'", "'toyweb'"],
        "alias-claimed-twice",
    ),
    (
        [GOOD_CORPUS, _corpus(aliases=["other"])],
        [GOOD_FAMILY],
        "corpora.yaml",
        ["'toyweb'", "'id'", "duplicate"],
        "duplicate-id",
    ),
    (
        [GOOD_CORPUS],
        [_family(corpora=["nosuchcorpus"])],
        "base_models.yaml",
        ["'toylm'", "corpora", "'nosuchcorpus'"],
        "unknown-corpus-reference",
    ),
    (
        [GOOD_CORPUS],
        [GOOD_FAMILY, {**GOOD_CHAT, "derived_from": "nosuchbase"}],
        "base_models.yaml",
        ["'toylm-chat'", "derived_from", "'nosuchbase'"],
        "unknown-base",
    ),
    (
        [GOOD_CORPUS],
        [_family(derived_from="toylm-chat"), GOOD_CHAT],
        "base_models.yaml",
        ["derived_from", "cycle"],
        "lineage-cycle",
    ),
    (
        [GOOD_CORPUS],
        [_family(components=["ghost"])],
        "base_models.yaml",
        ["'toylm'", "components", "'ghost'"],
        "unknown-component",
    ),
    (
        [GOOD_CORPUS],
        [_family(output="poetry")],
        "base_models.yaml",
        ["'toylm'", "output"],
        "unknown-output-kind",
    ),
    (
        [GOOD_CORPUS],
        [_family(pretraining=None)],
        "base_models.yaml",
        ["'toylm'", "note"],
        "unknown-volume-without-note-or-base",
    ),
    (
        [GOOD_CORPUS],
        [_family(aliases=["toy-lm"]), {**GOOD_CHAT, "aliases": ["toy_lm"]}],
        "base_models.yaml",
        ["'toylm-chat'", "aliases", "'toy_lm'", "'toylm'"],
        "family-alias-claimed-twice-after-tokenising",
    ),
    (
        [GOOD_CORPUS],
        [_family(transfer=...)],
        "base_models.yaml",
        ["'toylm'", "transfer"],
        "missing-required-field",
    ),
    (
        [_corpus(part_of="nowhere")],
        [GOOD_FAMILY],
        "corpora.yaml",
        ["'toyweb'", "part_of", "'nowhere'"],
        "language-part-of-unknown-corpus",
    ),
    (
        [GOOD_CORPUS],
        [{"name": "no id"}],
        "base_models.yaml",
        ["entry #0"],
        "entry-without-id-named-by-position",
    ),
]


@pytest.mark.parametrize(
    ("corpora", "families", "file_name", "fragments"),
    [case[:4] for case in BROKEN],
    ids=[case[4] for case in BROKEN],
)
def test_broken_entry_error_names_file_entry_and_field(
    tmp_path: Path, corpora: list[Any], families: list[Any], file_name: str, fragments: list[str]
):
    with pytest.raises(RegistryError) as info:
        load_registry_from(*write(tmp_path, corpora, families))
    message = str(info.value)
    assert "\n" not in message
    assert file_name in message
    for fragment in fragments:
        assert fragment in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("corpora: [unclosed\n", "corpora.yaml"),
        ("- just\n- a list\n", "`corpora` list"),
        ("corpora: !!python/object/apply:os.system ['true']\n", "corpora.yaml"),
        ("corpora: &a [*a]\n", "corpora.yaml"),
    ],
    ids=["syntax-error", "not-a-mapping", "python-tag-refused", "recursive-alias"],
)
def test_unreadable_or_hostile_file_is_one_line_error(tmp_path: Path, text: str, fragment: str):
    corpora, families = write(tmp_path, [GOOD_CORPUS], [GOOD_FAMILY])
    corpora.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        load_registry_from(corpora, families)
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_oversized_file_is_refused_before_parsing(tmp_path: Path):
    corpora, families = write(tmp_path, [GOOD_CORPUS], [GOOD_FAMILY])
    corpora.write_text("# " + "x" * 2_100_000 + "\ncorpora: []\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="limit"):
        load_registry_from(corpora, families)


def test_bad_language_names_map_is_named(tmp_path: Path):
    corpora, families = write(tmp_path, [GOOD_CORPUS], [GOOD_FAMILY])
    doc = yaml.safe_load(families.read_text(encoding="utf-8"))
    doc["language_names"] = {"japanese": "japanese"}
    families.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(RegistryError, match="language_names"):
        load_registry_from(corpora, families)
