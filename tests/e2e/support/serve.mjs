// Starts the production server for one Playwright project on a database of its own, so that
// the projects never share a person and never wait for each other.
//
// With E2E_DATABASE_URL (a Postgres server, as CI has), it makes a fresh database named after
// the project and runs the portal there as production does: as `portal_app`, bound by row-level
// security, with migrations, roles and demo data through the owner's connection. Without it,
// the portal runs on a fresh embedded database in DATA_DIR. The server ends with process.exit,
// so the database is left for the next run here to replace, or for .ci/run to drop.
import postgres from "postgres";

const base = process.env.E2E_DATABASE_URL;
if (base) {
  const project = (process.env.E2E_PROJECT ?? "e2e").replace(/[^a-z0-9]/gi, "_").toLowerCase();
  const owner = new URL(base);
  const name = `${owner.pathname.slice(1)}_${project}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  app.username = "portal_app";
  app.password = "";
  process.env.DATABASE_OWNER_URL = owner.toString();
  process.env.DATABASE_URL = app.toString();
}
await import("../../../server.js");
