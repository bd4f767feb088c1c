import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/relatives-invitation";
import { PageTitle } from "~/components/layout/PageTitle";
import { answerInvitation, refusedAnswerer } from "~/features/relatives/commands.server";
import { ScopeList, Until } from "~/features/relatives/components";
import { forgetInvitation, rememberInvitation } from "~/features/relatives/invite.server";
import { findInvitation } from "~/features/relatives/queries.server";
import { getCurrentUser, requireUser } from "~/lib/auth.server";
import { requestIdOf } from "~/lib/request.server";

type Calm = "unknown" | "used" | "expired" | "withdrawn" | "own" | "participant" | "caseworker" | "already";

/**
 * The link from the e-mail. It grants nothing by itself: a signed-out visitor is told to sign in
 * (and comes back here after), a signed-in person sees what is offered and answers. Links that
 * no longer work get a calm page that says why and what to do.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const token = params.token;
  const found = await findInvitation(token);
  const { user } = await getCurrentUser(context);
  if (!user) {
    if (found.state !== "open") {
      return data({ view: "calm" as const, calm: found.state as Calm, participantName: "participantName" in found ? found.participantName : null }, { status: found.state === "unknown" ? 404 : 410 });
    }
    return data(
      { view: "signIn" as const },
      { headers: { "Set-Cookie": await rememberInvitation(token) } },
    );
  }
  const headers = { "Set-Cookie": await forgetInvitation() };
  if (found.state !== "open") {
    return data(
      { view: "calm" as const, calm: found.state as Calm, participantName: "participantName" in found ? found.participantName : null },
      { status: found.state === "unknown" ? 404 : 410, headers },
    );
  }
  // The participant herself, anyone in a programme themselves, and caseworkers never get the offer.
  const refused = refusedAnswerer({ participantId: user.participant?.id ?? null, isCaseworker: user.isCaseworker }, found.participantId);
  if (refused) {
    return data({ view: "calm" as const, calm: refused as Calm, participantName: found.participantName }, { status: refused === "own" ? 200 : 403, headers });
  }
  return data(
    {
      view: "answer" as const,
      signedInAs: `${user.firstName} ${user.lastName}`,
      invitation: {
        participantName: found.participantName,
        participantFirstName: found.participantFirstName,
        invitedName: found.invitedName,
        relation: found.relation,
        scopes: found.scopes,
        mayComment: found.mayComment,
        bisidderCount: found.bisidderCount,
        validUntil: found.validUntil,
      },
    },
    { headers },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser(context);
  const formData = await request.formData();
  const answer = formData.get("answer");
  if (answer !== "accept" && answer !== "decline") return redirect(`/invitation/${params.token}`);
  const result = await answerInvitation(
    {
      personId: user.personId,
      participantId: user.participant?.id ?? null,
      isCaseworker: user.isCaseworker,
      requestId: requestIdOf(context),
    },
    params.token,
    answer,
  );
  switch (result.status) {
    case "awaiting":
      // Nothing is granted yet: the participant first confirms that this account is the right person.
      return redirect("/hjaelper?afventer=1");
    case "declined":
      return data({ done: "declined" as const, calm: null }, { status: 200 });
    case "already":
    case "own":
      return data({ done: null, calm: result.status as Calm }, { status: 409 });
    case "participant":
    case "caseworker":
      return data({ done: null, calm: result.status as Calm }, { status: 403 });
    default:
      return redirect(`/invitation/${params.token}`);
  }
}

function CalmPage({ calm, participantName }: { calm: Calm; participantName: string | null }) {
  const { t } = useTranslation("relatives");
  const name = participantName ?? t("invitation.someone");
  return (
    <>
      <PageTitle title={t(`invitation.calm.${calm}.title`)} />
      <h1 tabIndex={-1}>{t(`invitation.calm.${calm}.title`)}</h1>
      <p className="lead">{t(`invitation.calm.${calm}.text`, { name })}</p>
      <p>{t(`invitation.calm.${calm}.next`, { name })}</p>
      <p>
        <a href="/">{t("invitation.toFrontPage")}</a>
      </p>
    </>
  );
}

export default function InvitationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  if (actionData?.done === "declined") {
    return (
      <>
        <PageTitle title={t("invitation.declined.title")} />
        <h1 tabIndex={-1}>{t("invitation.declined.title")}</h1>
        <p className="lead">{t("invitation.declined.text")}</p>
        <p>
          <a href="/">{t("invitation.toFrontPage")}</a>
        </p>
      </>
    );
  }
  if (actionData?.calm) return <CalmPage calm={actionData.calm} participantName={null} />;
  if (loaderData.view === "calm") return <CalmPage calm={loaderData.calm} participantName={loaderData.participantName} />;
  if (loaderData.view === "signIn") {
    return (
      <>
        <PageTitle title={t("invitation.signIn.title")} />
        <h1 tabIndex={-1}>{t("invitation.signIn.title")}</h1>
        <p className="lead">{t("invitation.signIn.text")}</p>
        <p>{t("invitation.signIn.why")}</p>
        <p>
          <a href="/log-ind" className="button">
            {t("invitation.signIn.button")}
          </a>
        </p>
      </>
    );
  }
  const { invitation, signedInAs } = loaderData;
  const name = invitation.participantFirstName;
  return (
    <>
      <PageTitle title={t("invitation.answer.title", { name: invitation.participantName })} />
      <h1 tabIndex={-1}>{t("invitation.answer.title", { name: invitation.participantName })}</h1>
      <p className="lead">{t("invitation.answer.intro", { name: invitation.participantName })}</p>
      <section aria-labelledby="offer-heading" className="panel">
        <h2 id="offer-heading">{t("invitation.answer.offerHeading", { name })}</h2>
        <ScopeList scopes={invitation.scopes} owner="other" />
        {invitation.mayComment ? <p>{t("invitation.answer.comment", { name })}</p> : null}
        {invitation.bisidderCount > 0 ? <p>{t("invitation.answer.bisidder", { count: invitation.bisidderCount, name })}</p> : null}
        <p>
          {t("invitation.answer.until")} <Until day={invitation.validUntil} />
        </p>
        <p>{t("invitation.answer.readOnly", { name })}</p>
      </section>
      <p>{t("invitation.answer.signedInAs", { name: signedInAs })}</p>
      <p>{t("invitation.answer.stop", { name })}</p>
      <div className="button-group">
        <Form method="post">
          <input type="hidden" name="answer" value="accept" />
          <button type="submit" className="button">
            {t("invitation.answer.accept")}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="answer" value="decline" />
          <button type="submit" className="button button--secondary">
            {t("invitation.answer.decline")}
          </button>
        </Form>
      </div>
    </>
  );
}
