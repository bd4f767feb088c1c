import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import type { NetworkPersonView } from "./constants";
import { PersonForm, typedValues } from "./PersonForm";

/** The pages for one person on the map: add (/netvaerk/ny), change (/netvaerk/:id), remove (/netvaerk/:id/fjern). */

export function NewPersonPage({ actionData }: { actionData: { result: SubmissionResult<string[]> } | undefined }) {
  const { t } = useTranslation("network");
  return (
    <>
      <p className="back-link">
        <Link to="/netvaerk">{t("back")}</Link>
      </p>
      <PersonForm
        formId="network-person"
        title={t("new.title")}
        defaults={{}}
        version={0}
        lastResult={actionData?.result}
        conflict={null}
        submitLabel={t("new.submit")}
        cancelTo="/netvaerk"
      >
        <h1 tabIndex={-1}>{t("new.title")}</h1>
        <p className="lead">{t("new.intro")}</p>
      </PersonForm>
    </>
  );
}

export function EditPersonPage({
  loaderData,
  actionData,
}: {
  loaderData: { person: NetworkPersonView };
  actionData: { result: SubmissionResult<string[]>; conflict: { saved: NetworkPersonView; mine: unknown } | null } | undefined;
}) {
  const { t } = useTranslation("network");
  const { person } = loaderData;
  const conflict =
    actionData?.conflict
      ? {
          saved: actionData.conflict.saved,
          mine: typedValues(actionData.conflict.mine) ?? {},
        }
      : null;
  const title = conflict
    ? t("edit.conflictTitle", { name: person.name })
    : t("edit.title", { name: person.name });
  return (
    <>
      <p className="back-link">
        <Link to="/netvaerk">{t("back")}</Link>
      </p>
      <PersonForm
        formId="network-person"
        title={title}
        defaults={person}
        version={person.version}
        lastResult={conflict ? null : actionData?.result}
        conflict={conflict}
        submitLabel={t("edit.submit")}
        cancelTo="/netvaerk"
      >
        <h1 tabIndex={-1}>{title}</h1>
      </PersonForm>
      <section aria-labelledby="remove-heading" className="network-remove-link">
        <h2 id="remove-heading">{t("edit.removeHeading")}</h2>
        <p>
          <Link to={`/netvaerk/${person.id}/fjern`}>
            {t("edit.removeLink", { name: person.name })}
          </Link>
        </p>
      </section>
    </>
  );
}

export function RemovePersonPage({
  loaderData,
}: {
  loaderData: { person: Pick<NetworkPersonView, "id" | "name" | "wantedAtMeeting"> };
}) {
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
