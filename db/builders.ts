import { randomBytes } from "node:crypto";
import type { Database, Transaction } from "./client";
import {
  activities,
  agreements,
  appointmentAttendees,
  appointments,
  cvEntries,
  conversations,
  cvProfiles,
  identities,
  messages,
  networkPeople,
  notificationSettings,
  participantContacts,
  participants,
  persons,
  planVersions,
  planVisits,
  plans,
  preparationParts,
  professionals,
  relativeGrants,
  subGoals,
  workWishes,
} from "./schema";

/**
 * Test-data builders: each test makes the people it needs, and the demo seed (db/seed-data.ts)
 * is a composition of the same builders.
 *
 *   const sara = await aCaseworker().build(db);
 *   const mette = await aParticipant().withCaseworker(sara).withPlan().withAppointment().build(db);
 *   const cookie = await cookieFor(mette.demoKey);
 *
 * Every person gets a demo identity (provider "demo", subject = demoKey), so tests sign in as
 * them with the demo provider. Defaults are unique per build (names, CPR, e-mail), so files and
 * tests never meet each other's people.
 */

/** A database or an open transaction: builders insert through either. */
export type Executor = Database | Transaction;

type PersonInsert = typeof persons.$inferInsert;
type ParticipantInsert = typeof participants.$inferInsert;
type PlanInsert = typeof plans.$inferInsert;
type SubGoalInsert = typeof subGoals.$inferInsert;
type ActivityInsert = typeof activities.$inferInsert;
type AgreementInsert = typeof agreements.$inferInsert;
type PlanVersionInsert = typeof planVersions.$inferInsert;
type AppointmentInsert = typeof appointments.$inferInsert;
type CvProfileInsert = typeof cvProfiles.$inferInsert;
type CvEntryInsert = typeof cvEntries.$inferInsert;
type WorkWishesInsert = typeof workWishes.$inferInsert;
type NetworkPersonInsert = typeof networkPeople.$inferInsert;
type PreparationPartInsert = typeof preparationParts.$inferInsert;
type ProfessionalInsert = typeof professionals.$inferInsert;
type ContactInsert = typeof participantContacts.$inferInsert;
type GrantInsert = typeof relativeGrants.$inferInsert;
type NotificationSettingsInsert = typeof notificationSettings.$inferInsert;

export interface BuiltPerson {
  personId: string;
  /** Sign in as this person with `cookieFor(demoKey)` (tests/support/requests.ts). */
  demoKey: string;
  name: string;
}

export interface BuiltCaseworker extends BuiltPerson {
  professionalId: string;
}

