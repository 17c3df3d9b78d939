"""Tasks and caseloads: due-dated work for officers and teams, and each person's primary worker."""

from onestop.cases.tasks import letters as _letters  # noqa: F401  (registers the letter tasks)
from onestop.cases.tasks.caseload import (
    assign_primary_worker,
    get_caseload,
    reassign_caseload,
    worker_history,
)
from onestop.cases.tasks.domain import Priority, TaskKind, TaskStatus, TaskView
from onestop.cases.tasks.errors import TaskNotFound
from onestop.cases.tasks.models import CaseloadAssignment, Task
from onestop.cases.tasks.repository import CaseloadRepository, TaskRepository
from onestop.cases.tasks.schemas import (
    AssignmentPublic,
    Caseload,
    CaseloadAssign,
    CaseloadReassign,
    ReassignResult,
    TaskClose,
    TaskCreate,
    TaskList,
    TaskPublic,
    TaskReassign,
)
from onestop.cases.tasks.services import (
    cancel_task,
    complete_task,
    create_task,
    get_task,
    list_tasks,
    reassign_task,
)

__all__ = [
    "AssignmentPublic",
    "Caseload",
    "CaseloadAssign",
    "CaseloadAssignment",
    "CaseloadReassign",
    "CaseloadRepository",
    "Priority",
    "ReassignResult",
    "Task",
    "TaskClose",
    "TaskCreate",
    "TaskKind",
    "TaskList",
    "TaskNotFound",
    "TaskPublic",
    "TaskReassign",
    "TaskRepository",
    "TaskStatus",
    "TaskView",
    "assign_primary_worker",
    "cancel_task",
    "complete_task",
    "create_task",
    "get_caseload",
    "get_task",
    "list_tasks",
    "reassign_caseload",
    "reassign_task",
    "worker_history",
]
