"""ab.child_care_subsidy."""
