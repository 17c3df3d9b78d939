"""ab.child_health_benefit."""
