"""pre-commit adapter for the `lmdef-classify-card` hook (issue #4).

pre-commit passes the changed `README.md` cards; a card alone lacks the model's config.json,
which the text criterion reads, so each card is replaced by its folder (the model repo) and the
rest of the arguments go to `lmdef classify` unchanged:

    python -m lmdef.hooks classify-card [lmdef classify options] path/README.md ...
"""

from __future__ import annotations

import os
import sys

CARD_NAME = "README.md"


def card_folders(args: list[str]) -> list[str]:
    """Each README.md path becomes its folder (`.` at the top); other arguments pass through."""
    out: list[str] = []
    for arg in args:
        if os.path.basename(arg) == CARD_NAME and not arg.startswith("-"):
            folder = os.path.dirname(arg) or "."
            if folder not in out:
                out.append(folder)
        else:
            out.append(arg)
    return out


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] != "classify-card":
        print("usage: python -m lmdef.hooks classify-card [OPTIONS] README.md ...", file=sys.stderr)
        return 2
    from lmdef.cli import cli

    try:
        cli.main(["classify", "--no-progress", *card_folders(args[1:])], prog_name="lmdef")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
