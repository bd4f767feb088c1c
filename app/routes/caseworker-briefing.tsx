import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Route } from "./+types/caseworker-briefing";
import { PageTitle } from "~/components/layout/PageTitle";
import { requireCaseworkerStrict } from "~/features/caseworker/access.server";
import { recordBriefingViewed } from "~/features/caseworker/commands.server";
import { formatLongDate, MeetingTime, OwnWords, useAnswerLabel } from "~/features/caseworker/components";
import stylesheet from "~/features/caseworker/caseworker.css?url";
import { PrintBriefing, printsWhole } from "~/features/caseworker/PrintBriefing";
import { getBriefing, type Briefing, type SharedPart } from "~/features/caseworker/queries.server";
import { notFound } from "~/lib/auth.server";
import { formatHours } from "~/features/cv/hours";
import { formatPartialDate } from "~/features/cv/partial-date";
import { formatTime } from "~/lib/dates";
import { requestIdOf } from "~/lib/request.server";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireCaseworkerStrict(context);
  const briefing = await getBriefing(user.personId, params.participantId);
  if (!briefing) throw notFound();
  // Recorded only once the page is found: a refused address is not "seen".
  await recordBriefingViewed({
    caseworkerPersonId: user.personId,
    participantId: briefing.participant.id,
    requestId: requestIdOf(context),
  });
  return { briefing, printedAt: new Date() };
}

/** The print button needs JavaScript; without it the page says how to print from the browser. */
function PrintButton() {
  const { t } = useTranslation("caseworker");
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("briefing.printButton")}
    </button>
  );
}

