"""The database's one MetaData: every table sitrep keeps is declared on it.

The migrations (`shared/migrations/`) write the schema as SQL; a test migrates an empty database
and compares the result with this metadata, so a column written in one place and not the other
is caught. `shared/migrations/tables.py` lists the modules that declare tables.
"""

from __future__ import annotations

from sqlalchemy import MetaData

metadata = MetaData()
