"""Synthetic demo data: a reproducible population of AB and NL households, offices and staff."""

from onestop.demo.generator import DemoHousehold, DemoPerson, generate
from onestop.demo.loader import DEMO_STAFF, AlreadyLoaded, LoadReport, load_demo

__all__ = [
    "DEMO_STAFF",
    "AlreadyLoaded",
    "DemoHousehold",
    "DemoPerson",
    "LoadReport",
    "generate",
    "load_demo",
]
