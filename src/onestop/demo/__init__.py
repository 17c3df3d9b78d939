"""Synthetic demo data: a reproducible population of AB and NL households, offices and staff."""

from onestop.demo.generator import DemoHousehold, DemoPerson, generate
from onestop.demo.guide import demo_guide
from onestop.demo.loader import DEMO_STAFF, AlreadyLoaded, LoadReport, load_demo
from onestop.demo.portal import CLIENT_EMAIL, CLIENT_PASSWORD, HEALTH_EMAIL, HEALTH_PASSWORD

__all__ = [
    "CLIENT_EMAIL",
    "CLIENT_PASSWORD",
    "DEMO_STAFF",
    "HEALTH_EMAIL",
    "HEALTH_PASSWORD",
    "AlreadyLoaded",
    "DemoHousehold",
    "DemoPerson",
    "LoadReport",
    "demo_guide",
    "generate",
    "load_demo",
]
