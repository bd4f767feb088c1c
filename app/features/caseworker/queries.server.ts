import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { db, rowsOf } from "../../../db/client";
import { countsOf, parsed, parsedList, preparedStatement } from "../../../db/nested";
import { roleForCaseworker } from "~/lib/addressee";
import { workWishesOf, type WorkWishes } from "~/features/cv/index.server";
import { awaitingSummaryOf, type AwaitingSummary } from "~/features/messages/index.server";
import { sortPeople } from "~/features/network/index.server";
import {
  cwAbsenceRequests,
  cwAppointmentAttendees,
  cwAppointments,
  cwCv,
  cwCvEntries,
  cwNetworkPeople,
  cwParticipants,
  cwPlanResponses,
  cwPlans,
  cwRelativeGrants,
  cwSharedPreparation,
  cwSharedPreparationComments,
  cwSubGoals,
  cwWorkWishes,
} from "./views.server";
import { isUuid } from "~/lib/ids";
import { PAGE_SIZE } from "./paging";

/**
 * Reads for the caseworker briefing. Built ONLY on the `caseworker` views (never on `portal`
 * tables), so the page can show nothing the contract does not already expose. Every function
 * takes the signed-in caseworker's person id and returns only participants for whom that person
 * is the coordinating caseworker.
 */

export const isParticipantId = isUuid;

/** Meetings that still lie ahead (not ended), and are not cancelled or held. */
const upcoming = (now: Date) =>
  and(gt(cwAppointments.endsAt, now), inArray(cwAppointments.status, ["planned", "moved"]));

export interface MeetingSummary {
  id: string;
  kind: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: string;
  status: string;
}

export interface ParticipantListItem {
  participantId: string;
  name: string;
  programme: string;
  status: string;
  nextMeeting: MeetingSummary | null;
  /** What the participant has shared or asked, for the "new and shared" column. */
  shared: {
    preparationParts: number;
    preparationLatestAt: Date | null;
    cvSharedAt: Date | null;
    networkSharedAt: Date | null;
  };
  absenceRequests: number;
  planQuestions: number;
  hasQuestionsForNextMeeting: boolean;
}

export interface ParticipantPage {
  /** The participants on this page (at most PAGE_SIZE), with what is new for each. */
  participants: ParticipantListItem[];
  /** 1 for the first page; never beyond the last (`pageCount`). */
  page: number;
  pageCount: number;
  /** How many participants she coordinates in all. */
  total: number;
  /** How many of their proposals wait for her answer, by participant (only those with one or more). */
  proposals: Record<string, number>;
  /** Her conversations that wait for her answer: in all over her caseload, and by participant shown. */
  awaiting: AwaitingSummary;
}

/**
 * One page of the caseworker's own participants (those she coordinates), sorted by name. A page
 * beyond the last gives the last (`page` says which was read).
 */
export async function listMyParticipantsPage(caseworkerPersonId: string, page: number, now = new Date()): Promise<ParticipantPage> {
  return readPage(caseworkerPersonId, page, PAGE_SIZE, now);
}

/** The caseworker's own participants: all of those she coordinates, sorted by name. */
export async function listMyParticipants(caseworkerPersonId: string, now = new Date()): Promise<ParticipantListItem[]> {
  return (await readPage(caseworkerPersonId, 1, ALL, now)).participants;
}

/** The rows of a json list built in SQL. */
const rowsIn = (value: unknown) => parsedList<Record<string, unknown>>(value);

/** A page size that holds any caseload (the database's largest int). */
const ALL = 2_147_483_647;

/**
 * The page and its cards in one statement: caseworker_portal.caseload_page (migration 0051) checks
 * once that the caseworker asking is the one named, then numbers her caseload by name, clamps the
 * page to the last, and builds each card's pieces (her next meeting, what is shared, what waits for
 * her) as json. Read through the caseworker_portal views, each piece checked her caseload again:
 * half the statement's time at 100,000 participants. Anyone else gets no row: an empty caseload.
 */
