"""The parts of ``milestones ingest`` that need no network: feeds files, feed items, story text, Article, flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.cli import main
from streams.extract.article import normalise_article
from streams.ingest.cli import parse_host_port
from streams.ingest.feed_items import NotAFeed, in_publication_order, parse_feed
from streams.ingest.feed_poller import backoff_seconds
from streams.ingest.feeds_file import FeedsFileError, feeds_from_urls, load_feeds_file
from streams.ingest.page_text import NoStoryText, page_story, story_text
from streams.ingest.story_article import iso_published, story_article

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Newer</title><link>https://news.example/b</link><guid>urn:b</guid>
<pubDate>Tue, 28 Oct 2025 09:00:00 +0900</pubDate><description>b</description></item>
<item><title>Older</title><link>https://news.example/a</link><guid>urn:a</guid>
<pubDate>Mon, 27 Oct 2025 15:30:00 +0900</pubDate><description>a</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<id>urn:desk</id><updated>2025-10-28T00:00:00Z</updated>
<entry><title>Undated</title><link href="https://news.example/y"/><id>urn:y</id><updated>2025-10-28T00:00:00Z</updated></entry>
<entry><title>Dated</title><link href="https://news.example/x"/><id>urn:x</id><updated>2025-10-28T00:00:00Z</updated>
<published>2025-10-27T08:00:00+01:00</published></entry>
</feed>"""


def _feeds_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_feeds_file_gives_each_feed_its_interval_and_source(tmp_path: Path) -> None:
    config = load_feeds_file(
        _feeds_file(
            tmp_path,
            'interval = 120\ntimeout = 5\n[[feed]]\nurl = "https://a.example/rss"\nsource = "A News"\n'
            '[[feed]]\nurl = "https://b.example/atom.xml"\ninterval = 30\n',
        )
    )
    assert [(f.url, f.source, config.interval_of(f)) for f in config.feed] == [
        ("https://a.example/rss", "A News", 120),
        ("https://b.example/atom.xml", None, 30),
    ]
    assert config.timeout == 5 and config.max_page_bytes == 5_000_000


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            '[[feed]]\nurl = "https://a.example/rss"\nevery = 5\n',
            "feed.0.every: Extra inputs are not permitted",
        ),
        (
            '[[feed]]\nurl = "ftp://a.example/rss"\n',
            "feed.0.url: 'ftp://a.example/rss' is not an http(s) URL",
        ),
        (
            'interval = 0\n[[feed]]\nurl = "https://a.example/rss"\n',
            "interval: Input should be greater than 0",
        ),
        ("interval = 10\n", "no [[feed]] entry"),
        ("[[feed]\n", "not valid TOML"),
    ],
)
def test_a_bad_feeds_file_is_named_with_the_entry_and_the_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = _feeds_file(tmp_path, text)
    with pytest.raises(FeedsFileError) as caught:
        load_feeds_file(path)
    assert str(caught.value).startswith(f"feeds file {path}: ")
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_feed_urls_from_the_command_line_join_the_file_once_each(tmp_path: Path) -> None:
    base = load_feeds_file(_feeds_file(tmp_path, '[[feed]]\nurl = "https://a.example/rss"\nsource = "A"\n'))
    config = feeds_from_urls(["https://a.example/rss", "https://c.example/feed"], base)
    assert [f.url for f in config.feed] == ["https://a.example/rss", "https://c.example/feed"]
    with pytest.raises(FeedsFileError) as caught:
        feeds_from_urls(["news.example/rss"])
    assert str(caught.value) == "feed news.example/rss: 'news.example/rss' is not an http(s) URL"


def test_rss_items_keep_their_guid_link_and_the_outlets_own_offset() -> None:
    feed = parse_feed(RSS, "application/rss+xml")
    assert feed.title == "Desk"
    assert [(i.key, i.link, i.published_at) for i in feed.items] == [
        ("urn:b", "https://news.example/b", "2025-10-28T09:00:00+09:00"),
        ("urn:a", "https://news.example/a", "2025-10-27T15:30:00+09:00"),
    ]
    assert [i.title for i in in_publication_order(feed.items)] == ["Older", "Newer"]


def test_an_atom_entry_without_published_has_no_date_and_the_document_order_is_kept() -> None:
    items = parse_feed(ATOM, "application/atom+xml").items
    assert [(i.key, i.published_at) for i in items] == [
        ("urn:y", None),
        ("urn:x", "2025-10-27T08:00:00+01:00"),
    ]
    assert [i.key for i in in_publication_order(items)] == ["urn:x", "urn:y"]  # the reverse of the document


def test_an_edited_entry_changes_its_fingerprint_and_keeps_its_key() -> None:
    before = parse_feed(RSS).items[1]
    after = parse_feed(
        RSS.replace(b"<description>a</description>", b"<description>a, updated</description>")
    ).items[1]
    assert before.key == after.key and before.fingerprint != after.fingerprint


@pytest.mark.parametrize(
    ("data", "content_type", "reason"),
    [
        (b"<html><body><h1>Maintenance</h1></body></html>", "text/html", "(content type text/html)"),
        (b"<?xml version='1.0'?><config><a>1</a></config>", "application/xml", "not an RSS or Atom feed"),
        (b"not xml at all <<<", "application/xml", "(syntax error at line 2)"),
        (b"", None, "not an RSS or Atom feed"),
    ],
)
def test_what_is_not_a_feed_says_so(data: bytes, content_type: str | None, reason: str) -> None:
    with pytest.raises(NotAFeed) as caught:
        parse_feed(data, content_type)
    assert str(caught.value).startswith("not an RSS or Atom feed")
    assert reason in str(caught.value)


