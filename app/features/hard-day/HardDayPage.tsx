import { Trans } from "react-i18next";
import { useTranslation } from "~/lib/i18n/react";
import { useLocation } from "react-router";
import { HardDaySwitch } from "~/components/layout/HardDaySwitch";
import { PageTitle } from "~/components/layout/PageTitle";
import { AppointmentPlace, AppointmentTime, JOBCENTRE_LANGUAGE } from "~/features/appointments";
import type { HardDayToday } from "./queries.server";
import { showAllHref } from "./scope";

/**
 * The calm page of a hard day, in place of any participant page: the next meeting, one next
 * step, a way to write to the caseworker, crisis help; short texts, nothing to fill in. Then
 * "Vis hele siden alligevel" for this page, and the switch to turn it off.
 */
export function HardDayPage({ today }: { today: HardDayToday }) {
  const { t } = useTranslation();
  const location = useLocation();
  const next = today.nextAppointment;
  return (
    <div className="hard-day">
      <PageTitle title={t("hardDay.title")} />
      <h1 tabIndex={-1}>{t("hardDay.title")}</h1>
      <p className="lead">{t("hardDay.intro")}</p>
      <p>
        <a href={showAllHref(location)}>{t("hardDay.showAll")}</a>
      </p>
      <section aria-labelledby="hard-day-meeting" className="card card--highlight">
        <h2 id="hard-day-meeting">{t("hardDay.meeting.heading")}</h2>
        {next ? (
          <>
            <p className="card__title" lang={JOBCENTRE_LANGUAGE}>
              {next.title}
            </p>
            <p>
              <AppointmentTime appointment={next} now={today.now} relative />
            </p>
            <p>
              <AppointmentPlace appointment={next} />
            </p>
          </>
        ) : (
          <p>{t("hardDay.meeting.none")}</p>
        )}
      </section>
      {today.nextStep ? (
        <section aria-labelledby="hard-day-step" className="card">
          <h2 id="hard-day-step">{t("hardDay.nextStep")}</h2>
          <p lang={JOBCENTRE_LANGUAGE}>{today.nextStep}</p>
        </section>
      ) : null}
      <section aria-labelledby="hard-day-write" className="card">
        <h2 id="hard-day-write">{t("hardDay.write.heading")}</h2>
        <p>{today.caseworkerName ? t("hardDay.write.textNamed", { name: today.caseworkerName }) : t("hardDay.write.text")}</p>
        <p>
          <a href="/beskeder/ny">{t("hardDay.write.link")}</a>
        </p>
      </section>
      <section aria-labelledby="hard-day-crisis" className="card help-crisis">
        <h2 id="hard-day-crisis">{t("hardDay.crisis.heading")}</h2>
        <p className="emphasis">
          <Trans t={t} i18nKey="hardDay.crisis.emergency" components={{ phone: <a href="tel:112" /> }} />
        </p>
        <p>
          <Trans t={t} i18nKey="hardDay.crisis.livslinien" components={{ phone: <a href="tel:70201201" /> }} />
        </p>
        <p>
          <a href="/hjaelp">{t("hardDay.crisis.more")}</a>
        </p>
      </section>
      <section aria-labelledby="hard-day-off">
        <h2 id="hard-day-off">{t("hardDay.off.heading")}</h2>
        <p>{t("hardDay.off.text")}</p>
        <HardDaySwitch on />
      </section>
    </div>
  );
}