const readCaseloadPage = preparedStatement(
  ["caseworker", "page", "size", "now"],
  (values) =>
    sql`select * from caseworker_portal.caseload_page(${values.caseworker}::uuid, ${values.page}::int, ${values.size}::int, ${values.now}::timestamptz)`,
);

async function readListPage(values: { caseworker: string; page: string; size: string; now: Date }) {
  const [row = {}] = rowsOf<Record<string, unknown>>(await readCaseloadPage(values));
  return {
    total: Number(row.total ?? 0),
    page: Number(row.page ?? 1),
    people: rowsIn(row.people).map((person) => ({
      participantId: person.participantId as string,
      firstName: person.firstName as string,
      lastName: person.lastName as string,
      programme: person.programme as string,
      status: person.status as string,
    })),
    // Each one's next meeting, whether she wrote questions or notes for it (text that JavaScript's
    // trim() keeps, as the briefing shows them), and to how many of her meetings ahead she cannot come.
    next: rowsIn(row.next).map((meeting) => ({
      appointmentId: meeting.appointmentId as string,
      participantId: meeting.participantId as string,
      kind: meeting.kind as string,
      title: meeting.title as string,
      startsAt: new Date(meeting.startsAt as string),
      endsAt: new Date(meeting.endsAt as string),
      mode: meeting.mode as string,
      status: meeting.status as string,
      hasQuestions: meeting.hasQuestions === true,
      absences: Number(meeting.absences),
    })),
    preparation: rowsIn(row.preparation).map((part) => ({
      participantId: part.participantId as string,
      parts: Number(part.parts),
      latest: part.latest ? new Date(part.latest as string) : null,
    })),
    cvs: rowsIn(row.cvs).map((cv) => ({ participantId: cv.participantId as string, sharedAt: new Date(cv.sharedAt as string) })),
    networks: rowsIn(row.networks).flatMap((network) =>
      network.sharedAt ? [{ participantId: network.participantId as string, sharedAt: new Date(network.sharedAt as string) }] : [],
    ),
    plans: rowsIn(row.plans).map((plan) => ({ participantId: plan.participantId as string, version: Number(plan.version) })),
    questions: rowsIn(row.questions).map((question) => ({ participantId: question.participantId as string, planVersion: Number(question.planVersion) })),
    proposals: countsOf(parsed(row.proposals)),
    awaiting: awaitingSummaryOf(parsed(row.awaiting)),
  };
}

/** What the list shows of each participant on the page: next meeting, what is shared, what is new. */
async function readPage(caseworkerPersonId: string, asked: number, size: number, now: Date): Promise<ParticipantPage> {
  const page = Number.isNaN(asked) ? 1 : Math.min(Math.max(1, Math.floor(asked)), ALL);
  const read = await readListPage({ caseworker: caseworkerPersonId, page: String(page), size: String(size), now });
  const { total, people, next, preparation, cvs, networks, plans, questions, proposals, awaiting } = read;
  const byParticipant = <T extends { participantId: string }>(rows: T[]) => new Map(rows.map((row) => [row.participantId, row]));
  const nextOf = byParticipant(next);
  const preparationOf = byParticipant(preparation);
  const cvOf = byParticipant(cvs);
  const networkOf = byParticipant(networks);
  const planOf = byParticipant(plans);

  const participants = people.map((person) => {
    const meeting = nextOf.get(person.participantId);
    const prep = preparationOf.get(person.participantId);
    const planVersion = planOf.get(person.participantId)?.version;
    return {
      participantId: person.participantId,
      name: `${person.firstName} ${person.lastName}`,
      programme: person.programme,
      status: person.status,
      nextMeeting: meeting ? toMeeting(meeting) : null,
      shared: {
        preparationParts: prep?.parts ?? 0,
        preparationLatestAt: prep?.latest ?? null,
        cvSharedAt: cvOf.get(person.participantId)?.sharedAt ?? null,
        networkSharedAt: networkOf.get(person.participantId)?.sharedAt ?? null,
      },
      absenceRequests: meeting?.absences ?? 0,
      planQuestions: questions.filter((row) => row.participantId === person.participantId && row.planVersion === planVersion).length,
      hasQuestionsForNextMeeting: meeting?.hasQuestions ?? false,
    };
  });
  return { participants, proposals, awaiting, page: read.page, pageCount: Math.max(1, Math.ceil(total / size)), total };
}

