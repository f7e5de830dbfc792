"""Where dedupe remembers stories: the in-memory index (archives, tests) and the PostgreSQL one that
every instance shares."""
