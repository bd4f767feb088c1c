import { useTranslation } from "~/lib/i18n/react";

/** The document title: "<page> – Min Vej", prefixed "Fejl: " when a submitted form has errors. */
export function PageTitle({ title, hasErrors = false }: { title: string; hasErrors?: boolean }) {
  const { t } = useTranslation();
  return <title>{`${hasErrors ? t("errorTitlePrefix") : ""}${title} – ${t("titleSuffix")}`}</title>;
}
