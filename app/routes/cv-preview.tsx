import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/cv-preview";
import { PageTitle } from "~/components/layout/PageTitle";
import { useHydrated } from "~/features/cv/components";
import { CvDocumentView } from "~/features/cv/CvDocumentView";
import { toDocument } from "~/features/cv/document";
import { getCv } from "~/features/cv/queries.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  return { doc: toDocument(await getCv(user.participant.id)) };
}

/** The print button needs JavaScript; without it the page says how to print from the browser. */
function PrintButton() {
  const { t } = useTranslation("cv");
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("preview.print")}
    </button>
  );
}

export default function CvPreviewPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("cv");
  return (
    <>
      <PageTitle title={t("preview.title")} />
      <div className="cv-print-actions">
        <p>
          <Link to="/cv" className="plan-back">
            {t("backToCv")}
          </Link>
        </p>
        <p>{t("preview.intro")}</p>
        <p className="meta">{t("preview.howTo")}</p>
        <div className="button-group">
          <PrintButton />
          <a href="/cv/cv.pdf" download className="button button--secondary">
            {t("pdf")}
          </a>
        </div>
      </div>
      <CvDocumentView doc={loaderData.doc} />
    </>
  );
}
