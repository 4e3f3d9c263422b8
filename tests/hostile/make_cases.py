#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the input files of tests/hostile/cases (the .expect files are written by hand).

The inputs are committed; this script documents how the big or binary ones were made and
rebuilds them: python3 tests/hostile/make_cases.py
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
COMPAT = os.path.join(HERE, "..", "data", "compat")


def put(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(CASES, name), "wb") as f:
        f.write(data)


def rss(items, head=""):
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + head +
            '<rss version="2.0">\n<channel>\n<title>Hostile</title>\n'
            '<link>https://example.org/</link>\n<description>d</description>\n' + items +
            '</channel>\n</rss>\n')


def atom(entries, head=""):
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + head +
            '<feed xmlns="http://www.w3.org/2005/Atom">\n<id>urn:x:feed</id>\n'
            '<title>Hostile</title>\n<updated>2024-01-01T00:00:00Z</updated>\n' + entries +
            '</feed>\n')


def pxml(articles, head=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + head +
            '<pressroom xmlns="urn:pressroom:1" version="1.0">\n' + articles + '</pressroom>\n')


def article_xml(headline, extra=""):
    return ('<article>\n<id>art:hostile</id>\n<headline>' + headline + '</headline>\n' + extra +
            '</article>\n')


def pjson(headline_json, extra=""):
    return ('{"pressroom_version": "1.0",\n"articles": [{"id": "art:hostile",\n"headline": ' +
            headline_json + extra + '}]}\n')


LAUGHS = ('<!DOCTYPE %s [\n<!ENTITY lol "lol">\n' + ''.join(
    '<!ENTITY lol%d "%s">\n' % (i, ('&lol%d;' % (i - 1) if i > 1 else '&lol;') * 10)
    for i in range(1, 10)) + ']>\n')

os.makedirs(CASES, exist_ok=True)

# Entity expansion bombs (billion laughs): no reader expands an entity a DTD declares.
put("xml-billion-laughs.xml", pxml(article_xml("&lol9;"), LAUGHS % "pressroom"))
put("rss-billion-laughs.rss",
    rss("<item><title>&lol9;</title><guid>urn:x:1</guid></item>\n", LAUGHS % "rss"))
put("atom-billion-laughs.atom",
    atom("<entry><id>urn:x:1</id><title>&lol9;</title>"
         "<updated>2024-01-01T00:00:00Z</updated></entry>\n", LAUGHS % "feed"))
# Quadratic blowup: one big entity referenced many times.
put("rss-quadratic-blowup.rss",
    rss("<item><title>" + "&big;" * 20000 + "</title><guid>urn:x:1</guid></item>\n",
        '<!DOCTYPE rss [<!ENTITY big "' + "x" * 20000 + '">]>\n'))

# External entities and other ways to make a parser open local files.
XXE = '<!DOCTYPE %s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
put("xml-xxe-passwd.xml", pxml(article_xml("&xxe;"), XXE % "pressroom"))
put("rss-xxe-passwd.rss",
    rss("<item><title>&xxe;</title><description>&xxe;</description>"
        "<guid>urn:x:1</guid></item>\n", XXE % "rss"))
put("atom-xxe-passwd.atom",
    atom("<entry><id>urn:x:1</id><title>&xxe;</title><content>&xxe;</content>"
         "<updated>2024-01-01T00:00:00Z</updated></entry>\n", XXE % "feed"))
put("rss-parameter-entity.rss",
    rss("<item><title>t</title><guid>urn:x:1</guid></item>\n",
        '<!DOCTYPE rss [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]>\n'))
put("rss-external-dtd.rss",
    rss("<item><title>t</title><guid>urn:x:1</guid></item>\n",
        '<!DOCTYPE rss SYSTEM "/etc/passwd">\n'))
put("atom-xinclude.atom",
    atom('<entry><id>urn:x:1</id><title>t</title><updated>2024-01-01T00:00:00Z</updated>'
         '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
         '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" '
         'parse="text"/></div></content></entry>\n'))
