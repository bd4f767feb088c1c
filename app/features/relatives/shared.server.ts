import type { PlanView } from "~/features/plan";
import { isWritable, partBySlug, type WritablePartKey } from "~/features/preparation";
import { aboutParticipant } from "~/lib/addressee";
import { notFound } from "~/lib/auth.server";

// What a relative's read-only pages make of other areas' data before it leaves the server.

/** The plan as a relative reads it: text the jobcentre wrote to the participant is worded about her. */
export function relativePlanView(view: PlanView, firstName: string) {
  const about = (text: string) => aboutParticipant(text, firstName);
  const maybe = (text: string | null) => (text ? about(text) : text);
  return {
    version: view.version,
    updatedAt: view.updatedAt,
    updatedByName: view.updatedByName,
    employmentGoal: about(view.employmentGoal),
    nextStep: maybe(view.nextStep),
    ownGoal: view.ownGoal,
    subGoals: view.subGoals.map((goal) => ({
      ...goal,
      title: about(goal.title),
      description: maybe(goal.description),
      helperText: maybe(goal.helperText),
      participantStatus: null,
      participantComment: null,
      participantUpdatedAt: null,
    })),
    activities: view.activities.map((activity) => ({ ...activity, purpose: about(activity.purpose), place: maybe(activity.place) })),
    agreements: view.agreements.map((agreement) => ({ ...agreement, text: about(agreement.text), ownerText: maybe(agreement.ownerText) })),
    contacts: view.contacts,
  };
}

/** A part of the preparation a relative may read and remark on (not "Om mødet"), or 404. */
export function writablePart(slug: string | undefined) {
  const part = partBySlug(slug);
  if (!part || !isWritable(part)) throw notFound();
  return part as typeof part & { key: WritablePartKey };
}