export interface BuiltParticipant extends BuiltPerson {
  participantId: string;
  /** Set when the builder was given a plan. */
  planId?: string;
  /** In the order they were added. */
  appointmentIds: string[];
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

let counter = 0;
/** A short token unique to this build: keeps names, keys and CPR numbers apart across tests. */
function unique(): string {
  counter += 1;
  return `${randomBytes(3).toString("hex")}${counter}`;
}

/** Where this process's CPR numbers start: random, so two runs do not repeat each other's. */
const cprStart = randomBytes(2).readUInt16BE() % 10_000;
let cprCount = 0;

/**
 * A fictitious CPR number: 1 January 1960–1999 and a serial (never a real person's). Counted, not
 * drawn: a test file makes hundreds of people in one database, and random numbers met each other
 * (persons.cpr is unique).
 */
function fictitiousCpr(): string {
  const n = cprStart + cprCount++;
  const serial = String(n % 10_000).padStart(4, "0");
  return `0101${String(60 + (Math.floor(n / 10_000) % 40)).padStart(2, "0")}${serial}`;
}

export type PersonInput = Partial<PersonInsert> & { demoKey?: string };

function personValues(input: PersonInput): PersonInsert & { demoKey: string } {
  const token = unique();
  const demoKey = input.demoKey ?? `person-${token}`;
  const cpr = input.cpr ?? fictitiousCpr();
  return {
    firstName: "Test",
    lastName: `Person ${token}`,
    cpr,
    // As NemLog-in would give it: the CPR number's date (these test numbers are all 19yy).
    birthDate: /^\d{6}/.test(cpr ?? "") ? `19${cpr!.slice(4, 6)}-${cpr!.slice(2, 4)}-${cpr!.slice(0, 2)}` : null,
    email: `${demoKey}@example.org`,
    preferredLanguage: "da",
    ...input,
    demoKey,
  };
}

async function insertPerson(executor: Executor, input: PersonInput): Promise<BuiltPerson> {
  const values = personValues(input);
  const [row] = await executor.insert(persons).values(values).returning({ id: persons.id });
  await executor.insert(identities).values({ personId: row!.id, provider: "demo", subject: values.demoKey });
  return { personId: row!.id, demoKey: values.demoKey, name: `${values.firstName} ${values.lastName}` };
}

/** A person who is not a participant: a relative, say. */
export function aPerson(input: PersonInput = {}) {
  return {
    build: (executor: Executor) => insertPerson(executor, input),
  };
}

/**
 * Binds a person to a sign-in at another provider: a caseworker's `sub` at the municipality's
 * identity provider ("kommune"), say. The municipality does this; the portal never does.
 */
export async function bindIdentity(executor: Executor, personId: string, provider: string, subject: string) {
  await executor.insert(identities).values({ personId, provider, subject });
}

/**
 * How a person wants to be told (issue 18): `byEmail` + `email`, `bySms` + `phone`, quiet hours
 * (21.00 to 08.00 unless given), meeting reminders (1 day and 2 hours before unless given).
 */
export async function insertNotificationSettings(executor: Executor, personId: string, settings: Partial<Omit<NotificationSettingsInsert, "personId">> = {}) {
  await executor.insert(notificationSettings).values({ ...settings, personId });
}

/** A professional without a sign-in of their own (a mentor, a consultant). Returns the professional's id. */
export async function insertProfessional(executor: Executor, input: Partial<ProfessionalInsert> = {}): Promise<string> {
  const [row] = await executor
    .insert(professionals)
    .values({ name: `Fagperson ${unique()}`, role: "mentor", organisation: "Jobcenter Solbjerg", ...input })
    .returning({ id: professionals.id });
  return row!.id;
}

/** A caseworker who can sign in (a person marked as caseworker) and their professional record. */
export function aCaseworker(input: { person?: PersonInput; professional?: Partial<ProfessionalInsert> } = {}) {
  return {
    async build(executor: Executor): Promise<BuiltCaseworker> {
      const person = await insertPerson(executor, { firstName: "Sagsbehandler", isCaseworker: true, ...input.person });
      const professionalId = await insertProfessional(executor, {
        personId: person.personId,
        name: person.name,
        role: "koordinerende_sagsbehandler",
        ...input.professional,
      });
      return { ...person, professionalId };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A participant and what belongs to them
// ---------------------------------------------------------------------------------------------

export interface PlanInput extends Partial<Omit<PlanInsert, "participantId">> {
  /** Earlier versions, kept for the participant to compare. */
  versions?: Omit<PlanVersionInsert, "planId">[];
  /** The version the participant last read, and when. */
  visit?: { lastSeenVersion: number; lastSeenAt?: Date };
  subGoals?: Omit<SubGoalInsert, "planId">[];
  activities?: Omit<ActivityInsert, "planId">[];
  agreements?: Omit<AgreementInsert, "planId">[];
}

export type AppointmentInput = Partial<Omit<AppointmentInsert, "participantId">> & {
  attendees?: { name: string; roleText: string }[];
};

export type ContactInput = Omit<ContactInsert, "participantId">;
export type ConversationInput = Omit<typeof conversations.$inferInsert, "participantId" | "appointmentId"> & {
  appointmentIndex?: number;
  messages: Omit<typeof messages.$inferInsert, "conversationId">[];
};
export type NetworkPersonInput = Omit<NetworkPersonInsert, "participantId">;

export interface CvInput {
  contactVisibility?: { email: boolean; phone: boolean; address: boolean };
  /** The rest of the profile (summary, address, …): not shared unless said. */
  profile?: Partial<Omit<CvProfileInsert, "participantId" | "contactVisibility">>;
  entries?: Omit<CvEntryInsert, "participantId">[];
  /** Work wishes ("Jobønsker"), if the participant has written some. */
  wishes?: Omit<WorkWishesInsert, "participantId">;
}

type Step = (executor: Executor, built: BuiltParticipant) => Promise<void>;

/**
 * The names of the demo's municipalities (config/municipalities.demo.json), by id: a participant
 * built with only `municipalityKey: "fjordby"` gets the matching `municipality` name. Without a key
 * the participant belongs to the file's first (Solbjerg), as a portal for one municipality stores it.
 */
export const DEMO_MUNICIPALITY_NAMES: Readonly<Record<string, string>> = {
  solbjerg: "Solbjerg Kommune",
  fjordby: "Fjordby Kommune",
};

/**
 * A start date that is true for the kind: nobody new has started a ressourceforløb since the 2026
 * reform (lov nr. 1750), so a ressourceforløb started before it; a kontaktforløb under the new
 * rules started after 1 July 2026.
 */
const DEFAULT_START: Record<Programme, string> = {
  ressourceforloeb: "2025-09-01",
  jobafklaringsforloeb: "2026-09-01",
  kontaktforloeb: "2026-09-01",
};
type Programme = NonNullable<ParticipantInsert["programme"]>;

/**
 * A participant in a programme: a person with a demo identity and a participant record. Add what
 * the test needs with `with…`; `build` inserts it all, in the order given. A ressourceforløb in
 * Solbjerg unless said; `{ programme: "kontaktforloeb", municipalityKey: "fjordby" }` makes someone
 * under the new rules in the demo municipality without a rehabiliteringsteam.
 */
export function aParticipant(input: { person?: PersonInput; personId?: string; participant?: Partial<ParticipantInsert> } = {}) {
  const steps: Step[] = [];
  const builder = {
    /** A professional on the participant's team (the coordinating caseworker by default). */
    withContact(contact: ContactInput) {
      steps.push(async (executor, built) => {
        await executor.insert(participantContacts).values({ ...contact, participantId: built.participantId });
      });
      return builder;
    },
    /** The caseworker as the participant's primary, coordinating caseworker. */
    withCaseworker(caseworker: Pick<BuiltCaseworker, "professionalId">, since?: string) {
      return builder.withContact({ professionalId: caseworker.professionalId, role: "koordinerende_sagsbehandler", isPrimary: true, since });
    },
    withPlan(plan: PlanInput = {}) {
      steps.push(async (executor, built) => {
        built.planId = await insertPlan(executor, built.participantId, plan);
      });
      return builder;
    },
    withAppointment(appointment: AppointmentInput = {}) {
      steps.push(async (executor, built) => {
        built.appointmentIds.push(await insertAppointment(executor, built.participantId, appointment));
      });
      return builder;
    },
    withCv(cv: CvInput = {}) {
      steps.push(async (executor, built) => {
        await executor.insert(cvProfiles).values({
          participantId: built.participantId,
          contactVisibility: cv.contactVisibility ?? { email: true, phone: true, address: false },
          version: 0,
          ...cv.profile,
        });
        if (cv.entries?.length) {
          await executor.insert(cvEntries).values(cv.entries.map((entry) => ({ ...entry, participantId: built.participantId })));
        }
        if (cv.wishes) await executor.insert(workWishes).values({ ...cv.wishes, participantId: built.participantId });
      });
      return builder;
    },
    withNetwork(people: readonly NetworkPersonInput[]) {
      steps.push(async (executor, built) => {
        if (people.length) {
          await executor.insert(networkPeople).values(people.map((person) => ({ ...person, participantId: built.participantId })));
        }
      });
      return builder;
    },
    /** Parts of "Forbered dit møde" already worked on, by the participant unless said otherwise. */
    withPreparation(parts: Omit<PreparationPartInsert, "participantId">[]) {
      steps.push(async (executor, built) => {
        if (!parts.length) return;
        await executor
          .insert(preparationParts)
          .values(parts.map((part) => ({ updatedByPersonId: built.personId, ...part, participantId: built.participantId })));
      });
      return builder;
    },
    /** A relative with an active grant (the invitation already accepted and confirmed). */
    withRelative(relative: BuiltPerson, grant: Partial<Omit<GrantInsert, "participantId" | "relativePersonId">> = {}) {
      steps.push(async (executor, built) => {
        const now = new Date();
        await executor.insert(relativeGrants).values({
          invitedName: relative.name,
          invitedEmail: `${relative.demoKey}@example.org`,
          relation: "Søster",
          scopes: ["plan"],
          validUntil: new Date(now.getTime() + 180 * 86_400_000).toISOString().slice(0, 10),
          status: "active",
          acceptedAt: now,
          ...grant,
          participantId: built.participantId,
          relativePersonId: relative.personId,
        });
      });
      return builder;
    },
    /** The participant's own notification settings (insertNotificationSettings). */
    withNotificationSettings(settings: Partial<Omit<NotificationSettingsInsert, "personId">> = {}) {
      steps.push(async (executor, built) => {
        await insertNotificationSettings(executor, built.personId, settings);
      });
      return builder;
    },
    /**
     * A conversation with the caseworker (issue 18), its messages in order. `appointmentIndex`
     * ties it to one of the meetings added before it.
     */
    withConversation(conversation: ConversationInput) {
      steps.push(async (executor, built) => {
        const { messages: written, appointmentIndex, ...values } = conversation;
        const lastAt = written.at(-1)?.createdAt ?? new Date();
        const [row] = await executor
          .insert(conversations)
          .values({
            ...values,
            participantId: built.participantId,
            appointmentId: appointmentIndex === undefined ? null : built.appointmentIds[appointmentIndex]!,
            startedByPersonId: built.personId,
            createdAt: written[0]?.createdAt ?? lastAt,
            lastMessageAt: lastAt,
          })
          .returning({ id: conversations.id });
        if (written.length === 0) return;
        await executor.insert(messages).values(
          written.map((message) => ({
            ...message,
            conversationId: row!.id,
            authorPersonId: message.authorRole === "participant" ? built.personId : (message.authorPersonId ?? null),
          })),
        );
      });
      return builder;
    },
    /** Anything else the builders do not cover, run in order with what is built so far. */
    then(step: Step) {
      steps.push(step);
      return builder;
    },
    async build(executor: Executor): Promise<BuiltParticipant> {
      const person = input.personId
        ? { personId: input.personId, demoKey: "", name: "" }
        : await insertPerson(executor, input.person ?? {});
      const programme = input.participant?.programme ?? "ressourceforloeb";
      const municipalityKey = input.participant?.municipalityKey ?? null;
      const [row] = await executor
        .insert(participants)
        .values({
          programme,
          status: "active",
          startedOn: DEFAULT_START[programme],
          municipality: (municipalityKey && DEMO_MUNICIPALITY_NAMES[municipalityKey]) || DEMO_MUNICIPALITY_NAMES.solbjerg!,
          ...input.participant,
          personId: person.personId,
        })
        .returning({ id: participants.id });
      const built: BuiltParticipant = { ...person, participantId: row!.id, appointmentIds: [] };
      for (const step of steps) await step(executor, built);
      return built;
    },
  };
  return builder;
}

async function insertPlan(executor: Executor, participantId: string, input: PlanInput): Promise<string> {
  const { versions = [], visit, subGoals: goals = [], activities: plannedActivities = [], agreements: agreed = [], ...plan } = input;
  const [row] = await executor
    .insert(plans)
    .values({ employmentGoal: "Job med faste opgaver, 15 timer om ugen", version: versions.length + 1, ...plan, participantId })
    .returning({ id: plans.id });
  const planId = row!.id;
  if (versions.length) await executor.insert(planVersions).values(versions.map((version) => ({ ...version, planId })));
  if (visit) await executor.insert(planVisits).values({ planId, ...visit });
  if (goals.length) await executor.insert(subGoals).values(goals.map((goal, i) => ({ sortOrder: i + 1, ...goal, planId })));
  if (plannedActivities.length) {
    await executor.insert(activities).values(plannedActivities.map((activity, i) => ({ sortOrder: i + 1, ...activity, planId })));
  }
  if (agreed.length) await executor.insert(agreements).values(agreed.map((agreement, i) => ({ sortOrder: i + 1, ...agreement, planId })));
  return planId;
}

async function insertAppointment(executor: Executor, participantId: string, input: AppointmentInput): Promise<string> {
  const { attendees = [], ...values } = input;
  const startsAt = values.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
  const [row] = await executor
    .insert(appointments)
    .values({
      kind: "samtale",
      title: "Samtale med din sagsbehandler",
      purpose: "I taler om, hvordan det går, og om de næste skridt i din plan.",
      endsAt: new Date(startsAt.getTime() + 60 * 60_000),
      ...values,
      startsAt,
      participantId,
    })
    .returning({ id: appointments.id });
  if (attendees.length) {
    await executor
      .insert(appointmentAttendees)
      .values(attendees.map((attendee, i) => ({ ...attendee, appointmentId: row!.id, sortOrder: i + 1 })));
  }
  return row!.id;
}
