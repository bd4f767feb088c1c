import { useTranslation } from "~/lib/i18n/react";
import { isRouteErrorResponse } from "react-router";
import { PageTitle } from "./PageTitle";
import { useRequestId } from "~/lib/request-context";

/** The generic error page's content ("Siden findes ikke" or "Noget gik galt" with a request id). */
export function ErrorContent({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const requestId = useRequestId();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (isRouteErrorResponse(error) && error.status === 429) return <TooMany retryAfterSeconds={Number(error.data?.retryAfterSeconds) || 0} />;
  const title = notFound ? t("errors.notFoundTitle") : t("errors.genericTitle");
  if (!notFound && import.meta.env.DEV) console.error(error);
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      <p>{notFound ? t("errors.notFoundText") : t("errors.genericText")}</p>
      {!notFound && requestId ? <p>{t("errors.requestId", { id: requestId })}</p> : null}
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </>
  );
}

/** A rate limit (app/lib/rate-limit.server.ts): nothing is wrong, the person only has to wait. */
function TooMany({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  const { t } = useTranslation();
  const title = t("tooMany.title");
  // The refusal replaces the form the person just sent, often low on the page: bring its heading
  // into view and to the keyboard and screen reader, as a new page would.
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1} data-focus-on-load="">
        {title}
      </h1>
      <p>{t("tooMany.text")}</p>
      {retryAfterSeconds > 0 ? <p>{t("tooMany.when", { count: Math.ceil(retryAfterSeconds / 60) })}</p> : null}
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </>
  );
}
