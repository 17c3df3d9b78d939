"""Tables of the registry area."""
