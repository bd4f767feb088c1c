import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/relatives-check";
import { ErrorContent } from "~/components/layout/ErrorContent";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDay } from "~/lib/dates";
import { changeGrant, createInvitation, scopesOf } from "~/features/relatives/commands.server";
import { ScopeList } from "~/features/relatives/components";
import { clearDraft, confirmationHook, invitationMail, readDraft } from "~/features/relatives/invite.server";
import { publicOrigin } from "~/lib/env.server";
import { wakeWorker } from "~/features/jobs/index.server";
import { afterCommit } from "../../../../db/client";
import { bisidderCandidates, grantForChange } from "~/features/relatives/queries.server";
import { changeSchema, inviteSchema } from "~/features/relatives/schema";
import { ALL_SCOPES, dayParts } from "~/features/relatives/scopes";
import { requireParticipant } from "~/lib/auth.server";
import { copenhagenDay, formatDate, formatTime } from "~/lib/dates";
import { languageOf, translatorOf } from "~/lib/i18n/i18n.server";
import { requestIdOf } from "~/lib/request.server";
import { limitPage, participantOf, refuseWhenLimited } from "~/lib/rate-limit.server";

/** At most RATE_LIMIT_INVITATIONS invitations (new, changed or sent again) per participant. */
export const middleware = limitPage("invitations", participantOf, { methods: ["POST"] });

/** The draft, checked again against today's rules (a meeting may have passed since). */
async function validDraft(request: Request, participantId: string, now = new Date()) {
  const draft = await readDraft(request, participantId);
  if (!draft) return null;
  const appointments = await bisidderCandidates(participantId, now);
  const rules = { today: copenhagenDay(now), appointmentIds: appointments.map((appointment) => appointment.id) };
  const raw = {
    ...draft,
    scopes: [...draft.scopes, ...(draft.network ? ["network"] : [])],
    mayComment: draft.mayComment ? "yes" : undefined,
    validUntil: dayParts(draft.validUntil),
  };
  if (draft.grantId) {
    // "Ret adgangen": the same draft and page, for a grant that exists. Who it is comes from the grant.
    const grant = await grantForChange(participantId, draft.grantId, now);
    if (!grant) return null;
    if (!grant.open) return { gone: true as const, grantId: grant.id };
    const parsed = changeSchema(rules).safeParse(raw);
    if (!parsed.success) return null;
    return {
      gone: false as const,
      change: { grantId: grant.id, basis: draft.basis ?? "", active: grant.status === "active" },
      input: { ...parsed.data, name: grant.invitedName, email: grant.invitedEmail, relation: grant.relation },
      appointments: appointments.filter((appointment) => parsed.data.bisidder.includes(appointment.id)),
    };
  }
  const parsed = inviteSchema(rules).safeParse(raw);
  if (!parsed.success) return null;
  return {
    gone: false as const,
    change: null,
    input: parsed.data,
    appointments: appointments.filter((appointment) => parsed.data.bisidder.includes(appointment.id)),
  };
}

const CHECK = "/paaroerende/inviter/tjek";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const draft = await validDraft(request, user.participant.id);
  if (!draft) throw redirect("/paaroerende/inviter");
  if (draft.gone) {
    throw redirect(`/paaroerende?besked=kan-ikke-rettes&id=${draft.grantId}#adgang-${draft.grantId}`, {
      headers: { "Set-Cookie": await clearDraft() },
    });
  }
  return {
    draft: draft.input,
    change: draft.change ? { grantId: draft.change.grantId, active: draft.change.active } : null,
    scopes: scopesOf(draft.input),
    bisidder: draft.appointments,
    confirmation: confirmationHook().kind,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  refuseWhenLimited(context);
  const user = await requireParticipant(context);
  const formData = await request.formData();
  if (formData.get("intent") === "cancel") {
    return redirect("/paaroerende", { headers: { "Set-Cookie": await clearDraft() } });
  }
  const draft = await validDraft(request, user.participant.id);
  if (!draft) return redirect("/paaroerende/inviter");
  if (draft.gone)
    return data({ problem: "gone" as const, grantId: draft.grantId }, { status: 409, headers: { "Set-Cookie": await clearDraft() } });
  // The re-confirmation hook: "Bekræft" in the demo, a fresh MitID sign-in in production.
  const refused = await confirmationHook().verify({ request, formData, user, returnTo: CHECK });
  if (refused) return refused;

  const requestId = requestIdOf(context);
  const actor = { personId: user.personId, participantId: user.participant.id, requestId };
  if (draft.change) {
    const changed = await changeGrant(actor, draft.change.grantId, draft.input, draft.change.basis);
    if (changed.status === "stale" || changed.status === "gone") {
      // Changed or ended meanwhile (another tab, the relative, the date): nothing is changed.
      return data(
        { problem: changed.status, grantId: draft.change.grantId },
        { status: 409, headers: { "Set-Cookie": await clearDraft() } },
      );
    }
    const notice = changed.status === "changed" ? "aendret" : "uaendret";
    return redirect(`/paaroerende?besked=${notice}&id=${draft.change.grantId}#adgang-${draft.change.grantId}`, {
      headers: { "Set-Cookie": await clearDraft() },
    });
  }

  const t = translatorOf(context, "relatives");
  const language = languageOf(context);
  const origin = publicOrigin(request);
  // The mail is queued with the grant, in its transaction, and sent by the job worker after the
  // commit: the redirect never waits for an SMTP server, and a rolled-back grant sends nothing.
  const result = await createInvitation(actor, draft.input, new Date(), (token) =>
    invitationMail({
      t: (key, options) => t(key, options ?? {}) as string,
      language,
      to: draft.input.email,
      invitedName: draft.input.name,
      participantName: `${user.firstName} ${user.lastName}`,
      origin,
      link: `${origin}/invitation/${token}`,
    }),
  );
  if (result.status !== "created") {
    // Someone (or another tab) got there first: back to the form, which says what is wrong.
    return data({ problem: result.status, grantId: null }, { status: 409 });
  }
  afterCommit(wakeWorker);
  return redirect(`/paaroerende?besked=sendt&id=${result.grantId}#adgang-${result.grantId}`, {
    headers: { "Set-Cookie": await clearDraft() },
  });
}

