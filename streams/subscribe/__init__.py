"""Reading the ``alerts`` topic: the last step of the data path, for people and programs.

reader.py  AlertReader: the one reader of the alerts topic (its consumer, validation, each
           alert_id once, filters), shared by the three below
api.py     subscribe_alerts(): validated Alert objects, each alert_id once (the Python API; the
           live page reads through it too)
tail.py    ``milestones tail``: alerts, quotes or index moves as they arrive, one line each
           (the bridges, ``streams/bridges/bridge.py``, are the reader's third user)
"""

from streams.subscribe.api import AlertSubscription, subscribe_alerts
from streams.subscribe.reader import AlertFilter, AlertReader

__all__ = ["AlertFilter", "AlertReader", "AlertSubscription", "subscribe_alerts"]