function toMeeting(row: Pick<typeof cwAppointments.$inferSelect, "appointmentId" | "kind" | "title" | "startsAt" | "endsAt" | "mode" | "status">): MeetingSummary {
  return {
    id: row.appointmentId,
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    mode: row.mode,
    status: row.status,
  };
}

/**
 * The participant, if this caseworker coordinates their case; null otherwise (unknown id,
 * malformed id, or someone else's participant): the page answers 404 in every such case.
 */
export async function findMyParticipant(caseworkerPersonId: string, participantId: string | undefined) {
  if (!isParticipantId(participantId)) return null;
  const database = await db();
  const [row] = await database
    .select()
    .from(cwParticipants)
    .where(
      and(
        eq(cwParticipants.participantId, participantId),
        eq(cwParticipants.coordinatingCaseworkerPersonId, caseworkerPersonId),
      ),
    );
  return row ?? null;
}

export interface SharedPart {
  part: string;
  version: number;
  sharedAt: Date;
  answers: Record<string, string>;
  tasks: string[];
  remarks: { id: string; body: string; authorFirstName: string; authorRelation: string | null; createdAt: Date }[];
}

export interface Briefing {
  participant: {
    id: string;
    name: string;
    programme: string;
    status: string;
    startedOn: string | null;
    expectedEndOn: string | null;
    caseworkerName: string | null;
  };
  nextMeeting:
    | (MeetingSummary & {
        placeName: string | null;
        address: string | null;
        phoneNote: string | null;
        videoNote: string | null;
        supportPersonAllowed: boolean;
        questions: string | null;
        notes: string | null;
        preparedAt: Date | null;
        attendees: { name: string; roleText: string }[];
        bisidders: { name: string; relation: string }[];
      })
    | null;
  absenceRequests: {
    id: string;
    meeting: MeetingSummary;
    reason: string;
    wishForNewTime: string | null;
    createdAt: Date;
  }[];
  plan: {
    version: number;
    updatedAt: Date;
    employmentGoal: string;
    ownGoal: string | null;
    ownGoalUpdatedAt: Date | null;
    ownGoalAuthorRole: string | null;
    lastReadVersion: number | null;
    subGoals: {
      id: string;
      title: string;
      status: string;
      participantStatus: string | null;
      participantComment: string | null;
      participantUpdatedAt: Date | null;
    }[];
    questions: { id: string; planVersion: number; comment: string | null; createdAt: Date }[];
  } | null;
  preparation: SharedPart[];
  cv: {
    sharedAt: Date;
    /** The participant saved a change after sharing; the content shown is still the shared one. */
    changedSinceShared: boolean;
    summary: string | null;
    contact: { email: string | null; phone: string | null; address: string | null };
    entries: { id: string; kind: string; title: string; organisation: string | null; fromText: string | null; toText: string | null; isOngoing: boolean; level: string | null; category: string | null }[];
    wishes: (WorkWishes & { tasks: string[] }) | null;
  } | null;
  network: {
    sharedAt: Date;
    stanceShared: boolean;
    people: { id: string; name: string; relation: string | null; sector: string; closeness: string; helpKinds: string[]; stance: string | null; wantedAtMeeting: boolean }[];
  } | null;
}

/** The preparation parts in the order the participant meets them. */
export const PART_ORDER = ["education_work", "resources", "challenges", "abilities", "wishes", "network", "questions"];
const CV_KIND_ORDER = ["work", "education", "course", "volunteering", "skill", "language", "it_skill", "driving_licence"];

