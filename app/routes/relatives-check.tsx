import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/relatives-check";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDay } from "~/features/plan/format";
import { createInvitation, scopesOf } from "~/features/relatives/commands.server";
import { ScopeList } from "~/features/relatives/components";
import { clearDraft, confirmationHook, publicOrigin, readDraft, sendInvitation } from "~/features/relatives/invite.server";
import { bisidderCandidates } from "~/features/relatives/queries.server";
import { inviteSchema } from "~/features/relatives/schema";
import { ALL_SCOPES, dayParts } from "~/features/relatives/scopes";
import { requireParticipant } from "~/lib/auth.server";
import { copenhagenDay, formatDate, formatTime } from "~/lib/dates";
import { i18nServer } from "~/lib/i18n/i18n.server";

/** The draft, checked again against today's rules (a meeting may have passed since). */
async function validDraft(request: Request, participantId: string, now = new Date()) {
  const draft = await readDraft(request, participantId);
  if (!draft) return null;
  const appointments = await bisidderCandidates(participantId, now);
  const schema = inviteSchema({ today: copenhagenDay(now), appointmentIds: appointments.map((appointment) => appointment.id) });
  const parsed = schema.safeParse({
    ...draft,
    scopes: [...draft.scopes, ...(draft.network ? ["network"] : [])],
    mayComment: draft.mayComment ? "yes" : undefined,
    validUntil: dayParts(draft.validUntil),
  });
  if (!parsed.success) return null;
  return { input: parsed.data, appointments: appointments.filter((appointment) => parsed.data.bisidder.includes(appointment.id)) };
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  const draft = await validDraft(request, user.participant.id);
  if (!draft) throw redirect("/paaroerende/inviter");
  return { draft: draft.input, scopes: scopesOf(draft.input), bisidder: draft.appointments, confirmation: confirmationHook().kind };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(request);
  const formData = await request.formData();
  if (formData.get("intent") === "cancel") {
    return redirect("/paaroerende", { headers: { "Set-Cookie": await clearDraft() } });
  }
  const draft = await validDraft(request, user.participant.id);
  if (!draft) return redirect("/paaroerende/inviter");
  // The re-confirmation hook: "Bekræft" in the demo, a fresh MitID sign-in in production.
  const refused = await confirmationHook().verify({ request, formData, user, returnTo: "/paaroerende/inviter/tjek" });
  if (refused) return refused;

  const requestId = (context as { requestId?: string }).requestId ?? null;
  const result = await createInvitation({ personId: user.personId, participantId: user.participant.id, requestId }, draft.input);
  if (result.status !== "created") {
    // Someone (or another tab) got there first: back to the form, which says what is wrong.
    return data({ problem: result.status }, { status: 409 });
  }
  const t = await i18nServer.getFixedT(request, "relatives");
  const language = await i18nServer.getLocale(request);
  const headers = new Headers({ "Set-Cookie": await clearDraft() });
  let notice = "sendt";
  try {
    await sendInvitation({
      t: (key, options) => t(key, options ?? {}) as string,
      language,
      to: draft.input.email,
      invitedName: draft.input.name,
      participantName: `${user.firstName} ${user.lastName}`,
      scopeNames: scopesOf(draft.input).map((scope) => t(`scopesOther.${scope}`) as string),
      validUntil: draft.input.validUntil,
      link: `${publicOrigin(request)}/invitation/${result.token}`,
    });
  } catch (error) {
    console.error("The invitation e-mail could not be sent:", error instanceof Error ? error.message : error);
    notice = "ikke-sendt";
  }
  return redirect(`/paaroerende?besked=${notice}&id=${result.grantId}#adgang-${result.grantId}`, { headers });
}

