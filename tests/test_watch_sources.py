"""What a listing names: RSS and Atom feeds (feedparser), news sitemaps, URL lists; malformed
ones give a reason, links that are not http(s) or lead from a public feed to a private
address are not followed."""

from __future__ import annotations

from datetime import date

import pytest

from watch_servers import atom, require_watch_extra, rss

require_watch_extra()

from sitrep.watch.sources import ListingError, parse_feed, parse_sitemap, parse_url_list  # noqa: E402

FEED_URL = "https://news.example.org/syria/rss.xml"


def test_sources_rss_items_with_stamp_and_date() -> None:
    listing = parse_feed(rss([("Toll rises", "/2024/12/04/toll.html", "Wed, 04 Dec 2024 10:00:00 GMT"),
                              ("Hama falls", "https://news.example.org/hama.html", "Thu, 05 Dec 2024 18:00:00 GMT")]
                             ).encode(), FEED_URL, "application/rss+xml")
    assert [i.url for i in listing.items] == ["https://news.example.org/2024/12/04/toll.html",
                                              "https://news.example.org/hama.html"]
    first = listing.items[0]
    assert first.title == "Toll rises" and first.published == date(2024, 12, 4)
    assert first.marker == "Wed, 04 Dec 2024 10:00:00 GMT"
    assert listing.warning is None


def test_sources_atom_items() -> None:
    listing = parse_feed(atom([("A", "https://news.example.org/a", "2024-12-05T08:00:00Z")]).encode(), FEED_URL)
    assert listing.items[0].url == "https://news.example.org/a"
    assert listing.items[0].marker == "2024-12-05T08:00:00Z"


@pytest.mark.parametrize("content, reason", [
    (b"<rss><channel><title>Broken & <<<", "malformed"),
    (b"this is not xml { at all }", "malformed"),
    (b"<html><body><p>A web page, not a feed</p></body></html>", "not an RSS or Atom feed"),
    (b"", "not an RSS or Atom feed"),
])
def test_sources_malformed_feed_gives_a_reason(content: bytes, reason: str) -> None:
    with pytest.raises(ListingError, match=reason):
        parse_feed(content, FEED_URL)


def test_sources_partly_malformed_feed_keeps_what_it_can() -> None:
    cut = rss([("A", "https://news.example.org/a", "Wed, 04 Dec 2024 10:00:00 GMT")]).encode()
    cut = cut.replace(b"</channel></rss>", b"<item><title>B & C</title>")
    listing = parse_feed(cut, FEED_URL)
    assert [i.url for i in listing.items] == ["https://news.example.org/a"]
    assert listing.warning and "malformed feed" in listing.warning


def test_sources_links_that_are_not_followed() -> None:
    feed = rss([("A", "javascript:alert(1)", "Wed, 04 Dec 2024 10:00:00 GMT"),
                ("B", "http://127.0.0.1:8750/api", "Wed, 04 Dec 2024 10:00:00 GMT"),
                ("C", "http://169.254.169.254/latest/meta-data", "Wed, 04 Dec 2024 10:00:00 GMT"),
                ("D", "https://news.example.org/d", "Wed, 04 Dec 2024 10:00:00 GMT")]).encode()
    listing = parse_feed(feed, FEED_URL)
    assert [i.url for i in listing.items] == ["https://news.example.org/d"]
    assert len(listing.skipped) == 3
    # a feed on loopback (a test's, or one's own intranet) may link to loopback
    local = parse_feed(feed, "http://127.0.0.1:9000/feed.xml")
    assert "http://127.0.0.1:8750/api" in [i.url for i in local.items]
    assert len(parse_feed(feed, FEED_URL, allow_private=True).items) == 3


NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example.org/hama.html</loc>
    <news:news><news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-12-05T18:00:00+00:00</news:publication_date>
      <news:title>Rebels enter Hama</news:title></news:news></url>
  <url><loc>https://news.example.org/homs.html</loc><lastmod>2024-12-06</lastmod></url>
</urlset>"""


def test_sources_news_sitemap() -> None:
    listing = parse_sitemap(NEWS_SITEMAP, "https://news.example.org/sitemap-news.xml")
    hama, homs = listing.items
    assert (hama.url, hama.title, hama.outlet, hama.published) == (
        "https://news.example.org/hama.html", "Rebels enter Hama", "Example News", date(2024, 12, 5))
    assert hama.marker == "2024-12-05T18:00:00+00:00"
    assert (homs.marker, homs.published) == ("2024-12-06", date(2024, 12, 6))


def test_sources_sitemap_index_lists_children_newest_first() -> None:
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://news.example.org/s1.xml</loc><lastmod>2024-12-01</lastmod></sitemap>
    <sitemap><loc>https://news.example.org/s2.xml</loc><lastmod>2024-12-05</lastmod></sitemap>
    </sitemapindex>"""
    listing = parse_sitemap(index, "https://news.example.org/index.xml")
    assert listing.children == ["https://news.example.org/s2.xml", "https://news.example.org/s1.xml"]
    assert listing.items == []


def test_sources_sitemap_entities_are_not_expanded() -> None:
    evil = b"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&x;</loc></url></urlset>"""
    try:
        listing = parse_sitemap(evil, "https://a.example/s.xml")
    except ListingError:
        return  # refusing it is fine too
    assert all("root:" not in i.url for i in listing.items)


@pytest.mark.parametrize("content", [b"<urlset><url><loc>x</loc>", b"<html><body>hi</body></html>", b"not xml"])
def test_sources_malformed_sitemap_gives_a_reason(content: bytes) -> None:
    with pytest.raises(ListingError):
        parse_sitemap(content, "https://news.example.org/s.xml")


def test_sources_url_list() -> None:
    listing = parse_url_list("# pages to follow\nhttps://a.example/live\n\n/relative.html\nmailto:x@y\n",
                             "https://a.example/list.txt")
    assert [i.url for i in listing.items] == ["https://a.example/live", "https://a.example/relative.html"]
    assert len(listing.skipped) == 1
