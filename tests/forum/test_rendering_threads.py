"""Post text is rendered correctly when a threaded server renders many posts at once."""

from concurrent.futures import ThreadPoolExecutor

from app.rendering import render_post_text

# The cache would hide the work; the undecorated function does it every time.
render = render_post_text.__wrapped__


def _text(n: int) -> str:
    return f"Day {n}. <b>still</b> here & see https://example.org/{n} or www.example.com\n" * 3


def test_rendering_from_many_threads_matches_rendering_from_one():
    texts = [_text(n) for n in range(3000)]
    expected = [str(render(text)) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = [str(html) for html in pool.map(render, texts)]
    assert got == expected
    assert 'href="https://example.org/7"' in expected[7] and "&lt;b&gt;" in expected[7]
