"""JSON API routers; each module holds one resource's routes."""

from onestop.web.api import audit, auth, evaluate, people, staff, units

ROUTERS = [auth.router, staff.router, people.router, units.router, audit.router, evaluate.router]
