"""Highlights of the database search: the query's words marked in a record's title and summary.

Elasticsearch marks its own (search.backends.elasticsearch); these follow the same rules: the
words are found where the search finds them (folded, whole words), the text is HTML-escaped and
only <mark>…</mark> is markup, a long summary gives up to HIGHLIGHT_FRAGMENTS pieces.
"""

from django.utils.html import escape

from heritage.text import fold_chars, fold_with_offsets

from ..params import WORD

HIGHLIGHT_FRAGMENT = 160  # characters of summary around a match
HIGHLIGHT_FRAGMENTS = 3
# The fields marked, in both languages: a result's `highlight` keys (search.backends.response.Result).
HIGHLIGHT_TITLES = ("title", "title_en")
HIGHLIGHT_SUMMARIES = ("summary", "summary_en")
HIGHLIGHT_FIELDS = HIGHLIGHT_TITLES + HIGHLIGHT_SUMMARIES


def _match_spans(text: str, words: set[str]) -> list[tuple[int, int]]:
    if not text or not any(word in fold_chars(text) for word in words):
        return []
    folded, offsets = fold_with_offsets(text)
    spans = []
    for match in WORD.finditer(folded):
        if match.group() in words:
            spans.append((offsets[match.start()], offsets[match.end() - 1] + 1))
    return spans


def _marked(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    end = len(text) if end is None else end
    out, position = [], start
    for left, right in spans:
        if left < start or right > end:
            continue
        out.append(escape(text[position:left]))
        out.append(f"<mark>{escape(text[left:right])}</mark>")
        position = right
    out.append(escape(text[position:end]))
    return "".join(out)


def _fragments(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Up to HIGHLIGHT_FRAGMENTS escaped pieces of `text` around its matches, cut at spaces."""
    if len(text) <= HIGHLIGHT_FRAGMENT:
        return [_marked(text, spans)]
    fragments, covered = [], 0
    for left, right in spans:
        if left < covered:
            continue
        start = max(covered, left - HIGHLIGHT_FRAGMENT // 3)
        if start > 0:
            space = text.find(" ", start, left)
            start = space + 1 if space != -1 else start
        end = min(len(text), start + HIGHLIGHT_FRAGMENT)
        if end < len(text):
            space = text.rfind(" ", right, end)
            end = space if space != -1 else max(end, right)
        fragments.append(_marked(text, spans, start, end).strip())
        covered = end
        if len(fragments) == HIGHLIGHT_FRAGMENTS:
            break
    return fragments


def highlight_record(record, words: set[str]) -> dict[str, list[str]]:
    """{"title": [...], "summary": [...], "title_en": [...], "summary_en": [...]} for the fields where a
    word of the query occurs."""
    highlight = {}
    if not words:
        return highlight
    for field in HIGHLIGHT_TITLES:
        text = getattr(record, field)
        if spans := _match_spans(text, words):
            highlight[field] = [_marked(text, spans)]
    for field in HIGHLIGHT_SUMMARIES:
        text = getattr(record, field)
        if spans := _match_spans(text, words):
            highlight[field] = _fragments(text, spans)
    return highlight
