"""nl.nlpdp.foundation."""
