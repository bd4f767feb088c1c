import { useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/network-remove";
import { PageTitle } from "~/components/layout/PageTitle";
import { removePerson } from "../commands.server";
import { getPerson } from "../queries.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const person = await getPerson(user.participant.id, params.id);
  if (!person) throw notFound();
  return {
    person: {
      id: person.id,
      name: person.name,
      wantedAtMeeting: person.wantedAtMeeting,
    },
  };
}

/** Removing is a POST from this page (no JavaScript needed, no mutating GET). */
export async function action({ params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const removed = await removePerson(
    participantActor(context, user),
    params.id,
  );
  if (!removed) throw notFound();
  return redirect("/netvaerk?gemt=fjernet");
}

export default function RemovePersonPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("network");
  const { person } = loaderData;
  const title = t("remove.title", { name: person.name });
  return (
    <>
      <PageTitle title={title} />
      <p className="back-link">
        <Link to="/netvaerk">{t("back")}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {person.wantedAtMeeting ? (
        <div className="notice notice--warning" data-testid="wanted-warning">
          <h2 className="network-warning__title">
            {t("remove.wantedHeading")}
          </h2>
          <p>{t("remove.wantedText", { name: person.name })}</p>
        </div>
      ) : null}
      <p>{t("remove.text", { name: person.name })}</p>
      <p>{t("remove.snapshots")}</p>
      <Form method="post" className="button-group">
        <button type="submit" className="button button--warning">
          {t("remove.confirm", { name: person.name })}
        </button>
        <Link
          to={`/netvaerk/${person.id}`}
          className="button button--secondary"
        >
          {t("remove.cancel")}
        </Link>
      </Form>
    </>
  );
}
