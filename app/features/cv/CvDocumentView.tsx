import { useTranslation } from "~/lib/i18n/react";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { formatHours } from "./hours";
import { formatPeriod } from "./partial-date";
import type { CvDocument } from "./document";
import { hasWishes } from "./document";
import type { CvEntry } from "./queries.server";

function DatedEntries({ entries }: { entries: CvEntry[] }) {
  const { t, i18n } = useTranslation("cv");
  return (
    <>
      {entries.map((entry) => {
        const period = formatPeriod(entry, i18n.language, t("now"));
        const meta = [entry.kind === "course" ? t("kinds.course") : null, entry.organisation, period || null].filter(Boolean);
        return (
          <div key={entry.id} className="cv-document__item">
            <h3>{entry.title}</h3>
            {meta.length ? <p className="cv-document__meta">{meta.join(" · ")}</p> : null}
            {entry.details ? <p className="pre-wrap">{entry.details}</p> : null}
          </div>
        );
      })}
    </>
  );
}

function SimpleList({ entries, levelKey }: { entries: CvEntry[]; levelKey?: "languages" | "it" }) {
  const { t } = useTranslation("cv");
  return (
    <ul className="cv-document__list">
      {entries.map((entry) => (
        <li key={entry.id}>
          {entry.title}
          {levelKey && entry.level ? `: ${t(`levels.${levelKey}.${entry.level}`)}` : null}
        </li>
      ))}
    </ul>
  );
}

/** The CV as an employer would read it. Only what `toDocument` let through is here. */
export function CvDocumentView({ doc }: { doc: CvDocument }) {
  const { t } = useTranslation("cv");
  const contactRows = [
    doc.contact.email ? { label: t("doc.email"), value: doc.contact.email } : null,
    doc.contact.phone ? { label: t("doc.phone"), value: doc.contact.phone } : null,
    doc.contact.address ? { label: t("doc.address"), value: doc.contact.address } : null,
  ].filter((row) => row !== null);
  const w = doc.wishes;
  return (
    <article className="cv-document" aria-labelledby="cv-document-name">
      <header className="cv-document__header">
        <p className="cv-document__label">{t("doc.title")}</p>
        <h1 id="cv-document-name" tabIndex={-1}>
          {doc.name}
        </h1>
        {contactRows.length ? (
          <dl className="cv-document__contact" aria-label={t("doc.contact")}>
            {contactRows.map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </header>

      {doc.summary ? (
        <section aria-labelledby="doc-about">
          <h2 id="doc-about">{t("parts.about")}</h2>
          <p className="pre-wrap">{doc.summary}</p>
        </section>
      ) : null}
      {doc.work.length ? (
        <section aria-labelledby="doc-work">
          <h2 id="doc-work">{t("parts.work")}</h2>
          <DatedEntries entries={doc.work} />
        </section>
      ) : null}
      {doc.education.length ? (
        <section aria-labelledby="doc-education">
          <h2 id="doc-education">{t("parts.education")}</h2>
          <DatedEntries entries={doc.education} />
        </section>
      ) : null}
      {doc.volunteering.length ? (
        <section aria-labelledby="doc-volunteering">
          <h2 id="doc-volunteering">{t("parts.volunteering")}</h2>
          <DatedEntries entries={doc.volunteering} />
        </section>
      ) : null}
      {doc.professionalSkills.length || doc.personalSkills.length ? (
        <section aria-labelledby="doc-skills">
          <h2 id="doc-skills">{t("parts.skills")}</h2>
          {doc.professionalSkills.length ? (
            <>
              <h3>{t("doc.professional")}</h3>
              <SimpleList entries={doc.professionalSkills} />
            </>
          ) : null}
          {doc.personalSkills.length ? (
            <>
              <h3>{t("doc.personal")}</h3>
              <SimpleList entries={doc.personalSkills} />
            </>
          ) : null}
        </section>
      ) : null}
      {doc.languages.length ? (
        <section aria-labelledby="doc-languages">
          <h2 id="doc-languages">{t("parts.languages")}</h2>
          <SimpleList entries={doc.languages} levelKey="languages" />
        </section>
      ) : null}
      {doc.it.length ? (
        <section aria-labelledby="doc-it">
          <h2 id="doc-it">{t("parts.it")}</h2>
          <SimpleList entries={doc.it} levelKey="it" />
        </section>
      ) : null}
      {doc.licences.length ? (
        <section aria-labelledby="doc-licences">
          <h2 id="doc-licences">{t("parts.licences")}</h2>
          <SimpleList entries={doc.licences} />
        </section>
      ) : null}
      {hasWishes(doc) ? (
        <section aria-labelledby="doc-wishes">
          <h2 id="doc-wishes">{t("parts.wishes")}</h2>
          <SummaryList>
            {w.fields.length ? <SummaryRow label={t("doc.fields")}>{w.fields.join(", ")}</SummaryRow> : null}
            {w.hoursPerWeek !== null || w.hoursPerWeekMax !== null ? (
              <SummaryRow label={t("doc.hours")}>{formatHours(w.hoursPerWeek, w.hoursPerWeekMax, t)}</SummaryRow>
            ) : null}
            {w.maxCommuteMinutes !== null ? (
              <SummaryRow label={t("doc.commute")}>{t(`wishes.commute.${w.maxCommuteMinutes}`)}</SummaryRow>
            ) : null}
            {w.areas ? <SummaryRow label={t("doc.areas")}>{w.areas}</SummaryRow> : null}
            {w.accommodations ? (
              <SummaryRow label={t("doc.accommodations")} preWrap>
                {w.accommodations}
              </SummaryRow>
            ) : null}
          </SummaryList>
          {doc.tasks.length ? (
            <>
              <h3>{t("parts.tasks")}</h3>
              <ul className="cv-document__list">
                {doc.tasks.map((task, index) => (
                  <li key={index}>{task}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
