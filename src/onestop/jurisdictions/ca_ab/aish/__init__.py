"""ab.aish: Assured Income for the Severely Handicapped."""
