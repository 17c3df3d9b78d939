"""nl.income_support."""
