import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/cv";
import { PageTitle } from "~/components/layout/PageTitle";
import { shareCv } from "~/features/cv/commands.server";
import { StatusNotice } from "~/features/cv/components";
import { completeness } from "~/features/cv/completeness";
import { hasWorkGap } from "~/features/cv/gap";
import { getCv } from "~/features/cv/queries.server";
import { sections } from "~/features/cv/sections";
import { changedSinceShared } from "~/features/cv/snapshot.server";
import { RECOMMENDED_TASK_COUNT } from "~/features/cv/task-suggestions.server";
import { formatMoment } from "~/features/plan/format";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  const cv = await getCv(user.participant.id);
  const url = new URL(request.url);
  const count = (kinds: readonly string[]) => cv.entries.filter((entry) => kinds.includes(entry.kind)).length;
  return {
    shared: url.searchParams.has("delt"),
    sharedAt: cv.sharedAt,
    changedSinceShared: changedSinceShared(cv),
    counts: Object.fromEntries(Object.values(sections).map((section) => [section.key, count(section.kinds)])) as Record<
      (typeof sections)[keyof typeof sections]["key"],
      number
    >,
    visibility: cv.visibility,
    hasAddress: Boolean(cv.contact.address),
    hasSummary: cv.summary.length > 0,
    wishesFilled: cv.wishes.fields.length > 0 || cv.wishes.hoursPerWeek !== null || Boolean(cv.wishes.areas),
    taskCount: cv.tasks.length,
    gap: hasWorkGap(cv.entries),
    completeness: completeness(cv, RECOMMENDED_TASK_COUNT),
  };
}

/** "Del med min sagsbehandler". */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "share") return data({ refused: true }, { status: 400 });
  await shareCv({
    personId: user.personId,
    participantId: user.participant.id,
    requestId: (context as { requestId?: string }).requestId ?? null,
  });
  return redirect("/cv?delt=1#cv-status");
}

export default function CvPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("cv");
  const { counts, completeness: progress } = loaderData;
  const shown = [
    t("overview.name"),
    loaderData.visibility.email ? t("overview.email") : null,
    loaderData.visibility.phone ? t("overview.phone") : null,
    loaderData.visibility.address && loaderData.hasAddress ? t("overview.address") : null,
  ].filter(Boolean);

  const cvParts: { key: string; href: string; status: string }[] = [
    { key: "contact", href: "/cv/kontakt", status: t("overview.contactShown", { what: shown.join(", ") }) },
    { key: "about", href: "/cv/om-mig", status: loaderData.hasSummary ? t("overview.wishesFilled") : t("notFilled") },
    ...Object.values(sections).map((section) => ({
      key: section.key,
      href: `/cv/${section.slug}`,
      status: counts[section.key] > 0 ? t("overview.count", { count: counts[section.key] }) : t("notFilled"),
    })),
  ];
  const wishParts = [
    { key: "wishes", href: "/cv/jobonsker", status: loaderData.wishesFilled ? t("overview.wishesFilled") : t("notFilled") },
    {
      key: "tasks",
      href: "/cv/opgaver",
      status: loaderData.taskCount > 0 ? t("overview.tasksCount", { count: loaderData.taskCount }) : t("notFilled"),
    },
  ];

  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      {loaderData.shared ? (
        <StatusNotice>
          <p>{t("share.done")}</p>
        </StatusNotice>
      ) : null}

      <section className="panel cv-progress" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t("completeness.heading")}</h2>
        <p>
          {progress.done === progress.total
            ? t("completeness.done")
            : t("completeness.progress", { done: progress.done, total: progress.total })}
        </p>
        {progress.next ? (
          <p>
            {t("completeness.next")}{" "}
            <Link to={progress.next.href}>{t(`parts.${progress.next.key}`)}</Link>
          </p>
        ) : null}
        <p className="meta">{t("completeness.tip")}</p>
      </section>

      <div className="button-group">
        <Link to="/cv/vis" className="button">
          {t("previewLink")}
        </Link>
        <a href="/cv/cv.pdf" download className="button button--secondary">
          {t("pdf")}
        </a>
      </div>

      <section aria-labelledby="cv-heading">
        <h2 id="cv-heading">{t("overview.cvHeading")}</h2>
        <ul className="cv-parts">
          {cvParts.map((part) => (
            <li key={part.key} className="cv-part">
              <Link to={part.href} className="cv-part__link">
                {t(`parts.${part.key}`)}
              </Link>
              <span className="cv-part__status">{part.status}</span>
            </li>
          ))}
        </ul>
        {loaderData.gap ? (
          <div className="panel cv-gap">
            <h3>{t("gap.heading")}</h3>
            <p>{t("gap.text")}</p>
            <p>
              <Link to="/cv/frivilligt">{t("gap.link")}</Link>
            </p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="wishes-heading">
        <h2 id="wishes-heading">{t("overview.wishesHeading")}</h2>
        <ul className="cv-parts">
          {wishParts.map((part) => (
            <li key={part.key} className="cv-part">
              <Link to={part.href} className="cv-part__link">
                {t(`parts.${part.key}`)}
              </Link>
              <span className="cv-part__status">{part.status}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel cv-share" aria-labelledby="share-heading" id="del">
        <h2 id="share-heading">{t("share.heading")}</h2>
        <p>{t("share.text")}</p>
        <p className="cv-share__when">
          {loaderData.sharedAt
            ? t("share.last", { when: formatMoment(loaderData.sharedAt, i18n.language, t) })
            : t("share.never")}
        </p>
        {loaderData.changedSinceShared ? <p>{t("share.changedSince")}</p> : null}
        <Form method="post">
          <button type="submit" name="intent" value="share" className="button">
            {loaderData.sharedAt ? t("share.again") : t("share.button")}
          </button>
        </Form>
      </section>
    </>
  );
}
