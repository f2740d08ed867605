"""Which base models a snapshot names, when lmdef.classify does not (yet) say.

The classifier owns lineage (issue #3: `lmdef.classify.base_model_ids`); this fallback reads the
same two Hub conventions so the Hub layer can follow a chain on its own: the card's `base_model`
(a string or a list) and the Hub's `base_model:<relation>:<id>` / `base_model:<id>` tags.
"""

from __future__ import annotations

from collections.abc import Callable

from lmdef.classify.snapshot import ModelSnapshot


def hub_base_ids(snapshot: ModelSnapshot) -> list[str]:
    found: list[str] = []
    card = snapshot.hub_card_data or {}
    value = card.get("base_model")
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip():
            found.append(item.strip())
    for tag in snapshot.hub_tags:
        if tag.startswith("base_model:"):
            found.append(tag.rsplit(":", 1)[-1])
    return list(dict.fromkeys(b for b in found if b != snapshot.model_id))


def classifier_hooks() -> tuple[
    Callable[[ModelSnapshot], list[str]], Callable[[ModelSnapshot], bool]
]:
    """(base_model_ids, needs_config) from lmdef.classify when present, else the fallbacks."""
    try:
        from lmdef.classify import base_model_ids
    except ImportError:
        base_model_ids = hub_base_ids
    try:
        from lmdef.classify import needs_config
    except ImportError:

        def needs_config(snapshot: ModelSnapshot) -> bool:
            return False

    return base_model_ids, needs_config
