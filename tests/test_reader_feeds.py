"""The public build's feeds and sitemaps against their specifications with a
real validator: every Atom feed against RFC 4287's RELAX NG schema
(Appendix B, written here in the XML syntax lxml reads), the sitemaps against
the sitemaps.org 0.9 XML Schema, and the JSON Feed against the fields and
types of JSON Feed 1.1. The schemas are checked to refuse what they must."""

from __future__ import annotations

import functools

import pytest
from lxml import etree

import gates
from conftest import REPO

ATOM_RNG = r"""<!-- RFC 4287 Appendix B (the RELAX NG Compact schema of Atom), in the XML
     syntax lxml reads. Two departures: a date construct is an RFC 3339
     date-time with its offset (section 3.3 says so; the grammar's xsd:dateTime
     does not), and an extension element is any element outside the Atom
     namespace (the RFC's simple and structured kinds together). -->
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
    ns="http://www.w3.org/2005/Atom"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <choice>
      <ref name="atomFeed"/>
      <ref name="atomEntry"/>
    </choice>
  </start>
  <define name="atomCommonAttributes">
    <optional>
      <attribute name="xml:base" ns="http://www.w3.org/XML/1998/namespace">
        <ref name="atomUri"/>
      </attribute>
    </optional>
    <optional>
      <attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace">
        <ref name="atomLanguageTag"/>
      </attribute>
    </optional>
    <zeroOrMore>
      <ref name="undefinedAttribute"/>
    </zeroOrMore>
  </define>
  <define name="atomPlainTextConstruct">
    <ref name="atomCommonAttributes"/>
    <optional>
      <attribute name="type" ns="">
        <choice>
          <value>text</value>
          <value>html</value>
        </choice>
      </attribute>
    </optional>
    <text/>
  </define>
  <define name="atomXHTMLTextConstruct">
    <ref name="atomCommonAttributes"/>
    <attribute name="type" ns="">
      <value>xhtml</value>
    </attribute>
    <ref name="xhtmlDiv"/>
  </define>
  <define name="atomTextConstruct">
    <choice>
      <ref name="atomPlainTextConstruct"/>
      <ref name="atomXHTMLTextConstruct"/>
    </choice>
  </define>
  <define name="atomPersonConstruct">
    <ref name="atomCommonAttributes"/>
    <interleave>
      <element name="name">
        <text/>
      </element>
      <optional>
        <element name="uri">
          <ref name="atomUri"/>
        </element>
      </optional>
      <optional>
        <element name="email">
          <ref name="atomEmailAddress"/>
        </element>
      </optional>
      <zeroOrMore>
        <ref name="extensionElement"/>
      </zeroOrMore>
    </interleave>
  </define>
  <define name="atomDateConstruct">
    <ref name="atomCommonAttributes"/>
    <data type="dateTime">
      <param name="pattern">\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+\-]\d{2}:\d{2})</param>
    </data>
  </define>
  <define name="atomFeed">
    <element name="feed">
      <ref name="atomCommonAttributes"/>
      <interleave>
        <zeroOrMore>
          <ref name="atomAuthor"/>
        </zeroOrMore>
        <zeroOrMore>
          <ref name="atomCategory"/>
        </zeroOrMore>
        <zeroOrMore>
          <ref name="atomContributor"/>
        </zeroOrMore>
        <optional>
          <ref name="atomGenerator"/>
        </optional>
        <optional>
          <ref name="atomIcon"/>
        </optional>
        <ref name="atomId"/>
        <zeroOrMore>
          <ref name="atomLink"/>
        </zeroOrMore>
        <optional>
          <ref name="atomLogo"/>
        </optional>
        <optional>
          <ref name="atomRights"/>
        </optional>
        <optional>
          <ref name="atomSubtitle"/>
        </optional>
        <ref name="atomTitle"/>
        <ref name="atomUpdated"/>
        <zeroOrMore>
          <ref name="extensionElement"/>
        </zeroOrMore>
      </interleave>
      <zeroOrMore>
        <ref name="atomEntry"/>
      </zeroOrMore>
    </element>
  </define>
  <define name="atomEntry">
    <element name="entry">
      <ref name="atomCommonAttributes"/>
      <interleave>
        <zeroOrMore>
          <ref name="atomAuthor"/>
        </zeroOrMore>
        <zeroOrMore>
          <ref name="atomCategory"/>
        </zeroOrMore>
        <optional>
          <ref name="atomContent"/>
        </optional>
        <zeroOrMore>
          <ref name="atomContributor"/>
        </zeroOrMore>
        <ref name="atomId"/>
        <zeroOrMore>
          <ref name="atomLink"/>
        </zeroOrMore>
        <optional>
          <ref name="atomPublished"/>
        </optional>
        <optional>
          <ref name="atomRights"/>
        </optional>
        <optional>
          <ref name="atomSource"/>
        </optional>
        <optional>
          <ref name="atomSummary"/>
        </optional>
        <ref name="atomTitle"/>
        <ref name="atomUpdated"/>
        <zeroOrMore>
          <ref name="extensionElement"/>
        </zeroOrMore>
      </interleave>
    </element>
  </define>
  <define name="atomContent">
    <element name="content">
      <ref name="atomCommonAttributes"/>
      <choice>
        <group>
          <optional>
            <attribute name="type" ns="">
              <choice>
                <value>text</value>
                <value>html</value>
              </choice>
            </attribute>
          </optional>
          <text/>
        </group>
        <group>
          <attribute name="type" ns="">
            <value>xhtml</value>
          </attribute>
          <ref name="xhtmlDiv"/>
        </group>
        <group>
          <attribute name="type" ns="">
            <ref name="atomMediaType"/>
          </attribute>
          <zeroOrMore>
            <choice>
              <text/>
              <ref name="anyElement"/>
            </choice>
          </zeroOrMore>
        </group>
        <group>
          <optional>
            <attribute name="type" ns="">
              <ref name="atomMediaType"/>
            </attribute>
          </optional>
          <attribute name="src" ns="">
            <ref name="atomUri"/>
          </attribute>
          <empty/>
        </group>
      </choice>
    </element>
  </define>
  <define name="atomAuthor">
    <element name="author">
      <ref name="atomPersonConstruct"/>
    </element>
  </define>
  <define name="atomContributor">
    <element name="contributor">
      <ref name="atomPersonConstruct"/>
    </element>
  </define>
  <define name="atomCategory">
    <element name="category">
      <ref name="atomCommonAttributes"/>
      <attribute name="term" ns="">
        <text/>
      </attribute>
      <optional>
        <attribute name="scheme" ns="">
          <ref name="atomUri"/>
        </attribute>
      </optional>
      <optional>
        <attribute name="label" ns="">
          <text/>
        </attribute>
      </optional>
      <ref name="undefinedContent"/>
    </element>
  </define>
  <define name="atomGenerator">
    <element name="generator">
      <ref name="atomCommonAttributes"/>
      <optional>
        <attribute name="uri" ns="">
          <ref name="atomUri"/>
        </attribute>
      </optional>
      <optional>
        <attribute name="version" ns="">
          <text/>
        </attribute>
      </optional>
      <text/>
    </element>
  </define>
  <define name="atomIcon">
    <element name="icon">
      <ref name="atomCommonAttributes"/>
      <ref name="atomUri"/>
    </element>
  </define>
  <define name="atomId">
    <element name="id">
      <ref name="atomCommonAttributes"/>
      <ref name="atomUri"/>
    </element>
  </define>
  <define name="atomLogo">
    <element name="logo">
      <ref name="atomCommonAttributes"/>
      <ref name="atomUri"/>
    </element>
  </define>
  <define name="atomLink">
    <element name="link">
      <ref name="atomCommonAttributes"/>
      <attribute name="href" ns="">
        <ref name="atomUri"/>
      </attribute>
      <optional>
        <attribute name="rel" ns="">
          <text/>
        </attribute>
      </optional>
      <optional>
        <attribute name="type" ns="">
          <ref name="atomMediaType"/>
        </attribute>
      </optional>
      <optional>
        <attribute name="hreflang" ns="">
          <ref name="atomLanguageTag"/>
        </attribute>
      </optional>
      <optional>
        <attribute name="title" ns="">
          <text/>
        </attribute>
      </optional>
      <optional>
        <attribute name="length" ns="">
          <text/>
        </attribute>
      </optional>
      <ref name="undefinedContent"/>
    </element>
  </define>
  <define name="atomPublished">
    <element name="published">
      <ref name="atomDateConstruct"/>
    </element>
  </define>
  <define name="atomUpdated">
    <element name="updated">
      <ref name="atomDateConstruct"/>
    </element>
  </define>
  <define name="atomRights">
    <element name="rights">
      <ref name="atomTextConstruct"/>
    </element>
  </define>
  <define name="atomSubtitle">
    <element name="subtitle">
      <ref name="atomTextConstruct"/>
    </element>
  </define>
  <define name="atomSummary">
    <element name="summary">
      <ref name="atomTextConstruct"/>
    </element>
  </define>
  <define name="atomTitle">
    <element name="title">
      <ref name="atomTextConstruct"/>
    </element>
  </define>
  <define name="atomSource">
    <element name="source">
      <ref name="atomCommonAttributes"/>
      <interleave>
        <zeroOrMore>
          <ref name="atomAuthor"/>
        </zeroOrMore>
        <zeroOrMore>
          <ref name="atomCategory"/>
        </zeroOrMore>
        <zeroOrMore>
          <ref name="atomContributor"/>
        </zeroOrMore>
        <optional>
          <ref name="atomGenerator"/>
        </optional>
        <optional>
          <ref name="atomIcon"/>
        </optional>
        <optional>
          <ref name="atomId"/>
        </optional>
        <zeroOrMore>
          <ref name="atomLink"/>
        </zeroOrMore>
        <optional>
          <ref name="atomLogo"/>
        </optional>
        <optional>
          <ref name="atomRights"/>
        </optional>
        <optional>
          <ref name="atomSubtitle"/>
        </optional>
        <optional>
          <ref name="atomTitle"/>
        </optional>
        <optional>
          <ref name="atomUpdated"/>
        </optional>
        <zeroOrMore>
          <ref name="extensionElement"/>
        </zeroOrMore>
      </interleave>
    </element>
  </define>
  <define name="atomMediaType">
    <data type="string">
      <param name="pattern">.+/.+</param>
    </data>
  </define>
  <define name="atomLanguageTag">
    <data type="string">
      <param name="pattern">[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*</param>
    </data>
  </define>
  <define name="atomUri">
    <data type="string">
      <param name="minLength">1</param>
    </data>
  </define>
  <define name="atomEmailAddress">
    <data type="string">
      <param name="pattern">.+@.+</param>
    </data>
  </define>
  <define name="undefinedAttribute">
    <attribute>
      <anyName>
        <except>
          <name ns="http://www.w3.org/XML/1998/namespace">base</name>
          <name ns="http://www.w3.org/XML/1998/namespace">lang</name>
          <nsName ns=""/>
        </except>
      </anyName>
      <text/>
    </attribute>
  </define>
  <define name="undefinedContent">
    <zeroOrMore>
      <choice>
        <text/>
        <ref name="anyForeignElement"/>
      </choice>
    </zeroOrMore>
  </define>
  <define name="anyElement">
    <element>
      <anyName/>
      <zeroOrMore>
        <choice>
          <attribute>
            <anyName/>
          </attribute>
          <text/>
          <ref name="anyElement"/>
        </choice>
      </zeroOrMore>
    </element>
  </define>
  <define name="anyForeignElement">
    <element>
      <anyName>
        <except>
          <nsName ns="http://www.w3.org/2005/Atom"/>
        </except>
      </anyName>
      <zeroOrMore>
        <choice>
          <attribute>
            <anyName/>
          </attribute>
          <text/>
          <ref name="anyElement"/>
        </choice>
      </zeroOrMore>
    </element>
  </define>
  <define name="extensionElement">
    <ref name="anyForeignElement"/>
  </define>
  <define name="xhtmlDiv">
    <element name="div" ns="http://www.w3.org/1999/xhtml">
      <zeroOrMore>
        <choice>
          <attribute>
            <anyName/>
          </attribute>
          <text/>
          <ref name="anyXHTML"/>
        </choice>
      </zeroOrMore>
    </element>
  </define>
  <define name="anyXHTML">
    <element>
      <nsName ns="http://www.w3.org/1999/xhtml"/>
      <zeroOrMore>
        <choice>
          <attribute>
            <anyName/>
          </attribute>
          <text/>
          <ref name="anyXHTML"/>
        </choice>
      </zeroOrMore>
    </element>
  </define>
</grammar>"""

