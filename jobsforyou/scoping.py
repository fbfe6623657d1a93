"""Row-level scoping in one place: queries on scoped models must say whose view they are.

A view builds its query with `scoped(select(Vacancy), scope_for(current_user))`; the rule
registered for each scoped model adds the WHERE clauses for the user's role. A SELECT on a
scoped model that was not built through `scoped()` raises UnscopedQueryError, so a forgotten
filter fails loudly in tests instead of leaking another employer's data. Services that act for
the public or the system (capacity counts, imports, CLI) pass the explicit SYSTEM scope.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

SCOPE_OPTION = "jobsforyou_scope"
StatementT = TypeVar("StatementT", bound=Select[Any])


class UnscopedQueryError(RuntimeError):
    """A query on a scoped model did not declare its scope."""


@dataclass(frozen=True)
class Scope:
    """Whose view a query serves: a role with its employer, county, municipality or fair."""

    role: str
    user_id: int | None = None
    employer_id: int | None = None
    region_id: int | None = None
    municipality_id: int | None = None
    fair_id: int | None = None

    @property
    def is_system(self) -> bool:
        """The system scope sees everything (public services, imports, commands)."""
        return self.role == "system"


SYSTEM = Scope(role="system")
ANONYMOUS = Scope(role="anonymous")

# model class -> rule(scope) returning WHERE clauses (empty list: no restriction)
ScopeRule = Callable[[Scope], list[ColumnElement[bool]]]
_RULES: dict[type, ScopeRule] = {}


def register_scope_rule(model: type, rule: ScopeRule) -> None:
    """Declare a model as scoped and how a scope restricts its rows."""
    _RULES[model] = rule


def scope_for(user: Any) -> Scope:
    """The scope of a signed-in user (Flask-Login's current_user), or ANONYMOUS."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    return Scope(
        role=str(user.role.value if hasattr(user.role, "value") else user.role),
        user_id=user.id,
        employer_id=user.employer_id,
        region_id=user.region_id,
        municipality_id=user.municipality_id,
        fair_id=user.fair_id,
    )


def scoped(statement: StatementT, scope: Scope) -> StatementT:
    """Apply the scope's restrictions for every scoped model the SELECT reads, and mark it."""
    if not scope.is_system:
        for entity in _entities(statement):
            rule = _RULES.get(entity)
            if rule is not None:
                statement = statement.where(*rule(scope))
    return statement.execution_options(**{SCOPE_OPTION: scope})


def _entities(statement: Select[Any]) -> set[type]:
    found: set[type] = set()
    for description in statement.column_descriptions:
        entity = description.get("entity")
        if isinstance(entity, type):
            found.add(entity)
    for froms in statement.get_final_froms():
        for model in _RULES:
            if getattr(model, "__table__", None) is froms:
                found.add(model)
    return found


@event.listens_for(Session, "do_orm_execute")
def _refuse_unscoped(state: ORMExecuteState) -> None:
    if not state.is_select or state.is_relationship_load or state.is_column_load:
        return
    if SCOPE_OPTION in state.execution_options:
        return
    touched = {mapper.class_ for mapper in state.all_mappers}
    unscoped = touched.intersection(_RULES)
    if unscoped:
        names = ", ".join(sorted(model.__name__ for model in unscoped))
        raise UnscopedQueryError(
            f"Query on {names} without a scope: build it with jobsforyou.scoping.scoped()."
        )
