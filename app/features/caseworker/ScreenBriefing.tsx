import { useTranslation } from "~/lib/i18n/react";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { formatHours, formatPartialDate } from "~/features/cv";
import { formatTime } from "~/lib/dates";
import { CvSharedText, formatLongDate, MeetingTime, meetingPlace, OwnWords, PlanVersionText, useAnswerLabel, wantedAtMeeting } from "./components";
import type { InboxItem } from "~/features/messages/index.server";
import { ConversationList } from "./messages-ui";
import { ScreenProgress } from "./ProgressBriefing";
import type { Briefing, SharedPart } from "./queries.server";
import { sharesProgress, type BriefingView } from "./shared-progress";
import { BriefingSummariesLink } from "~/features/summaries";

/** The participant's conversations with her caseworker, for the briefing's "Beskeder". */
export interface BriefingMessages {
  items: InboxItem[];
  now: Date;
}

/**
 * The briefing on screen: everything the participant shared, in full (`.cw-screen-only`). Its
 * twin for paper is PrintBriefing, which cuts texts and lists to fit one page.
 */
export function ScreenBriefing({
  briefing,
  messages,
  planProposals,
}: {
  briefing: BriefingView;
  messages?: BriefingMessages;
  /** Her proposals for the plan (app/features/proposals), shown after the plan. */
  planProposals?: React.ReactNode;
}) {
  return (
    <div className="cw-briefing__body cw-screen-only">
      <NextMeeting briefing={briefing} />
      <BriefingSummariesLink participantId={briefing.participant.id} />
      {messages ? <Messages briefing={briefing} messages={messages} /> : null}
      <Absences briefing={briefing} />
      <Plan briefing={briefing} />
      {planProposals}
      <Preparation briefing={briefing} />
      <Cv briefing={briefing} />
      <Network briefing={briefing} />
      {sharesProgress(briefing.progress) ? <ScreenProgress progress={briefing.progress} name={briefing.participant.name} /> : null}
    </div>
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
  const wanted = wantedAtMeeting(briefing);
  if (!meeting) {
    return (
      <Section id="cw-meeting" heading={t("briefing.meetingHeading")}>
        <p>{t("briefing.noMeeting")}</p>
      </Section>
    );
  }
  const where = meetingPlace(meeting);
  return (
    <Section id="cw-meeting" heading={t("briefing.meetingHeading")}>
      <p className="cw-meeting-title">{meeting.title}</p>
      <SummaryList className="cw-summary">
        <SummaryRow label={t("briefing.meetingWhen")}>
          <MeetingTime startsAt={meeting.startsAt} />–{formatTime(meeting.endsAt, i18n.language)}
        </SummaryRow>
        <SummaryRow label={t("briefing.meetingKind")}>{t(`kinds.${meeting.kind}`)}</SummaryRow>
        <SummaryRow label={t("briefing.meetingMode")}>{t(`modes.${meeting.mode}`)}</SummaryRow>
        {where ? <SummaryRow label={t("briefing.meetingWhere")}>{where}</SummaryRow> : null}
      </SummaryList>
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

/** Her conversations with the participant, those waiting for an answer first (screen only). */
function Messages({ briefing, messages }: { briefing: Briefing; messages: BriefingMessages }) {
  const { t } = useTranslation("caseworker");
  const waiting = messages.items.filter((item) => item.state === "awaiting").length;
  return (
    <Section id="cw-messages" heading={t("inbox.briefingHeading")}>
      {messages.items.length === 0 ? (
        <p>{t("inbox.briefingNone", { name: briefing.participant.name })}</p>
      ) : (
        <>
          {waiting > 0 ? <p>{t("inbox.briefingWaiting", { count: waiting })}</p> : null}
          <ConversationList rows={messages.items.map((item) => ({ ...item, participantFirstName: briefing.participant.name }))} now={messages.now} />
        </>
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
        <PlanVersionText plan={plan} />
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
        <CvSharedText cv={cv} />
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
        <SummaryList className="cw-summary">
          {wishes.fields.length > 0 ? <SummaryRow label={t("briefing.fields")}>{wishes.fields.join(", ")}</SummaryRow> : null}
          {wishes.hoursPerWeek !== null || wishes.hoursPerWeekMax !== null ? (
            <SummaryRow label={t("briefing.hours")}>{formatHours(wishes.hoursPerWeek, wishes.hoursPerWeekMax, t, "briefing")}</SummaryRow>
          ) : null}
          {wishes.maxCommuteMinutes !== null ? (
            <SummaryRow label={t("briefing.commute")}>{t("briefing.commuteValue", { count: wishes.maxCommuteMinutes })}</SummaryRow>
          ) : null}
          {wishes.areas ? <SummaryRow label={t("briefing.areas")}>{wishes.areas}</SummaryRow> : null}
          {wishes.accommodations ? (
            <SummaryRow label={t("briefing.accommodations")}>
              <OwnWords text={wishes.accommodations} />
            </SummaryRow>
          ) : null}
          {wishes.tasks.length > 0 ? (
            <SummaryRow label={t("briefing.tasks")}>
              <ul className="cw-compact-list">
                {wishes.tasks.map((task, index) => (
                  <li key={`${index}-${task}`}>{task}</li>
                ))}
              </ul>
            </SummaryRow>
          ) : null}
        </SummaryList>
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
