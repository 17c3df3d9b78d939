"""nl.nlpdp.select_needs."""