# sitemaps.org's sitemap.xsd (0.9). Elements of other namespaces (Google's
# news: and image:) are read loosely: their schemas fail offline.
SITEMAP_XSD = r"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
    targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xsd:element name="urlset">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element ref="url" maxOccurs="50000"/>
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
  <xsd:element name="url">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element name="loc" type="tLoc"/>
        <xsd:element name="lastmod" type="tLastmod" minOccurs="0"/>
        <xsd:element name="changefreq" type="tChangeFreq" minOccurs="0"/>
        <xsd:element name="priority" type="tPriority" minOccurs="0"/>
        <xsd:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
  <xsd:simpleType name="tLoc">
    <xsd:restriction base="xsd:anyURI">
      <xsd:minLength value="12"/>
      <xsd:maxLength value="2048"/>
    </xsd:restriction>
  </xsd:simpleType>
  <xsd:simpleType name="tLastmod">
    <xsd:union>
      <xsd:simpleType><xsd:restriction base="xsd:date"/></xsd:simpleType>
      <xsd:simpleType>
        <xsd:restriction base="xsd:dateTime">
          <xsd:pattern value=".*(Z|[+\-]\d\d:\d\d)"/>
        </xsd:restriction>
      </xsd:simpleType>
    </xsd:union>
  </xsd:simpleType>
  <xsd:simpleType name="tChangeFreq">
    <xsd:restriction base="xsd:string">
      <xsd:enumeration value="always"/><xsd:enumeration value="hourly"/>
      <xsd:enumeration value="daily"/><xsd:enumeration value="weekly"/>
      <xsd:enumeration value="monthly"/><xsd:enumeration value="yearly"/>
      <xsd:enumeration value="never"/>
    </xsd:restriction>
  </xsd:simpleType>
  <xsd:simpleType name="tPriority">
    <xsd:restriction base="xsd:decimal">
      <xsd:minInclusive value="0.0"/>
      <xsd:maxInclusive value="1.0"/>
    </xsd:restriction>
  </xsd:simpleType>
