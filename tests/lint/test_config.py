"""Config: discovery, strict validation with key paths, per-file-ignores globs, CLI override
(issue #2 section 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmdef.config import Config, ConfigError, discover, load_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovered_upward_from_the_working_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.lmdef]\nignore = ["LMD901"]\n')
    sub = tmp_path / "docs" / "cards"
    sub.mkdir(parents=True)
    config = load_config(cwd=str(sub))
    assert config.ignore == ("LMD901",)
    assert config.root == str(tmp_path.resolve())


def test_pyproject_without_lmdef_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".lmdef.toml", 'fail-on = "error"\n')
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.black]\nline-length = 1\n")
    assert discover(tmp_path / "pkg") == tmp_path / ".lmdef.toml"


def test_lmdef_toml_wins_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.lmdef]\nfail-on = "info"\n')
    write(tmp_path / ".lmdef.toml", 'fail-on = "error"\n')
    assert load_config(cwd=str(tmp_path)).fail_on == "error"


def test_lmdef_toml_accepts_a_copied_tool_table(tmp_path: Path) -> None:
    path = write(tmp_path / ".lmdef.toml", '[tool.lmdef]\nfail-on = "never"\n')
    assert load_config(path, cwd=str(tmp_path)).fail_on == "never"


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    config = load_config(cwd=str(tmp_path))
    assert (config.select, config.ignore, config.fail_on) == (None, (), "warning")
    assert config.max_file_size == 5 * 1024 * 1024


def test_all_keys_parse(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
[tool.lmdef]
select = ["LMD901"]
ignore = ["unused-suppression"]
fail-on = "error"
max-file-size = 1000
[tool.lmdef.per-file-ignores]
"legacy/*.md" = ["LMD901"]
[tool.lmdef.glossary]
llm = "A language model pretrained on more than 1B tokens of text."
[[tool.lmdef.extra-terms]]
id = "agi"
""",
    )
    config = load_config(path, cwd=str(tmp_path))
    assert config.select == ("LMD901",)
    assert config.per_file_ignores == (("legacy/*.md", ("LMD901",)),)
    assert dict(config.glossary) == {
        "llm": "A language model pretrained on more than 1B tokens of text."
    }
    assert [dict(t) for t in config.extra_terms] == [{"id": "agi"}]
    assert (config.fail_on, config.max_file_size) == ("error", 1000)


ERRORS = [
    pytest.param(
        'slect = ["LMD101"]',
        "pyproject.toml: [tool.lmdef] unknown key 'slect' (did you mean 'select'?)",
        id="unknown-key-with-suggestion",
    ),
    pytest.param("colour = 1", "unknown key 'colour'; known keys: select,", id="unknown-key"),
    pytest.param(
        'select = "LMD101"', "select must be an array of strings, got a string", id="select-type"
    ),
    pytest.param('ignore = ["LMD999"]', "ignore: unknown rule 'LMD999'", id="unknown-rule"),
    pytest.param('per-file-ignores = ["x"]', "per-file-ignores must be a table", id="pfi-type"),
    pytest.param(
        '[tool.lmdef.per-file-ignores]\n"docs/*.md" = ["LMD9x"]',
        'per-file-ignores."docs/*.md": unknown rule',
        id="pfi-unknown-rule-names-the-glob",
    ),
    pytest.param(
        "[tool.lmdef.glossary]\nllm = 3", "glossary.llm must be a non-empty string", id="glossary"
    ),
    pytest.param('fail-on = "warnings"', "fail-on must be one of error, warning", id="fail-on"),
    pytest.param("max-file-size = -1", "max-file-size must be a positive integer", id="size"),
    pytest.param('extra-terms = ["agi"]', "extra-terms must be an array of tables", id="extra"),
    pytest.param("select = [", "pyproject.toml: not valid TOML", id="bad-toml"),
]


@pytest.mark.parametrize(("body", "message"), ERRORS)
def test_config_errors_name_the_key(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.lmdef]\n" + body + "\n")
    with pytest.raises(ConfigError) as err:
        load_config(path, cwd=str(tmp_path))
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_lmdef_toml_errors_name_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / ".lmdef.toml", "ignroe = []\n")
    with pytest.raises(ConfigError, match=r"^\.lmdef\.toml: unknown key 'ignroe'"):
        load_config(path, cwd=str(tmp_path))


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml", cwd=str(tmp_path))


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        pytest.param("*.tex", "paper/main.tex", True, id="no-slash-matches-basename"),
        pytest.param("*.tex", "paper/main.md", False, id="other-suffix"),
        pytest.param("legacy/*.md", "legacy/a.md", True, id="folder-glob"),
        pytest.param("legacy/*.md", "legacy/old/a.md", False, id="star-stays-in-folder"),
        pytest.param("legacy/**/*.md", "legacy/old/a.md", True, id="double-star-crosses"),
        pytest.param("legacy/**/*.md", "legacy/a.md", True, id="double-star-zero-folders"),
        pytest.param("legacy/", "legacy/x/y.txt", True, id="trailing-slash-is-everything-below"),
        pytest.param("./cards/*.md", "cards/a.md", True, id="leading-dot-slash"),
    ],
)
def test_per_file_ignores_globs(tmp_path: Path, pattern: str, path: str, matches: bool) -> None:
    config = Config(per_file_ignores=((pattern, ("LMD101",)),), root=str(tmp_path))
    assert (config.ignored_for(str(tmp_path / path)) == ("LMD101",)) is matches


def test_cli_select_replaces_and_ignore_adds() -> None:
    config = Config(select=("LMD101",), ignore=("LMD901",), fail_on="error")
    merged = config.with_cli(select=("LMD102",), ignore=("LMD101",), fail_on=None)
    assert merged.select == ("LMD102",)
    assert merged.ignore == ("LMD901", "LMD101")
    assert merged.fail_on == "error"
    assert config.with_cli().select == ("LMD101",)
