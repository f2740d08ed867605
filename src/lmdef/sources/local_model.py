"""The local-model edge of `lmdef classify`: a model folder or a card file -> ModelSnapshot.

A folder is read like a Hub repo (issue #3 §1): README.md (the card), config.json,
adapter_config.json, generation_config.json, and the names of the other files (weights are
listed, never opened). Every file has a size limit; a file that cannot be used becomes a
one-line error naming it, and the model still reaches the report (issue #3 §7).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lmdef.classify.snapshot import ModelSnapshot

CARD_MAX_BYTES = 2_000_000
JSON_MAX_BYTES = 8_388_608  # 8 MiB: most config.json are a few kB, but id2label maps of 21k-class models pass 1 MB
MAX_LISTED_FILES = 10_000
CARD_NAMES = ("README.md", "readme.md", "Readme.md", "README.markdown", "README")
JSON_FILES = {
    "config.json": "config",
    "adapter_config.json": "adapter_config",
    "generation_config.json": "generation_config",
}


@dataclass(frozen=True, slots=True)
class LocalModel:
    """What one local argument gave: a snapshot to classify (when anything is usable) and the
    one-line error the report must carry (when a file was missing or unusable)."""

    input: str
    model_id: str
    snapshot: ModelSnapshot | None
    error: str | None = None


def model_id_for(path: str) -> str:
    """Folder name as the model id; `org__name` (how mirrors store hub repos) -> `org/name`."""
    full = os.path.abspath(path)
    folder = os.path.dirname(full) if os.path.isfile(full) else full
    name = os.path.basename(os.path.normpath(folder))
    if name.count("__") == 1 and not name.startswith("__") and not name.endswith("__"):
        org, repo = name.split("__")
        return f"{org}/{repo}"
    return name or path


def read_local_model(path: str) -> LocalModel:
    """Read a model folder or a lone card file; never raises for bad content."""
    model_id = model_id_for(path)
    if os.path.isfile(path):
        text, error = _read_card(path)
        snap = None
        if text is not None:
            snap = ModelSnapshot(input=path, model_id=model_id, card_text=text, card_path=path)
        return LocalModel(path, model_id, snap, error)
    if not os.path.isdir(path):
        return LocalModel(path, model_id, None, f"{path}: no such file or folder")
    try:
        names = sorted(os.listdir(path))[:MAX_LISTED_FILES]
    except OSError as exc:
        return LocalModel(path, model_id, None, f"{path}: cannot list folder: {exc.strerror}")
    errors: list[str] = []
    card_name = next((n for n in CARD_NAMES if n in names), None)
    card_text = card_path = None
    if card_name is None:
        errors.append(f"{os.path.join(path, 'README.md')}: no model card (README.md) in the folder")
    else:
        card_path = os.path.join(path, card_name)
        card_text, error = _read_card(card_path)
        if error:
            errors.append(error)
    loaded: dict[str, Mapping[str, Any]] = {}
    for filename, field in JSON_FILES.items():
        if filename in names:
            value, error = _read_json(os.path.join(path, filename))
            if error:
                errors.append(error)
            elif value is not None:
                loaded[field] = value
    snapshot = ModelSnapshot(
        input=path,
        model_id=model_id,
        card_text=card_text,
        card_path=card_path,
        config=loaded.get("config"),
        adapter_config=loaded.get("adapter_config"),
        generation_config=loaded.get("generation_config"),
        filenames=tuple(names),
    )
    return LocalModel(path, model_id, snapshot, errors[0] if errors else None)


def _read_card(path: str) -> tuple[str | None, str | None]:
    """(text, None) or (None, one-line error naming the file)."""
    try:
        size = os.path.getsize(path)
        if size > CARD_MAX_BYTES:
            return None, f"{path}: model card too large ({size} bytes > {CARD_MAX_BYTES})"
        with open(path, "rb") as fh:
            data = fh.read(CARD_MAX_BYTES + 1)
    except OSError as exc:
        return None, f"{path}: cannot read: {exc.strerror or exc}"
    if b"\0" in data[:8192]:
        return None, f"{path}: binary file, not a model card"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, f"{path}: not UTF-8 text (byte {exc.start})"


def _read_json(path: str) -> tuple[Mapping[str, Any] | None, str | None]:
    """(parsed JSON object, None) or (None, one-line error naming the file)."""
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
        if size > JSON_MAX_BYTES:
            return None, f"{path}: {name} too large ({size} bytes > {JSON_MAX_BYTES})"
        with open(path, "rb") as fh:
            data = fh.read(JSON_MAX_BYTES + 1)
    except OSError as exc:
        return None, f"{path}: cannot read: {exc.strerror or exc}"
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None, f"{path}: {name} is binary or not UTF-8"
    except (ValueError, RecursionError) as exc:
        return None, f"{path}: {name} is not valid JSON: {str(exc).splitlines()[0][:120]}"
    if not isinstance(value, dict):
        return None, f"{path}: {name} is a JSON {type(value).__name__}, not an object"
    return value, None
