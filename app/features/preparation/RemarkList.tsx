import { Form } from "react-router";
import { useFormatWhen } from "~/features/appointments";
import type { RemarkView } from "./remarks";
import { possessiveName } from "~/lib/addressee";
import { Tag } from "~/components/ui/Tag";
import { usePreparationText } from "./setting";

/**
 * "Jonas' bemærkninger" on one part, for the participant: grouped by the relative's first name,
 * the text shown as text, and per remark a plain form (works without JavaScript) that decides
 * whether it goes along when the part is shared with the caseworker.
 */
export function RemarkList({ remarks, back, headingLevel = 2 }: { remarks: RemarkView[]; back: string; headingLevel?: 2 | 3 }) {
  const { t, i18n } = usePreparationText();
  const formatWhen = useFormatWhen();
  if (remarks.length === 0) return null;
  const authors = [...new Set(remarks.map((remark) => remark.authorFirstName))];
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div id={`bemaerkninger-${remarks[0]!.partKey}`} tabIndex={-1} className="prep-remarks-group">
      {authors.map((author) => {
        const own = remarks.filter((remark) => remark.authorFirstName === author);
        const headingId = `bemaerkninger-${own[0]!.partKey}-${own[0]!.id}`;
        return (
          <section key={author} className="panel prep-remarks" aria-labelledby={headingId}>
            <Heading id={headingId}>{t("remarks.heading", { owner: possessiveName(author, i18n.language) })}</Heading>
            <p className="meta">{t("remarks.intro", { name: author })}</p>
            <ul className="plain-list prep-remarks__list">
              {own.map((remark) => (
                <li key={remark.id} className="prep-remark">
                  <p className="meta">{t("remarks.writtenAt", { name: author, when: formatWhen(new Date(remark.createdAt)) })}</p>
                  <blockquote className="own-words pre-wrap-text">
                    <p>{remark.body}</p>
                  </blockquote>
                  <p className="prep-remark__state">
                    <Tag tone={remark.includeWhenShared ? "green" : "grey"}>
                      {remark.includeWhenShared ? t("remarks.included") : t("remarks.notIncluded")}
                    </Tag>
                  </p>
                  <Form method="post" action={`/forberedelse/bemaerkning/${remark.id}`}>
                    <input type="hidden" name="include" value={remark.includeWhenShared ? "no" : "yes"} />
                    <input type="hidden" name="back" value={back} />
                    <button type="submit" className="button button--secondary">
                      {remark.includeWhenShared ? t("remarks.exclude") : t("remarks.include")}
                      <span className="visually-hidden"> {t("remarks.hiddenWhich", { name: author, when: formatWhen(new Date(remark.createdAt)) })}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
