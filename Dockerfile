# Annex: one bot process (Slack and/or Teams, chosen by the settings). Several of these share one
# store through STORE_URL (Redis or PostgreSQL); see docs/operations.md and compose.yaml.

# --- dependencies: sqlite3 (for the embedded default store) may compile from source ---
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# tsx (which runs the TypeScript sources) is a runtime dependency; dev tools stay out.
RUN npm ci --omit=dev --no-audit --no-fund

# --- runtime ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    STORE_URL=sqlite:///app/data/annex.sqlite \
    ANNEX_EXPORT_DIR=/app/data/exports
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY adapters ./adapters
COPY knowledge ./knowledge
# The image's own non-root user (uid 1000); it owns only the data folder.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
# Slack over HTTP (SLACK_PORT) and Teams (TEAMS_PORT), each with GET /healthz and /readyz.
EXPOSE 3000 3978
# Liveness of whichever HTTP adapter runs: Slack's port when Slack is configured, else Teams'.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "const e=process.env;const p=e.SLACK_BOT_TOKEN?(e.SLACK_PORT||3000):(e.TEAMS_PORT||3978);fetch('http://127.0.0.1:'+p+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains in-flight requests, then exits (run with an init, e.g. `docker run --init`).
CMD ["npm", "start"]
