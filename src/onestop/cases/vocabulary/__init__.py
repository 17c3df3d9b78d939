"""The case vocabulary both screening interviews and applications speak: fact paths (``paths``) and
what the rule packs say of them (``program_packs``: programs, their inputs, values checked). It imports
no other sub-area of case work, so that screenings and applications both build on it without a cycle.
"""
