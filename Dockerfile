# One image for every sitrep service; docker-compose.yml picks the command
# (`sitrep run ingest`, `sitrep run api`, `sitrep migrate`, ...).
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never

RUN pip install --no-cache-dir "uv>=0.5" \
    && useradd --system --uid 10001 --home-dir /app sitrep

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project

COPY . .
RUN uv sync --frozen --no-dev \
    && .venv/bin/python -m compileall -q services shared

ENV PATH=/app/.venv/bin:$PATH
USER sitrep
CMD ["sitrep", "--help"]
