"""The code as the message scan reads it: its modules (constants, imports, each node's parent),
where a message sits (the calls that take one, and which argument), and the local facts the scan
follows (a function's parameters, assignments and loops)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("gateway", "infra", "services")


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    constants: dict[str, ast.expr] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    parents: dict[ast.AST, ast.AST] = field(default_factory=dict)


def python_files() -> Iterator[Path]:
    for source in SOURCES:
        for path in sorted((ROOT / source).rglob("*.py")):
            if not {"migrations", "alembic", "tests"} & set(path.parts):
                yield path


def read_module(path: Path) -> Module:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    module = Module(name, path, tree)
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name):
                module.constants[target.id] = statement.value
        elif isinstance(statement, ast.ImportFrom) and statement.module:
            for alias in statement.names:
                module.imports[alias.asname or alias.name] = (statement.module, alias.name)
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            module.parents[child] = parent
    return module


def enclosing_function(module: Module, node: ast.AST) -> ast.FunctionDef | None:
    while node in module.parents:
        node = module.parents[node]
        if isinstance(node, ast.FunctionDef):
            return node
    return None


def called(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def titles(error_class: ast.ClassDef) -> set[str]:
    return {
        statement.value.value
        for statement in error_class.body
        if isinstance(statement, ast.AnnAssign | ast.Assign)
        and "title" in ast.unparse(statement).split("=")[0]
        and isinstance(statement.value, ast.Constant)
    }


def message_arguments(node: ast.AST, errors: set[str]) -> Iterator[tuple[ast.expr, bool]]:
    """The message expressions of a call (and whether `{name}` in them is marshmallow's)."""
    if not isinstance(node, ast.Call):
        return
    name, func = called(node), node.func
    on = isinstance(func, ast.Attribute) and func.attr == "on"
    if on and isinstance(func.value, ast.Name) and func.value.id in errors:
        yield from _given(node, "message", 1)
    elif name in errors:
        yield from _given(node, "detail", 0)
    elif name == "FieldError":
        yield from _given(node, "message", 1)
    elif name == "ValidationError":
        yield from _given(node, "message", 0)
    elif name == "problem_response":  # the gateway's own problems (502, 500)
        yield from _given(node, "title", 1)
        yield from _given(node, "detail", 2)
    for keyword in node.keywords:
        if keyword.arg == "error" and _is_validator(func):
            yield keyword.value, True
        if keyword.arg == "error_messages" and isinstance(keyword.value, ast.Dict):
            yield from ((value, True) for value in keyword.value.values)


def _given(call: ast.Call, keyword: str, position: int) -> Iterator[tuple[ast.expr, bool]]:
    found = argument(call, keyword, position)
    if found is not None and not isinstance(found, ast.Starred):
        yield found, False


def argument(call: ast.Call, keyword: str, position: int | None) -> ast.expr | None:
    for given in call.keywords:
        if given.arg == keyword:
            return given.value
    if position is not None and position < len(call.args):
        return call.args[position]
    return None


def _is_validator(func: ast.expr) -> bool:
    return isinstance(func, ast.Attribute) and ast.unparse(func.value).endswith("validate")


def parameters(function: ast.FunctionDef) -> set[str]:
    arguments = function.args
    return {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}


def loop_over(function: ast.FunctionDef, name: str) -> tuple[ast.expr, int, int] | None:
    """(what is iterated, the name's place in the unpacked tuple, the tuple's size)."""
    for node in ast.walk(function):
        if isinstance(node, ast.For | ast.comprehension) and isinstance(node.target, ast.Tuple):
            names = [t.id if isinstance(t, ast.Name) else None for t in node.target.elts]
            if name in names:
                return node.iter, names.index(name), len(names)
    return None


def assignments(function: ast.FunctionDef, name: str) -> list[ast.expr]:
    values: list[ast.expr] = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            targets = [t for t in node.targets if isinstance(t, ast.Name) and t.id == name]
            values += [node.value] * bool(targets)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
            if isinstance(node.target, ast.Name) and node.target.id == name:
                values.append(node.value)
        elif isinstance(node, ast.NamedExpr) and node.target.id == name:
            values.append(node.value)
    return values
