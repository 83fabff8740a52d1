"""The stream worker: the Faust app and everything it runs, from ``articles`` to ``alerts``.

app.py           the composition root: the app, its topics and tables, agents and ops, built whole
agents.py        the two agents: articles -> index moves and quotes; index moves -> alerts
outbox.py        the commit protocol (numbered in its docstring): sends confirmed before each commit
write_behind.py  the index states and processed ids reach their tables only after their records' acks
seek_first.py    a restarted worker starts its partitions at their committed offsets, and fetches
                 only for started partitions (the restart-loss fix)
raw_schema.py, codec.py   records handed to the agents as bytes; the app's value codec
admission is shared: ``streams.admission``
deadletter.py, alert_headers.py, observe.py   dead letters, alert record headers, what agents report
run.py, process.py        ``milestones worker``, and a worker as a separate OS process
ops/             metrics, health, structured logs, and the live page on the worker's web port
"""
