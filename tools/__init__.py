"""Development tools that are not part of the package (import-linter's own contract types)."""