def test_the_headline_goes_above_the_body_once() -> None:
    assert story_text("Nikkei tops 50,000", "The Nikkei rose.") == "Nikkei tops 50,000\n\nThe Nikkei rose."
    assert (
        story_text("Nikkei tops 50,000", "Nikkei  tops 50,000\nThe Nikkei rose.")
        == "Nikkei  tops 50,000\nThe Nikkei rose."
    )
    assert story_text(None, " The Nikkei rose. ") == "The Nikkei rose."


def test_a_page_without_a_story_is_refused() -> None:
    with pytest.raises(NoStoryText, match=r"no article text found in the page \(only 1 word"):
        page_story("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")


def test_a_feed_story_is_the_replay_article_with_the_feeds_link_outlet_and_date() -> None:
    text = (
        "Nikkei tops 50,000 for the first time\n\nThe Nikkei share average rose 2.5% to 50,212.27 on Monday."
    )
    plain = normalise_article(text)
    article = story_article(
        text,
        origin="https://news.example/a",
        url="https://news.example/a",
        source="Desk Wire",
        published_at="2025-10-27T15:30:00+09:00",
        updates="0123456789abcdef",
    )
    assert (article.article_id, article.body, article.title) == (plain.article_id, plain.body, plain.title)
    assert (article.url, article.source, article.published_at, article.updates) == (
        "https://news.example/a",
        "Desk Wire",
        "2025-10-27T15:30:00+09:00",
        "0123456789abcdef",
    )


def test_the_date_the_text_shows_wins_over_the_feeds() -> None:
    text = " date 2025-10-27 The Nikkei share average rose 2.5% to 50,212.27."
    assert (
        story_article(text, origin=None, published_at="2025-10-29T09:00:00+00:00").published_at
        == "2025-10-27"
    )


@pytest.mark.parametrize("value", ["2025-10-27", "2025-10-27T09:00:00+09:00", "2025-10-27T00:00:00Z"])
def test_iso_dates_are_accepted(value: str) -> None:
    assert iso_published(value) == value


def test_a_date_that_is_not_iso_is_refused() -> None:
    with pytest.raises(ValueError) as caught:
        iso_published("27/10/2025")
    assert str(caught.value) == "published_at '27/10/2025' is not an ISO 8601 date or datetime"


@pytest.mark.parametrize(
    ("given", "where"),
    [("8088", ("127.0.0.1", 8088)), ("0.0.0.0:8088", ("0.0.0.0", 8088)), ("[::1]:9000", ("::1", 9000))],
)
def test_listen_is_loopback_unless_a_host_is_given(given: str, where: tuple[str, int]) -> None:
    assert parse_host_port(given) == where


@pytest.mark.parametrize("given", ["http", "host:port", "127.0.0.1:70000"])
def test_a_listen_address_that_is_not_host_port_is_refused(given: str) -> None:
    with pytest.raises(ValueError, match="is not \\[HOST:\\]PORT"):
        parse_host_port(given)


def test_backoff_doubles_from_two_seconds_up_to_the_interval() -> None:
    waits = [backoff_seconds(n, interval=60) for n in range(1, 8)]
    assert 1.8 <= waits[0] <= 2.2 and 3.6 <= waits[1] <= 4.4
    assert all(w <= 66 for w in waits) and waits[-1] >= 54
    assert backoff_seconds(20, interval=0.5) <= 33  # a short interval still backs off, to 30 s


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ingest"], "nothing to do: give feed URLs, --feeds FILE or --listen [HOST:]PORT"),
        (["ingest", "--listen", "8088", "--once"], "--once needs feeds to poll"),
        (
            ["ingest", "--listen", "8088"],
            "--listen needs MILESTONES_INGEST_TOKEN: the bearer token a pusher must send (it is never logged)",
        ),
        (
            ["ingest", "ftp://x.example/rss"],
            "feed ftp://x.example/rss: 'ftp://x.example/rss' is not an http(s) URL",
        ),
        (["ingest", "--listen", "localhost:http"], "--listen 'localhost:http' is not [HOST:]PORT"),
    ],
)
def test_the_command_refuses_what_it_cannot_run_with_one_line(
    argv: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.delenv("MILESTONES_INGEST_TOKEN", raising=False)
    monkeypatch.setenv("MILESTONES_BROKER_STATE_DIR", str(tmp_path / "no-broker"))
    assert main(argv) == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if " Kafka at " not in line]
    assert lines == [f"milestones ingest: {message}"]


def test_an_empty_token_is_refused_without_being_shown(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MILESTONES_INGEST_TOKEN", "   ")
    monkeypatch.setenv("MILESTONES_BROKER_STATE_DIR", str(tmp_path / "no-broker"))
    assert main(["ingest", "--listen", "8088"]) == 2
    assert capsys.readouterr().err.strip() == (
        "milestones ingest: MILESTONES_INGEST_TOKEN=(hidden): is empty: give the token pushers must send, "
        "or leave it unset"
    )


def test_a_nonsense_interval_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["ingest", "https://x.example/rss", "--interval", "0"])
    assert stopped.value.code == 2
    assert "--interval '0' must be a number above 0" in capsys.readouterr().err


def test_a_relative_item_link_is_read_against_the_feeds_url() -> None:
    data = RSS.replace(b"<link>https://news.example/a</link>", b"<link>/markets/a.html</link>")
    items = parse_feed(data, "application/rss+xml", "https://news.example/feeds/markets.rss").items
    assert items[1].link == "https://news.example/markets/a.html"
