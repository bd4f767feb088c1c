import { useTranslation } from "~/lib/i18n/react";
import { CvSharedText, formatLongDate, meetingPlace, PlanVersionText, useAnswerLabel, wantedAtMeeting } from "./components";
import { excerpt, firstOf } from "./excerpt";
import { PrintProgress, progressPrintLines } from "./ProgressBriefing";
import type { Briefing } from "./queries.server";
import type { BriefingView } from "./shared-progress";
import { formatHours } from "~/features/cv";
import { formatTime } from "~/lib/dates";

/**
 * The one-page printed briefing, shown only in print (`.cw-print-only`, so it has no ids and is
 * not read twice on screen). When everything the participant shared fits on one A4 page, it is
 * printed whole. When it does not, each text is cut to its first words and each list to its first
 * items, with "og 5 mere, se skærmen" where something was left out; the screen keeps everything.
 * The short limits keep the worst case (every part shared, every field full) on one page, and the
 * whole version is chosen only below a line count that fits; tests print both. "Sådan går det"
 * (issue 22, ProgressBriefing.tsx) took its room in the short version from the meeting's texts,
 * the goals, the answers and the network (200, 140, 80 and 220 characters before).
 */
const SHORT = {
  meetingTitle: 80,
  place: 90,
  meetingText: 160,
  absences: 1,
  absenceText: 100,
  goalText: 120,
  subGoals: 3,
  subGoalTitle: 50,
  subGoalComment: 50,
  planQuestionText: 100,
  answersPerPart: 2,
  answerText: 70,
  label: 45,
  listText: 130,
  networkText: 180,
  areas: 60,
  personName: 32,
  relation: 24,
};
type Limits = typeof SHORT;
const WHOLE: Limits = Object.fromEntries(Object.keys(SHORT).map((key) => [key, Infinity])) as Limits;

/** Lines the whole version takes, counted generously: 48 characters a line, labels included. */
function wholeBriefingLines(briefing: BriefingView): number {
  const lines = (...texts: (string | null | undefined)[]) => Math.max(1, Math.ceil(texts.filter(Boolean).join(" ").length / 48));
  const label = "x".repeat(30);
  const meeting = briefing.nextMeeting;
  const network = briefing.network?.people ?? [];
  let total = 8 + 6 * 2; // the header, and each section's heading and rule
  if (meeting) {
    total += lines(meeting.title) + lines(meeting.placeName, meeting.address, label);
    total += lines(label, ...meeting.attendees.map((a) => `${a.name} (${a.roleText}), `), ...meeting.bisidders.map((b) => `${b.name} (${b.relation}), ${label}`));
    total += lines(label, ...network.filter((person) => person.wantedAtMeeting).map((person) => `${person.name}, `));
    total += lines(label, meeting.questions) + lines(label, meeting.notes);
  }
  for (const absence of briefing.absenceRequests) total += lines(label, absence.meeting.title, absence.reason);
  if (briefing.plan) {
    const latestQuestion = briefing.plan.questions.find((question) => question.comment);
    total += 2 + lines(label, briefing.plan.employmentGoal) + lines(label, briefing.plan.ownGoal) + lines(label, latestQuestion?.comment);
    for (const goal of briefing.plan.subGoals) total += lines(goal.title, label, label, goal.participantComment);
  }
  for (const part of briefing.preparation) {
    total += 2 + Object.values(part.answers).reduce((sum, text) => sum + lines(label, label, text), 0);
    if (part.tasks.length > 0) total += lines(label, ...part.tasks.map((task) => `${task}, `));
    for (const remark of part.remarks) total += lines(label, remark.body);
  }
  if (briefing.cv) {
    const wishes = briefing.cv.wishes;
    total += 2 + lines(label, ...(wishes?.fields ?? [])) + 1 + lines(label, wishes?.accommodations);
    total += lines(label, ...briefing.cv.entries.filter((entry) => entry.kind === "work" || entry.kind === "education").map((entry) => `${entry.title}, `));
  }
  total += lines(...network.map((person) => `${person.name} (${person.relation ?? ""}, ${label}), `));
  total += progressPrintLines(briefing.progress, lines);
  return total;
}

