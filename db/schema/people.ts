import { sql } from "drizzle-orm";
import { boolean, date, index, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { portal } from "./portal";

export const languageEnum = portal.enum("language", ["da", "en"]);
/**
 * The kind of programme. Since lov nr. 1750 (2026) nobody new starts a ressourceforløb: those who
 * started before finish theirs; people under the new rules are in a kontaktforløb with the municipality.
 */
export const programmeEnum = portal.enum("programme", ["ressourceforloeb", "jobafklaringsforloeb", "kontaktforloeb"]);
export const participantStatusEnum = portal.enum("participant_status", [
  "preparing",
  "active",
  "paused",
  "ended",
]);
export const professionalRoleEnum = portal.enum("professional_role", [
  "koordinerende_sagsbehandler",
  "forberedende_sagsbehandler",
  "mentor",
  "virksomhedskonsulent",
  "sundhedskoordinator",
  "other",
]);

/** A human being who can sign in: participant, relative or caseworker (one person may be several). */
export const persons = portal.table(
  "persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stable handle for seeded demo people (e.g. "mette"); null for real people. */
    demoKey: text("demo_key").unique(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    /** Fictitious in demo data. Never displayed whole, never in a URL or a log. */
    cpr: text("cpr"),
    /** From the CPR register through NemLog-in (or the jobcentre); a relative must be 15 or older. */
    birthDate: date("birth_date"),
    email: text("email"),
    phone: text("phone"),
    preferredLanguage: languageEnum("preferred_language").notNull().default("da"),
    isCaseworker: boolean("is_caseworker").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("persons_cpr_key").on(t.cpr).where(sql`${t.cpr} is not null`)],
);

/** How a person proves who they are: one row per identity provider subject. */
export const identities = portal.table(
  "identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id").notNull().references(() => persons.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("identities_provider_subject_key").on(t.provider, t.subject)],
);

/** A person in a programme (ressourceforløb, jobafklaringsforløb or kontaktforløb). */
export const participants = portal.table("participants", {
  id: uuid("id").primaryKey().defaultRandom(),
  personId: uuid("person_id")
    .notNull()
    .unique()
    .references(() => persons.id, { onDelete: "cascade" }),
  programme: programmeEnum("programme").notNull(),
  status: participantStatusEnum("status").notNull().default("active"),
  startedOn: date("started_on"),
  expectedEndOn: date("expected_end_on"),
  municipality: text("municipality").notNull(),
  /** The municipality's id in MUNICIPALITIES_FILE; null: the file's first (a portal for one municipality). */
  municipalityKey: text("municipality_key"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /**
   * The coordinating caseworker's contact, as participant_contacts decides it (caseworker.participants,
   * migration 0031): kept by a trigger on participant_contacts (migration 0046), never written here.
   */
  coordinatingProfessionalId: uuid("coordinating_professional_id").references((): AnyPgColumn => professionals.id, { onDelete: "set null" }),
},
  // The API's row-level security reads a municipality's participants by it (migration 0039), and
  // its list reads them a page at a time in id order (migration 0044). A caseworker's caseload is
  // read by the last (migration 0046).
  (t) => [
    index("participants_municipality_key_id").on(t.municipalityKey, t.id),
    index("participants_without_municipality_key").on(t.id).where(sql`${t.municipalityKey} is null`),
    index("participants_coordinating_professional").on(t.coordinatingProfessionalId),
  ],
);

/** Jobcentre staff and other professionals a participant meets. May or may not sign in. */
export const professionals = portal.table("professionals", {
  id: uuid("id").primaryKey().defaultRandom(),
  personId: uuid("person_id").references(() => persons.id, { onDelete: "set null" }),
  name: text("name").notNull(),
  role: professionalRoleEnum("role").notNull(),
  organisation: text("organisation").notNull(),
  phone: text("phone"),
  email: text("email"),
  /** When they can be reached, in plain words, e.g. "Mandag-torsdag kl. 9-12". */
  reachableText: text("reachable_text"),
},
  (t) => [index("professionals_person").on(t.personId)],
);

/** Who works with whom, and in which role. */
export const participantContacts = portal.table(
  "participant_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    professionalId: uuid("professional_id")
      .notNull()
      .references(() => professionals.id, { onDelete: "cascade" }),
    role: professionalRoleEnum("role").notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
    since: date("since"),
  },
  (t) => [
    uniqueIndex("participant_contacts_unique").on(t.participantId, t.professionalId, t.role),
    index("participant_contacts_professional").on(t.professionalId),
  ],
);