export default function CaseworkerBriefingPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("caseworker");
  const { briefing } = loaderData;
  const { participant } = briefing;
  const longDate = (value: Date | string) => formatLongDate(value, i18n.language);
  const title = t("briefing.title", { name: participant.name });
  return (
    <>
      <PageTitle title={title} />
      <p className="cw-actions">
        <a href="/sagsbehandler" className="back-link">
          {t("briefing.back")}
        </a>
      </p>
      <article className="cw-briefing">
        <header className="cw-briefing__header">
          <h1 tabIndex={-1}>{title}</h1>
          <p className="cw-screen-only">{t("briefing.intro", { name: participant.name })}</p>
          <p className="meta cw-screen-only">{t("briefing.logged", { name: participant.name })}</p>
          <div className="cw-actions cw-print-actions">
            <p className="meta">{t("briefing.printHowTo")}</p>
            <PrintButton />
          </div>
          <p className="meta cw-print-only">
            {t("briefing.printedAt", { date: longDate(loaderData.printedAt) })}.
            {printsWhole(briefing) ? null : ` ${t("briefing.print.shortVersion")}`}
          </p>
          <h2 className="visually-hidden">{t("briefing.facts")}</h2>
          <dl className="cw-facts">
            <div>
              <dt>{t("briefing.programme")}</dt>
              <dd>{t(`programme.${participant.programme}`)}</dd>
            </div>
            <div>
              <dt>{t("briefing.status")}</dt>
              <dd>{t(`status.${participant.status}`)}</dd>
            </div>
            {participant.startedOn ? (
              <div>
                <dt>{t("briefing.started")}</dt>
                <dd>{longDate(participant.startedOn)}</dd>
              </div>
            ) : null}
            {participant.expectedEndOn ? (
              <div>
                <dt>{t("briefing.expectedEnd")}</dt>
                <dd>{longDate(participant.expectedEndOn)}</dd>
              </div>
            ) : null}
            {participant.caseworkerName ? (
              <div>
                <dt>{t("briefing.caseworker")}</dt>
                <dd>{participant.caseworkerName}</dd>
              </div>
            ) : null}
          </dl>
        </header>
        <PrintBriefing briefing={briefing} />
        <div className="cw-briefing__body cw-screen-only">
          <NextMeeting briefing={briefing} />
          <Absences briefing={briefing} />
          <Plan briefing={briefing} />
          <Preparation briefing={briefing} />
          <Cv briefing={briefing} />
          <Network briefing={briefing} />
        </div>
      </article>
    </>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="cw-section">
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

function NextMeeting({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation("caseworker");
  const meeting = briefing.nextMeeting;
  const name = briefing.participant.name;
  const wanted = briefing.network?.people.filter((person) => person.wantedAtMeeting) ?? [];
  if (!meeting) {
    return (
      <Section id="cw-meeting" heading={t("briefing.meetingHeading")}>
        <p>{t("briefing.noMeeting")}</p>
      </Section>
    );
  }
  const where = [meeting.placeName, meeting.address].filter(Boolean).join(", ");
  return (
    <Section id="cw-meeting" heading={t("briefing.meetingHeading")}>
      <p className="cw-meeting-title">{meeting.title}</p>
      <dl className="summary-list cw-summary">
        <div className="summary-list__row">
          <dt>{t("briefing.meetingWhen")}</dt>
          <dd>
            <MeetingTime startsAt={meeting.startsAt} />–{formatTime(meeting.endsAt, i18n.language)}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("briefing.meetingKind")}</dt>
          <dd>{t(`kinds.${meeting.kind}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("briefing.meetingMode")}</dt>
          <dd>{t(`modes.${meeting.mode}`)}</dd>
        </div>
        {where ? (
          <div className="summary-list__row">
            <dt>{t("briefing.meetingWhere")}</dt>
            <dd>{where}</dd>
          </div>
        ) : null}
      </dl>
      <h3>{t("briefing.whoHeading")}</h3>
      <h4 className="cw-label">{t("briefing.attendees")}</h4>
      {meeting.attendees.length > 0 ? (
        <ul className="cw-compact-list">
          {meeting.attendees.map((attendee, index) => (
            <li key={`${attendee.name}-${index}`}>
              {attendee.name} <span className="meta">({attendee.roleText})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("briefing.noAttendees")}</p>
      )}
      <h4 className="cw-label">{t("briefing.bisidders")}</h4>
      {meeting.bisidders.length > 0 ? (
        <ul className="cw-compact-list">
          {meeting.bisidders.map((bisidder, index) => (
            <li key={`${bisidder.name}-${index}`}>
              {bisidder.name} <span className="meta">({bisidder.relation})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("briefing.noBisidders")}</p>
      )}
      {wanted.length > 0 ? (
        <>
          <h4 className="cw-label">{t("briefing.wantedFromNetwork")}</h4>
          <ul className="cw-compact-list">
            {wanted.map((person) => (
              <li key={person.id}>
                {person.name}
                {person.relation ? <span className="meta"> ({person.relation})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("briefing.questionsHeading")}</h3>
      {meeting.questions || meeting.notes ? (
        <>
          {meeting.questions ? (
            <>
              <h4 className="cw-label">{t("briefing.questions")}</h4>
              <OwnWords text={meeting.questions} />
            </>
          ) : null}
          {meeting.notes ? (
            <>
              <h4 className="cw-label">{t("briefing.notes")}</h4>
              <OwnWords text={meeting.notes} />
            </>
          ) : null}
          {meeting.preparedAt ? (
            <p className="meta">{t("briefing.preparedAt", { date: formatLongDate(meeting.preparedAt, i18n.language) })}</p>
          ) : null}
        </>
      ) : (
        <p>{t("briefing.noQuestions", { name })}</p>
      )}
    </Section>
  );
}

function Absences({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation("caseworker");
  return (
    <Section id="cw-absence" heading={t("briefing.absenceHeading")}>
      {briefing.absenceRequests.length === 0 ? (
        <p>{t("briefing.absenceNone", { name: briefing.participant.name })}</p>
      ) : (
        <ul className="cw-compact-list cw-items">
          {briefing.absenceRequests.map((absence) => (
            <li key={absence.id}>
              <p className="cw-item-title">
                {t("briefing.absenceAbout", {
                  title: absence.meeting.title,
                  when: `${formatLongDate(absence.meeting.startsAt, i18n.language)} ${formatTime(absence.meeting.startsAt, i18n.language)}`,
                })}
              </p>
              <h3 className="cw-label">{t("briefing.absenceReason")}</h3>
              <OwnWords text={absence.reason} />
              {absence.wishForNewTime ? (
                <>
                  <h3 className="cw-label">{t("briefing.absenceWish")}</h3>
                  <OwnWords text={absence.wishForNewTime} />
                </>
              ) : null}
              <p className="meta">{t("briefing.absenceSent", { date: formatLongDate(absence.createdAt, i18n.language) })}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Plan({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation("caseworker");
  const plan = briefing.plan;
  if (!plan) return null;
  const date = (value: Date | string) => formatLongDate(value, i18n.language);
  return (
    <Section id="cw-plan" heading={t("briefing.planHeading")}>
      <p className="meta">
        {t("briefing.planVersion", { version: plan.version, date: date(plan.updatedAt) })}.{" "}
        {plan.lastReadVersion === plan.version ? t("briefing.planRead", { version: plan.version }) : t("briefing.planNotRead")}.
      </p>
      <h3 className="cw-label">{t("briefing.employmentGoal")}</h3>
      <p>{plan.employmentGoal}</p>
      <h3 className="cw-label">{t("briefing.ownGoal")}</h3>
      {plan.ownGoal ? (
        <>
          <OwnWords text={plan.ownGoal} />
          {plan.ownGoalUpdatedAt ? (
            <p className="meta">
              {plan.ownGoalAuthorRole
                ? t("briefing.ownGoalBy", { date: date(plan.ownGoalUpdatedAt), who: t(`briefing.authorRole.${plan.ownGoalAuthorRole}`) })
                : t("briefing.ownGoalAt", { date: date(plan.ownGoalUpdatedAt) })}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t("briefing.ownGoalMissing")}</p>
      )}
      {plan.subGoals.length > 0 ? (
        <>
          <h3 className="cw-label">{t("briefing.subGoals")}</h3>
          <ul className="cw-compact-list cw-items">
            {plan.subGoals.map((goal) => (
              <li key={goal.id}>
                <span className="cw-item-title">{goal.title}</span>
                <br />
                <span className="meta">
                  {t("briefing.subGoalJobcentre", { status: t(`briefing.subGoalStatus.${goal.status}`) })}
                  {goal.participantStatus
                    ? ` · ${t("briefing.subGoalOwn", { status: t(`briefing.subGoalStatus.${goal.participantStatus}`) })}`
                    : null}
                </span>
                {goal.participantComment ? <OwnWords text={goal.participantComment} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.questions.length > 0 ? (
        <>
          <h3 className="cw-label">{t("briefing.planQuestions")}</h3>
          <ul className="cw-compact-list cw-items">
            {plan.questions.map((question) => (
              <li key={question.id}>
                <span className="meta">{t("briefing.planQuestionAbout", { version: question.planVersion, date: date(question.createdAt) })}</span>
                {question.comment ? <OwnWords text={question.comment} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function PreparationPart({ part }: { part: SharedPart }) {
  const { t, i18n } = useTranslation(["caseworker", "preparation"]);
  const label = useAnswerLabel();
  const entries = Object.entries(part.answers);
  const headingId = `cw-part-${part.part}`;
  return (
    <section aria-labelledby={headingId} className="cw-part">
      <h3 id={headingId}>{t(`preparation:parts.${part.part}.title`, { defaultValue: part.part })}</h3>
      <p className="meta">
        {t("caseworker:briefing.sharedVersion", { version: part.version, date: formatLongDate(part.sharedAt, i18n.language) })}
      </p>
      {entries.length === 0 && part.tasks.length === 0 ? <p>{t("caseworker:briefing.emptyAnswers")}</p> : null}
      {entries.length > 0 ? (
        <dl className="cw-answers">
          {entries.map(([field, text]) => (
            <div key={field}>
              <dt>{label(part.part, field)}</dt>
              <dd>
                <OwnWords text={text} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {part.tasks.length > 0 ? (
        <>
          <h4 className="cw-label">{t("caseworker:briefing.tasks")}</h4>
          <ul className="cw-compact-list">
            {part.tasks.map((task, index) => (
              <li key={`${index}-${task}`}>{task}</li>
            ))}
          </ul>
        </>
      ) : null}
      {part.remarks.length > 0 ? (
        <>
          <h4 className="cw-label">{t("caseworker:briefing.remarks")}</h4>
          <ul className="cw-compact-list cw-items">
            {part.remarks.map((remark) => (
              <li key={remark.id}>
                <span className="meta">
                  {remark.authorRelation
                    ? t("caseworker:briefing.remarkBy", { name: remark.authorFirstName, relation: remark.authorRelation })
                    : t("caseworker:briefing.remarkByNoRelation", { name: remark.authorFirstName })}
                  {", "}
                  {formatLongDate(remark.createdAt, i18n.language)}
                </span>
                <OwnWords text={remark.body} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Preparation({ briefing }: { briefing: Briefing }) {
  const { t } = useTranslation("caseworker");
  return (
    <Section id="cw-preparation" heading={t("briefing.preparationHeading")}>
      {briefing.preparation.length === 0 ? (
        <p>{t("briefing.preparationNone", { name: briefing.participant.name })}</p>
      ) : (
        briefing.preparation.map((part) => <PreparationPart key={part.part} part={part} />)
      )}
    </Section>
  );
}

function Cv({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation("caseworker");
  const cv = briefing.cv;
  if (!cv) {
    return (
      <Section id="cw-cv" heading={t("briefing.cvHeading")}>
        <p>{t("briefing.cvNone", { name: briefing.participant.name })}</p>
      </Section>
    );
  }
  const kinds = [...new Set(cv.entries.map((entry) => entry.kind))];
  const contact = (["email", "phone", "address"] as const).filter((key) => cv.contact[key]);
  const wishes = cv.wishes;
  return (
    <Section id="cw-cv" heading={t("briefing.cvHeading")}>
      <p className="meta">
        {t("briefing.cvShared", { date: formatLongDate(cv.sharedAt, i18n.language) })}
        {cv.changedSinceShared ? `. ${t("briefing.cvChanged")}` : null}
      </p>
      {cv.summary ? (
        <>
          <h3 className="cw-label">{t("briefing.summary")}</h3>
          <OwnWords text={cv.summary} />
        </>
      ) : null}
      {contact.length > 0 ? (
        <>
          <h3 className="cw-label">{t("briefing.contact")}</h3>
          <ul className="cw-compact-list">
            {contact.map((key) => (
              <li key={key}>
                {t(`briefing.${key}`)}: {cv.contact[key]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {kinds.map((kind) => (
        <div key={kind}>
          <h3 className="cw-label">{t(`briefing.cvKinds.${kind}`)}</h3>
          <ul className="cw-compact-list">
            {cv.entries
              .filter((entry) => entry.kind === kind)
              .map((entry) => {
                // "marts 2017 – december 2018" in the page's language, never the stored "2017-03".
                const from = formatPartialDate(entry.fromText, i18n.language);
                const to = formatPartialDate(entry.toText, i18n.language);
                const period = !from
                  ? null
                  : entry.isOngoing
                    ? t("briefing.ongoing", { from })
                    : to && to !== from
                      ? t("briefing.period", { from, to })
                      : from;
                // A level is a choice from a list ("native"): in the reader's words ("Modersmål").
                const levelGroup = entry.kind === "language" ? "languages" : entry.kind === "it_skill" ? "it" : null;
                const level = entry.level && levelGroup ? t(`cv:levels.${levelGroup}.${entry.level}`, { defaultValue: entry.level }) : entry.level;
                const extra = [
                  entry.organisation,
                  level,
                  entry.category ? t(`briefing.skillCategory.${entry.category}`) : null,
                  period,
                ].filter(Boolean);
                return (
                  <li key={entry.id}>
                    {entry.title}
                    {extra.length > 0 ? <span className="meta"> ({extra.join(", ")})</span> : null}
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
      <h3>{t("briefing.wishesHeading")}</h3>
      {wishes &&
      (wishes.fields.length > 0 || wishes.hoursPerWeek !== null || wishes.hoursPerWeekMax !== null || wishes.maxCommuteMinutes !== null || wishes.areas || wishes.accommodations || wishes.tasks.length > 0) ? (
        <dl className="summary-list cw-summary">
          {wishes.fields.length > 0 ? (
            <div className="summary-list__row">
              <dt>{t("briefing.fields")}</dt>
              <dd>{wishes.fields.join(", ")}</dd>
            </div>
          ) : null}
          {wishes.hoursPerWeek !== null || wishes.hoursPerWeekMax !== null ? (
            <div className="summary-list__row">
              <dt>{t("briefing.hours")}</dt>
              <dd>{formatHours(wishes.hoursPerWeek, wishes.hoursPerWeekMax, t, "briefing")}</dd>
            </div>
          ) : null}
          {wishes.maxCommuteMinutes !== null ? (
            <div className="summary-list__row">
              <dt>{t("briefing.commute")}</dt>
              <dd>{t("briefing.commuteValue", { count: wishes.maxCommuteMinutes })}</dd>
            </div>
          ) : null}
          {wishes.areas ? (
            <div className="summary-list__row">
              <dt>{t("briefing.areas")}</dt>
              <dd>{wishes.areas}</dd>
            </div>
          ) : null}
          {wishes.accommodations ? (
            <div className="summary-list__row">
              <dt>{t("briefing.accommodations")}</dt>
              <dd>
                <OwnWords text={wishes.accommodations} />
              </dd>
            </div>
          ) : null}
          {wishes.tasks.length > 0 ? (
            <div className="summary-list__row">
              <dt>{t("briefing.tasks")}</dt>
              <dd>
                <ul className="cw-compact-list">
                  {wishes.tasks.map((task, index) => (
                    <li key={`${index}-${task}`}>{task}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p>{t("briefing.noWishes")}</p>
      )}
    </Section>
  );
}

function Network({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation("caseworker");
  const network = briefing.network;
  if (!network) {
    return (
      <Section id="cw-network" heading={t("briefing.networkHeading")}>
        <p>{t("briefing.networkNone", { name: briefing.participant.name })}</p>
      </Section>
    );
  }
  const helpKind = (kind: string) => t(`briefing.helpKinds.${kind}`, { defaultValue: kind });
  return (
    <Section id="cw-network" heading={t("briefing.networkHeading")}>
      <p className="meta">
        {t("briefing.networkShared", { date: formatLongDate(network.sharedAt, i18n.language) })}
        {network.stanceShared ? null : `. ${t("briefing.stanceHidden")}`}
      </p>
      <ul className="cw-compact-list cw-items">
        {network.people.map((person) => (
          <li key={person.id}>
            <span className="cw-item-title">{person.name}</span>
            {person.relation ? ` (${person.relation})` : null}
            <br />
            <span className="meta">
              {t(`briefing.sectors.${person.sector}`)}, {t(`briefing.closeness.${person.closeness}`)}
              {person.helpKinds.length > 0 ? ` · ${t("briefing.networkHelp")}: ${person.helpKinds.map(helpKind).join(", ")}` : null}
              {person.stance ? ` · ${t("briefing.networkStance")}: ${t(`briefing.stances.${person.stance}`)}` : null}
              {person.wantedAtMeeting ? ` · ${t("briefing.networkMeeting")}: ${t("briefing.yes")}` : null}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