/**
 * Lines are counted generously (48 characters each, 30 for every label), so 140 counted lines
 * fill about three quarters of the page; the tests print the largest briefings of two shapes that
 * pass, in Danish and English, and check for one page.
 */
const WHOLE_BRIEFING_MAX_LINES = 140;

export function printsWhole(briefing: BriefingView): boolean {
  return wholeBriefingLines(briefing) <= WHOLE_BRIEFING_MAX_LINES;
}

export function PrintBriefing({ briefing }: { briefing: BriefingView }) {
  const whole = printsWhole(briefing);
  const limits = whole ? WHOLE : SHORT;
  return (
    <div className="cw-print-only cw-print">
      <PrintMeeting briefing={briefing} limits={limits} />
      <PrintAbsences briefing={briefing} limits={limits} />
      <PrintPlan briefing={briefing} limits={limits} />
      <PrintPreparation briefing={briefing} limits={limits} />
      <PrintCv briefing={briefing} limits={limits} />
      <PrintNetwork briefing={briefing} limits={limits} />
      <PrintProgress progress={briefing.progress} short={!whole} />
    </div>
  );
}

function Line({ label, children }: { label?: string; children: React.ReactNode }) {
  return (
    <p>
      {label ? <strong>{/[?:]$/.test(label) ? `${label} ` : `${label}: `}</strong> : null}
      {children}
    </p>
  );
}

function More({ count }: { count: number }) {
  const { t } = useTranslation("caseworker");
  if (count === 0) return null;
  return <p className="cw-print__more">{t("briefing.print.more", { count })}</p>;
}

function PrintMeeting({ briefing, limits }: { briefing: Briefing; limits: Limits }) {
  const { t, i18n } = useTranslation("caseworker");
  const meeting = briefing.nextMeeting;
  if (!meeting) {
    return (
      <section className="cw-print__section">
        <h2>{t("briefing.meetingHeading")}</h2>
        <p>{t("briefing.noMeeting")}</p>
      </section>
    );
  }
  const when = `${formatLongDate(meeting.startsAt, i18n.language)} ${formatTime(meeting.startsAt, i18n.language)}–${formatTime(meeting.endsAt, i18n.language)}`;
  const where = meetingPlace(meeting);
  const wanted = wantedAtMeeting(briefing);
  const who = [
    ...meeting.attendees.map((attendee) => `${attendee.name} (${attendee.roleText})`),
    ...meeting.bisidders.map((bisidder) => `${bisidder.name} (${t("briefing.print.bisidder", { relation: bisidder.relation })})`),
  ];
  return (
    <section className="cw-print__section">
      <h2>{t("briefing.meetingHeading")}</h2>
      <p>
        <strong>{excerpt(meeting.title, limits.meetingTitle)}</strong>
      </p>
      <p>{[when, t(`modes.${meeting.mode}`), excerpt(where, limits.place)].filter(Boolean).join(" · ")}</p>
      <Line label={t("briefing.whoHeading")}>{who.length > 0 ? excerpt(who.join(", "), limits.listText) : t("briefing.noAttendees")}</Line>
      {wanted.length > 0 ? (
        <Line label={t("briefing.wantedFromNetwork")}>{excerpt(wanted.map((person) => person.name).join(", "), limits.listText)}</Line>
      ) : null}
      {meeting.questions ? <Line label={t("briefing.questions")}>{excerpt(meeting.questions, limits.meetingText)}</Line> : null}
      {meeting.notes ? <Line label={t("briefing.notes")}>{excerpt(meeting.notes, limits.meetingText)}</Line> : null}
      {!meeting.questions && !meeting.notes ? <p>{t("briefing.noQuestions", { name: briefing.participant.name })}</p> : null}
    </section>
  );
}

