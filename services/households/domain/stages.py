"""The case state machine: which stage may follow which, and who asks for it.

A case starts `registered` (in the registry, not yet targeted) and moves through target, compass,
manage and care to graduated, or ends as declined, moved, deceased or merged. Some moves follow
from a command (targeting, consent, plan approval, the graduation rule); the others a person asks
for directly with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from infra.errors import Conflict
from services.households.vocabulary import Stage

LEAVING = (Stage.MOVED, Stage.DECEASED, Stage.MERGED)
END_STATES = frozenset({Stage.DECLINED, *LEAVING})
TRANSITIONS: dict[Stage, tuple[Stage, ...]] = {
    Stage.REGISTERED: (Stage.TARGET, *LEAVING),
    Stage.TARGET: (Stage.COMPASS, Stage.DECLINED, *LEAVING),
    Stage.COMPASS: (Stage.MANAGE, *LEAVING),
    Stage.MANAGE: (Stage.CARE, *LEAVING),
    Stage.CARE: (Stage.MANAGE, Stage.GRADUATED, *LEAVING),
    Stage.GRADUATED: (Stage.CARE, *LEAVING),
}
# Moves a person asks for with `change_stage`; the rest follow from their own command.
MANUAL: dict[Stage, tuple[Stage, ...]] = {
    Stage.REGISTERED: LEAVING,
    Stage.TARGET: LEAVING,
    Stage.COMPASS: LEAVING,
    Stage.MANAGE: (Stage.CARE, *LEAVING),
    Stage.CARE: (Stage.MANAGE, *LEAVING),
    Stage.GRADUATED: (Stage.CARE, *LEAVING),
}


@dataclass(frozen=True)
class Transition:
    from_stage: Stage
    to_stage: Stage
    changed_by: str
    reason: str
    changed_at: datetime


def allowed_moves(stage: Stage, *, manual: bool = False) -> tuple[Stage, ...]:
    return (MANUAL if manual else TRANSITIONS).get(stage, ())


def check_move(stage: Stage, to_stage: Stage, *, manual: bool = False) -> None:
    """Refuse (409) a move the machine does not allow, naming the moves it does."""
    allowed = allowed_moves(stage, manual=manual)
    if to_stage not in allowed:
        raise Conflict(
            f"a case in stage {stage.value} cannot move to {to_stage.value}",
            allowed=[s.value for s in allowed],
            stage=stage.value,
        )
