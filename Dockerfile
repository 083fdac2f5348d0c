# syntax=docker/dockerfile:1
# Hashcart's image (README, "Production"): a build stage with the dev tools makes dist/, the runtime
# stage has the production dependencies only and runs as the unprivileged `node` user.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runtime
# pg_dump and pg_restore (15 on bookworm: keep the PostgreSQL server at most that major version, as
# compose.yaml does, or install a newer client), for `node dist/backup.js backup|restore` in the container.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
COPY public ./public
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# Alive = answers /healthz; readiness for the load balancer is /readyz (database, storage, migrations).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Young generation capped as Node 20 and 22 had it: Node 24 sizes it from the machine's memory (~100 MB more RSS; ADR 0042).
CMD ["node", "--max-semi-space-size=16", "dist/server.js"]
