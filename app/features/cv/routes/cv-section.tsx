import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/cv-section";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { addSuggestedEntries, deleteEntry, moveEntry, undoDeleteEntry, type Actor } from "~/features/cv/commands.server";
import { Checkbox, EntryList, StatusNotice } from "~/features/cv/components";
import { hasWorkGap } from "~/features/cv/gap";
import { cvTranslator } from "~/features/cv/i18n.server";
import { findEntry, findUndoableEntry, isUuid, listEntries } from "~/features/cv/queries.server";
import { isSectionSlug, sections, suggestionCategory, type SectionConfig } from "~/features/cv/sections";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { useFocusAfterFrame } from "~/components/ui/focus";
import { participantActor } from "~/lib/actor.server";

function sectionOf(params: { section?: string }): SectionConfig {
  if (!isSectionSlug(params.section)) throw notFound();
  return sections[params.section];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const section = sectionOf(params);
  const all = await listEntries(user.participant.id);
  const entries = all.filter((entry) => section.kinds.includes(entry.kind));
  const url = new URL(request.url);
  const deleted = await findUndoableEntry(user.participant.id, url.searchParams.get("slettet"));
  const restoredId = url.searchParams.get("gendannet");
  const savedId = url.searchParams.get("gemt");
  const have = new Set(entries.map((entry) => entry.title.toLocaleLowerCase()));
  return {
    slug: section.slug,
    entries,
    deleted: deleted && section.kinds.includes(deleted.kind) ? { id: deleted.id, title: deleted.title } : null,
    restored: restoredId ? (entries.find((entry) => entry.id === restoredId)?.title ?? null) : null,
    saved: savedId ? (entries.find((entry) => entry.id === savedId)?.title ?? null) : null,
    moved: url.searchParams.get("flyttet"),
    added: url.searchParams.has("tilfoejet") ? Number(url.searchParams.get("tilfoejet")) || 0 : null,
    tooLate: url.searchParams.has("for-sent"),
    gap: section.key === "work" && hasWorkGap(all),
    // Suggestions the person does not have yet (compared in their language).
    suggestions: await (async () => {
      if (!section.suggestions) return [];
      const { t } = await cvTranslator(context);
      return section.suggestions.filter((key) => !have.has(t(`suggestions.${section.key}.${key}`).toLocaleLowerCase()));
    })(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const section = sectionOf(params);
  const actor: Actor = participantActor(context, user);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const entryId = String(formData.get("entryId") ?? "");
  const base = `/cv/${section.slug}`;

  if (intent === "add-suggestions") {
    if (!section.suggestions) throw notFound();
    const chosen = formData.getAll("suggestion").map(String);
    const valid = chosen.filter((key) => section.suggestions!.includes(key));
    if (valid.length === 0) return data({ error: "none" as const }, { status: 400 });
    const { t } = await cvTranslator(context);
    const added = await addSuggestedEntries(
      actor,
      section,
      valid.map((key) => ({
        title: t(`suggestions.${section.key}.${key}`),
        category: section.categories ? suggestionCategory(key) : null,
      })),
    );
    return redirect(`${base}?tilfoejet=${added}#cv-status`);
  }

  if (intent === "undo") {
    if (!isUuid(entryId)) throw notFound();
    const restored = await undoDeleteEntry(actor, entryId);
    return redirect(restored ? `${base}?gendannet=${entryId}#cv-status` : `${base}?for-sent=1#cv-status`);
  }

  if (intent === "delete") {
    // A second "Ja, slet" (double submit) finds the entry already deleted: show the same page.
    const already = await findUndoableEntry(user.participant.id, entryId);
    if (already && section.kinds.includes(already.kind) && !(await findEntry(user.participant.id, entryId))) {
      return redirect(`${base}?slettet=${already.id}#cv-status`);
    }
  }

  // The rest act on one of the participant's own entries in this section: anything else is 404.
  const entry = await findEntry(user.participant.id, entryId);
  if (!entry || !section.kinds.includes(entry.kind)) throw notFound();

  if (intent === "move-up" || intent === "move-down") {
    await moveEntry(actor, section, entry.id, intent === "move-up" ? "up" : "down");
    return redirect(`${base}?flyttet=${entry.id}#punkt-${entry.id}`);
  }
  if (intent === "delete") {
    await deleteEntry(actor, entry.id);
    return redirect(`${base}?slettet=${entry.id}#cv-status`);
  }
  return data({ error: "unknown" as const }, { status: 400 });
}

export default function CvSectionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("cv");
  const section = sections[loaderData.slug];
  const title = t(`sections.${section.key}.title`);
  const { moved } = loaderData;

  // After "Flyt op / Flyt ned", keep the keyboard where the person was: on the entry that moved.
  useFocusAfterFrame(moved ? `punkt-${moved}` : null);

  const suggestionError = actionData?.error === "none";

  return (
    <>
      <PageTitle title={title} hasErrors={suggestionError} />
      <p>
        <Link to="/cv" className="plan-back">
          {t("backToCv")}
        </Link>
      </p>
      <ErrorSummary errors={suggestionError ? [{ fieldId: "suggestion", message: t("suggestions.none") }] : []} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t(`sections.${section.key}.intro`)}</p>

      {loaderData.deleted ? (
        <StatusNotice>
          <p>{t("delete.deleted", { title: loaderData.deleted.title })}</p>
          <Form method="post" action={`/cv/${section.slug}`}>
            <input type="hidden" name="entryId" value={loaderData.deleted.id} />
            <button type="submit" name="intent" value="undo" className="button button--secondary">
              {t("delete.undo")}
              <span className="visually-hidden"> {t("delete.undoHidden", { title: loaderData.deleted.title })}</span>
            </button>
          </Form>
        </StatusNotice>
      ) : loaderData.restored ? (
        <StatusNotice>
          <p>{t("delete.restored", { title: loaderData.restored })}</p>
        </StatusNotice>
      ) : loaderData.saved ? (
        <StatusNotice>
          <p>{t("form.saved")}</p>
        </StatusNotice>
      ) : loaderData.tooLate ? (
        <StatusNotice warning>
          <p>{t("delete.tooLate")}</p>
        </StatusNotice>
      ) : loaderData.added !== null ? (
        <StatusNotice>
          <p>{loaderData.added > 0 ? t("suggestions.added", { count: loaderData.added }) : t("suggestions.alreadyThere")}</p>
        </StatusNotice>
      ) : null}

      {loaderData.gap ? (
        <div className="panel cv-gap">
          <h2>{t("gap.heading")}</h2>
          <p>{t("gap.text")}</p>
          <p>
            <Link to="/cv/frivilligt">{t("gap.link")}</Link>
          </p>
        </div>
      ) : null}

      {loaderData.entries.length > 0 ? (
        <EntryList entries={loaderData.entries} section={section} />
      ) : (
        <p>{t(`sections.${section.key}.empty`)}</p>
      )}

      <p>
        <Link to={`/cv/${section.slug}/ny`} className="button">
          {t(`sections.${section.key}.add`)}
        </Link>
      </p>

      {section.suggestions && loaderData.suggestions.length > 0 ? (
        <section aria-labelledby="suggestions-heading" className="cv-suggestions">
          <h2 id="suggestions-heading">{t("suggestions.heading")}</h2>
          <Form method="post" action={`/cv/${section.slug}`}>
            <fieldset className={suggestionError ? "field field--error fieldset" : "field fieldset"}>
              <legend className="fieldset__legend">{t("suggestions.legend")}</legend>
              {suggestionError ? (
                <p className="error-message">
                  <span className="visually-hidden">{t("common:errorTitlePrefix")}</span>
                  {t("suggestions.none")}
                </p>
              ) : null}
              {section.categories
                ? (["professional", "personal"] as const).map((category) => {
                    const keys = loaderData.suggestions.filter((key) => suggestionCategory(key) === category);
                    if (keys.length === 0) return null;
                    return (
                      <div key={category} className="cv-suggestion-group">
                        <p className="cv-suggestion-group__label">{t(`suggestions.${category}`)}</p>
                        {keys.map((key) => (
                          <Checkbox
                            key={key}
                            id={key === loaderData.suggestions[0] ? "suggestion" : `suggestion-${key}`}
                            name="suggestion"
                            value={key}
                            label={t(`suggestions.${section.key}.${key}`)}
                          />
                        ))}
                      </div>
                    );
                  })
                : loaderData.suggestions.map((key, index) => (
                    <Checkbox
                      key={key}
                      id={index === 0 ? "suggestion" : `suggestion-${key}`}
                      name="suggestion"
                      value={key}
                      label={t(`suggestions.${section.key}.${key}`)}
                    />
                  ))}
            </fieldset>
            <button type="submit" name="intent" value="add-suggestions" className="button button--secondary">
              {t("suggestions.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
