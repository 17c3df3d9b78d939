"""web/portal."""
