import { useTranslation } from "~/lib/i18n/react";
import { Form, redirect } from "react-router";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/relatives-withdraw";
import { PageTitle } from "~/components/layout/PageTitle";
import { withdrawGrant } from "~/features/relatives/commands.server";
import { findOwnGrant } from "~/features/relatives/queries.server";
import { isOpen } from "~/features/relatives/status";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";
import { confirmYesSchema, formFields } from "../schema";

/** Without JavaScript: the page that asks first. With it, the list's dialog posts here directly. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const grant = await findOwnGrant(user.participant.id, params.grantId);
  if (!grant) throw notFound();
  if (!isOpen(grant.state)) throw redirect(`/paaroerende#adgang-${grant.id}`);
  return { grant: { id: grant.id, name: grant.name, invitedOnly: grant.state !== "active" } };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  if (!confirmYesSchema.safeParse(formFields(await request.formData())).success) return redirect("/paaroerende");
  const result = await withdrawGrant(participantActor(context, user), params.grantId);
  if (result === "not_found") {
    // Not theirs (404), or already over (then the list says so).
    const own = await findOwnGrant(user.participant.id, params.grantId);
    if (!own) throw notFound();
    return redirect(`/paaroerende#adgang-${own.id}`);
  }
  return redirect(`/paaroerende?besked=tilbagekaldt&id=${params.grantId}#adgang-${params.grantId}`);
}

export default function WithdrawPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const { grant } = loaderData;
  const title = grant.invitedOnly ? t("withdraw.inviteTitle", { name: grant.name }) : t("withdraw.title", { name: grant.name });
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{grant.invitedOnly ? t("withdraw.inviteText") : t("withdraw.text", { name: grant.name })}</p>
      <div className="button-group">
        <Form method="post">
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" className="button button--warning">
            {grant.invitedOnly ? t("withdraw.inviteConfirm") : t("withdraw.confirm")}
          </button>
        </Form>
        <Link to="/paaroerende" className="button button--secondary">
          {t("withdraw.cancel")}
        </Link>
      </div>
    </>
  );
}
