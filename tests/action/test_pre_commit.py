"""The pre-commit hooks, installed by real `pre-commit try-repo` from this repository.

try-repo clones the repository at HEAD plus staged and modified *tracked* files (never
untracked ones), so the test first snapshots the working tree as it is on disk into a fresh
git repository and points try-repo at that: the hook is tested against the code under test,
whether or not it is committed yet. pre-commit then builds its own virtualenv and
pip-installs lmdef from the snapshot (the package index works offline here).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pre_commit.clientlib import load_manifest

from lmdef.hooks import card_folders

ROOT = Path(__file__).resolve().parents[2]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "lmdef tests",
    "GIT_AUTHOR_EMAIL": "tests@lmdef.invalid",
    "GIT_COMMITTER_NAME": "lmdef tests",
    "GIT_COMMITTER_EMAIL": "tests@lmdef.invalid",
}

# Our own fixture text (a paper excerpt and a card), written for this test.
PAPER = r"""\section{Introduction}
Our model achieves state-of-the-art results and shows emergent abilities.
"""
CARD = """# tiny-encoder

Our model achieves state-of-the-art results and shows emergent abilities.
"""
PAPER_FIXED = r"""\section{Introduction}
We call an ability emergent if it is absent in smaller models and present in larger ones.
Our model is state-of-the-art on SQuAD 2.0 with 90.1 F1, and shows emergent abilities.
"""
CARD_FIXED = """# tiny-encoder

We call an ability emergent if it is absent in smaller models and present in larger ones.
Our model is state-of-the-art on SQuAD 2.0 with 90.1 F1, and shows emergent abilities.
"""


def _git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


def _snapshot(dest: Path) -> Path:
    """The project as it is on disk (tracked + untracked, minus ignored), committed."""
    if (ROOT / ".git").exists():
        names = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
        files = [n for n in names.split("\0") if n and (ROOT / n).is_file()]
    else:  # an unpacked sdist: no git metadata
        files = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()]
    for name in files:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    _git("init", "-q", cwd=dest)
    _git("add", "-A", cwd=dest)
    _git("commit", "-q", "-m", "snapshot", cwd=dest)
    return dest


def _try_repo(repo: Path, work: Path, tmp: Path, *files: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "GITHUB_ACTIONS", "CI"}}
    env.update(GIT_ENV, PRE_COMMIT_HOME=str(tmp / "pre-commit-home"), NO_COLOR="1")
    return subprocess.run(
        [
            str(PRE_COMMIT),
            "try-repo",
            str(repo),
            "lmdef-lint",
            "--color",
            "never",
            "--files",
            *files,
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_manifest_declares_both_hooks():
    hooks = {h["id"]: h for h in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"lmdef-lint", "lmdef-classify-card"}
    assert hooks["lmdef-lint"]["types_or"] == ["markdown", "tex", "plain-text"]
    assert hooks["lmdef-lint"]["entry"] == "lmdef lint"
    assert hooks["lmdef-classify-card"]["files"] == r"(^|/)README\.md$"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["README.md"], ["."]),
        (["models/a/README.md", "models/b/README.md"], ["models/a", "models/b"]),
        (["--min-tokens", "2e9", "README.md"], ["--min-tokens", "2e9", "."]),
        (["docs/README.md.bak", "x/README.md", "x/README.md"], ["docs/README.md.bak", "x"]),
    ],
    ids=["top-level-card", "nested-cards", "options-pass-through", "duplicates-and-lookalikes"],
)
def test_classify_card_hook_classifies_the_card_folder(args, expected):
    assert card_folders(args) == expected


@pytest.mark.slow
def test_try_repo_fails_on_undefined_terms_then_passes_once_defined(tmp_path):
    repo = _snapshot(tmp_path / "lmdef")
    work = tmp_path / "paper"
    (work / "model").mkdir(parents=True)
    _git("init", "-q", cwd=work)
    (work / "paper.tex").write_text(PAPER, encoding="utf-8")
    (work / "model" / "README.md").write_text(CARD, encoding="utf-8")
    _git("add", "-A", cwd=work)

    failing = _try_repo(repo, work, tmp_path, "paper.tex", "model/README.md")
    out = failing.stdout + failing.stderr
    assert failing.returncode == 1, out
    assert "Failed" in out
    for path in ("paper.tex:2:", "model/README.md:3:"):
        assert path in out, out
    assert out.count("LMD101") >= 4, out  # two terms in each of the two files

    (work / "paper.tex").write_text(PAPER_FIXED, encoding="utf-8")
    (work / "model" / "README.md").write_text(CARD_FIXED, encoding="utf-8")
    _git("add", "-A", cwd=work)
    passing = _try_repo(repo, work, tmp_path, "paper.tex", "model/README.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
