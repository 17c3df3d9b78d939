"""The registry-wide duplicate sweep (issue 16, part 3): a Splink model trained on the registry,
and a queue of suggested pairs for officers to decide. Nothing is ever merged automatically."""
