import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import type { Route } from "./routes/+types/preparation-about";
import { PageTitle } from "~/components/layout/PageTitle";
import { AppointmentDetails } from "~/features/appointments";
import { MunicipalityNote } from "./MunicipalityNote";
import { STEP_COUNT } from "./parts";
import { textList, usePreparationText } from "./setting";

/**
 * Part 1, read-only, in the municipality's setting: with a team, "Om mødet" (the team, who sits
 * there, how it goes); without, "Om den samlede beskrivelse" (what it is, health advice from the
 * region's sundhedskoordinator, how it can go). Then the meeting, bisidder, what happens after.
 */
export function AboutPage({ loaderData }: Route.ComponentProps) {
  const { t, context } = usePreparationText();
  const { meeting } = loaderData;
  const team = context === "team";
  const what = textList(t, "about.what");
  const how = textList(t, "about.how");
  const after = textList(t, "about.after");
  const health = team ? [] : textList(t, "about.health");
  const title = t("parts.about_meeting.title");
  // With a team the meeting has a fixed order; without, the talks can go in many ways.
  const HowList = team ? "ol" : "ul";
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
          <Link to={team ? "/om/rehabiliteringsteam" : "/om/samlet-beskrivelse"}>{t("about.readMore")}</Link>
        </p>
      </section>

      {health.length > 0 ? (
        <section aria-labelledby="health-heading">
          <h2 id="health-heading">{t("about.healthHeading")}</h2>
          {health.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <p>
            <Link to="/om/sundhedskoordinator">{t("about.healthLink")}</Link>
          </p>
        </section>
      ) : null}

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
        <MunicipalityNote headingLevel={3} />
      </section>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t("about.howHeading")}</h2>
        <HowList>
          {how.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </HowList>
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
        {team ? null : (
          <p>
            <Link to="/om/reformen">{t("about.reformLink")}</Link>
          </p>
        )}
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
