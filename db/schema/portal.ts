import { pgSchema } from "drizzle-orm/pg-core";

/** Every table the portal owns lives in this Postgres schema. */
export const portal = pgSchema("portal");
