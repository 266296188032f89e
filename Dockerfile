# syntax=docker/dockerfile:1
# Samenspel server image: slim, non-root, no build or test tools in the final stage.

# The client's bundle (docs/decisions.md, decision 60): the same two commands as `make bundle`.
FROM node:20-slim AS client
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY scripts/build_client.mjs ./scripts/
COPY client ./client
RUN node scripts/build_client.mjs

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY boards ./boards
COPY server ./server
COPY client ./client
COPY --from=client /src/client/dist ./client/dist
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin samenspel \
    && mkdir -p /data && chown samenspel:samenspel /data
WORKDIR /app
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
ENV SAMENSPEL_HOST=0.0.0.0 \
    SAMENSPEL_PORT=8000 \
    SAMENSPEL_DATA_DIR=/data \
    PYTHONUNBUFFERED=1
USER samenspel
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"SAMENSPEL_PORT\"]}/readyz', timeout=2)"]
CMD ["samenspel", "serve"]
