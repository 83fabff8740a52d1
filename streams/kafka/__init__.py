"""How every Kafka client of ours talks to the cluster: one place for what all of them share.

clients.py   connection options (bootstrap, TLS, SASL) and one-line connection errors
admin.py     the contract's topics created with their partition counts and record limits
backoff.py   aiokafka's clients wait between failed metadata updates (no busy loop in an outage)
consume.py   a consumer opened at the beginning, the end or a point in time
lag.py       a consumer group's lag, and waiting until a worker has caught up
"""
