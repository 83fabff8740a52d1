"""The live page a desk keeps open: alerts and index levels read from the topics.

- ``history``  pure: points on a time axis, one per (article, move); headlines by the alert rules.
"""
