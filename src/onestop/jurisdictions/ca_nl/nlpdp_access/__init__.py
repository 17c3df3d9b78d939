"""nl.nlpdp.access."""
