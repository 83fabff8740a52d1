"""The live page a desk keeps open: alerts and index levels read from the topics, then followed live.

    alerts, index-moves (last D days) ──feed──▶ PageHistory ──▶ /live/events (SSE) ──▶ the page
                                                                    served by the worker (streams.worker.ops)
                                                                    or by `milestones page` (serve.py)

- ``settings``   what a desk may tune: the window, the bounds, where ``milestones page`` listens;
- ``history``    pure: points on a time axis, one per (article, move); headlines by the alert rules;
- ``feed``       reads the window, then follows; ``articles`` finds each alert's source;
- ``live_page``  one per process: history, the open pages' queues, the feed's lifecycle;
- ``web``        the HTTP views (plain aiohttp), mounted on Faust's web server or on their own;
- ``serve``      ``milestones page``;
- ``static/``    the page itself: HTML and plain JavaScript, nothing fetched from elsewhere.

Nothing is imported here, so ``milestones`` builds its parser without loading the web stack.
"""
