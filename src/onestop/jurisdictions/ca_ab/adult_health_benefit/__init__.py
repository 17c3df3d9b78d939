"""ab.adult_health_benefit."""
