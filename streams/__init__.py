"""market-milestones: the streaming pipeline (Faust shell) and its pure core (``streams.extract``, ``streams.alerting``)."""
