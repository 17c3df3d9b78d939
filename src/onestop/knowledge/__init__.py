"""Staff knowledge base."""
