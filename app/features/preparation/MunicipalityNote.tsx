import { usePreparationText } from "./setting";

/**
 * The municipality's own words about the preparation (`texts.preparation` in MUNICIPALITIES_FILE),
 * marked as theirs: "Fra Solbjerg Kommune" and the text as a quote. Nothing when it has none.
 */
export function MunicipalityNote({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, municipality } = usePreparationText();
  const text = municipality?.texts.preparation;
  if (!municipality || !text) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="panel prep-municipality" aria-labelledby="municipality-note-heading">
      <Heading id="municipality-note-heading">{t("municipalityNote.heading")}</Heading>
      <p className="meta">{t("municipalityNote.intro")}</p>
      <blockquote className="pre-wrap-text">{text}</blockquote>
    </section>
  );
}
