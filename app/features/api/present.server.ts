import type { z } from "~/lib/zod";
import type { ApiCaller } from "./auth.server";
import type { EventRow, ParticipantRow } from "./queries.server";
import type { AbsenceRequests, AppointmentPreparations, Disagreements, EventPage, JobcentrePlan, Meeting, MessageSent, Participant, SharedCv, SharedNetwork, SharedPreparation, SharedProgress } from "./schema";
import type { JobcentrePlan as PlanRecord } from "~/features/plan/index.server";
import type { CaseSystemMeeting } from "~/features/appointments/index.server";
import type { CaseSystemMessageResult } from "~/features/messages/index.server";
import type { absenceRequestsOf, appointmentsOf, disagreementsOf, sharedCvOf, sharedNetworkOf, sharedPreparationOf, sharedProgressOf } from "./queries.server";

/** Rows of the views as the API's shapes (schema.ts); the handler checks each against its schema. */

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

export function participantOf(row: ParticipantRow, caller: ApiCaller): z.input<typeof Participant> {
  return {
    id: row.participantId,
    firstName: row.firstName,
    lastName: row.lastName,
    programme: row.programme as z.input<typeof Participant>["programme"],
    status: row.status as z.input<typeof Participant>["status"],
    startedOn: row.startedOn,
    expectedEndOn: row.expectedEndOn,
    municipality: { id: row.municipalityKey ?? caller.defaultMunicipality.id, name: row.municipality },
    coordinatingCaseworker:
      row.coordinatingCaseworkerProfessionalId && row.coordinatingCaseworkerName
        ? { professionalId: row.coordinatingCaseworkerProfessionalId, name: row.coordinatingCaseworkerName, since: row.coordinatingCaseworkerSince }
        : null,
  };
}

/** `shared_answers` is `{"answers": {field: text}, "tasks": [text]}`; only non-empty texts are kept. */
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

export function sharedPreparationBody(participantId: string, { parts, remarks }: Awaited<ReturnType<typeof sharedPreparationOf>>): z.input<typeof SharedPreparation> {
  return {
    participantId,
    parts: parts.map((part) => ({
      preparationPartId: part.preparationPartId,
      part: part.part as z.input<typeof SharedPreparation>["parts"][number]["part"],
      sharedVersion: part.sharedVersion,
      sharedAt: iso(part.sharedAt),
      firstSharedAt: isoOrNull(part.firstSharedAt),
      ...readSharedAnswers(part.sharedAnswers),
      remarks: remarks
        .filter((remark) => remark.preparationPartId === part.preparationPartId)
        .map((remark) => ({
          commentId: remark.commentId,
          body: remark.body,
          authorFirstName: remark.authorFirstName,
          authorRelation: remark.authorRelation,
          createdAt: iso(remark.createdAt),
        })),
    })),
  };
}

type CvBody = z.input<typeof SharedCv>;

export function sharedCvBody(participantId: string, { cv, entries, wishes }: Awaited<ReturnType<typeof sharedCvOf>>): CvBody {
  return {
    participantId,
    cv: cv
      ? {
          firstName: cv.firstName,
          lastName: cv.lastName,
          email: cv.email,
          phone: cv.phone,
          address: cv.address,
          summary: cv.summary,
          version: cv.version,
          sharedAt: iso(cv.sharedAt),
          changedSinceShared: cv.changedSinceShared,
        }
      : null,
    entries: entries.map((entry) => ({
      entryId: entry.entryId,
      kind: entry.kind as CvBody["entries"][number]["kind"],
      title: entry.title,
      organisation: entry.organisation,
      details: entry.details,
      level: entry.level,
      fromText: entry.fromText,
      toText: entry.toText,
      isOngoing: entry.isOngoing,
      category: entry.category as CvBody["entries"][number]["category"],
      sortOrder: entry.sortOrder,
    })),
    workWishes: wishes
      ? {
          fields: wishes.fields,
          hoursPerWeek: wishes.hoursPerWeek,
          hoursPerWeekMax: wishes.hoursPerWeekMax,
          maxCommuteMinutes: wishes.maxCommuteMinutes,
          areas: wishes.areas,
          accommodations: wishes.accommodations,
          accommodationsShared: wishes.accommodationsShared,
          taskSuggestions: wishes.taskSuggestions,
          sharedAt: iso(wishes.sharedAt),
        }
      : null,
  };
}

type NetworkBody = z.input<typeof SharedNetwork>;

export function sharedNetworkBody(participantId: string, people: Awaited<ReturnType<typeof sharedNetworkOf>>): NetworkBody {
  const first = people[0];
  return {
    participantId,
    sharedAt: first ? iso(first.sharedAt) : null,
    stanceShared: first?.stanceShared ?? false,
    people: people.map((person) => ({
      networkPersonId: person.networkPersonId,
      name: person.name,
      relation: person.relation,
      sector: person.sector as NetworkBody["people"][number]["sector"],
      closeness: person.closeness as NetworkBody["people"][number]["closeness"],
      helpKinds: person.helpKinds,
      stance: person.stance as NetworkBody["people"][number]["stance"],
      contactFrequency: person.contactFrequency,
      wantedAtMeeting: person.wantedAtMeeting,
      updatedAt: iso(person.updatedAt),
    })),
  };
}