export default function CheckPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("relatives");
  const language = i18n.language;
  const { draft, scopes, bisidder, confirmation } = loaderData;
  const name = draft.name;
  const notShared = ALL_SCOPES.filter((scope) => !scopes.includes(scope));
  return (
    <>
      <PageTitle title={t("check.title")} hasErrors={Boolean(actionData?.problem)} />
      <p className="back-link">
        <Link to="/paaroerende/inviter">{t("check.back")}</Link>
      </p>
      {actionData?.problem ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(`check.problem.${actionData.problem}`, { name })}</p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{t("check.title")}</h1>
      <p className="lead">{t("check.intro", { name })}</p>

      <dl className="summary-list relatives-check">
        {(
          [
            ["name", name],
            ["email", draft.email],
            ["relation", draft.relation],
          ] as const
        ).map(([key, value]) => (
          <div className="summary-list__row" key={key}>
            <dt>{t(`check.rows.${key}`)}</dt>
            <dd>{value}</dd>
            <dd className="summary-list__action">
              <Link to={`/paaroerende/inviter#${key}`}>
                {t("check.change")}
                <span className="visually-hidden"> {t(`check.rows.${key}`).toLowerCase()}</span>
              </Link>
            </dd>
          </div>
        ))}
        <div className="summary-list__row">
          <dt>{t("check.rows.scopes")}</dt>
          <dd>
            <ScopeList scopes={scopes} owner="you" />
          </dd>
          <dd className="summary-list__action">
            <Link to="/paaroerende/inviter#scopes">
              {t("check.change")}
              <span className="visually-hidden"> {t("check.rows.scopes").toLowerCase()}</span>
            </Link>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("check.rows.comment")}</dt>
          <dd>{draft.mayComment ? t("check.commentYes", { name }) : t("check.commentNo", { name })}</dd>
          <dd className="summary-list__action">
            <Link to="/paaroerende/inviter#mayComment">
              {t("check.change")}
              <span className="visually-hidden"> {t("check.rows.comment").toLowerCase()}</span>
            </Link>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("check.rows.bisidder")}</dt>
          <dd>
            {bisidder.length === 0 ? (
              t("check.bisidderNone")
            ) : (
              <ul className="plain-list">
                {bisidder.map((meeting) => (
                  <li key={meeting.id}>
                    <span lang="da">{meeting.title}</span>, {formatDate(meeting.startsAt, language)}{" "}
                    {t("list.at", { time: formatTime(meeting.startsAt, language) })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dd className="summary-list__action">
            <Link to="/paaroerende/inviter#bisidder">
              {t("check.change")}
              <span className="visually-hidden"> {t("check.rows.bisidder").toLowerCase()}</span>
            </Link>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("check.rows.until")}</dt>
          <dd>
            <time dateTime={draft.validUntil}>{formatDay(draft.validUntil, language)}</time>
          </dd>
          <dd className="summary-list__action">
            <Link to="/paaroerende/inviter#validUntil">
              {t("check.change")}
              <span className="visually-hidden"> {t("check.rows.until").toLowerCase()}</span>
            </Link>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="will-see-heading" className="panel">
        <h2 id="will-see-heading">{t("check.willSeeHeading", { name })}</h2>
        <ul>
          {scopes.map((scope) => (
            <li key={scope}>{t(`explain.${scope}`)}</li>
          ))}
          {draft.mayComment ? <li>{t("explain.comment")}</li> : null}
          {bisidder.length > 0 ? <li>{t("explain.bisidder", { count: bisidder.length, name })}</li> : null}
        </ul>
        <h2>{t("check.willNotSeeHeading", { name })}</h2>
        <ul>
          {notShared.map((scope) => (
            <li key={scope}>{t(`scopes.${scope}`)}</li>
          ))}
          <li>{t("explain.never")}</li>
        </ul>
        <p>{t("check.readOnly", { name })}</p>
        <p>{t("check.rights", { name })}</p>
      </section>

      <section aria-labelledby="confirm-heading">
        <h2 id="confirm-heading">{t("check.confirmHeading")}</h2>
        <p>{t("check.mail", { email: draft.email, name })}</p>
        <p>{confirmation === "demo" ? t("check.confirmDemo", { name }) : t("check.confirmMitid", { name })}</p>
        <div className="button-group">
          <Form method="post">
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className="button">
              {t("check.confirmButton")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button--secondary">
              {t("check.cancelButton")}
            </button>
          </Form>
        </div>
      </section>
    </>
  );
}
