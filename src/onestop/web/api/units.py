"""/api routes: units."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["units"])
