"""ab.funeral_benefit."""
