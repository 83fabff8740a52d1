"""Reading the ``alerts`` topic: the last step of the data path, for people and programs.

api.py    subscribe_alerts(): validated Alert objects, each alert_id once (the Python API, and
          the reader that ``milestones tail``, the live page and the desk-bus bridges share)
tail.py   ``milestones tail``: alerts, quotes or index moves as they arrive, one line each
"""

from streams.subscribe.api import AlertSubscription, subscribe_alerts

__all__ = ["AlertSubscription", "subscribe_alerts"]