/**
 * The app's error page inside the shell, so that the root's data (language, menu) is there: a
 * refusal from the action, such as the rate limit's 429, lands here rather than at the root.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorContent error={error} />;
}

export default function CheckPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("relatives");
  const language = i18n.language;
  const { draft, scopes, bisidder, confirmation, change } = loaderData;
  const name = draft.name;
  const notShared = ALL_SCOPES.filter((scope) => !scopes.includes(scope));
  // The form the "Ret" links go back to: the invitation, or "Ret adgangen" for an existing grant.
  const formPath = change ? `/paaroerende/${change.grantId}/ret` : "/paaroerende/inviter";
  const title = change ? t("check.changeTitle", { name }) : t("check.title");
  const problem = actionData?.problem;
  return (
    <>
      <PageTitle title={title} hasErrors={Boolean(problem)} />
      <p className="back-link">
        <Link to={formPath}>{t("check.back")}</Link>
      </p>
      {problem ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(`check.problem.${problem}`, { name })}</p>
          {problem === "stale" && actionData?.grantId ? (
            <p>
              <Link to={`/paaroerende/${actionData.grantId}/ret`}>{t("check.problemStaleLink", { name })}</Link>
            </p>
          ) : problem === "gone" ? (
            <p>
              <Link to="/paaroerende">{t("backToList")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{change ? t("check.changeIntro", { name }) : t("check.intro", { name })}</p>

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
            {change ? (
              <dd className="summary-list__action" />
            ) : (
              <dd className="summary-list__action">
                <Link to={`/paaroerende/inviter#${key}`}>
                  {t("check.change")}
                  <span className="visually-hidden"> {t(`check.rows.${key}`).toLowerCase()}</span>
                </Link>
              </dd>
            )}
          </div>
        ))}
        <div className="summary-list__row">
          <dt>{t("check.rows.scopes")}</dt>
          <dd>
            <ScopeList scopes={scopes} owner="you" />
          </dd>
          <dd className="summary-list__action">
            <Link to={`${formPath}#scopes`}>
              {t("check.change")}
              <span className="visually-hidden"> {t("check.rows.scopes").toLowerCase()}</span>
            </Link>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("check.rows.comment")}</dt>
          <dd>{draft.mayComment ? t("check.commentYes", { name }) : t("check.commentNo", { name })}</dd>
          <dd className="summary-list__action">
            <Link to={`${formPath}#mayComment`}>
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
            <Link to={`${formPath}#bisidder`}>
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
            <Link to={`${formPath}#validUntil`}>
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
          {draft.mayComment ? <li>{t("explain.comment", { name })}</li> : null}
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
        <h2 id="confirm-heading">{change ? t("check.changeConfirmHeading") : t("check.confirmHeading")}</h2>
        {change ? (
          <p>{change.active ? t("check.changeActive", { name }) : t("check.changeInvited", { name })}</p>
        ) : (
          <p>{t("check.mail", { email: draft.email, name })}</p>
        )}
        <p>{confirmation === "demo" ? t("check.confirmDemo", { name }) : t("check.confirmMitid", { name })}</p>
        <div className="button-group">
          <Form method="post">
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className="button">
              {change ? t("check.changeConfirmButton") : t("check.confirmButton")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button--secondary">
              {change ? t("check.changeCancelButton") : t("check.cancelButton")}
            </button>
          </Form>
        </div>
      </section>
    </>
  );
}
