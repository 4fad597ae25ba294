"""Typed commands: a use case takes a frozen dataclass, never the payload's dictionary.

An entrypoint loads the payload with its schema (which has checked every field), then builds the
use case's command with `command_of(Command, loaded)`: fields are taken by name, lists become
tuples, and a field typed as an enum or as another dataclass is built from its value, so a
command class needs no constructor of its own."""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from functools import cache
from typing import Any, TypeVar

C = TypeVar("C")


class Keep(enum.Enum):
    """A field a partial update did not name: the stored value stays (None clears it)."""

    KEEP = "keep"


KEEP = Keep.KEEP


def command_of(cls: type[C], loaded: dict[str, Any]) -> C:
    """A `cls` from the fields of `loaded` that it declares (others are ignored; a field missing
    from `loaded` takes its default)."""
    hints = _hints(cls)
    given = {
        field.name: _convert(hints[field.name], loaded[field.name])
        for field in dataclasses.fields(cls)  # type: ignore[arg-type]
        if field.init and field.name in loaded
    }
    return cls(**given)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        kinds = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(kinds[0], value) if len(kinds) == 1 else value
    if origin is tuple:
        return _tuple(typing.get_args(hint), value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return command_of(hint, value)  # type: ignore[arg-type]
    return value


def _tuple(args: tuple[Any, ...], value: Any) -> tuple[Any, ...]:
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_convert(args[0], item) for item in value)
    return tuple(_convert(arg, item) for arg, item in zip(args, value, strict=True))
