import { useTranslation } from "~/lib/i18n/react";
import type { Route } from "./+types/cv-preview";
import { PageTitle } from "~/components/layout/PageTitle";
import { PrintActions } from "~/components/ui/DocumentLinks";
import { CvDocumentView } from "~/features/cv/CvDocumentView";
import { toDocument } from "~/features/cv/document";
import { getCv } from "~/features/cv/queries.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return { doc: toDocument(await getCv(user.participant.id)) };
}

export default function CvPreviewPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("cv");
  return (
    <>
      <PageTitle title={t("preview.title")} />
      <PrintActions
        back={{ to: "/cv", label: t("backToCv") }}
        intro={t("preview.intro")}
        printLabel={t("preview.print")}
        pdf={{ href: "/cv/cv.pdf", label: t("pdf") }}
      />
      <CvDocumentView doc={loaderData.doc} />
    </>
  );
}
