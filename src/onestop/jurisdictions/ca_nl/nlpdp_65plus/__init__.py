"""nl.nlpdp.65plus."""
