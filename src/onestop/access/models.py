"""Tables of the access area."""