</xsd:schema>"""

SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@functools.cache
def atom_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.fromstring(ATOM_RNG.encode()))


@functools.cache
def sitemap_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.fromstring(SITEMAP_XSD.encode()))


def invalid(schema, document: bytes) -> str | None:
    """The validator's first error for a document, or None when it is valid."""
    if schema.validate(etree.fromstring(document)):
        return None
    error = schema.error_log.last_error
    return f"line {error.line}: {error.message}"


@pytest.fixture(scope="module")
def siteurl() -> str:
    from warta.build import load_settings

    return load_settings(REPO / "publishconf.py")["SITEURL"]


def test_every_atom_feed_is_valid_against_rfc_4287s_schema(published_site):
    feeds = sorted(published_site.output.rglob("feed.xml"))
    folders = {path.relative_to(published_site.output).parts[0] for path in feeds}
    assert {"feed.xml", "rubrik", "tag", "penulis", "wilayah"} <= folders, folders
    problems = []
    for path in feeds:
        error = invalid(atom_schema(), path.read_bytes())
        if error:
            problems.append(f"{path.relative_to(published_site.output)}: {error}")
    assert not problems, "\n".join(problems)


ATOM_NS = {"atom": "http://www.w3.org/2005/Atom"}


def test_a_region_feed_links_to_its_region_page(published_site):
    """A feed reader's "open the website" link of a region's feed (its
    rel=alternate) led to the home page, as Pelican gives every feed the
    site's address; it leads to the region's page (its canonical address),
    and the feed stays valid Atom."""
    feeds = sorted(published_site.output.glob("wilayah/**/feed.xml"))
    assert len(feeds) >= 5, feeds
    problems = []
    for path in feeds:
        folder = path.parent.relative_to(published_site.output).as_posix() + "/"
        [canonical] = published_site.html(folder).select("link[rel=canonical]")
        document = etree.fromstring(path.read_bytes())
        alternates = document.xpath("atom:link[@rel='alternate']/@href", namespaces=ATOM_NS)
        if alternates != [canonical["href"]]:
            problems.append(f"{folder}feed.xml: {alternates} (its page: {canonical['href']})")
        error = invalid(atom_schema(), path.read_bytes())
        if error:
            problems.append(f"{folder}feed.xml: {error}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("folder", ["rubrik", "tag", "penulis"])
def test_a_category_tag_or_author_feed_links_to_its_page(published_site, folder):
    """A feed reader's "open the website" link of a rubrik's, tag's or
    author's feed led to the home page; it leads to that rubrik's, tag's or
    author's page (its canonical address), and the feed stays valid Atom."""
    feeds = sorted(published_site.output.glob(f"{folder}/*/feed.xml"))
    assert feeds, folder
    home = etree.fromstring((published_site.output / "feed.xml").read_bytes())
    [home_page] = home.xpath("atom:link[@rel='alternate']/@href", namespaces=ATOM_NS)
    problems = []
    for path in feeds:
        page = path.parent.relative_to(published_site.output).as_posix() + "/"
        [canonical] = published_site.html(page).select("link[rel=canonical]")
        assert canonical["href"] != home_page
        document = etree.fromstring(path.read_bytes())
        alternates = document.xpath("atom:link[@rel='alternate']/@href", namespaces=ATOM_NS)
        if alternates != [canonical["href"]]:
            problems.append(f"{page}feed.xml: {alternates} (its page: {canonical['href']})")
        error = invalid(atom_schema(), path.read_bytes())
        if error:
            problems.append(f"{page}feed.xml: {error}")
    assert not problems, "\n".join(problems)


ATOM = '<feed xmlns="http://www.w3.org/2005/Atom">{}</feed>'
FEED_HEAD = "<title>t</title><id>https://a.example/</id><updated>{}</updated>"
ENTRY = (
    "<entry><title>a</title><id>https://a.example/a/</id>"
    '<updated>2024-11-17T09:30:00+07:00</updated><link href="https://a.example/a/"/>{}</entry>'
)


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        (FEED_HEAD.format("2024-11-17T09:30:00+07:00") + ENTRY.format(""), True),
        (FEED_HEAD.format("2024-11-17T02:30:00Z") + ENTRY.format("<x:y xmlns:x='urn:x'/>"), True),
        (FEED_HEAD.format("2024-11-17T09:30:00"), False),  # no offset
        (FEED_HEAD.format("17 November 2024"), False),
        ("<title>t</title><updated>2024-11-17T09:30:00+07:00</updated>", False),  # no id
        (ENTRY.format("") + FEED_HEAD.format("2024-11-17T09:30:00+07:00"), False),  # order
        (FEED_HEAD.format("2024-11-17T09:30:00+07:00") + ENTRY.format("<link/>"), False),
        (FEED_HEAD.format("2024-11-17T09:30:00+07:00") + ENTRY.format("<foo/>"), False),
        (
            FEED_HEAD.format("2024-11-17T09:30:00+07:00")
            + ENTRY.format('<content type="html"><p>x</p></content>'),
            False,  # HTML content must be escaped text
        ),
    ],
)
def test_the_atom_schema_refuses_what_rfc_4287_refuses(body, valid):
    assert (invalid(atom_schema(), ATOM.format(body).encode()) is None) is valid


