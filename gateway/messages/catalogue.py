"""Looking an English message up in a catalogue: the text itself, else a template with values,
else `field: message` (as `ValidationFailed.on` writes its detail) with the message looked up."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_FIELD_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_WORD = re.compile(r"[a-z][a-z_ ]*")  # a value that reads as an English word, not an id or count
_LISTS = ((", ", ", "), (" or ", "หรือ"))


@dataclass(frozen=True)
class Template:
    pattern: re.Pattern[str]
    translation: str

    @classmethod
    def of(cls, english: str, translation: str) -> Template:
        parts = _PLACEHOLDER.split(english)  # literal, name, literal, name, ..., literal
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        return cls(re.compile(regex, re.DOTALL), translation)


class Catalogue:
    def __init__(self, entries: Mapping[str, str], terms: Mapping[str, str]) -> None:
        self.exact = {k: v for k, v in entries.items() if not _PLACEHOLDER.search(k)}
        templated = [(k, v) for k, v in entries.items() if _PLACEHOLDER.search(k)]
        # the most specific first: the most literal text
        templated.sort(key=lambda entry: -len(_PLACEHOLDER.sub("", entry[0])))
        self.templates = [Template.of(english, thai) for english, thai in templated]
        self.terms = dict(terms)

    def translate(self, text: str, untranslated: list[str] | None = None) -> str | None:
        """The translation of `text`, or None if the catalogue does not know it. Values that read
        as English words but are not in `terms` are added to `untranslated` (for the tests)."""
        if text in self.exact:
            return self.exact[text]
        for template in self.templates:
            if found := template.pattern.fullmatch(text):
                values = {
                    name: self.term(name, value, untranslated)
                    for name, value in found.groupdict().items()
                }
                return template.translation.format(**values)
        field, colon, message = text.partition(": ")
        if colon and _FIELD_PATH.fullmatch(field):
            said = self.translate(message, untranslated)
            return f"{field}: {said}" if said else None
        return None

    def term(self, name: str, value: str, untranslated: list[str] | None = None) -> str:
        """A value put into a message: a word of the domain in Thai, anything else as it is."""
        for key in (f"{name}:{value}", value):
            if key in self.terms:
                return self.terms[key]
        for english, thai in _LISTS:
            words = value.split(english)
            if len(words) > 1 and all(w in self.terms for w in words):
                return thai.join(self.terms[w] for w in words)
        if untranslated is not None and _WORD.fullmatch(value):
            untranslated.append(value)
        return value
