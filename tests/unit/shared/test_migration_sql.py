from shared.migrations.sql import statements


def test_splits_statements_but_not_function_bodies():
    script = """
    CREATE TABLE a (x int);
    CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'no'; RETURN NULL;
    END $$;
    CREATE INDEX i ON a (x);
    """
    parts = statements(script)
    assert len(parts) == 3
    assert "RAISE EXCEPTION 'no'; RETURN NULL;" in parts[1]
    assert parts[2] == "CREATE INDEX i ON a (x)"
