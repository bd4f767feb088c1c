import { createTaggedPdf } from "~/lib/pdf.server";
import { formatDate, formatTime } from "~/lib/dates";
import { formatDay, formatDocumentMoment, formatHours, formatMomentDay } from "~/lib/dates";
import type { PlanView } from "./view";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Renders the whole plan as a tagged A4 PDF with real text, in the page's language. */
export async function renderPlanPdf(view: PlanView, options: { name: string; language: string; t: Translate; now?: Date }) {
  const { name, language, t } = options;
  const now = options.now ?? new Date();
  const title = t("pdf.title", { name });
  const { heading, paragraph, field, gap, finish } = createTaggedPdf({ language, title, subject: t("pdf.subject") });
  const danish = language === "da" ? undefined : "da-DK";

  heading(1, title);
  paragraph(
    `${t("meta.version", { version: view.version })} ${
      view.updatedByName
        ? t("meta.updatedBy", { when: formatDocumentMoment(view.updatedAt, language), name: view.updatedByName })
        : t("meta.updated", { when: formatDocumentMoment(view.updatedAt, language) })
    }`,
  );

  heading(2, t("goal.heading"));
  heading(3, t("goal.own.heading"));
  if (view.ownGoal.text) {
    // The participant's own words: in whatever language they wrote them.
    paragraph(view.ownGoal.text);
  } else {
    paragraph(t("goal.own.missing"));
  }
  heading(3, t("goal.employment.heading"));
  paragraph(view.employmentGoal, { lang: danish });
  paragraph(t("goal.employment.hint"), { muted: true });

  if (view.nextStep || view.nextConversation) {
    heading(2, t("nextStep.heading"));
    if (view.nextStep) paragraph(view.nextStep, { lang: danish });
    if (view.nextConversation) {
      const when = `${formatDate(view.nextConversation.startsAt, language)} ${t("common:dates.timeRange", {
        start: formatTime(view.nextConversation.startsAt, language),
        end: formatTime(view.nextConversation.endsAt, language),
      })}`;
      field(t("nextStep.conversation").replace(/:$/, ""), `${view.nextConversation.title}, ${when}`);
    }
  }

  heading(2, t("subGoals.heading"));
  if (view.subGoals.length === 0) paragraph(t("subGoals.none"));
  for (const goal of view.subGoals) {
    heading(3, goal.title, danish);
    if (goal.description) paragraph(goal.description, { lang: danish });
    field(t("subGoals.status"), t(`status.subGoal.${goal.status}`));
    if (goal.helperText) field(t("subGoals.helper"), goal.helperText, danish);
    if (goal.dueOn) field(t("subGoals.due"), t("subGoals.dueValue", { date: formatDay(goal.dueOn, language) }));
    if (goal.participantStatus) {
      const marked = goal.participantUpdatedAt
        ? ` ${t("subGoals.markedWhen", { when: formatDocumentMoment(goal.participantUpdatedAt, language) })}`
        : "";
      field(t("subGoals.yourMark"), `${t(`status.subGoal.${goal.participantStatus}`)}${marked}`);
      if (goal.participantComment) paragraph(`“${goal.participantComment}”`);
    }
    gap();
  }

  heading(2, t("activities.heading"));
  paragraph(t("activities.intro"));
  if (view.activities.length === 0) paragraph(t("activities.none"));
  for (const activity of view.activities) {
    const kind = t(`kinds.${activity.kind}.name`);
    heading(3, kind.toLowerCase() === activity.title.toLowerCase() ? activity.title : `${activity.title} (${kind})`);
    field(t("activities.purpose"), activity.purpose, danish);
    if (activity.responsibleName) field(t("activities.responsible"), activity.responsibleName, danish);
    if (activity.place) field(t("activities.place"), activity.place, danish);
    const start = activity.startsOn ? formatDay(activity.startsOn, language) : null;
    const end = activity.endsOn ? formatDay(activity.endsOn, language) : null;
    const period =
      start && end
        ? t("activities.periodValue", { start, end })
        : start
          ? t("activities.periodFrom", { start })
          : end
            ? t("activities.periodUntil", { end })
            : null;
    if (period) field(t("activities.period"), period);
    if (activity.hoursPerWeek) {
      field(t("activities.hours"), t("activities.hoursValue", { hours: formatHours(activity.hoursPerWeek, language) }));
    }
    field(t("activities.status"), t(`status.activity.${activity.status}`));
    paragraph(t(`kinds.${activity.kind}.text`), { muted: true });
    gap();
  }

  heading(2, t("agreements.heading"));
  if (view.agreements.length === 0) paragraph(t("agreements.none"));
  for (const agreement of view.agreements) {
    paragraph(agreement.text, { lang: danish });
    if (agreement.ownerText) field(t("agreements.who"), agreement.ownerText, danish);
    if (agreement.dueOn) field(t("agreements.when"), t("agreements.dueValue", { date: formatDay(agreement.dueOn, language) }));
    gap();
  }

  heading(2, t("contacts.heading"));
  for (const contact of view.contacts) {
    heading(3, contact.name);
    paragraph(t(`contacts.roles.${contact.role}`));
    field(t("contacts.organisation"), contact.organisation, danish);
    if (contact.phone) field(t("contacts.phone"), contact.phone);
    if (contact.email) field(t("contacts.email"), contact.email);
    if (contact.reachableText) field(t("contacts.reachable"), contact.reachableText, danish);
    gap();
  }

  gap();
  paragraph(t("print.printedAt", { date: formatMomentDay(now, language) }), { muted: true });
  return finish((page, pages) => t("pdf.page", { page, pages }));
}