function PrintAbsences({ briefing, limits }: { briefing: Briefing; limits: Limits }) {
  const { t, i18n } = useTranslation("caseworker");
  if (briefing.absenceRequests.length === 0) return null;
  const { shown, more } = firstOf(briefing.absenceRequests, limits.absences);
  return (
    <section className="cw-print__section">
      <h2>{t("briefing.absenceHeading")}</h2>
      {shown.map((absence) => (
        <Line key={absence.id} label={`${excerpt(absence.meeting.title, limits.meetingTitle)}, ${formatLongDate(absence.meeting.startsAt, i18n.language)}`}>
          {excerpt(absence.reason, limits.absenceText)}
        </Line>
      ))}
      <More count={more} />
    </section>
  );
}

function PrintPlan({ briefing, limits }: { briefing: Briefing; limits: Limits }) {
  const { t } = useTranslation("caseworker");
  const plan = briefing.plan;
  if (!plan) return null;
  const status = (value: string) => t(`briefing.subGoalStatus.${value}`);
  const { shown, more } = firstOf(plan.subGoals, limits.subGoals);
  // Newest first (the view's order).
  const latestQuestion = plan.questions.find((question) => question.comment);
  return (
    <section className="cw-print__section">
      <h2>{t("briefing.planHeading")}</h2>
      <p className="cw-print__meta">
        <PlanVersionText plan={plan} />
      </p>
      <Line label={t("briefing.employmentGoal")}>{excerpt(plan.employmentGoal, limits.goalText)}</Line>
      <Line label={t("briefing.ownGoal")}>{plan.ownGoal ? excerpt(plan.ownGoal, limits.goalText) : t("briefing.ownGoalMissing")}</Line>
      {shown.length > 0 ? (
        <ul>
          {shown.map((goal) => (
            <li key={goal.id}>
              {excerpt(goal.title, limits.subGoalTitle)} ({t("briefing.subGoalJobcentre", { status: status(goal.status) })}
              {goal.participantStatus ? `; ${t("briefing.subGoalOwn", { status: status(goal.participantStatus) })}` : null})
              {goal.participantComment ? `: »${excerpt(goal.participantComment, limits.subGoalComment)}«` : null}
            </li>
          ))}
        </ul>
      ) : null}
      <More count={more} />
      {plan.questions.length > 0 ? (
        <p>
          <strong>{t("briefing.print.planQuestions", { count: plan.questions.length })}</strong>
          {latestQuestion?.comment
            ? `. ${t("briefing.print.latest")}: »${excerpt(latestQuestion.comment, limits.planQuestionText)}«`
            : null}
        </p>
      ) : null}
    </section>
  );
}