def test_the_sitemaps_are_valid_against_the_sitemaps_org_schema(published_site, tmp_path):
    names = ["sitemap.xml"]
    if (published_site.output / "news-sitemap.xml").is_file():
        names.append("news-sitemap.xml")
    for name in names:
        assert invalid(sitemap_schema(), (published_site.output / name).read_bytes()) is None
    url = '<urlset xmlns="{}"><url><loc>{}</loc>{}</url></urlset>'
    good = url.format(SITEMAPS, "https://a.example/berita/", "<lastmod>2024-11-17</lastmod>")
    assert invalid(sitemap_schema(), good.encode()) is None
    for loc, extra in [
        ("https://a.example/", "<lastmod>2024-11-17T09:30:00</lastmod>"),  # no offset
        ("https://a.example/", "<priority>2</priority>"),
        ("https://a.example/", "<changefreq>kadang</changefreq>"),
        ("/berita/", ""),  # too short to be an address
    ]:
        bad = url.format(SITEMAPS, loc, extra)
        assert invalid(sitemap_schema(), bad.encode()) is not None, bad


# JSON Feed 1.1 (https://jsonfeed.org/version/1.1): every field and its type;
# a publisher's own keys begin with an underscore.
FEED_FIELDS = {
    **dict.fromkeys(["version", "title", "home_page_url", "feed_url", "description"], str),
    **dict.fromkeys(["user_comment", "next_url", "icon", "favicon", "language"], str),
    **{"authors": list, "expired": bool, "hubs": list, "items": list},
}
ITEM_FIELDS = {
    **dict.fromkeys(["id", "url", "external_url", "title", "content_html"], str),
    **dict.fromkeys(["content_text", "summary", "image", "banner_image", "language"], str),
    **dict.fromkeys(["date_published", "date_modified"], str),
    **{"authors": list, "tags": list, "attachments": list},
}
URL_FIELDS = {"home_page_url", "feed_url", "next_url", "icon", "favicon"}
URL_FIELDS |= {"url", "external_url", "image", "banner_image"}


