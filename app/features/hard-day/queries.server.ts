import { getOverview, type Overview } from "~/features/overview/index.server";

/** What the calm page shows: the next meeting, the plan's next step, and the caseworker's name. */
export interface HardDayToday {
  now: Date;
  nextAppointment: Pick<NonNullable<Overview["nextAppointment"]>, "id" | "title" | "startsAt" | "endsAt" | "mode" | "placeName" | "address"> | null;
  nextStep: string | null;
  caseworkerName: string | null;
}

/** Asked of the overview, which asks the plan and the meetings: the areas' own words, no copy. */
export async function getHardDayToday(participantId: string, now = new Date()): Promise<HardDayToday> {
  const overview = await getOverview(participantId, now);
  const next = overview.nextAppointment;
  return {
    now,
    nextAppointment: next
      ? {
          id: next.id,
          title: next.title,
          startsAt: next.startsAt,
          endsAt: next.endsAt,
          mode: next.mode,
          placeName: next.placeName,
          address: next.address,
        }
      : null,
    nextStep: overview.goal?.nextStep ?? null,
    caseworkerName: overview.caseworker?.name ?? null,
  };
}
