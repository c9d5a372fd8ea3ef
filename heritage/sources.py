"""A restoration record's source notes (its `sources` field) as a list a reader can follow.

The field is written one note per line (docs/data-specification.md, "Source notes"):

- a line is a source, or what is known about one;
- `UNCERTAIN:` at the start of a line makes it a note about what is not certain; pages show it
  under a translated "Uncertain:" label, never the editorial marker itself;
- `[en]`, `[vi]` (any language tag in brackets) at the start of a line says the language it is
  written in, before or after `UNCERTAIN:`; an unmarked line is in Vietnamese, the archive's
  language. Pages give a line in another language than theirs its `lang`;
- `{vi: …}` (any language tag, a colon, the text) inside a line marks a phrase in another language
  than the line's, such as a Vietnamese article's title quoted in an English note; pages give it its
  `lang` and show it without the braces.

A note is one set of facts about where the record's facts come from, kept as written: it is not
translated (a citation stays in its language), only labelled in the reader's.
"""

import re
from dataclasses import dataclass

DEFAULT_LANG = "vi"
UNCERTAIN_MARKER = "UNCERTAIN:"

_LANG_TAG = re.compile(r"^\[(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\]\s*")
_UNCERTAIN = re.compile(r"^UNCERTAIN\s*:\s*", re.IGNORECASE)
_PHRASE = re.compile(r"\{(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*):\s*(?P<text>[^{}]+?)\s*\}")


@dataclass(frozen=True)
class SourceNote:
    """A note as a reader reads it: `text` without markers; `phrases` its parts in order, each
    (text, language), with the language empty where it is the note's own."""

    text: str
    lang: str
    uncertain: bool = False
    phrases: tuple[tuple[str, str], ...] = ()

    @property
    def parts(self) -> tuple[tuple[str, str], ...]:
        return self.phrases or ((self.text, ""),)


def _phrases(line: str, lang: str) -> tuple[tuple[str, str], ...]:
    """`line` cut at its `{xx: …}` markers; () when it has none."""
    if not _PHRASE.search(line):
        return ()
    parts, position = [], 0
    for match in _PHRASE.finditer(line):
        if match.start() > position:
            parts.append((line[position : match.start()], ""))
        parts.append((match["text"], "" if match["lang"] == lang else match["lang"]))
        position = match.end()
    if position < len(line):
        parts.append((line[position:], ""))
    return tuple(parts)


def source_notes(text: str, *, default_lang: str = DEFAULT_LANG) -> list[SourceNote]:
    """The notes of a `sources` field, in order; blank lines dropped."""
    notes = []
    for line in (text or "").splitlines():
        line = line.strip()
        lang, uncertain = default_lang, False
        for _round in range(2):  # "[en] UNCERTAIN: …" and "UNCERTAIN: [en] …" alike
            if match := _LANG_TAG.match(line):
                primary, _dash, rest = match["lang"].partition("-")
                lang, line = primary.lower() + _dash + rest, line[match.end() :]
            elif match := _UNCERTAIN.match(line):
                uncertain, line = True, line[match.end() :]
        if line:
            phrases = _phrases(line, lang)
            text = "".join(part for part, _lang in phrases) if phrases else line
            notes.append(SourceNote(text, lang, uncertain, phrases))
    return notes
