import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/relatives-shared-preparation";
import { PageTitle } from "~/components/layout/PageTitle";
import { PartAnswers, PartSection, preparationContext, type PartKey } from "~/features/preparation";
import { useMunicipality } from "~/lib/municipality";
import { getPreparation, listOwnRemarks } from "~/features/preparation/index.server";
import { openSharedView } from "~/features/relatives/access.server";
import { usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";

/**
 * The participant's preparation, read-only, for a relative with the "preparation" scope: each
 * part's status and the participant's own words as they stand now (what their own pages show),
 * never who it is shared with, versions or the CV and network summaries (other scopes).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, grant, participantId, viewed } = await openSharedView(request, params.participantId, "preparation", "preparation", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const [preparation, remarks] = await Promise.all([getPreparation(participantId), listOwnRemarks(participantId, user.personId)]);
  await viewed();
  return {
    participantId,
    firstName: person.firstName,
    mayComment: grant.mayComment,
    tasks: preparation.tasks,
    parts: preparation.parts
      .filter((part) => part.key !== "about_meeting")
      .map((part) => ({
        key: part.key,
        slug: part.slug,
        status: part.status,
        answers: part.status === "not_started" ? {} : part.answers,
        remarkCount: remarks.filter((remark) => remark.partKey === part.key).length,
      })),
  };
}

export default function SharedPreparationPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const { t: tp } = useTranslation("preparation");
  // The helped person's municipality (the root's data on /hjaelper/<id>): with or without a team.
  const municipality = useMunicipality();
  const owner = usePossessive();
  const { participantId, firstName, parts, tasks, mayComment } = loaderData;
  const title = t("shared.preparationTitle", { owner: owner(firstName) });
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t("shared.preparationIntro", { name: firstName })}</p>
      <p>{mayComment ? t("shared.preparationMayComment", { name: firstName }) : t("shared.preparationReadOnly")}</p>
      {parts.map((part) => {
        const partTitle = tp(`parts.${part.key}.title`);
        return (
          <PartSection context={preparationContext(municipality)} key={part.key} part={{ key: part.key as PartKey, status: part.status }} headingId={`del-${part.slug}`}>
            {part.status === "not_started" ? (
              <p>{t("shared.partNotStarted", { name: firstName })}</p>
            ) : (
              <PartAnswers context={preparationContext(municipality)} partKey={part.key as PartKey} answers={part.answers} tasks={tasks} emptyText={tp("check.empty")} />
            )}
            {part.remarkCount > 0 ? <p className="meta">{t("remarks.yourCount", { count: part.remarkCount })}</p> : null}
            {part.status !== "not_started" && (mayComment || part.remarkCount > 0) ? (
              <p>
                <Link to={`/hjaelper/${participantId}/forberedelse/${part.slug}`}>
                  {mayComment ? t("remarks.openToWrite", { part: partTitle }) : t("remarks.open", { part: partTitle })}
                </Link>
              </p>
            ) : null}
          </PartSection>
        );
      })}
    </>
  );
}

