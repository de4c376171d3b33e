import pytest

from vahti.core.richtext import sanitize_html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ('<p onclick="x()">a<script>alert(1)</script></p>', "<p>a</p>"),
        ('<a href="javascript:alert(1)">a</a>', "<a>a</a>"),
        ('<a href="https://hel.fi/" target="_blank">a</a>', '<a href="https://hel.fi/">a</a>'),
        ('<a id="main" href="#x">a</a>', '<a href="#x">a</a>'),
        ('<a linktype="page" id="42">a</a>', '<a linktype="page" id="42">a</a>'),
        ("<h1>a</h1><h3>b</h3>", "a<h3>b</h3>"),
        ('<img src="x" onerror="alert(1)">', ""),
        ("<!-- c --><p>a</p>", "<p>a</p>"),
        ('<p data-block-key="x1"></p>', ""),
        ("<p>&nbsp;</p><p><br></p>", ""),
    ],
)
def test_rich_text_keeps_only_safe_formatting(dirty, clean):
    assert sanitize_html(dirty) == clean
