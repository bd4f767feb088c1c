import { Trans } from "react-i18next";
import { useTranslation } from "~/lib/i18n/react";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { ContentPage } from "./ContentPage";
import type { CaseworkerContact } from "~/lib/contacts.server";
import { useMunicipality, type PageMunicipality } from "~/lib/municipality";

/** The day the crisis numbers and the text below were last checked against their sources. */
export const HELP_LAST_REVIEWED = "2026-12-05";

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
/** A phone number must not break over two lines: its spaces become non-breaking spaces. */
const keepTogether = (phone: string) => phone.replace(/ /g, "\u00a0");

/** /hjaelp: the crisis numbers first, then the participant's own caseworker (or why there is none). */
export function HelpPage({
  caseworker,
  isParticipant,
  signedIn,
  related,
}: {
  caseworker: CaseworkerContact | null;
  isParticipant: boolean;
  signedIn: boolean;
  related: { href: string; title: string }[];
}) {
  const { t } = useTranslation("content");
  const { t: tc } = useTranslation("common");
  const municipality = useMunicipality();
  const page = {
    title: t("help.title"),
    summary: t("help.intro"),
    lastReviewed: HELP_LAST_REVIEWED,
    related,
    sources: [
      { title: "Livslinien", url: "https://www.livslinien.dk/", note: t("help.sources.livslinien") },
      { title: "sundhed.dk", url: "https://www.sundhed.dk/", note: t("help.sources.sundhed") },
    ],
  };
  return (
    <ContentPage page={page}>
      <section aria-labelledby="unwell-heading" className="card card--highlight help-crisis">
        <h2 id="unwell-heading">{t("help.unwell.heading")}</h2>
        <p className="emphasis">
          <Trans t={t} i18nKey="help.unwell.emergency" components={{ phone: <a href="tel:112" /> }} />
        </p>
        <p>
          <Trans t={t} i18nKey="help.unwell.livslinien" components={{ phone: <a href="tel:70201201" /> }} />
        </p>
        <p>
          <Trans
            t={t}
            i18nKey="help.unwell.livslinienHours"
            components={{ site: <a href="https://www.livslinien.dk/" /> }}
          />
        </p>
        <p>{t("help.unwell.doctor")}</p>
        <p>
          <Trans t={t} i18nKey="help.unwell.capital" components={{ phone: <a href="tel:1813" /> }} />
        </p>
        {municipality && municipality.crisisLines.length > 0 ? (
          <>
            <p>{tc("municipality.crisis")}</p>
            <ul>
              {municipality.crisisLines.map((line) => (
                <li key={line.phone}>
                  {line.name}: <a href={telHref(line.phone)}>{keepTogether(line.phone)}</a> ({line.hours})
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>{t("help.unwell.notAlone")}</p>
      </section>
      <section aria-labelledby="caseworker-heading">
        <h2 id="caseworker-heading">{t("help.caseworker.heading")}</h2>
        <p>{t("help.caseworker.text")}</p>
        {caseworker ? (
          <SummaryList>
            <SummaryRow label={t("help.caseworker.name")}>{caseworker.name}</SummaryRow>
            {caseworker.phone ? (
              <SummaryRow label={t("help.caseworker.phone")}>
                <a href={telHref(caseworker.phone)}>{keepTogether(caseworker.phone)}</a>
              </SummaryRow>
            ) : null}
            {caseworker.reachableText ? (
              <SummaryRow label={t("help.caseworker.reachable")}>{caseworker.reachableText}</SummaryRow>
            ) : null}
            {caseworker.email ? (
              <SummaryRow label={t("help.caseworker.email")}>
                <a href={`mailto:${caseworker.email}`}>{caseworker.email}</a>
              </SummaryRow>
            ) : null}
          </SummaryList>
        ) : (
          <p>
            {isParticipant
              ? t("help.caseworker.missing")
              : signedIn
                ? t("help.caseworker.notParticipant")
                : t("help.caseworker.signedOut")}
          </p>
        )}
        <p>{t("help.caseworker.privateNote")}</p>
      </section>
      {municipality ? <MunicipalityContact municipality={municipality} /> : null}
      <section aria-labelledby="portal-heading">
        <h2 id="portal-heading">{t("help.portal.heading")}</h2>
        <p>{t("help.portal.text")}</p>
      </section>
    </ContentPage>
  );
}

/** The municipality's own contact details and words (MUNICIPALITIES_FILE). */
function MunicipalityContact({ municipality }: { municipality: PageMunicipality }) {
  const { t } = useTranslation("common");
  const { contact } = municipality;
  return (
    <section aria-labelledby="municipality-heading">
      <h2 id="municipality-heading">{t("municipality.heading")}</h2>
      <p>{t("municipality.text")}</p>
      <SummaryList>
        <SummaryRow label={t("municipality.phone")}>
          <a href={telHref(contact.phone)}>{keepTogether(contact.phone)}</a>
        </SummaryRow>
        <SummaryRow label={t("municipality.openingHours")}>{contact.openingHours}</SummaryRow>
        {contact.email ? (
          <SummaryRow label={t("municipality.email")}>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </SummaryRow>
        ) : null}
        <SummaryRow label={t("municipality.address")}>{contact.address}</SummaryRow>
        {contact.web ? (
          <SummaryRow label={t("municipality.web")}>
            <a href={contact.web}>{contact.web.replace(/^https:\/\//, "")}</a>
          </SummaryRow>
        ) : null}
      </SummaryList>
      {municipality.texts.help ? (
        <>
          <p>{t("municipality.ownWords")}</p>
          <blockquote className="municipality-words">
            <p>{municipality.texts.help}</p>
          </blockquote>
        </>
      ) : null}
    </section>
  );
}
