import { useTranslation } from "react-i18next";
import { isRouteErrorResponse } from "react-router";
import { PageTitle } from "./PageTitle";
import { useRequestId } from "~/lib/request-context";

/** The generic error page's content ("Siden findes ikke" or "Noget gik galt" with a request id). */
export function ErrorContent({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const requestId = useRequestId();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? t("errors.notFoundTitle") : t("errors.genericTitle");
  if (!notFound && import.meta.env.DEV) console.error(error);
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      <p>{notFound ? t("errors.notFoundText") : t("errors.genericText")}</p>
      {!notFound && requestId ? <p data-request-id={requestId}>{t("errors.requestId", { id: requestId })}</p> : null}
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </>
  );
}
