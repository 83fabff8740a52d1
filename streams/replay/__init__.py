"""Files -> the ``articles`` topic: the first step of the data path.

files.py      article files read and normalised, each unreadable one reported with its reason
sender.py     ArticleSender: the one path onto ``articles`` (idempotent, through broker outages,
              none twice, none skipped); live feeds (``streams.ingest``) send through it too
producer.py   replay(): pacing, passes and resuming over a plan of files
cli.py        ``milestones replay``: progress, summary, exit statuses
"""