put("boost-xml-xxe.xml",
    open(os.path.join(COMPAT, "v0.1-iom.boost.xml"), encoding="utf-8").read()
    .replace("<!DOCTYPE boost_serialization>",
             '<!DOCTYPE boost_serialization [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    .replace("<id>art:uk-commissioner-endorses-iom-training</id>", "<id>&xxe;</id>", 1))
put("html-xxe.html",
    '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<html><head>'
    '<title>Leak &xxe;</title></head><body><h1>Leak &xxe;</h1>\n<p>GENEVA, 1 March 2024 - '
    'The office said &xxe; today that it had nothing to add.</p>\n'
    '<iframe src="file:///etc/passwd"></iframe><img src="/etc/passwd"></body></html>\n')

# Deep nesting in every format.
D = 50000
put("json-deep-arrays.json", '{"articles": ' + "[" * D + "]" * D + "}\n")
put("json-deep-objects.json", '{"extensions": ' + '{"a":' * (D // 5) + "1" + "}" * (D // 5) + "}\n")
put("jsonl-deep.jsonl", '{"type":"article","id":"a","headline":"h","x":' + "[" * D + "]" * D +
    "}\n")
put("jsonfeed-deep.json", '{"version": "https://jsonfeed.org/version/1.1", "title": "t", '
    '"_x": ' + "[" * D + "]" * D + ', "items": []}\n')
X = 20000
put("xml-deep.xml", pxml("<article>" + "<x>" * X + "</x>" * X + "</article>\n"))
put("rss-deep.rss", rss("<item>" + "<x>" * X + "</x>" * X + "</item>\n"))
put("atom-deep.atom", atom("<entry>" + "<x>" * X + "</x>" * X + "</entry>\n"))
put("atom-deep-xhtml.atom",
    atom('<entry><id>urn:x:1</id><title>t</title><updated>2024-01-01T00:00:00Z</updated>'
         '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">' + "<b>" * X +
         "x" + "</b>" * X + "</div></content></entry>\n"))
put("rss-deep-escaped-html.rss",
    rss("<item><title>t</title><guid>urn:x:1</guid><description>" + "&lt;div&gt;" * 8000 +
        "x" + "&lt;/div&gt;" * 8000 + "</description></item>\n"))
put("boost-xml-deep.xml",
    open(os.path.join(COMPAT, "v0.1-iom.boost.xml"), encoding="utf-8").read()
    .replace("<pressroom_version>1.0</pressroom_version>",
             "<pressroom_version>1.0</pressroom_version>" + "<x>" * X + "</x>" * X, 1))
put("html-deep.html", "<html><body>" + "<div>" * X + "<p>GENEVA, 1 March 2024 - Deep.</p>" +
    "</div>" * X + "</body></html>\n")

# Forged sizes in Boost archives: lengths and counts far beyond the input.
txt = open(os.path.join(COMPAT, "v0.1-iom.boost.txt"), encoding="utf-8").read()
put("boost-text-forged-string.txt",
    txt.replace(" 41 art:uk-commissioner", " 18446744073709551615 art:uk-commissioner", 1))
put("boost-text-forged-count.txt",
    txt.replace(" 0 1 0 1 41 art:uk-commissioner", " 0 1000000000000 0 1 41 art:uk-commissioner",
                1))
binary = open(os.path.join(COMPAT, "v0.1-iom.boost.bin"), "rb").read()
put("boost-binary-forged-string.bin",
    binary.replace(b"\x29\x00\x00\x00\x00\x00\x00\x00art:uk",
                   b"\xf0\xff\xff\xff\xff\xff\xff\x7fart:uk", 1))
xml_archive = open(os.path.join(COMPAT, "v0.1-iom.boost.xml"), encoding="utf-8").read()
put("boost-xml-forged-count.xml",
    xml_archive.replace("<articles>\n\t\t<count>1</count>",
                        "<articles>\n\t\t<count>99999999999999</count>", 1))

# Invalid and overlong UTF-8, NUL bytes, lone surrogates.
put("json-invalid-utf8.json", pjson('"Bad \xff\xfe bytes and \xc0\xaf overlong"'.encode(
    "latin-1").decode("latin-1")).encode("latin-1"))
put("json-invalid-utf8-strict.json", open(os.path.join(CASES, "json-invalid-utf8.json"),
                                          "rb").read())
put("xml-overlong-utf8.xml", pxml(article_xml("Overlong \xc0\xbcscript\xc0\xbe".encode(
    "latin-1").decode("latin-1"))).encode("latin-1"))
put("rss-invalid-utf8.rss",
    b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
    b'<title>t</title><link>https://example.org/</link><description>d</description><item>'
    b'<title>Bad \xed\xa0\x80 surrogate \xf8\x88\x80\x80\x80 five</title><guid>urn:x:1</guid>'
    b'</item></channel></rss>\n')
put("json-nul-raw.json", b'{"pressroom_version": "1.0", "articles": [{"id": "art:x", '
    b'"headline": "NUL\x00inside"}]}\n')
put("json-nul-escaped.json", pjson('"NUL \\u0000 escaped"'))
put("xml-nul.xml", pxml(article_xml("NUL\x00inside")).encode("utf-8"))
put("jsonl-nul.jsonl", b'{"type":"article","id":"art:x","headline":"NUL\x00raw"}\n')
put("json-lone-surrogate.json", pjson('"lone \\ud800 high and \\udc00 low"'))
put("json-lone-surrogate-strict.json", pjson('"lone \\ud800 high"'))
put("jsonfeed-lone-surrogate.json",
    '{"version": "https://jsonfeed.org/version/1.1", "title": "t \\udfff", "items": '
    '[{"id": "1", "title": "x \\ud83d", "content_text": "y"}]}\n')
put("xml-char-ref-invalid.xml", pxml(article_xml("bad &#0; &#xD800; &#x110000; refs")))

# Huge numbers.
put("json-huge-numbers.json",
    '{"pressroom_version": "1.0", "feed": {"ttl_minutes": 1' + "0" * 400 + '}, '
    '"articles": [{"id": "art:x", "headline": "h", "statements": [{"subject_id": "s", '
    '"predicate": "p", "object": "o", "quantity": {"value": 1e999999}, '
    '"paragraph_index": -99999999999999999999999}]}]}\n')
put("jsonfeed-huge-number.json",
    '{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "1", '
    '"content_text": "x", "attachments": [{"url": "https://e.org/a", "mime_type": "a/b", '
    '"size_in_bytes": 1' + "0" * 500 + ', "duration_in_seconds": 1e400}]}]}\n')
put("rss-huge-ttl.rss", rss("<ttl>" + "9" * 400 + "</ttl>\n<item><title>t</title>"
                            "<guid>urn:x:1</guid></item>\n"))

# Strings meant for the writers: ]]>, control characters, --, bidi marks, NUL escapes.
WRITER = ('"]]> end of CDATA, <![CDATA[ start, \\u0001\\u0008\\u000b\\u000c\\u001b '
          'controls, \\u007f DEL, \\u0085 NEL, \\ufffe \\uffff non-chars, -- comment --> , '
          '\\u202e bidi \\u202c, \\u0000 NUL, </headline> & <x/>"')
put("json-writer-strings-xml.json", pjson(WRITER, ', "body": [' + WRITER + '], "summary": ' +
                                           WRITER))
put("json-writer-strings-rss.json", open(os.path.join(CASES, "json-writer-strings-xml.json"),
                                         "rb").read())
put("json-writer-strings-atom.json", open(os.path.join(CASES, "json-writer-strings-xml.json"),
                                          "rb").read())
put("json-writer-strings-boost-xml.json",
    open(os.path.join(CASES, "json-writer-strings-xml.json"), "rb").read())
put("json-writer-html-atom.json",
    pjson('"t"', ', "body_html": "<p>ok</p>]]><script>alert(1)</script><img src=x '
          'onerror=alert(1)>\\u0001"'))

# Script, on*= and javascript: in feed content.
EVIL_HTML = ('&lt;p onclick="steal()"&gt;Hello &lt;a href="javascript:alert(1)"&gt;link&lt;/a&gt;'
             '&lt;script&gt;alert(document.cookie)&lt;/script&gt;'
             '&lt;img src="x" onerror="alert(2)"&gt;&lt;a href=" JaVaScRiPt:alert(3)"&gt;b&lt;/a&gt;'
             '&lt;iframe src="https://evil.example/"&gt;&lt;/iframe&gt;'
             '&lt;svg onload="alert(4)"&gt;&lt;/svg&gt;&lt;a href="jav&amp;#x09;ascript:alert(5)"&gt;'
             'c&lt;/a&gt;&lt;style&gt;body{background:url(javascript:alert(6))}&lt;/style&gt;'
             '&lt;/p&gt;')
put("rss-script-content.rss",
    rss('<item><title>t</title><guid>urn:x:1</guid><link>javascript:alert(7)</link>'
        '<description>' + EVIL_HTML + '</description></item>\n'))
put("atom-script-content.atom",
    atom('<entry><id>urn:x:1</id><title type="html">&lt;script&gt;alert(1)&lt;/script&gt;T'
         '</title><updated>2024-01-01T00:00:00Z</updated>'
         '<link rel="alternate" href="javascript:alert(8)"/>'
         '<summary type="html">' + EVIL_HTML + '</summary>'
         '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
         '<p onmouseover="alert(9)">x<script>alert(10)</script>'
         '<a href="javascript:alert(11)">y</a></p></div></content></entry>\n'))
put("jsonfeed-script-content.json",
    '{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "1", '
    '"url": "javascript:alert(1)", "content_html": "<p onclick=\\"x()\\">Hi</p>'
    '<script>alert(1)</script><a href=\\"javascript:alert(2)\\">l</a>'
    '<img src=x onerror=alert(3)>"}]}\n')
put("html-script-page.html",
    '<html><head><title>Release</title><script>alert(1)</script></head><body '
    'onload="alert(2)"><h1 onclick="x()">Release <script>alert(3)</script></h1>\n'
    '<p>GENEVA, 1 March 2024 - The office said today <a href="javascript:alert(4)">that</a> '
    'it had nothing to add.</p><img src=x onerror="alert(5)"><p>Second paragraph about '
    'nothing.</p></body></html>\n')

# Impossible dates.
put("rss-impossible-date.rss",
    rss("<item><title>t</title><guid>urn:x:1</guid><pubDate>Fri, 30 Feb 2024 25:61:99 +9999"
        "</pubDate></item>\n"))
put("json-impossible-date.json", pjson('"t"', ', "date_published": "2023-02-29T24:00:00Z"'))
put("json-impossible-date-strict.json", open(os.path.join(CASES, "json-impossible-date.json"),
                                             "rb").read())
put("atom-impossible-date.atom",
    atom("<entry><id>urn:x:1</id><title>t</title><updated>99999-13-32T00:00:00Z</updated>"
         "</entry>\n"))
put("xml-impossible-date.xml",
    pxml(article_xml("t", "<date_published>2024-04-31</date_published>\n")))

# Encodings sniffed before formats: UTF-16 and UTF-32 inputs (with and without BOM) named .xml
# or .json, and canonical XML in a declared ISO-8859-1. Each must come out as UTF-8 text.
ENC_RSS = ('<?xml version="1.0" encoding="%s"?>\n<rss version="2.0">\n<channel>\n'
           '<title>Caf\u00e9 des sources</title>\n<link>https://example.org/</link>\n'
           '<description>d</description>\n<item><title>R\u00e9sum\u00e9 de la semaine</title>'
           '<guid>urn:x:1</guid></item>\n</channel>\n</rss>\n')
put("encoding-rss-utf16le-bom.xml", b"\xff\xfe" + (ENC_RSS % "utf-16").encode("utf-16-le"))
put("encoding-rss-utf16be-nobom.xml", (ENC_RSS % "utf-16").encode("utf-16-be"))
put("encoding-rss-utf32le-bom.xml", b"\xff\xfe\x00\x00" + (ENC_RSS % "utf-32").encode("utf-32-le"))
put("encoding-rss-utf32be-nobom.xml", (ENC_RSS % "utf-32").encode("utf-32-be"))
put("encoding-xml-latin1.xml",
    ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
     '<pressroom xmlns="urn:pressroom:1" version="1.0">\n'
     '<article><id>a1</id><headline>Caf\u00e9 ouvert \u00e0 No\u00ebl</headline></article>\n'
     '</pressroom>\n').encode("latin-1"))
put("encoding-xml-utf16-declared-utf8.xml",
    ('<?xml version="1.0" encoding="UTF-8"?>\n<pressroom xmlns="urn:pressroom:1" version="1.0">\n'
     '<article><id>a1</id><headline>Caf\u00e9</headline></article>\n</pressroom>\n')
    .encode("utf-16-le"))
put("encoding-json-utf16-bom.json",
    b"\xff\xfe" + ('{"pressroom_version": "1.0", "articles": [{"id": "a1", '
                   '"headline": "Caf\u00e9 \u00e9t\u00e9 \u20ac"}]}\n').encode("utf-16-le"))
put("encoding-jsonl-utf16-bom.jsonl",
    b"\xff\xfe" + '{"type":"article","id":"a1","headline":"Caf\u00e9"}\n'.encode("utf-16-le"))
