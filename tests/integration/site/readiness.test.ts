import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as healthz } from "~/features/site/routes/healthz";
import { loader as readyz } from "~/features/site/routes/readyz";
import { useDatabase } from "../../../db/client";
import { createTestDatabase, type TestDatabase } from "../../support/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

describe("health endpoints", () => {
  it("/healthz answers without touching the database", () => {
    useDatabase({ ...database, db: undefined as never });
    expect(healthz().status).toBe(200);
    useDatabase(database);
  });

  it("/readyz is ready when the database answers and all migrations are applied", async () => {
    const response = await readyz();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ready\n");
  });

  it("/readyz says 503 when the database is gone", async () => {
    useDatabase({ ...database, db: { execute: () => Promise.reject(new Error("connection refused")) } as never });
    const response = await readyz();
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain("connection refused");
    useDatabase(database);
  });
});
