"""The stream worker: the Faust app and everything it runs, from ``articles`` to ``alerts``.

app.py           the composition root: topology, agents and ops built whole into one ``Pipeline``
faust_app.py     the Faust app configured from settings (transport, linger, session, web views)
topology.py      the contract's topics and the worker's two tables declared on the app
agents.py        the two agents: articles -> index moves and quotes; index moves -> alerts
commit.py        the commit protocol, its seven steps numbered in its docstring: every record sent
                 and every table value put is on the broker before the offset behind it is committed
seek_first.py    a restarted worker starts its partitions at their committed offsets, and fetches
                 only for started partitions (the restart-loss fix)
raw_schema.py, codec.py   records handed to the agents as bytes; the app's value codec
admission is shared: ``streams.admission``
deadletter.py, alert_headers.py, observe.py   dead letters, alert record headers, what agents report
run.py, process.py        ``milestones worker``, and a worker as a separate OS process
ops/             metrics, health, structured logs, and the live page on the worker's web port
"""
