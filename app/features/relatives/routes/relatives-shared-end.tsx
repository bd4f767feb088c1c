import { useTranslation } from "~/lib/i18n/react";
import { Form, redirect } from "react-router";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/relatives-shared-end";
import { PageTitle } from "~/components/layout/PageTitle";
import { endGrant } from "~/features/relatives/commands.server";
import { usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";
import { openSharedFrame } from "~/features/relatives/access.server";
import { requestIdOf } from "~/lib/request.server";
import { confirmYesSchema, formFields } from "../schema";

/** The relative stops helping. Without JavaScript this page asks first; with it, a dialog does. */
export async function loader({ params, context }: Route.LoaderArgs) {
  await openSharedFrame(context, params.participantId);
  const person = await participantName(params.participantId);
  if (!person) throw notFound();
  return { participantId: params.participantId, firstName: person.firstName };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, grant } = await openSharedFrame(context, params.participantId);
  if (!confirmYesSchema.safeParse(formFields(await request.formData())).success) return redirect(`/hjaelper/${params.participantId}`);
  const person = await participantName(params.participantId);
  const result = await endGrant(
    { personId: user.personId, requestId: requestIdOf(context) },
    grant.id,
    params.participantId,
  );
  if (result === "not_found") throw notFound();
  return redirect(`/hjaelper?stoppet=${encodeURIComponent(person?.firstName ?? "")}`);
}

export default function EndPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const owner = usePossessive();
  const { participantId, firstName } = loaderData;
  return (
    <>
      <PageTitle title={t("end.title", { name: firstName })} />
      <h1 tabIndex={-1}>{t("end.title", { name: firstName })}</h1>
      <p className="lead">{t("end.text", { name: firstName, owner: owner(firstName) })}</p>
      <div className="button-group">
        <Form method="post">
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" className="button button--warning">
            {t("end.confirm")}
          </button>
        </Form>
        <Link to={`/hjaelper/${participantId}`} className="button button--secondary">
          {t("end.cancel")}
        </Link>
      </div>
    </>
  );
}
