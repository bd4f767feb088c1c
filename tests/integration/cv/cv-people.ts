import { aParticipant, aPerson, type BuiltParticipant, type CvInput } from "../../../db/builders";
import { workWishes } from "../../../db/schema/cv";
import type { TestDatabase } from "../../support/db";
import { cookieFor } from "../../support/requests";

// The people the CV's tests read: built per test with db/builders.ts (never the demo seed), with
// the values the tests assert on. A CV like Mette's start (one job ending 2019, so a gap after it;
// an education, a course, two skills, Danish, a driving licence; no tasks, no "Kort om mig") and a
// small one like Ali's (in English).

type Entries = NonNullable<CvInput["entries"]>;

export interface CvPerson extends BuiltParticipant {
  cookie: string;
}

export const METTE_ENTRIES: Entries = [
  {
    kind: "work",
    title: "Butiksassistent",
    organisation: "Købmandsgården, Solbjerg",
    fromText: "2012",
    toText: "2019",
    details: "Kasse, varemodtagelse, opfyldning og kundeservice. Jeg åbnede butikken om morgenen.",
    sortOrder: 1,
  },
  { kind: "education", title: "Folkeskolens afgangsprøve (9. klasse)", organisation: "Solbjerg Skole", fromText: "1992", toText: "2001", sortOrder: 1 },
  { kind: "course", title: "Hygiejnebevis for fødevarebranchen", organisation: "AMU Solbjerg", fromText: "2013", toText: "2013", sortOrder: 2 },
  { kind: "skill", title: "Kundeservice", category: "professional", sortOrder: 1 },
  { kind: "skill", title: "Omhyggelig og stabil", category: "personal", sortOrder: 2 },
  { kind: "language", title: "Dansk", level: "native", sortOrder: 1 },
  { kind: "driving_licence", title: "Kørekort til bil (B)", sortOrder: 1 },
];

export const ALI_ENTRIES: Entries = [
  {
    kind: "work",
    title: "Elektriker",
    organisation: "Solbjerg El-service",
    fromText: "2008",
    toText: "2024",
    details: "Installationer i boliger og butikker, fejlfinding og tavlearbejde.",
    sortOrder: 1,
  },
  { kind: "education", title: "Elektrikeruddannelsen (svendebrev)", organisation: "Solbjerg Tekniske Skole", fromText: "2004", toText: "2008", sortOrder: 1 },
  { kind: "skill", title: "Fejlfinding på el-installationer", category: "professional", sortOrder: 1 },
  { kind: "language", title: "Arabisk", level: "native", sortOrder: 1 },
  { kind: "language", title: "Dansk", level: "good", sortOrder: 2 },
  { kind: "language", title: "Engelsk", level: "fluent", sortOrder: 3 },
  { kind: "driving_licence", title: "Kørekort til bil (B)", sortOrder: 1 },
];

/** E-mail and phone on the CV, no address: the choice both demo people made on /cv/kontakt. */
const EMAIL_AND_PHONE = { email: true, phone: true, address: false };

/** Mette Hansen (Danish) with her CV's start; `extra` entries are added after it. */
export async function aCvLikeMettes(database: TestDatabase, extra: Entries = []): Promise<CvPerson> {
  const built = await aParticipant({
    person: { firstName: "Mette", lastName: "Hansen", email: "mette.hansen@example.org", phone: "+45 11 22 33 01", preferredLanguage: "da" },
  })
    .withCv({ contactVisibility: EMAIL_AND_PHONE, entries: [...METTE_ENTRIES, ...extra] })
    .build(database.db);
  return { ...built, cookie: await cookieFor(built.demoKey) };
}

/**
 * Ali Hassan (prefers English) with his small CV, or with the entries given (none: a nearly empty
 * CV). With `wishes`, work wishes he has saved, skånehensyn included.
 */
export async function aCvLikeAlis(
  database: TestDatabase,
  options: { entries?: Entries; wishes?: Omit<typeof workWishes.$inferInsert, "participantId"> } = {},
): Promise<CvPerson> {
  const { entries = ALI_ENTRIES, wishes } = options;
  const built = await aParticipant({
    person: { firstName: "Ali", lastName: "Hassan", email: "ali.hassan@example.net", phone: "+45 11 22 33 02", preferredLanguage: "en" },
    participant: { programme: "jobafklaringsforloeb" },
  })
    .withCv({ contactVisibility: EMAIL_AND_PHONE, entries })
    .then(async (executor, participant) => {
      if (wishes) await executor.insert(workWishes).values({ ...wishes, participantId: participant.participantId });
    })
    .build(database.db);
  return { ...built, cookie: await cookieFor(built.demoKey) };
}

/** Someone signed in who is not in a programme (a relative, like Jonas). */
export async function aRelativeCookie(database: TestDatabase): Promise<string> {
  const relative = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  return cookieFor(relative.demoKey);
}
