"""Line:column conversion: code-point columns, CRLF, astral characters in UTF-16."""

import pytest

from lmdef.spans import LineIndex


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        pytest.param("abc\ndef", 5, (2, 2), id="second-line"),
        pytest.param("a\r\nb", 3, (2, 1), id="crlf-line-start"),
        pytest.param("a\r\nb", 1, (1, 2), id="cr-belongs-to-line"),
        pytest.param("大規模言語モデルLLM", 8, (1, 9), id="cjk-code-points"),
        pytest.param("😀 LLM", 2, (1, 3), id="emoji-one-code-point"),
    ],
)
def test_line_col_counts_code_points(text, offset, expected):
    assert LineIndex(text).line_col(offset) == expected


def test_utf16_column_counts_astral_as_two():
    index = LineIndex("x\n😀 LLM")
    assert index.utf16_column(4) == 4  # after emoji (2 units) and a space
    assert index.line_col(4) == (2, 3)
