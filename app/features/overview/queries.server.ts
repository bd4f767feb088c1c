import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  appointmentAttendees,
  appointments,
  participantContacts,
  plans,
  professionals,
} from "../../../db/schema";

export interface Overview {
  nextAppointment: {
    id: string;
    kind: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    mode: "in_person" | "phone" | "video";
    placeName: string | null;
    address: string | null;
    phoneNote: string | null;
    attendees: { name: string; roleText: string }[];
  } | null;
  goal: { ownGoal: string | null; employmentGoal: string; nextStep: string | null } | null;
  caseworker: { name: string; phone: string | null; email: string | null; reachableText: string | null } | null;
}

/** What the participant sees first: their next meeting, their goal and next step, and who to call. */
export async function getOverview(participantId: string, now = new Date()): Promise<Overview> {
  const database = await db();
  const [[next], [plan], [caseworker]] = await Promise.all([
    database
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.participantId, participantId),
          gt(appointments.endsAt, now),
          inArray(appointments.status, ["planned", "moved"]),
        ),
      )
      .orderBy(asc(appointments.startsAt))
      .limit(1),
    database
      .select({ ownGoal: plans.ownGoal, employmentGoal: plans.employmentGoal, nextStep: plans.nextStep })
      .from(plans)
      .where(eq(plans.participantId, participantId)),
    database
      .select({
        name: professionals.name,
        phone: professionals.phone,
        email: professionals.email,
        reachableText: professionals.reachableText,
      })
      .from(participantContacts)
      .innerJoin(professionals, eq(professionals.id, participantContacts.professionalId))
      .where(
        and(
          eq(participantContacts.participantId, participantId),
          eq(participantContacts.role, "koordinerende_sagsbehandler"),
        ),
      )
      .orderBy(desc(participantContacts.isPrimary))
      .limit(1),
  ]);

  const attendees = next
    ? await database
        .select({ name: appointmentAttendees.name, roleText: appointmentAttendees.roleText })
        .from(appointmentAttendees)
        .where(eq(appointmentAttendees.appointmentId, next.id))
        .orderBy(asc(appointmentAttendees.sortOrder))
    : [];

  return {
    nextAppointment: next
      ? {
          id: next.id,
          kind: next.kind,
          title: next.title,
          startsAt: next.startsAt,
          endsAt: next.endsAt,
          mode: next.mode,
          placeName: next.placeName,
          address: next.address,
          phoneNote: next.phoneNote,
          attendees,
        }
      : null,
    goal: plan ?? null,
    caseworker: caseworker ?? null,
  };
}
