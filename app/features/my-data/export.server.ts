import { asc, eq, sql } from "drizzle-orm";
import { db, rowsOf } from "../../../db/client";
import { identities, participantContacts, participants, persons, professionals } from "../../../db/schema/people";
import { exportAppointmentsFor } from "~/features/appointments/index.server";
import { exportCvFor } from "~/features/cv/index.server";
import { exportMessagesFor, exportMessagesWrittenBy } from "~/features/messages/index.server";
import { exportNetworkFor } from "~/features/network/index.server";
import { exportNotificationSettingsFor } from "~/features/notifications/index.server";
import { exportPlanFor } from "~/features/plan/index.server";
import { exportPreparationFor, exportRemarksWrittenBy } from "~/features/preparation/index.server";
import { exportProgressFor } from "~/features/progress/index.server";
import { exportProposalsFor } from "~/features/proposals/index.server";
import { exportSummariesFor } from "~/features/summaries/index.server";
import { accessLogWhat, accessLogWho } from "~/features/relatives";
import { exportAccessLog, exportGrantsFor, exportGrantsHeldBy } from "~/features/relatives/index.server";
import { PARTICIPANT_PARTS, RELATIVE_PARTS, type PartKey } from "./parts";
import type { MyDataExport } from "./schema";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Who asks: always the session's person (and her participant record, if she has one). */
export interface Owner {
  personId: string;
  participant: { id: string } | null;
}

/** The person herself, from the shared people tables: never the whole CPR number. */
async function personPart(personId: string) {
  const database = await db();
  const [person] = await database
    .select({
      firstName: persons.firstName,
      lastName: persons.lastName,
      birthDate: persons.birthDate,
      email: persons.email,
      phone: persons.phone,
      preferredLanguage: persons.preferredLanguage,
      createdAt: persons.createdAt,
    })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!person) throw new Error("the signed-in person has no row");
  // Migration 0029: only the first six digits ever leave the database.
  const [cpr] = rowsOf<{ cpr_masked: string | null }>(
    await database.execute(sql`select cpr_masked from portal.own_cpr_masked where person_id = ${personId}`),
  );
  const signIns = await database
    .select({ provider: identities.provider, since: identities.createdAt })
    .from(identities)
    .where(eq(identities.personId, personId))
    .orderBy(asc(identities.createdAt));
  return { ...person, cprMasked: cpr?.cpr_masked ?? null, signIns };
}

/** Her programme, her municipality and the professionals on her case. */
async function programmePart(participantId: string) {
  const database = await db();
  const [participant] = await database
    .select({
      programme: participants.programme,
      status: participants.status,
      startedOn: participants.startedOn,
      expectedEndOn: participants.expectedEndOn,
      municipality: participants.municipality,
      municipalityKey: participants.municipalityKey,
    })
    .from(participants)
    .where(eq(participants.id, participantId));
  if (!participant) throw new Error("the signed-in participant has no row");
  const contacts = await database
    .select({
      name: professionals.name,
      role: participantContacts.role,
      organisation: professionals.organisation,
      phone: professionals.phone,
      email: professionals.email,
      reachableText: professionals.reachableText,
      since: participantContacts.since,
      isPrimary: participantContacts.isPrimary,
    })
    .from(participantContacts)
    .innerJoin(professionals, eq(professionals.id, participantContacts.professionalId))
    .where(eq(participantContacts.participantId, participantId))
    .orderBy(asc(professionals.name));
  return { ...participant, contacts };
}

/**
 * Everything Min Vej holds about the signed-in person, each area's part asked of that area's
 * public face, as one JSON-ready object in the published format (`myDataExportSchema`). A
 * participant gets her whole case as Min Vej holds it; anyone who helps someone gets what Min
 * Vej holds about her as a relative (never what she was shown of the other person).
 */
export async function buildExport(owner: Owner, options: { language: "da" | "en"; t: Translate; tRelatives: Translate; now?: Date }): Promise<MyDataExport> {
  const { t, tRelatives, language } = options;
  const participantId = owner.participant?.id ?? null;
  const [person, notificationSettings, held, remarksWritten, messagesWritten] = await Promise.all([
    personPart(owner.personId),
    exportNotificationSettingsFor(owner.personId),
    exportGrantsHeldBy(owner.personId),
    exportRemarksWrittenBy(owner.personId),
    exportMessagesWrittenBy(owner.personId),
  ]);
  const data: Partial<Record<PartKey, unknown>> = { person, beskedindstillinger: notificationSettings };
  if (participantId) {
    const [programme, plan, proposals, meetings, summaries, preparation, cv, network, progress, messages, grants, log] = await Promise.all([
      programmePart(participantId),
      exportPlanFor(participantId),
      exportProposalsFor(participantId),
      exportAppointmentsFor(participantId),
      exportSummariesFor(participantId),
      exportPreparationFor(participantId),
      exportCvFor(participantId),
      exportNetworkFor(participantId),
      exportProgressFor(participantId),
      exportMessagesFor(participantId, owner.personId),
      exportGrantsFor(participantId),
      exportAccessLog(participantId, owner.personId),
    ]);
    Object.assign(data, {
      forloeb: programme,
      plan,
      forslag: proposals,
      moeder: meetings,
      referater: summaries,
      forberedelse: preparation,
      cv,
      netvaerk: network,
      saadan_gaar_det: progress,
      beskeder: messages,
      paaroerende: grants,
      hvem_har_set: log.map((entry) => ({
        occurredAt: entry.occurredAt,
        action: entry.action,
        who: accessLogWho(entry, tRelatives),
        what: accessLogWhat(entry, tRelatives),
      })),
    });
  }
  const helps = held.length > 0 || remarksWritten.length > 0 || messagesWritten.messages.length > 0 || messagesWritten.drafts.length > 0;
  if (helps || !participantId) {
    Object.assign(data, { du_hjaelper: held, dine_bemaerkninger: remarksWritten, dine_beskeder_som_paaroerende: messagesWritten });
  }
  const keys = [...PARTICIPANT_PARTS, ...RELATIVE_PARTS].filter((key) => key in data);
  const parts = Object.fromEntries(
    keys.map((key) => [key, { navn: t(`parts.${key}.name`), beskrivelse: t(`parts.${key}.description`), data: data[key] }]),
  );
  const file = {
    format: "min-vej/mine-data",
    version: 1,
    hentet: (options.now ?? new Date()).toISOString(),
    sprog: language,
    om_filen: {
      titel: t("file.title", { name: `${person.firstName} ${person.lastName}` }),
      tekst: [t("file.what"), t("file.parts"), t("file.fields"), t("file.times"), t("file.missing")],
      dele: keys.map((key) => ({ noegle: key, navn: t(`parts.${key}.name`), beskrivelse: t(`parts.${key}.description`) })),
    },
    dele: parts,
  };
  // Dates become ISO strings here, once: the JSON file and the PDF read the same values.
  return JSON.parse(JSON.stringify(file)) as MyDataExport;
}
