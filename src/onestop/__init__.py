"""onestop: integrated one-stop delivery of social programs."""

__version__ = "0.1.0"
