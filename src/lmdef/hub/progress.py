"""A progress bar on stderr for lists of Hub IDs, only when a person is watching.

tqdm is already installed with huggingface_hub (a hard dependency of it), is thread-safe and
widely maintained, so lmdef adds no dependency for this. The bar is drawn only when stderr is a
terminal and `--no-progress` is not given; huggingface_hub's own per-file bars are turned off
(`tqdm_class=silent_tqdm` in the client) so one bar counts models, not bytes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Bar(Protocol):
    def update(self, n: int = 1) -> object: ...


class _NoBar:
    def update(self, n: int = 1) -> None:
        return None


@contextmanager
def progress_bar(total: int, *, enabled: bool) -> Iterator[Bar]:
    stream = sys.stderr
    if not (enabled and total > 1 and stream is not None and stream.isatty()):
        yield _NoBar()
        return
    from tqdm import tqdm

    with tqdm(
        total=total, file=stream, unit="model", desc="Hub", leave=False, dynamic_ncols=True
    ) as bar:
        yield bar
