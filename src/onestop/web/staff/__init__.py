"""web/staff."""
