// Creates the roles portal_app, caseworker_ro and jobcentre_writer and their grants
// (db/caseworker/roles.sql), after applying pending migrations. Idempotent.
//
//   DATABASE_URL=postgres://<schema owner>@host/db npm run db:roles
//
// The portal does the same at start-up when DATABASE_OWNER_URL is set.
import postgres from "postgres";
import { openDatabase, setupRoles } from "./client";

const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL (or DATABASE_OWNER_URL) to the schema owner's connection: roles need a Postgres server.");
  process.exit(1);
}
const handle = await openDatabase({ url });
await handle.close();
const owner = postgres(url, { max: 1, onnotice: () => {} });
try {
  await setupRoles(owner);
  console.log("Roles and grants are in place: portal_app, caseworker_ro, jobcentre_writer.");
} finally {
  await owner.end();
}
