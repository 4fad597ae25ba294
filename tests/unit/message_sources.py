"""Every message the code can put in a problem, found by reading the source (read, not run).

A message is what goes into `detail` or a field's `message`: the text argument of an
`infra.errors` error (`NotFound("...")`, `ValidationFailed.on(field, "...")`), of
`FieldError(field, "...")` and of marshmallow's `ValidationError("...")`, and the `error=` of a
marshmallow validator. An argument that is not a literal is followed to what it can be: a
constant (here or imported), a local variable's assignments, the returns of a function it calls,
and, for a parameter, the arguments every caller passes. What cannot be known (an id, a count) is
a hole, written `{}`. A message that cannot be followed at all is reported with its place, so the
test can refuse it unless it is a known pass-through of a message found elsewhere.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from infra.errors import BY_NAME
from tests.unit.message_sites import (
    ROOT,
    Module,
    argument,
    assignments,
    called,
    enclosing_function,
    loop_over,
    message_arguments,
    parameters,
    python_files,
    read_module,
    titles,
)

HOLE = "{}"
ERRORS = frozenset(BY_NAME)  # and their subclasses defined elsewhere, found by the scan
_MARSHMALLOW_FIELD = re.compile(r"\{[a-z_]+\}")  # `{max}` in a validator's error= text
MAX_SHAPES = 400


class Unresolved(Exception):
    pass


@dataclass
class Found:
    messages: set[str] = field(default_factory=set)
    unresolved: list[str] = field(default_factory=list)  # "path: source" of each one not followed


class Scan:
    def __init__(self) -> None:
        self.modules = [read_module(path) for path in python_files()]
        self.by_name = {m.name: m for m in self.modules}
        self.functions: dict[str, list[tuple[Module, ast.FunctionDef]]] = defaultdict(list)
        self.calls: dict[str, list[tuple[Module, ast.Call]]] = defaultdict(list)
        for module in self.modules:
            for node in ast.walk(module.tree):
                if isinstance(node, ast.FunctionDef):
                    self.functions[node.name].append((module, node))
                elif isinstance(node, ast.Call) and (name := called(node)):
                    self.calls[name].append((module, node))
        self._active: set[int] = set()

    def found(self) -> Found:
        found = Found()
        errors = set(ERRORS)
        for module in self.modules:  # error classes defined outside infra.errors, and titles
            for node in ast.walk(module.tree):
                if isinstance(node, ast.ClassDef) and {ast.unparse(b) for b in node.bases} & errors:
                    errors.add(node.name)
                    found.messages |= titles(node)
        for module in self.modules:
            for node in ast.walk(module.tree):
                for expr, holes_named in message_arguments(node, errors):
                    self._collect(found, module, expr, holes_named)
        found.messages |= self.problem_functions()
        return found

    def _collect(self, found: Found, module: Module, expr: ast.expr, holes_named: bool) -> None:
        try:
            shapes = self.resolve(module, expr)
        except Unresolved:
            where = module.path.relative_to(ROOT)
            found.unresolved.append(f"{where}: {ast.unparse(expr)}")
            return
        for shape in shapes:
            found.messages.add(_MARSHMALLOW_FIELD.sub(HOLE, shape) if holes_named else shape)

    def resolve(self, module: Module, expr: ast.expr) -> set[str]:
        key = id(expr)
        if key in self._active:  # a cycle (recursion in the code): nothing new down this way
            return set()
        self._active.add(key)
        try:
            return self._resolve(module, expr)
        finally:
            self._active.discard(key)

    def _resolve(self, module: Module, expr: ast.expr) -> set[str]:
        if isinstance(expr, ast.Constant):
            return {expr.value} if isinstance(expr.value, str) else set()
        if isinstance(expr, ast.JoinedStr):
            return self._joined(module, expr)
        if isinstance(expr, ast.IfExp):
            return self.resolve(module, expr.body) | self.resolve(module, expr.orelse)
        if isinstance(expr, ast.BoolOp):
            values = expr.values if isinstance(expr.op, ast.Or) else expr.values[-1:]
            return set().union(*(self.resolve(module, v) for v in values))
        if isinstance(expr, ast.NamedExpr):
            return self.resolve(module, expr.value)
        if isinstance(expr, ast.Name):
            return self._name(module, expr)
        if isinstance(expr, ast.Call) and (name := called(expr)) in self.functions:
            return self._returns(name)
        raise Unresolved(ast.unparse(expr))

    def _joined(self, module: Module, expr: ast.JoinedStr) -> set[str]:
        choices: list[set[str]] = []
        for part in expr.values:
            if isinstance(part, ast.Constant):
                choices.append({str(part.value)})
                continue
            assert isinstance(part, ast.FormattedValue)
            try:
                values = set() if part.format_spec else self.resolve(module, part.value)
            except Unresolved:
                values = set()
            choices.append(values or {HOLE})
        shapes = {"".join(c) for c in itertools.islice(itertools.product(*choices), MAX_SHAPES)}
        return shapes

    def _name(self, module: Module, name: ast.Name) -> set[str]:
        function = enclosing_function(module, name)
        if function is not None:
            assigned = assignments(function, name.id)
            if assigned:
                return set().union(*(self.resolve(module, value) for value in assigned))
            if name.id in parameters(function):
                return self._arguments(function, name.id)
            if (loop := loop_over(function, name.id)) is not None:
                return self._loop_values(module, function, *loop)
        if name.id in module.constants:
            return self.resolve(module, module.constants[name.id])
        if name.id in module.imports:
            source, original = module.imports[name.id]
            if source in self.by_name and original in self.by_name[source].constants:
                return self.resolve(self.by_name[source], self.by_name[source].constants[original])
        raise Unresolved(name.id)

    def _arguments(self, function: ast.FunctionDef, parameter: str) -> set[str]:
        """What every call of `function` (by its name) passes as `parameter`."""
        names = [a.arg for a in function.args.posonlyargs + function.args.args]
        position = names.index(parameter) if parameter in names else None
        if position is not None and names and names[0] in ("self", "cls"):
            position -= 1
        shapes: set[str] = set()
        calls = self.calls.get(function.name, [])
        for caller, call in calls:
            given = argument(call, parameter, position)
            if given is not None:
                shapes |= self.resolve(caller, given)
        if not calls:
            raise Unresolved(parameter)
        return shapes

    def _loop_values(
        self, module: Module, function: ast.FunctionDef, source: ast.expr, index: int, size: int
    ) -> set[str]:
        """`for name, problem in source`: element `index` of the `size`-tuples `source` holds,
        where it is a local list or what a function of ours returns."""
        places: list[tuple[Module, ast.AST]] = []
        if isinstance(source, ast.Name):
            places = [(module, value) for value in assignments(function, source.id)]
        elif isinstance(source, ast.Call) and (name := called(source)) in self.functions:
            places = [(m, f) for m, f in self.functions[name]]
        if not places:
            raise Unresolved(ast.unparse(source))
        shapes: set[str] = set()
        for where, place in places:
            body = place.body if isinstance(place, ast.FunctionDef) else [place]
            nodes = (node for statement in body for node in ast.walk(statement))
            for node in nodes:
                if isinstance(node, ast.Tuple) and len(node.elts) == size:
                    shapes |= self.resolve(where, node.elts[index])
        return shapes

    def problem_functions(self) -> set[str]:
        """What every `*_problem` function (the code's "why this value is wrong") returns: some
        are passed around as values (`Money(check=amount_problem)`), out of the scan's sight."""
        shapes: set[str] = set()
        for name, definitions in self.functions.items():
            for module, function in definitions:
                answers = function.returns and ast.unparse(function.returns)
                if name.endswith("_problem") and answers == "str | None":
                    shapes |= self._returns_of(module, function)
        return shapes

    def _returns(self, name: str) -> set[str]:
        return set().union(*(self._returns_of(m, f) for m, f in self.functions[name]))

    def _returns_of(self, module: Module, function: ast.FunctionDef) -> set[str]:
        shapes: set[str] = set()
        for node in ast.walk(function):
            if isinstance(node, ast.Return) and node.value is not None:
                shapes |= self.resolve(module, node.value)
        return shapes


def scan() -> Found:
    return Scan().found()
