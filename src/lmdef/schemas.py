"""Generate the checked-in JSON Schemas in `schemas/` from the pydantic models.

`python -m lmdef.schemas [DIR]` rewrites them; tests/test_schemas.py fails when a checked-in
schema differs from what the models generate (so a contract change is always a visible diff).
Add a data file or report shape by adding one line to SCHEMAS.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel, TypeAdapter

from lmdef.classify.maps import ArchitectureMaps, Signals
from lmdef.classify.registry import BaseModelsFile, CorporaFile
from lmdef.lexicon import Lexicon
from lmdef.report import ClassificationReport, LintReport

# (file name, model or type adapter) — one line per schema.
SCHEMAS: list[tuple[str, type[BaseModel] | TypeAdapter]] = [
    ("lint-report.schema.json", LintReport),
    ("classification.schema.json", ClassificationReport),
    ("lexicon.schema.json", Lexicon),
    ("classify-architectures.schema.json", ArchitectureMaps),
    ("classify-signals.schema.json", Signals),
    ("corpora.schema.json", CorporaFile),
    ("base-models.schema.json", BaseModelsFile),
]


def generate(name_and_model: tuple[str, type[BaseModel] | TypeAdapter]) -> str:
    name, model = name_and_model
    schema = model.json_schema() if isinstance(model, TypeAdapter) else model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://github.com/lmdef/lmdef/schemas/{name}",
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "schemas"
    out.mkdir(parents=True, exist_ok=True)
    for entry in SCHEMAS:
        (out / entry[0]).write_text(generate(entry), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
