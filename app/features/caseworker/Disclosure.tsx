import { useTranslation } from "~/lib/i18n/react";
import { DISCLOSURE_MOMENTS, NEVER_DISCLOSED, areasAt } from "./disclosure";

/**
 * What the jobcentre can read and from when, rendered from the one list in disclosure.ts: on the
 * privacy page worded to the participant, on the caseworker page worded to the caseworker.
 * Plain HTML (headings and lists), so it works on pages that ship no JavaScript.
 */
export function DisclosureLists({ reader, headingLevel }: { reader: "participant" | "caseworker"; headingLevel: 3 | 4 }) {
  const { t } = useTranslation("caseworker");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const base = `disclosure.${reader}`;
  return (
    <div className="disclosure-lists">
      {DISCLOSURE_MOMENTS.map((moment) => (
        <section key={moment} aria-labelledby={`disclosure-${reader}-${moment}`}>
          <Heading id={`disclosure-${reader}-${moment}`}>{t(`${base}.groups.${moment}`)}</Heading>
          <ul>
            {areasAt(moment).map((area) => (
              <li key={area.key}>{t(`${base}.areas.${area.key}`)}</li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby={`disclosure-${reader}-never`}>
        <Heading id={`disclosure-${reader}-never`}>{t(`${base}.groups.never`)}</Heading>
        <ul>
          {NEVER_DISCLOSED.map((key) => (
            <li key={key}>{t(`${base}.never.${key}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
