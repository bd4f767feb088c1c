import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./routes/+types/preparation-about";
import { PageTitle } from "~/components/layout/PageTitle";
import { AppointmentDetails } from "~/features/appointments";
import { useTextList } from "./components";
import { STEP_COUNT } from "./parts";

/** "Om mødet" (part 1), read-only: the team, who sits there, how it goes, bisidder, what happens after. */
export function AboutPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("preparation");
  const { meeting } = loaderData;
  const what = useTextList("about.what");
  const how = useTextList("about.how");
  const after = useTextList("about.after");
  const title = t("parts.about_meeting.title");
  return (
    <>
      <PageTitle title={title} />
      <p className="back-link">
        <Link to="/forberedelse">{t("form.back")}</Link>
      </p>
      <p className="prep-caption">{t("form.stepOf", { step: 1, total: STEP_COUNT })}</p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t("about.intro")}</p>

      <section aria-labelledby="what-heading">
        <h2 id="what-heading">{t("about.whatHeading")}</h2>
        {what.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p>
          <Link to="/om/rehabiliteringsteam">{t("about.readMore")}</Link>
        </p>
      </section>

      <section aria-labelledby="meeting-heading">
        <h2 id="meeting-heading">{t("about.yourMeetingHeading")}</h2>
        {meeting ? (
          <>
            <AppointmentDetails appointment={meeting} attendees={meeting.attendees} />
            <p>
              <Link to={`/moeder/${meeting.id}`}>{t("about.meetingLink")}</Link>
            </p>
          </>
        ) : (
          <div className="notice">
            <p>{t("taskList.noMeeting")}</p>
          </div>
        )}
      </section>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t("about.howHeading")}</h2>
        <ol>
          {how.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
        <p>{t("about.duration")}</p>
      </section>

      <section aria-labelledby="support-heading">
        <h2 id="support-heading">{t("about.supportHeading")}</h2>
        <p>{t("about.support")}</p>
      </section>

      <section aria-labelledby="after-heading">
        <h2 id="after-heading">{t("about.afterHeading")}</h2>
        <ul>
          {after.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        {meeting?.afterwards ? <p lang="da">{meeting.afterwards}</p> : null}
      </section>

      <Form method="post" className="button-group">
        <button type="submit" className="button">
          {t("about.continue")}
        </button>
        <Link to="/forberedelse" className="button button--secondary">
          {t("form.back")}
        </Link>
      </Form>
    </>
  );
}
