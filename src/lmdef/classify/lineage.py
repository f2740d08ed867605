"""Where a model's weights came from: named bases, the relation to them, registry families.

Issue #3 §4 / LABELING.md §4: adapters, quantized copies and merges inherit every label; a
fine-tune inherits its base's pretraining volume but its own head decides criterion 1. Bases
are named by the front matter (`base_model`, `base_model:<relation>:<id>` tags), an
adapter_config.json, the Hub's card data, or the prose ("a fine-tuned version of [x](hub link)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Protocol

from lmdef.classify.snapshot import ModelSnapshot

MAX_BASES = 8
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]{0,95}(?:/[A-Za-z0-9][\w.-]{0,95})?$")
_RELATIONS = {"adapter", "quantized", "merge", "finetune", "finetuned"}
_HF_LINK = re.compile(
    r"https?://huggingface\.co/(?P<id>[A-Za-z0-9][\w.-]*(?:/[A-Za-z0-9][\w.-]*)?)"
    r"|\bmodel_name_or_path['\"]?[\s=]+['\"]?(?P<arg>[A-Za-z0-9][\w.-]*(?:/[A-Za-z0-9][\w.-]*)?)"
)
# A hub link is a base when its line says how the weights came from it.
_LINK_LINEAGE = re.compile(
    r"fine-?tun|finetun|based on|base[ _]model|initiali[sz]|warm-?start|version of|copy of|"
    r"quantiz|converted|ported|pre-?trained model|parent|事前学習済み|ベースモデル|をベース|"
    r"ファインチューニング",
    re.IGNORECASE,
)
_NOT_MODEL_PATHS = {
    "datasets",
    "spaces",
    "docs",
    "blog",
    "papers",
    "front",
    "tasks",
    "models",
    "transformers",
    "learn",
    "join",
    "settings",
    "organizations",
    "collections",
    "api",
    "posts",
}


class RegistryLike(Protocol):
    """The interface of lmdef.classify.registry.Registry (H5) that classification relies on."""

    corpora: Any
    families: Any

    def find_corpus(self, name: str) -> Any: ...

    def find_family(self, model_id_or_name: str) -> Any: ...


def entries(container: Any) -> list[Any]:
    if isinstance(container, Mapping):
        return list(container.values())
    return list(container or ())


def valid_hub_id(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip().removeprefix("https://huggingface.co/").strip("/")
    if ".." in value or not _HUB_ID.match(value):
        return None
    return value


def _as_list(value: object) -> list[object]:
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value] if value is not None else []


def declared_bases(
    snapshot: ModelSnapshot, front: Mapping[str, Any] | None, body: str = ""
) -> list[tuple[str, str, str | None]]:
    """(hub id, where it was named, relation) for each base the model declares, in order."""
    found: list[tuple[str, str, str | None]] = []
    relation = None
    for data, prefix in ((front, "front_matter"), (snapshot.hub_card_data, "hub")):
        if not isinstance(data, Mapping):
            continue
        rel = data.get("base_model_relation")
        if isinstance(rel, str) and rel.lower() in _RELATIONS:
            relation = relation or rel.lower()
        for value in _as_list(data.get("base_model")):
            hub_id = valid_hub_id(value)
            if hub_id:
                found.append((hub_id, f"{prefix}:base_model", relation))
    tags: list[object] = list(snapshot.hub_tags)
    if isinstance(front, Mapping):
        tags += _as_list(front.get("tags"))
    for tag in tags:
        if isinstance(tag, str) and tag.startswith("base_model:"):
            parts = tag.split(":")
            rel = parts[1].lower() if len(parts) == 3 else None
            hub_id = valid_hub_id(parts[-1])
            if hub_id:
                found.append((hub_id, f"tag:{tag}", rel if rel in _RELATIONS else relation))
    if isinstance(snapshot.adapter_config, Mapping):
        hub_id = valid_hub_id(snapshot.adapter_config.get("base_model_name_or_path"))
        if hub_id:
            found.append((hub_id, "adapter_config.json:base_model_name_or_path", "adapter"))
    if body and ("huggingface.co/" in body or "model_name_or_path" in body):
        for match in _HF_LINK.finditer(body):
            hub_id = valid_hub_id(match.group("id") or match.group("arg"))
            if (
                not hub_id
                or hub_id.split("/")[0].lower() in _NOT_MODEL_PATHS
                or hub_id.lower().endswith((".html", ".md", ".pdf", ".png", ".jpg"))
            ):
                continue
            lo = body.rfind("\n", 0, match.start()) + 1
            hi = body.find("\n", match.end())
            if match.group("arg") or _LINK_LINEAGE.search(body[lo : hi if hi >= 0 else None]):
                found.append((hub_id, "readme:base link", None))
    seen: set[str] = {snapshot.model_id.lower()}
    unique = []
    for hub_id, where, rel in found:
        if hub_id.lower() not in seen:
            seen.add(hub_id.lower())
            unique.append((hub_id, where, rel))
    return unique[:MAX_BASES]


def relation_from_files(snapshot: ModelSnapshot) -> str | None:
    names = [n.lower() for n in snapshot.filenames]
    if snapshot.adapter_config is not None or "adapter_config.json" in names:
        return "adapter"
    if any(n.endswith((".gguf", ".ggml")) for n in names):
        return "quantized"
    return None


_SEP = re.compile(r"[\s\-_/.]+")


_SEP_UNIT = "\x00"  # a run of separators inside a name


@lru_cache(maxsize=8)
def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for many names, factored by common prefix: a flat alternation of ~300 names
    is tried name by name at every position, a trie once (the longest name still wins)."""
    trie: dict[str, Any] = {}
    for alias in set(aliases):
        tokens = [t for t in _SEP.split(alias.lower()) if t]
        if not tokens or "*" in tokens or len(alias) < 2:
            continue
        node = trie
        for position, token in enumerate(tokens):
            if position:
                # "llama-2" also matches "Llama 2" and "llama_2" (the registry compares tokens)
                node = node.setdefault(_SEP_UNIT, {})
            for char in token:
                node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return None

    def emit(node: dict[str, Any]) -> str:
        alternatives = [
            (r"[\s\-_/.]+" if unit == _SEP_UNIT else re.escape(unit)) + emit(child)
            for unit, child in node.items()
            if unit
        ]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(rf"(?<![A-Za-z0-9])(?:{emit(trie)})(?![A-Za-z0-9])", re.IGNORECASE)


def alias_index(items: Iterable[Any]) -> tuple[re.Pattern[str] | None, dict[str, Any]]:
    """One regex over every alias and name of `items`, and alias -> item."""
    by_alias: dict[str, Any] = {}
    for item in items:
        for alias in [*getattr(item, "aliases", []), getattr(item, "name", "")]:
            if isinstance(alias, str) and alias.strip():
                key = " ".join(t for t in _SEP.split(alias.strip().lower()) if t)
                by_alias.setdefault(key, item)
    return _alias_pattern(tuple(sorted(by_alias))), by_alias


def alias_key(text: str) -> str:
    return " ".join(t for t in _SEP.split(text.lower()) if t)


def name_part(model_id: str) -> str:
    return model_id.rsplit("/", 1)[-1]
