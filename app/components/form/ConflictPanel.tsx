import { useTranslation } from "~/lib/i18n/react";
import { TextareaField } from "./TextareaField";

/**
 * Shown when two people (or two tabs) saved the same text: nothing the person typed is lost.
 * Both texts are shown; the person keeps theirs (possibly edited) or the saved one.
 * The surrounding <Form> must post `version` = the saved version, so the next save succeeds.
 */
export function ConflictPanel(props: {
  /** The form field that carries the text. */
  name: string;
  id: string;
  label: React.ReactNode;
  maxLength: number;
  mine: string;
  saved: string;
  savedVersion: number;
  /** Who saved the other version, in plain words, and when (already formatted). */
  savedBy: string;
  savedWhen: string;
  /** Value of the submit button name="intent" that keeps the saved text. */
  keepSavedIntent?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="conflict" role="group" aria-labelledby={`${props.id}-conflict-title`}>
      <h2 id={`${props.id}-conflict-title`}>{t("conflict.title")}</h2>
      <p>{t("conflict.text", { who: props.savedBy, when: props.savedWhen })}</p>
      <h3>{t("conflict.saved")}</h3>
      <blockquote className="own-words">
        <p>{props.saved || "–"}</p>
      </blockquote>
      <input type="hidden" name="version" value={props.savedVersion} />
      <TextareaField
        id={props.id}
        name={props.name}
        label={t("conflict.mine")}
        maxLength={props.maxLength}
        defaultValue={props.mine}
      />
      <div className="button-group">
        <button type="submit" name="intent" value="save" className="button">
          {t("conflict.keepMine")}
        </button>
        <button type="submit" name="intent" value={props.keepSavedIntent ?? "keep-saved"} className="button button--secondary">
          {t("conflict.keepSaved")}
        </button>
      </div>
    </div>
  );
}
