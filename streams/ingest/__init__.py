"""Live news in: RSS/Atom feeds polled and stories pushed over HTTP, onto ``articles`` (``milestones ingest``).

The path of a feed item, one module per step:

``feeds_file`` (which feeds) → ``http_fetch`` (the feed, conditionally) → ``feed_items`` (its
items, with feedparser) → ``sent_items`` (sent before? remembered in Kafka) → ``http_fetch`` (the
page) → ``page_text`` (the story, with trafilatura) → ``story_article`` (the Article, with the
same normalisation as replay) → ``delivery`` (the ArticleSender that replay uses: acknowledged,
in order, through broker outages). ``feed_poller`` runs those steps for one feed, ``push_endpoint``
takes pushed stories onto the same ``delivery``, ``events`` counts everything once (summary,
metrics, terminal), ``run`` puts it together and ``cli`` is the command.
"""