function readSharedAnswers(raw: unknown): { answers: Record<string, string>; tasks: string[] } {
  const value = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const source = value.answers && typeof value.answers === "object" ? (value.answers as Record<string, unknown>) : {};
  const answers: Record<string, string> = {};
  for (const [key, text] of Object.entries(source)) {
    if (typeof text === "string" && text.trim() !== "") answers[key] = text;
  }
  const tasks = Array.isArray(value.tasks) ? value.tasks.filter((task): task is string => typeof task === "string" && task.trim() !== "") : [];
  return { answers, tasks };
}

/**
 * Everything the meeting briefing shows for one participant, or null when this caseworker does
 * not coordinate their case. Only shared parts, a shared CV and a shared network appear: the
 * views already leave out everything else.
 */
export async function getBriefing(caseworkerPersonId: string, participantId: string | undefined, now = new Date()): Promise<Briefing | null> {
  const person = await findMyParticipant(caseworkerPersonId, participantId);
  if (!person) return null;
  const id = person.participantId;
  const database = await db();

  const [meetings, absences, [plan], subGoals, questions, parts, remarks, [cv], entries, [wishes], network, grants] =
    await Promise.all([
      database
        .select()
        .from(cwAppointments)
        .where(and(eq(cwAppointments.participantId, id), upcoming(now)))
        .orderBy(asc(cwAppointments.startsAt), asc(cwAppointments.appointmentId)),
      database
        .select()
        .from(cwAbsenceRequests)
        .where(eq(cwAbsenceRequests.participantId, id))
        .orderBy(desc(cwAbsenceRequests.createdAt)),
      database.select().from(cwPlans).where(eq(cwPlans.participantId, id)),
      database.select().from(cwSubGoals).where(eq(cwSubGoals.participantId, id)).orderBy(asc(cwSubGoals.sortOrder)),
      database
        .select()
        .from(cwPlanResponses)
        .where(and(eq(cwPlanResponses.participantId, id), eq(cwPlanResponses.kind, "question")))
        .orderBy(desc(cwPlanResponses.createdAt)),
      database.select().from(cwSharedPreparation).where(eq(cwSharedPreparation.participantId, id)),
      database
        .select()
        .from(cwSharedPreparationComments)
        .where(eq(cwSharedPreparationComments.participantId, id))
        .orderBy(asc(cwSharedPreparationComments.createdAt)),
      database.select().from(cwCv).where(eq(cwCv.participantId, id)),
      database.select().from(cwCvEntries).where(eq(cwCvEntries.participantId, id)).orderBy(asc(cwCvEntries.sortOrder)),
      database.select().from(cwWorkWishes).where(eq(cwWorkWishes.participantId, id)),
      database.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, id)).orderBy(asc(cwNetworkPeople.name)),
      database.select().from(cwRelativeGrants).where(and(eq(cwRelativeGrants.participantId, id), eq(cwRelativeGrants.status, "active"))),
    ]);

  const next = meetings[0] ?? null;
  const attendees = next
    ? await database
        .select({ name: cwAppointmentAttendees.name, roleText: cwAppointmentAttendees.roleText })
        .from(cwAppointmentAttendees)
        .where(eq(cwAppointmentAttendees.appointmentId, next.appointmentId))
        .orderBy(asc(cwAppointmentAttendees.sortOrder))
    : [];
  const meetingById = new Map(meetings.map((meeting) => [meeting.appointmentId, meeting]));

  return {
    participant: {
      id,
      name: `${person.firstName} ${person.lastName}`,
      programme: person.programme,
      status: person.status,
      startedOn: person.startedOn,
      expectedEndOn: person.expectedEndOn,
      caseworkerName: person.coordinatingCaseworkerName,
    },
    nextMeeting: next
      ? {
          ...toMeeting(next),
          placeName: next.placeName,
          address: next.address,
          phoneNote: next.phoneNote,
          videoNote: next.videoNote,
          supportPersonAllowed: next.supportPersonAllowed,
          questions: next.participantQuestions?.trim() ? next.participantQuestions : null,
          notes: next.participantNotes?.trim() ? next.participantNotes : null,
          preparedAt: next.participantPreparedAt,
          // Written for the participant ("Din koordinerende sagsbehandler"): worded for the caseworker.
          attendees: attendees.map((attendee) => ({ ...attendee, roleText: roleForCaseworker(attendee.roleText, person.firstName) })),
          bisidders: grants
            .filter((grant) => grant.bisidderAppointmentIds.includes(next.appointmentId))
            .map((grant) => ({ name: grant.name, relation: grant.relation })),
        }
      : null,
    // "Jeg kan ikke komme" for meetings that still lie ahead.
    absenceRequests: absences.flatMap((absence) => {
      const meeting = meetingById.get(absence.appointmentId);
      return meeting
        ? [{ id: absence.absenceRequestId, meeting: toMeeting(meeting), reason: absence.reason, wishForNewTime: absence.wishForNewTime, createdAt: absence.createdAt }]
        : [];
    }),
    plan: plan
      ? {
          version: plan.version,
          updatedAt: plan.updatedAt,
          employmentGoal: plan.employmentGoal,
          ownGoal: plan.ownGoal,
          ownGoalUpdatedAt: plan.ownGoalUpdatedAt,
          ownGoalAuthorRole: plan.ownGoalAuthorRole,
          lastReadVersion: plan.lastReadVersion,
          subGoals: subGoals.map((goal) => ({
            id: goal.subGoalId,
            title: goal.title,
            status: goal.status,
            participantStatus: goal.participantStatus,
            participantComment: goal.participantComment,
            participantUpdatedAt: goal.participantUpdatedAt,
          })),
          questions: questions.map((question) => ({
            id: question.responseId,
            planVersion: question.planVersion,
            comment: question.comment,
            createdAt: question.createdAt,
          })),
        }
      : null,
    preparation: parts
      .slice()
      .sort((a, b) => PART_ORDER.indexOf(a.part) - PART_ORDER.indexOf(b.part))
      .map((part) => ({
        part: part.part,
        version: part.sharedVersion,
        sharedAt: part.sharedAt,
        ...readSharedAnswers(part.sharedAnswers),
        remarks: remarks
          .filter((remark) => remark.preparationPartId === part.preparationPartId)
          .map((remark) => ({
            id: remark.commentId,
            body: remark.body,
            authorFirstName: remark.authorFirstName,
            authorRelation: remark.authorRelation,
            createdAt: remark.createdAt,
          })),
      })),
    cv: cv
      ? {
          sharedAt: cv.sharedAt,
          changedSinceShared: cv.changedSinceShared,
          summary: cv.summary?.trim() ? cv.summary : null,
          contact: { email: cv.email, phone: cv.phone, address: cv.address },
          entries: entries
            .slice()
            .sort((a, b) => CV_KIND_ORDER.indexOf(a.kind) - CV_KIND_ORDER.indexOf(b.kind) || a.sortOrder - b.sortOrder)
            .map((entry) => ({
              id: entry.entryId,
              kind: entry.kind,
              title: entry.title,
              organisation: entry.organisation,
              fromText: entry.fromText,
              toText: entry.toText,
              isOngoing: entry.isOngoing,
              level: entry.level,
              category: entry.category,
            })),
          wishes: wishes
            ? { ...workWishesOf(wishes), tasks: wishes.taskSuggestions }
            : null,
        }
      : null,
    network:
      network.length > 0
        ? {
            sharedAt: network[0]!.sharedAt,
            stanceShared: network[0]!.stanceShared,
            people: sortPeople(network).map((row) => ({
              id: row.networkPersonId,
              name: row.name,
              relation: row.relation,
              sector: row.sector,
              closeness: row.closeness,
              helpKinds: row.helpKinds,
              stance: row.stance,
              wantedAtMeeting: row.wantedAtMeeting,
            })),
          }
        : null,
  };
}
