"""ab.seniors_benefit."""
