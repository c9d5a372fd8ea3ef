"""A restoration record's source notes (its `sources` field) as a list a reader can follow.

The field is written one note per line (docs/data-specification.md, "Source notes"):

- a line is a source, or what is known about one;
- `UNCERTAIN:` at the start of a line makes it a note about what is not certain; pages show it
  under a translated "Uncertain:" label, never the editorial marker itself;
- `[en]`, `[vi]` (any language tag in brackets) at the start of a line says the language it is
  written in, before or after `UNCERTAIN:`; an unmarked line is in Vietnamese, the archive's
  language. Pages give a line in another language than theirs its `lang`.

A note is one set of facts about where the record's facts come from, kept as written: it is not
translated (a citation stays in its language), only labelled in the reader's.
"""

import re
from dataclasses import dataclass

DEFAULT_LANG = "vi"
UNCERTAIN_MARKER = "UNCERTAIN:"

_LANG_TAG = re.compile(r"^\[(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\]\s*")
_UNCERTAIN = re.compile(r"^UNCERTAIN\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True)
class SourceNote:
    text: str
    lang: str
    uncertain: bool = False


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
            notes.append(SourceNote(line, lang, uncertain))
    return notes