def json_feed_problems(feed: dict) -> list[str]:
    problems = []

    def fields(value: dict, known: dict, where: str) -> None:
        for key, field in value.items():
            if key.startswith("_"):
                continue
            if key not in known:
                problems.append(f"{where}: {key!r} is no JSON Feed 1.1 field")
            elif not isinstance(field, known[key]):
                problems.append(f"{where}: {key} is a {type(field).__name__}")
            elif key in URL_FIELDS and not field.startswith(("https://", "http://")):
                problems.append(f"{where}: {key} {field!r} is not an absolute URL")

    fields(feed, FEED_FIELDS, "feed")
    if feed.get("version") != "https://jsonfeed.org/version/1.1" or not feed.get("title"):
        problems.append("feed: version or title")
    for author in feed.get("authors", []):
        if not isinstance(author, dict) or not author or not set(author) <= {"name", "url"}:
            problems.append(f"feed: author {author!r}")
    if not isinstance(feed.get("items"), list):
        return [*problems, "feed: no items"]
    for number, item in enumerate(feed["items"], 1):
        where = f"item {number}"
        fields(item, ITEM_FIELDS, where)
        if not item.get("id") or not (item.get("content_html") or item.get("content_text")):
            problems.append(f"{where}: no id or no content")
        for author in item.get("authors", []):
            keys = set(author) if isinstance(author, dict) else {None}
            if not keys or not keys <= {"name", "url", "avatar"}:
                problems.append(f"{where}: author {author!r}")
        if not all(isinstance(tag, str) for tag in item.get("tags", [])):
            problems.append(f"{where}: a tag is not a string")
        for attachment in item.get("attachments", []):
            if not {"url", "mime_type"} <= set(attachment):
                problems.append(f"{where}: attachment without url or mime_type")
        for key in ("date_published", "date_modified"):
            if key in item and not gates.is_rfc3339(item[key]):
                problems.append(f"{where}: {key} {item[key]!r} is not RFC 3339")
    return problems


