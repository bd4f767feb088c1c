// Applies pending migrations (under the advisory lock) and exits. The server does the same at start-up.
import { openDatabase } from "./client";

const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || "./.data" });
await handle.close();
console.log(`Migrations applied (${handle.kind}).`);
