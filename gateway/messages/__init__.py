"""Problems in the client's language: Thai by default (the users are Thai officers and
volunteers), English when `Accept-Language` prefers it (q-values honoured, `en-US` is English,
a language not offered falls back to Thai).

Services and the gateway write their messages in English; the English text is the key of the
Thai catalogue (`th_*.py`), so no service changes to be translated. A message built with values
(`household 42 not found`) matches a template (`household {id} not found`); a value that is a
word of the domain (a stage, a role, a status) is translated through `TERMS`. `field` and
`pointer` are never translated: they name what the client sent.
"""

from __future__ import annotations

from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from gateway.messages import (
    th_funding,
    th_gateway,
    th_households,
    th_sammachip,
    th_subscribers,
    th_teams,
    th_terms,
    th_values,
    th_werkzeug,
)
from gateway.messages.catalogue import Catalogue

THAI, ENGLISH = "th", "en"
OFFERED = (THAI, ENGLISH)  # the first is the default
THAI_PARTS = (
    th_gateway,
    th_values,
    th_werkzeug,
    th_households,
    th_teams,
    th_sammachip,
    th_funding,
    th_subscribers,
)
THAI_CATALOGUE = Catalogue(
    {english: thai for part in THAI_PARTS for english, thai in part.MESSAGES.items()},
    th_terms.TERMS,
)


def language_of(accept_language: str | None) -> str:
    """The language a problem is written in, from an `Accept-Language` header."""
    accepted = parse_accept_header(accept_language or "", LanguageAccept)
    return accepted.best_match(OFFERED, default=THAI) or THAI


def translated(text: str, language: str) -> str:
    """`text` (English) in `language`; English text is returned as it is."""
    if language != THAI or not text:
        return text
    return THAI_CATALOGUE.translate(text) or text


# OpenAPI: the header every route reads, and the headers of every problem answer.
ACCEPT_LANGUAGE = {
    "in": "header",
    "name": "Accept-Language",
    "required": False,
    "description": (
        "the language of problem texts (title, detail, each field's message): Thai (`th`) unless "
        "English is preferred (`en`, `en-US`; q-values honoured); other languages get Thai"
    ),
    "schema": {"type": "string", "example": "en"},
}
PROBLEM_LANGUAGE_HEADERS = {
    "Content-Language": {
        "description": "the language of the problem's texts",
        "schema": {"type": "string", "enum": list(OFFERED)},
    },
    "Vary": {
        "description": "`Accept-Language`: the texts depend on it",
        "schema": {"type": "string"},
    },
}
