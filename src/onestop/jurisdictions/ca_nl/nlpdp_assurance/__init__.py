"""nl.nlpdp.assurance."""
