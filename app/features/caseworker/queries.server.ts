import { and, asc, desc, eq, gt, inArray, sql, type SQLWrapper } from "drizzle-orm";
import { db } from "../../../db/client";
import { nestedCount, nestedJson, nestedRows, preparedOver, type Bound } from "../../../db/nested";
import { roleForCaseworker } from "~/lib/addressee";
import { workWishesOf, type WorkWishes } from "~/features/cv/index.server";
import { waitingProposalsPiece } from "~/features/proposals/index.server";
import { awaitingPiece, type AwaitingSummary } from "~/features/messages/index.server";
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

/**
 * The characters JavaScript's `trim()` removes, as a regular expression's bracket list: a card says
 * she wrote questions for her next meeting exactly when the briefing shows them (it trims them).
 */
const JAVASCRIPT_WHITESPACE = String.raw` \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;

/** Meetings that still lie ahead (not ended), and are not cancelled or held. */
const upcoming = (now: Bound<Date>) =>
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
const rowsIn = (json: unknown) => (json ?? []) as Record<string, unknown>[];

/** A page size that holds any caseload (the database's largest int). */
const ALL = 2_147_483_647;

/**
 * The page and its cards, every view read in one statement (db/nested.ts), built once. Her caseload
 * (caseworker.participants, from her side since migrations 0031 and 0046) is numbered by name in
 * the statement; the page's ids and the whole caseload's are worked out there once (`shown`), and
 * every card's piece reads from them. Each view still checks that she coordinates them. Her
 * 300 participants were a second statement and a json list of all of them, read back in Node only
 * to cut out 50 and send their ids back eight times.
 */
const readListPage = preparedOver(["caseworker", "page", "size", "now"], (values) => {
  const ids = sql`shown.ids`;
  const inIds = (column: SQLWrapper) => sql`${column} = any(${ids})`;
  const meeting = cwAppointments;
  const person = cwParticipants;
  const from = sql`(select coalesce(max(c.total), 0) as total, coalesce(max(c.page), 1) as page,
      coalesce(array_agg(c.participant_id order by c.n) filter (where c.on_page), '{}') as ids,
      coalesce(array_agg(c.participant_id), '{}') as caseload,
      coalesce(json_agg(json_build_object('participantId', c.participant_id, 'firstName', c.first_name, 'lastName', c.last_name,
        'programme', c.programme, 'status', c.status) order by c.n) filter (where c.on_page), '[]'::json) as people
    from (select q.*, (q.n - 1) / ${values.size}::int + 1 = q.page as on_page
      from (select ${person.participantId} as participant_id, ${person.firstName} as first_name, ${person.lastName} as last_name,
          ${person.programme} as programme, ${person.status} as status,
          row_number() over (order by ${person.firstName}, ${person.lastName}, ${person.participantId}) as n,
          count(*) over () as total,
          least(greatest(${values.page}::int, 1), (count(*) over () - 1) / ${values.size}::int + 1) as page
        from ${person} where ${person.coordinatingCaseworkerPersonId} = ${values.caseworker}) q) c) shown`;
  return {
    from,
    pieces: {
      total: nestedCount(sql`shown.total`),
      page: nestedCount(sql`shown.page`),
      people: nestedJson(sql`shown.people`, (json) =>
        rowsIn(json).map((row) => ({
          participantId: row.participantId as string,
          firstName: row.firstName as string,
          lastName: row.lastName as string,
          programme: row.programme as string,
          status: row.status as string,
        })),
      ),
      // Each one's next meeting (one row a participant, not every meeting ahead), whether she wrote
      // questions or notes for it, and to how many of her meetings ahead she cannot come.
      next: nestedJson(
        sql`(select coalesce(json_agg(json_build_object('appointmentId', n.appointment_id, 'participantId', n.participant_id, 'kind', n.kind,
            'title', n.title, 'startsAt', n.starts_at, 'endsAt', n.ends_at, 'mode', n.mode, 'status', n.status, 'hasQuestions', n.has_questions,
            'absences', n.absences)), '[]'::json)
          from (select distinct on (${meeting.participantId}) ${meeting.appointmentId} as appointment_id, ${meeting.participantId} as participant_id,
              ${meeting.kind} as kind, ${meeting.title} as title, ${meeting.startsAt} as starts_at, ${meeting.endsAt} as ends_at, ${meeting.mode} as mode,
              ${meeting.status} as status,
              (coalesce(${meeting.participantQuestions}, '') || coalesce(${meeting.participantNotes}, '')) ~ ${sql.raw(`'[^${JAVASCRIPT_WHITESPACE}]'`)} as has_questions,
              sum((select count(*) from ${cwAbsenceRequests} where ${cwAbsenceRequests.appointmentId} = ${meeting.appointmentId}))
                over (partition by ${meeting.participantId}) as absences
            from ${meeting} where ${inIds(meeting.participantId)} and ${upcoming(values.now)}
            order by ${meeting.participantId}, ${meeting.startsAt}, ${meeting.appointmentId}) n)`,
        (json) =>
          rowsIn(json).map((row) => ({
            appointmentId: row.appointmentId as string,
            participantId: row.participantId as string,
            kind: row.kind as string,
            title: row.title as string,
            startsAt: new Date(row.startsAt as string),
            endsAt: new Date(row.endsAt as string),
            mode: row.mode as string,
            status: row.status as string,
            hasQuestions: row.hasQuestions === true,
            absences: Number(row.absences),
          })),
      ),
      preparation: nestedJson(
        sql`(select coalesce(json_agg(json_build_object('participantId', t.participant_id, 'parts', t.parts, 'latest', t.latest)), '[]'::json)
          from (select ${cwSharedPreparation.participantId} as participant_id, count(*) as parts, max(${cwSharedPreparation.sharedAt}) as latest
            from ${cwSharedPreparation} where ${inIds(cwSharedPreparation.participantId)} group by ${cwSharedPreparation.participantId}) t)`,
        (json) =>
          rowsIn(json).map((row) => ({
            participantId: row.participantId as string,
            parts: Number(row.parts),
            latest: row.latest ? new Date(row.latest as string) : null,
          })),
      ),
      cvs: nestedRows({ participantId: cwCv.participantId, sharedAt: cwCv.sharedAt }, sql`from ${cwCv} where ${inIds(cwCv.participantId)}`),
      // One lookup per participant: the view joins the share settings, and an IN list on it would
      // read every participant's settings (EXPLAIN at 100,000 participants); by participant it does not.
      networks: nestedJson(
        sql`(select coalesce(json_agg(json_build_object('participantId', wanted.id, 'sharedAt',
            (select max(${cwNetworkPeople.sharedAt}) from ${cwNetworkPeople} where ${cwNetworkPeople.participantId} = wanted.id))), '[]'::json)
          from unnest(${ids}) as wanted(id))`,
        (json) =>
          rowsIn(json).flatMap((row) => (row.sharedAt ? [{ participantId: row.participantId as string, sharedAt: new Date(row.sharedAt as string) }] : [])),
      ),
      plans: nestedRows({ participantId: cwPlans.participantId, version: cwPlans.version }, sql`from ${cwPlans} where ${inIds(cwPlans.participantId)}`),
      questions: nestedRows(
        { participantId: cwPlanResponses.participantId, planVersion: cwPlanResponses.planVersion },
        sql`from ${cwPlanResponses} where ${inIds(cwPlanResponses.participantId)} and ${cwPlanResponses.kind} = 'question'`,
      ),
      proposals: waitingProposalsPiece(ids),
      awaiting: awaitingPiece(sql`shown.caseload`, ids),
    },
  };
});

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
