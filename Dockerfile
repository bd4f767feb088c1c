# syntax=docker/dockerfile:1
# Min Vej's production image (issue 15, README "Running in production"). Two stages: `build` has
# every package and makes the server build; `runtime` has the production packages and only what
# runs. tests/integration/production-bundle.test.ts copies exactly what the runtime stage copies
# into an empty folder, installs it the same way and runs it against Postgres as portal_app.
#
#   docker build -t min-vej .
#   docker run --rm -e DATABASE_OWNER_URL=... min-vej node migrate.js   # once per release
#   docker run -p 3000:3000 -e DATABASE_URL=... -e SESSION_SECRET=... -e PUBLIC_ORIGIN=... min-vej
#
# The Node version is the one in .nvmrc, on Debian 12 (fonts-liberation puts the PDF fonts at
# the paths app/lib/pdf.server.ts looks for).
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
# The PDFs embed Liberation Sans (app/lib/pdf.server.ts); without it they fall back to Helvetica,
# which has no characters beyond Windows-1252.
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-liberation \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY server.js worker.js migrate.js ./
COPY server ./server
COPY db/migrations ./db/migrations
COPY db/caseworker/*.sql ./db/caseworker/
# The demo's municipalities (DEMO=1); a municipality mounts its own file and sets MUNICIPALITIES_FILE.
COPY config ./config
# The server build and the client files (public/ and the locales are inside it).
COPY --from=build /app/build ./build
# The files above stay root's and read-only to the portal. DATA_DIR is its one writable folder:
# the demo mailbox without SMTP_URL, and the embedded database when DEMO=1 has no DATABASE_URL.
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# --liftoff-only: the demo's embedded database (DEMO=1 without DATABASE_URL) is Postgres compiled to
# WebAssembly, and V8's optimising compiler needs ~600 MB to compile it; the baseline compiler keeps
# the demo's peak near 350 MiB instead of 500-570 (npm run demo does the same; README "Measuring
# speed"). It changes nothing else: on a Postgres server no code of ours is WebAssembly.
CMD ["node", "--liftoff-only", "server.js"]
