"""Parse: a fetched document to raw entries and the feed's scheduling hints, one module per kind of
source (`document.parse_document` picks the parser)."""