type ProgressBody = z.input<typeof SharedProgress>;
type ProgressLevel = ProgressBody["answerSets"][number]["energy"]["level"];

export function sharedProgressBody(participantId: string, { answerSets, signs }: Awaited<ReturnType<typeof sharedProgressOf>>): ProgressBody {
  const factor = (level: string | null, note: string | null) => ({ level: level as ProgressLevel, note });
  return {
    participantId,
    answerSets: answerSets.map((set) => ({
      answerSetId: set.answerSetId,
      month: set.month,
      energy: factor(set.energy, set.energyNote),
      sleep: factor(set.sleep, set.sleepNote),
      company: factor(set.company, set.companyNote),
      outdoors: factor(set.outdoors, set.outdoorsNote),
      workBelief: factor(set.workBelief, set.workBeliefNote),
      whatHelps: set.whatHelps,
      somethingElse: set.somethingElse,
      updatedAt: iso(set.updatedAt),
      sharedAt: iso(set.sharedAt),
    })),
    signs: signs ? { warningSigns: signs.warningSigns, strategies: signs.strategies, updatedAt: iso(signs.updatedAt), sharedAt: iso(signs.sharedAt) } : null,
  };
}

type AppointmentsBody = z.input<typeof AppointmentPreparations>;

export function appointmentsBody(participantId: string, rows: Awaited<ReturnType<typeof appointmentsOf>>): AppointmentsBody {
  return {
    participantId,
    appointments: rows.map((row) => ({
      appointmentId: row.appointmentId,
      kind: row.kind,
      title: row.title,
      startsAt: iso(row.startsAt),
      endsAt: iso(row.endsAt),
      status: row.status as AppointmentsBody["appointments"][number]["status"],
      participantQuestions: row.participantQuestions,
      participantNotes: row.participantNotes,
      participantPreparedAt: isoOrNull(row.participantPreparedAt),
    })),
  };
}

export function absenceRequestsBody(participantId: string, rows: Awaited<ReturnType<typeof absenceRequestsOf>>): z.input<typeof AbsenceRequests> {
  return {
    participantId,
    absenceRequests: rows.map((row) => ({
      absenceRequestId: row.absenceRequestId,
      appointmentId: row.appointmentId,
      reason: row.reason,
      wishForNewTime: row.wishForNewTime,
      createdAt: iso(row.createdAt),
    })),
  };
}

export function disagreementsBody(participantId: string, rows: Awaited<ReturnType<typeof disagreementsOf>>): z.input<typeof Disagreements> {
  return {
    participantId,
    disagreements: rows.map((row) => ({
      responseId: row.responseId,
      planId: row.planId,
      planVersion: row.planVersion,
      comment: row.comment,
      authorName: row.authorName,
      createdAt: iso(row.createdAt),
    })),
  };
}

export function eventOf(row: EventRow): z.input<typeof EventPage>["events"][number] {
  return {
    id: row.id,
    participantId: row.participantId,
    kind: row.kind,
    area: row.area,
    actorRole: row.actorRole as "participant" | "relative" | "case_system",
    details: row.details && typeof row.details === "object" ? (row.details as Record<string, unknown>) : {},
    occurredAt: iso(row.occurredAt),
  };
}

export function planBody(plan: PlanRecord): z.input<typeof JobcentrePlan> {
  return {
    planId: plan.planId,
    participantId: plan.participantId,
    version: plan.version,
    updatedAt: iso(plan.updatedAt),
    updatedByName: plan.updatedByName,
    employmentGoal: plan.employmentGoal,
    nextStep: plan.nextStep,
    subGoals: plan.subGoals,
    activities: plan.activities.map((activity) => ({ ...activity, hoursPerWeek: activity.hoursPerWeek === null ? null : Number(activity.hoursPerWeek) })),
    agreements: plan.agreements,
    contacts: plan.contacts,
  };
}

export function meetingBody(meeting: CaseSystemMeeting): z.input<typeof Meeting> {
  const { sequence, startsAt, endsAt, createdAt, updatedAt, ...rest } = meeting;
  return { ...rest, startsAt: iso(startsAt), endsAt: iso(endsAt), createdAt: iso(createdAt), updatedAt: iso(updatedAt), version: sequence };
}

export function messageSentBody(participantId: string, sent: Extract<CaseSystemMessageResult, { status: "sent" }>, authorName: string): z.input<typeof MessageSent> {
  return {
    participantId,
    conversationId: sent.conversationId,
    messageId: sent.messageId,
    startedConversation: sent.startedConversation,
    authorName,
    sentAt: iso(sent.sentAt),
  };
}