function PrintPreparation({ briefing, limits }: { briefing: Briefing; limits: Limits }) {
  const { t } = useTranslation(["caseworker", "preparation"]);
  const label = useAnswerLabel();
  const whole = limits === WHOLE;
  return (
    <section className="cw-print__section">
      <h2>{t("caseworker:briefing.preparationHeading")}</h2>
      {briefing.preparation.length === 0 ? <p>{t("caseworker:briefing.preparationNone", { name: briefing.participant.name })}</p> : null}
      {briefing.preparation.map((part) => {
        const { shown, more } = firstOf(Object.entries(part.answers), limits.answersPerPart);
        return (
          <div key={part.part} className="cw-print__part">
            <h3>{t(`preparation:parts.${part.part}.title`, { defaultValue: part.part })}</h3>
            {shown.map(([field, text]) => (
              <Line key={field} label={excerpt(label(part.part, field), limits.label)}>
                {excerpt(text, limits.answerText)}
              </Line>
            ))}
            {whole && part.tasks.length > 0 ? <Line label={t("caseworker:briefing.tasks")}>{part.tasks.join(", ")}</Line> : null}
            {whole
              ? part.remarks.map((remark) => (
                  <Line
                    key={remark.id}
                    label={t("caseworker:briefing.print.remarkBy", {
                      name: remark.authorRelation ? `${remark.authorFirstName} (${remark.authorRelation})` : remark.authorFirstName,
                    })}
                  >
                    {excerpt(remark.body, Infinity)}
                  </Line>
                ))
              : null}
            {!whole && (more > 0 || part.tasks.length > 0 || part.remarks.length > 0) ? (
              <p className="cw-print__more">
                {[
                  more > 0 ? t("caseworker:briefing.print.moreAnswers", { count: more }) : null,
                  part.tasks.length > 0 ? t("caseworker:briefing.print.tasks", { count: part.tasks.length }) : null,
                  part.remarks.length > 0 ? t("caseworker:briefing.print.remarks", { count: part.remarks.length }) : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function PrintCv({ briefing, limits }: { briefing: Briefing; limits: Limits }) {
  const { t } = useTranslation("caseworker");
  const cv = briefing.cv;
  if (!cv) {
    return (
      <section className="cw-print__section">
        <h2>{t("briefing.cvHeading")}</h2>
        <p>{t("briefing.cvNone", { name: briefing.participant.name })}</p>
      </section>
    );
  }
  const wishes = cv.wishes;
  const work = cv.entries.filter((entry) => entry.kind === "work" || entry.kind === "education").map((entry) => entry.title);
  const terms = wishes
    ? [
        formatHours(wishes.hoursPerWeek, wishes.hoursPerWeekMax, t, "briefing") || null,
        wishes.maxCommuteMinutes !== null ? t("briefing.commuteValue", { count: wishes.maxCommuteMinutes }) : null,
        wishes.areas ? excerpt(wishes.areas, limits.areas) : null,
      ].filter(Boolean)
    : [];
  return (
    <section className="cw-print__section">
      <h2>{t("briefing.cvHeading")}</h2>
      <p className="cw-print__meta">
        <CvSharedText cv={cv} />
      </p>
      {wishes && wishes.fields.length > 0 ? <Line label={t("briefing.fields")}>{excerpt(wishes.fields.join(", "), limits.listText)}</Line> : null}
      {terms.length > 0 ? <Line label={t("briefing.print.terms")}>{terms.join(" · ")}</Line> : null}
      {wishes?.accommodations ? <Line label={t("briefing.accommodations")}>{excerpt(wishes.accommodations, limits.goalText)}</Line> : null}
      {work.length > 0 ? <Line label={t("briefing.print.experience")}>{excerpt(work.join(", "), limits.listText)}</Line> : null}
      {!wishes || (wishes.fields.length === 0 && terms.length === 0 && !wishes.accommodations) ? <p>{t("briefing.noWishes")}</p> : null}
    </section>
  );
}

function PrintNetwork({ briefing, limits }: { briefing: Briefing; limits: Limits }) {
  const { t } = useTranslation("caseworker");
  const network = briefing.network;
  if (!network) {
    return (
      <section className="cw-print__section">
        <h2>{t("briefing.networkHeading")}</h2>
        <p>{t("briefing.networkNone", { name: briefing.participant.name })}</p>
      </section>
    );
  }
  const described = network.people.map((person) => {
    const notes = [
      person.relation ? excerpt(person.relation, limits.relation) : null,
      person.stance ? t(`briefing.stances.${person.stance}`).toLowerCase() : null,
    ].filter(Boolean);
    return notes.length > 0 ? `${excerpt(person.name, limits.personName)} (${notes.join(", ")})` : excerpt(person.name, limits.personName);
  });
  // As many people as fit in a few lines; the rest are counted.
  const names: string[] = [];
  for (const text of described) {
    if (names.length > 0 && [...names, text].join(", ").length > limits.networkText) break;
    names.push(text);
  }
  const more = described.length - names.length;
  return (
    <section className="cw-print__section">
      <h2>{t("briefing.networkHeading")}</h2>
      <p>{names.join(", ")}</p>
      <More count={more} />
    </section>
  );
}
