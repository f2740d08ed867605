"""The checked-in schemas are exactly what the pydantic models generate (contract diff test)."""

from pathlib import Path

import jsonschema
import pytest

from lmdef.schemas import SCHEMAS, generate

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"


@pytest.mark.parametrize("entry", SCHEMAS, ids=[name for name, _ in SCHEMAS])
def test_checked_in_schema_matches_models(entry):
    path = SCHEMA_DIR / entry[0]
    assert path.exists(), f"run `python -m lmdef.schemas` to create {path.name}"
    assert path.read_text(encoding="utf-8") == generate(entry), (
        f"{path.name} drifted from the models: run `python -m lmdef.schemas` and review the diff"
    )


@pytest.mark.parametrize("entry", SCHEMAS, ids=[name for name, _ in SCHEMAS])
def test_schema_is_valid_json_schema(entry):
    import json

    jsonschema.Draft202012Validator.check_schema(json.loads(generate(entry)))
