import { useTranslation } from "react-i18next";
import { formatLongDate, useAnswerLabel } from "./components";
import { excerpt, firstOf } from "./excerpt";
import type { Briefing } from "./queries.server";
import { formatTime } from "~/lib/dates";

/**
 * The one-page printed briefing. The screen shows everything the participant shared; on paper a
 * caseworker needs the meeting at a glance, so each text is cut to its first words and each list
 * to its first items, with "and N more" where something was left out. The limits below keep the
 * worst case (every part shared, every field full) on one A4 page; a test prints that case.
 * Shown only in print (`.cw-print-only`), so it has no ids and is not read twice on screen.
 */
const LIMIT = {
  meetingText: 200,
  absences: 1,
  absenceText: 100,
  goalText: 140,
  subGoals: 3,
  subGoalTitle: 50,
  subGoalComment: 50,
  planQuestionText: 100,
  answersPerPart: 2,
  answerText: 80,
  label: 45,
  listText: 130,
  networkText: 220,
} as const;

export function PrintBriefing({ briefing }: { briefing: Briefing }) {
  return (
    <div className="cw-print-only cw-print">
      <PrintMeeting briefing={briefing} />
      <PrintAbsences briefing={briefing} />
      <PrintPlan briefing={briefing} />
      <PrintPreparation briefing={briefing} />
      <PrintCv briefing={briefing} />
      <PrintNetwork briefing={briefing} />
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

function PrintMeeting({ briefing }: { briefing: Briefing }) {
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
  const where = [meeting.placeName, meeting.address].filter(Boolean).join(", ");
  const wanted = briefing.network?.people.filter((person) => person.wantedAtMeeting) ?? [];
  const who = [
    ...meeting.attendees.map((attendee) => `${attendee.name} (${attendee.roleText})`),
    ...meeting.bisidders.map((bisidder) => `${bisidder.name} (${t("briefing.print.bisidder", { relation: bisidder.relation })})`),
  ];
  return (
    <section className="cw-print__section">
      <h2>{t("briefing.meetingHeading")}</h2>
      <p>
        <strong>{excerpt(meeting.title, 80)}</strong>
      </p>
      <p>{[when, t(`modes.${meeting.mode}`), excerpt(where, 90)].filter(Boolean).join(" · ")}</p>
      <Line label={t("briefing.whoHeading")}>{who.length > 0 ? excerpt(who.join(", "), LIMIT.listText) : t("briefing.noAttendees")}</Line>
      {wanted.length > 0 ? (
        <Line label={t("briefing.wantedFromNetwork")}>{excerpt(wanted.map((person) => person.name).join(", "), LIMIT.listText)}</Line>
      ) : null}
      {meeting.questions ? <Line label={t("briefing.questions")}>{excerpt(meeting.questions, LIMIT.meetingText)}</Line> : null}
      {meeting.notes ? <Line label={t("briefing.notes")}>{excerpt(meeting.notes, LIMIT.meetingText)}</Line> : null}
      {!meeting.questions && !meeting.notes ? <p>{t("briefing.noQuestions", { name: briefing.participant.name })}</p> : null}
    </section>
  );
}

function PrintAbsences({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation("caseworker");
  if (briefing.absenceRequests.length === 0) return null;
  const { shown, more } = firstOf(briefing.absenceRequests, LIMIT.absences);
  return (
    <section className="cw-print__section">
      <h2>{t("briefing.absenceHeading")}</h2>
      {shown.map((absence) => (
        <Line key={absence.id} label={`${excerpt(absence.meeting.title, 60)}, ${formatLongDate(absence.meeting.startsAt, i18n.language)}`}>
          {excerpt(absence.reason, LIMIT.absenceText)}
        </Line>
      ))}
      <More count={more} />
    </section>
  );
}

function PrintPlan({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation("caseworker");
  const plan = briefing.plan;
  if (!plan) return null;
  const status = (value: string) => t(`briefing.subGoalStatus.${value}`);
  const { shown, more } = firstOf(plan.subGoals, LIMIT.subGoals);
  // Newest first (the view's order).
  const latestQuestion = plan.questions.find((question) => question.comment);
  return (
    <section className="cw-print__section">
      <h2>{t("briefing.planHeading")}</h2>
      <p className="cw-print__meta">
        {t("briefing.planVersion", { version: plan.version, date: formatLongDate(plan.updatedAt, i18n.language) })}.{" "}
        {plan.lastReadVersion === plan.version ? t("briefing.planRead", { version: plan.version }) : t("briefing.planNotRead")}.
      </p>
      <Line label={t("briefing.employmentGoal")}>{excerpt(plan.employmentGoal, LIMIT.goalText)}</Line>
      <Line label={t("briefing.ownGoal")}>{plan.ownGoal ? excerpt(plan.ownGoal, LIMIT.goalText) : t("briefing.ownGoalMissing")}</Line>
      {shown.length > 0 ? (
        <ul>
          {shown.map((goal) => (
            <li key={goal.id}>
              {excerpt(goal.title, LIMIT.subGoalTitle)} ({t("briefing.subGoalJobcentre", { status: status(goal.status) })}
              {goal.participantStatus ? `; ${t("briefing.subGoalOwn", { status: status(goal.participantStatus) })}` : null})
              {goal.participantComment ? `: «${excerpt(goal.participantComment, LIMIT.subGoalComment)}»` : null}
            </li>
          ))}
        </ul>
      ) : null}
      <More count={more} />
      {plan.questions.length > 0 ? (
        <p>
          <strong>{t("briefing.print.planQuestions", { count: plan.questions.length })}</strong>
          {latestQuestion?.comment
            ? `. ${t("briefing.print.latest")}: «${excerpt(latestQuestion.comment, LIMIT.planQuestionText)}»`
            : null}
        </p>
      ) : null}
    </section>
  );
}

function PrintPreparation({ briefing }: { briefing: Briefing }) {
  const { t } = useTranslation(["caseworker", "preparation"]);
  const label = useAnswerLabel();
  return (
    <section className="cw-print__section">
      <h2>{t("caseworker:briefing.preparationHeading")}</h2>
      {briefing.preparation.length === 0 ? <p>{t("caseworker:briefing.preparationNone", { name: briefing.participant.name })}</p> : null}
      {briefing.preparation.map((part) => {
        const { shown, more } = firstOf(Object.entries(part.answers), LIMIT.answersPerPart);
        return (
          <div key={part.part} className="cw-print__part">
            <h3>{t(`preparation:parts.${part.part}.title`, { defaultValue: part.part })}</h3>
            {shown.map(([field, text]) => (
              <Line key={field} label={excerpt(label(part.part, field), LIMIT.label)}>
                {excerpt(text, LIMIT.answerText)}
              </Line>
            ))}
            {more > 0 || part.tasks.length > 0 || part.remarks.length > 0 ? (
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

function PrintCv({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation("caseworker");
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
        wishes.hoursPerWeek !== null ? t("briefing.hoursValue", { count: wishes.hoursPerWeek }) : null,
        wishes.maxCommuteMinutes !== null ? t("briefing.commuteValue", { count: wishes.maxCommuteMinutes }) : null,
        wishes.areas ? excerpt(wishes.areas, 60) : null,
      ].filter(Boolean)
    : [];
  return (
    <section className="cw-print__section">
      <h2>{t("briefing.cvHeading")}</h2>
      <p className="cw-print__meta">
        {t("briefing.cvShared", { date: formatLongDate(cv.sharedAt, i18n.language) })}
        {cv.changedSinceShared ? `. ${t("briefing.cvChanged")}` : null}
      </p>
      {wishes && wishes.fields.length > 0 ? <Line label={t("briefing.fields")}>{excerpt(wishes.fields.join(", "), LIMIT.listText)}</Line> : null}
      {terms.length > 0 ? <Line label={t("briefing.print.terms")}>{terms.join(" · ")}</Line> : null}
      {wishes?.accommodations ? <Line label={t("briefing.accommodations")}>{excerpt(wishes.accommodations, LIMIT.goalText)}</Line> : null}
      {work.length > 0 ? <Line label={t("briefing.print.experience")}>{excerpt(work.join(", "), LIMIT.listText)}</Line> : null}
      {!wishes || (wishes.fields.length === 0 && terms.length === 0 && !wishes.accommodations) ? <p>{t("briefing.noWishes")}</p> : null}
    </section>
  );
}

function PrintNetwork({ briefing }: { briefing: Briefing }) {
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
      person.relation ? excerpt(person.relation, 24) : null,
      person.stance ? t(`briefing.stances.${person.stance}`).toLowerCase() : null,
    ].filter(Boolean);
    return notes.length > 0 ? `${excerpt(person.name, 32)} (${notes.join(", ")})` : excerpt(person.name, 32);
  });
  // As many people as fit in a few lines; the rest are counted.
  const names: string[] = [];
  for (const text of described) {
    if (names.length > 0 && [...names, text].join(", ").length > LIMIT.networkText) break;
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
