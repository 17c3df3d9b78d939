"""ab.emergency_income_support."""
