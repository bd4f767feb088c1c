import { boolean, index, integer, jsonb, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants } from "./people";

export const networkSectorEnum = portal.enum("network_sector", ["family", "friends", "work_school", "professionals"]);
export const networkClosenessEnum = portal.enum("network_closeness", ["close", "middle", "further"]);
export const networkStanceEnum = portal.enum("network_stance", ["helps", "holds_back", "both"]);

/** A person in the participant's network map. `stance` is the participant's private judgement. */
export const networkPeople = portal.table(
  "network_people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    relation: text("relation"),
    sector: networkSectorEnum("sector").notNull(),
    closeness: networkClosenessEnum("closeness").notNull(),
    helpKinds: text("help_kinds").array().notNull().default([]),
    stance: networkStanceEnum("stance").notNull().default("helps"),
    contactFrequency: text("contact_frequency"),
    note: text("note"),
    wantedAtMeeting: boolean("wanted_at_meeting").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("network_people_participant").on(t.participantId)],
);

export const networkSnapshots = portal.table("network_snapshots", {
  id: uuid("id").primaryKey().defaultRandom(),
  participantId: uuid("participant_id")
    .notNull()
    .references(() => participants.id, { onDelete: "cascade" }),
  label: text("label"),
  people: jsonb("people").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
},
  (t) => [index("network_snapshots_participant").on(t.participantId)],
);

/** What the participant has chosen to share with the caseworker, per area. */
export const shareSettings = portal.table("share_settings", {
  participantId: uuid("participant_id")
    .primaryKey()
    .references(() => participants.id, { onDelete: "cascade" }),
  networkSharedAt: timestamp("network_shared_at", { withTimezone: true }),
  /** While the network is shared: may the caseworker also see `stance` (helps / holds back)? Off unless the participant ticks it. */
  networkStanceShared: boolean("network_stance_shared").notNull().default(false),
  cvSharedAt: timestamp("cv_shared_at", { withTimezone: true }),
});
