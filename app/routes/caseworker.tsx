import { useTranslation } from "react-i18next";
import type { Route } from "./+types/caseworker";
import { PageTitle } from "~/components/layout/PageTitle";
import { requireCaseworker } from "~/features/caseworker/access.server";
import { MeetingTime } from "~/features/caseworker/components";
import { DisclosureLists } from "~/features/caseworker/Disclosure";
import stylesheet from "~/features/caseworker/caseworker.css?url";
import { listMyParticipants } from "~/features/caseworker/queries.server";
import { recordAudit } from "~/lib/audit.server";
import { formatDate } from "~/lib/dates";
import { db } from "../../db/client";
import { requestIdOf } from "~/lib/request.server";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireCaseworker(context);
  const participants = await listMyParticipants(user.personId);
  // The list shows each person's shared information (what is shared, meetings, questions): a read
  // for each of them, in their log "Hvem har set mine oplysninger" as "Din sagsbehandler", never a
  // name. The loader runs for the page and for its .data alike.
  const requestId = requestIdOf(context);
  if (participants.length > 0) {
    const database = await db();
    await database.transaction(async (tx) => {
      for (const participant of participants) {
        await recordAudit(tx, {
          actorPersonId: user.personId,
          participantId: participant.participantId,
          action: "caseworker.briefing_viewed",
          details: { page: "list" },
          requestId,
        });
      }
    });
  }
  return { participants };
}

export default function CaseworkerOverviewPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("caseworker");
  const { participants } = loaderData;
  const date = (value: Date | string) => formatDate(value, i18n.language);
  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p className="meta">{t("readOnly")}</p>
      {participants.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <h2 className="visually-hidden">{t("list.heading")}</h2>
          <ul className="cw-list">
            {participants.map((participant) => {
              const shared = [
                participant.shared.preparationParts > 0 && participant.shared.preparationLatestAt
                  ? t("list.preparation", { count: participant.shared.preparationParts, date: date(participant.shared.preparationLatestAt) })
                  : null,
                participant.shared.cvSharedAt ? t("list.cv", { date: date(participant.shared.cvSharedAt) }) : null,
                participant.shared.networkSharedAt ? t("list.network", { date: date(participant.shared.networkSharedAt) }) : null,
              ].filter((line): line is string => line !== null);
              const attention = [
                participant.absenceRequests > 0 ? t("list.absence", { count: participant.absenceRequests }) : null,
                participant.planQuestions > 0 ? t("list.planQuestions", { count: participant.planQuestions }) : null,
                participant.hasQuestionsForNextMeeting ? t("list.meetingQuestions") : null,
              ].filter((line): line is string => line !== null);
              const headingId = `cw-participant-${participant.participantId}`;
              return (
                <li key={participant.participantId} className="card cw-list__item">
                  <h3 id={headingId} className="cw-list__name">
                    {participant.name}
                  </h3>
                  <p className="cw-list__programme">
                    {t(`programme.${participant.programme}`)} · {t(`status.${participant.status}`)}
                  </p>
                  <dl className="summary-list">
                    <div className="summary-list__row">
                      <dt>{t("list.nextMeeting")}</dt>
                      <dd>
                        {participant.nextMeeting ? (
                          <>
                            {participant.nextMeeting.title}
                            <br />
                            <MeetingTime startsAt={participant.nextMeeting.startsAt} />
                          </>
                        ) : (
                          t("list.noMeeting")
                        )}
                      </dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("list.shared")}</dt>
                      <dd>
                        {shared.length > 0 ? (
                          <ul className="plain-list">
                            {shared.map((line) => (
                              <li key={line}>{line}</li>
                            ))}
                          </ul>
                        ) : (
                          t("list.nothingShared")
                        )}
                      </dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("list.attention")}</dt>
                      <dd>
                        {attention.length > 0 ? (
                          <ul className="plain-list">
                            {attention.map((line) => (
                              <li key={line}>{line}</li>
                            ))}
                          </ul>
                        ) : (
                          t("list.nothingNew")
                        )}
                      </dd>
                    </div>
                  </dl>
                  <p className="cw-list__open">
                    <a href={`/sagsbehandler/${participant.participantId}`}>{t("list.openFor", { name: participant.name })}</a>
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <section aria-labelledby="cw-disclosure-heading" className="cw-disclosure">
        <h2 id="cw-disclosure-heading">{t("disclosure.caseworker.heading")}</h2>
        <DisclosureLists reader="caseworker" headingLevel={3} />
      </section>
    </>
  );
}