def test_the_json_feed_holds_only_json_feed_1_1_fields_of_their_types(published_site, siteurl):
    feed = published_site.json("feed.json")
    assert json_feed_problems(feed) == []
    assert feed["feed_url"] == f"{siteurl}/feed.json"
    assert feed["language"] == "id"


def test_the_json_feed_check_names_each_departure():
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "t",
        "author": {"name": "lama"},  # JSON Feed 1.0's field
        "_warta": {"any": "thing"},
        "items": [
            {"id": "1", "content_html": "<p>x</p>", "url": "/berita/", "tags": ["a", 1]},
            {"id": "2", "date_published": "2024-11-17 09:30", "authors": [{"nama": "x"}]},
        ],
    }
    assert json_feed_problems(feed) == [
        "feed: 'author' is no JSON Feed 1.1 field",
        "item 1: url '/berita/' is not an absolute URL",
        "item 1: a tag is not a string",
        "item 2: no id or no content",
        "item 2: author {'nama': 'x'}",
        "item 2: date_published '2024-11-17 09:30' is not RFC 3339",
    ]


def test_feed_links_of_one_name_lead_to_one_feed(published_site):
    """A rubrik's, tag's or author's page had two links named "Umpan Atom":
    its own feed and the site's (footer), so a screen reader's list of links
    offered the same name twice for two feeds; every feed link of a page now
    has a name of its own (the list's "Umpan Atom KPU", as a region's)."""
    problems = []
    pages = sorted(published_site.output.rglob("*.html"))
    assert any(path.parts[-3] == "tag" for path in pages if len(path.parts) > 3)
    for path in pages:
        relative = path.relative_to(published_site.output).as_posix()
        if relative.startswith("admin/"):
            continue
        targets: dict[str, set[str]] = {}
        for link in published_site.html(relative).select("a[href]"):
            if link["href"].endswith(("feed.xml", "feed.json")):
                name = " ".join(link.get_text(" ").split())
                targets.setdefault(name, set()).add(link["href"])
        problems += [
            f"{relative}: {name!r} → {sorted(hrefs)}"
            for name, hrefs in targets.items()
            if len(hrefs) > 1
        ]
    assert not problems, "\n".join(problems[:20])
