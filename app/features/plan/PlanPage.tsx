import { useTranslation } from "~/lib/i18n/react";
import { messagesHref } from "~/features/messages";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { DocumentLinks } from "~/components/ui/DocumentLinks";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";
import { formatDate, formatMoment, formatTime, isoDateTime } from "~/lib/dates";
import {
  ActivityDetails,
  ActivityKindExplanation,
  AgreementsSection,
  ChangeList,
  ContactsSection,
  NewTag,
  OwnGoalText,
  SubGoalDetails,
} from "./PlanParts";
import type { SavedNotice as SavedNoticeKind } from "./schema";
import type { PlanPageView } from "./view";

/** "Indhold": in-page links to the plan's parts, as GOV.UK's contents list (plain links, no JavaScript). */
function PlanContents({ parts }: { parts: { id: string; label: string }[] }) {
  const { t } = useTranslation("plan");
  return (
    <nav aria-labelledby="plan-contents-heading" className="page-contents">
      <h2 id="plan-contents-heading" className="page-contents__heading">
        {t("contents.heading")}
      </h2>
      <ul className="page-contents__list">
        {parts.map((part) => (
          <li key={part.id}>
            <a href={`#${part.id}`}>{part.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SavedNotice({ text, children }: { text: string; children?: React.ReactNode }) {
  return (
    <div data-focus-on-load="" className="notice plan-saved" id="plan-saved" tabIndex={-1} role="status">
      <p>{text}</p>
      {children}
    </div>
  );
}

/**
 * /min-plan: the plan with "Nyt" marks for what the jobcentre changed since the participant last
 * marked it as read, the contents list, and "Jeg har læst planen" at the end.
 */
export function PlanPage({
  page,
  saved,
  savedSubGoal,
  refused,
}: {
  page: PlanPageView | null;
  saved: SavedNoticeKind | null;
  savedSubGoal: string | null;
  refused: boolean;
}) {
  const { t, i18n } = useTranslation("plan");
  const language = i18n.language;

  if (!page) {
    return (
      <>
        <PageTitle title={t("title")} />
        <h1 tabIndex={-1}>{t("title")}</h1>
        <p className="lead">{t("noPlan")}</p>
      </>
    );
  }

  const { view, news } = page;
  const isNew = (id: string) => Boolean(news?.newItems.includes(id));
  const readCurrent = view.lastRead?.planVersion === view.version;

  return (
    <>
      <PageTitle title={t("title")} hasErrors={refused} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <WrittenInDanish />
      <p className="plan-meta">
        <span className="plan-meta__version">{t("meta.version", { version: view.version })}</span>{" "}
        {view.updatedByName
          ? t("meta.updatedBy", { when: formatMoment(view.updatedAt, language), name: view.updatedByName })
          : t("meta.updated", { when: formatMoment(view.updatedAt, language) })}
      </p>
      {readCurrent ? null : (
        // "Jeg har læst planen" is at the end of a long page: one link here takes a person there.
        <p className="plan-read-shortcut">
          {t("contents.readHint")} <a href="#laest">{t("contents.readLink")}</a>
        </p>
      )}
      <p className="plan-actions">
        <Link to="/min-plan/tidligere-versioner">{t("links.versions")}</Link>
      </p>
      <DocumentLinks
        print={{ to: "/min-plan/udskriv", label: t("links.print") }}
        pdf={{ href: "/min-plan/min-plan.pdf", label: t("links.pdf") }}
      />

      {refused ? (
        <div className="notice notice--warning" role="alert">
          <p>{t("read.refused")}</p>
        </div>
      ) : null}

      {saved === "nyt-set" && !news ? (
        <div id="nyt">
          <SavedNotice text={t("news.markedSeen")} />
        </div>
      ) : null}

      {news ? (
        <section aria-labelledby="news-heading" className="notice plan-news" id="nyt">
          <h2 id="news-heading">{t("news.heading")}</h2>
          <p>
            {news.changedByName ? t("news.textBy", { name: news.changedByName }) : t("news.text")}{" "}
            {news.changes && news.changes.length > 0 ? t("news.marked") : null}
          </p>
          {news.changes ? <ChangeList changes={news.changes} /> : <p>{t("news.unknown")}</p>}
          <p>
            <Link to="/min-plan/tidligere-versioner">{t("news.versionsLink")}</Link>
          </p>
          <p>{t("news.keep")}</p>
          <Form method="post" action="/min-plan">
            <input type="hidden" name="intent" value="mark-seen" />
            <input type="hidden" name="planVersion" value={view.version} />
            <button type="submit" className="button button--secondary">
              {t("news.markSeen")}
            </button>
          </Form>
        </section>
      ) : null}

      <PlanContents
        parts={[
          { id: "goal-heading", label: t("goal.heading") },
          ...(view.nextStep || view.nextConversation ? [{ id: "next-step-heading", label: t("nextStep.heading") }] : []),
          { id: "sub-goals-heading", label: t("subGoals.heading") },
          { id: "activities-heading", label: t("activities.heading") },
          { id: "propose-heading", label: t("propose.heading") },
          { id: "agreements-heading", label: t("agreements.heading") },
          { id: "contacts-heading", label: t("contacts.heading") },
          { id: "laest", label: t("read.heading") },
        ]}
      />

      <section aria-labelledby="goal-heading">
        <h2 id="goal-heading">{t("goal.heading")}</h2>
        <div className="plan-goals">
          <div className="card plan-card" id="eget-maal">
            <h3>{t("goal.own.heading")}</h3>
            {saved === "eget-maal" ? <SavedNotice text={t("goal.own.saved")} /> : null}
            <OwnGoalText ownGoal={view.ownGoal} />
            <p>
              <Link to="/min-plan/eget-maal" className="button button--secondary plan-button-link">
                {view.ownGoal.text ? t("goal.own.change") : t("goal.own.write")}
              </Link>
            </p>
          </div>
          <div className="card plan-card">
            <h3>
              {t("goal.employment.heading")} {news?.employmentGoalChanged ? <NewTag /> : null}
            </h3>
            <p lang="da" className="plan-goal-text">
              {view.employmentGoal}
            </p>
            <p className="meta">{t("goal.employment.hint")}</p>
          </div>
        </div>
      </section>

      {view.nextStep || view.nextConversation ? (
        <section aria-labelledby="next-step-heading">
          <h2 id="next-step-heading">
            {t("nextStep.heading")} {news?.nextStepChanged ? <NewTag /> : null}
          </h2>
          {view.nextStep ? <p lang="da">{view.nextStep}</p> : null}
          {view.nextConversation ? (
            <p>
              {t("nextStep.conversation")}{" "}
              <Link to={`/moeder/${view.nextConversation.id}`}>
                <span lang="da">{view.nextConversation.title}</span>,{" "}
                <time dateTime={isoDateTime(view.nextConversation.startsAt)}>
                  {formatDate(view.nextConversation.startsAt, language)}{" "}
                  {t("common:dates.timeRange", {
                    start: formatTime(view.nextConversation.startsAt, language),
                    end: formatTime(view.nextConversation.endsAt, language),
                  })}
                </time>
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="sub-goals-heading">
        <h2 id="sub-goals-heading">{t("subGoals.heading")}</h2>
        <p>{t("subGoals.intro")}</p>
        {view.subGoals.length === 0 ? <p>{t("subGoals.none")}</p> : null}
        <ul className="plan-list">
          {view.subGoals.map((goal) => (
            <li key={goal.id} className="card plan-card" id={`delmaal-${goal.id}`}>
              <h3 lang="da">
                {goal.title} {isNew(goal.id) ? <NewTag /> : null}
              </h3>
              {saved === "delmaal" && savedSubGoal === goal.id ? <SavedNotice text={t("subGoals.saved")} /> : null}
              {goal.description ? <p lang="da">{goal.description}</p> : null}
              <SubGoalDetails goal={goal} />
              <p className="plan-card__action">
                {/* The name says which sub-goal; it starts with the visible words (label in name). */}
                <Link to={`/min-plan/delmaal/${goal.id}`} aria-label={`${t("subGoals.mark")}: ${goal.title}`}>
                  {t("subGoals.mark")}
                </Link>
              </p>
              {(page.markCounts[goal.id] ?? 0) > 1 ? (
                <p>
                  <Link
                    to={`/min-plan/delmaal/${goal.id}#historik`}
                    aria-label={`${t("subGoals.allMarks", { count: page.markCounts[goal.id] })}: ${goal.title}`}
                  >
                    {t("subGoals.allMarks", { count: page.markCounts[goal.id] })}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">{t("activities.heading")}</h2>
        <p>{t("activities.intro")}</p>
        {view.activities.length === 0 ? <p>{t("activities.none")}</p> : null}
        <ul className="plan-list">
          {view.activities.map((activity) => (
            <li key={activity.id} className="card plan-card">
              {/* The kind, unless the title already says it ("Mentor"). */}
              {t(`kinds.${activity.kind}.name`).toLowerCase() !== activity.title.toLowerCase() ? (
                <p className="card__label">{t(`kinds.${activity.kind}.name`)}</p>
              ) : null}
              <h3 lang="da">
                {activity.title} {isNew(activity.id) ? <NewTag /> : null}
              </h3>
              <ActivityDetails activity={activity} />
              <ActivityKindExplanation kind={activity.kind} />
            </li>
          ))}
        </ul>
      </section>

      {/* "Forslag til min plan" (issue 22): her own proposals live in app/features/proposals. */}
      <section aria-labelledby="propose-heading" className="panel plan-propose">
        <h2 id="propose-heading">{t("propose.heading")}</h2>
        <p>{t("propose.text")}</p>
        <ul className="plain-list">
          <li>
            <Link to="/min-plan/forslag/ny">{t("propose.new")}</Link>
          </li>
          <li>
            <Link to="/min-plan/forslag">{t("propose.list")}</Link>
          </li>
        </ul>
      </section>

      <AgreementsSection agreements={view.agreements} intro={t("agreements.intro")} none={t("agreements.none")} isNew={isNew} />

      <ContactsSection
        contacts={view.contacts}
        heading={t("contacts.heading")}
        intro={t("contacts.intro")}
        none={t("contacts.none")}
        roleText={(role) => t(`contacts.roles.${role}`)}
      />

      <section aria-labelledby="read-heading" id="laest" className="panel plan-read">
        <h2 id="read-heading">{t("read.heading")}</h2>
        {saved === "laest" ? <SavedNotice text={t("read.saved")} /> : null}
        {saved === "spoergsmaal" ? (
          <SavedNotice text={t("read.questionSaved")}>
            <p>
              <Link to={messagesHref}>{t("read.questionFollow")}</Link>
            </p>
          </SavedNotice>
        ) : null}
        {readCurrent && view.lastRead ? (
          <p>
            {t("read.done", { version: view.version, when: formatMoment(view.lastRead.createdAt, language) })}
          </p>
        ) : (
          <>
            {view.lastRead ? (
              <p>{t("read.doneOld", { read: view.lastRead.planVersion, version: view.version })}</p>
            ) : null}
            <p>{t("read.intro", { version: view.version })}</p>
            <Form method="post" action="/min-plan">
              <input type="hidden" name="intent" value="confirm-read" />
              <input type="hidden" name="planVersion" value={view.version} />
              <button type="submit" className="button">
                {t("read.button")}
              </button>
            </Form>
          </>
        )}
        <p>{t("read.questionHint")}</p>
        <p>
          <Link to="/min-plan/spoergsmaal">{t("read.question")}</Link>
        </p>
        {view.questions.length > 0 ? (
          <>
            <h3>{t("read.questionsHeading")}</h3>
            <ul className="plan-list">
              {view.questions.map((question) => (
                <li key={question.id} className="plan-question">
                  <p className="meta">
                    {t("read.questionMeta", {
                      when: formatMoment(question.createdAt, language),
                      version: question.planVersion,
                    })}
                  </p>
                  <blockquote className="own-words">
                    <p>{question.comment}</p>
                  </blockquote>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
