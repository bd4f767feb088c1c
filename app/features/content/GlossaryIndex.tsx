import { useTranslation } from "~/lib/i18n/react";

export interface GlossaryData {
  letters: { letter: string; id: string | null }[];
  /** Each letter's entries, rendered on the server by markdown-it with raw HTML off. */
  groups: { letter: string; id: string; html: string }[];
}

/**
 * The glossary's A–Å index (a nav of in-page links; a letter without words is plain text), then
 * each letter as a level-2 heading with its words (level 3) under it and a link back to the index.
 * Plain links: the page runs no JavaScript.
 */
export function GlossaryIndex({ glossary }: { glossary: GlossaryData }) {
  const { t } = useTranslation("content");
  return (
    <>
      <nav aria-label={t("glossary.lettersLabel")} className="glossary-letters" id="bogstaver">
        <ul className="glossary-letters__list">
          {glossary.letters.map(({ letter, id }) => (
            <li key={letter}>
              {id ? (
                <a href={`#${id}`} className="glossary-letters__letter">
                  {letter}
                </a>
              ) : (
                <span className="glossary-letters__letter glossary-letters__letter--empty">{letter}</span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {glossary.groups.map((group) => (
        <div key={group.id} className="glossary-group">
          <h2 id={group.id} className="glossary-group__letter">
            {group.letter}
          </h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: group.html }} />
          <p className="glossary-group__back">
            <a href="#bogstaver">{t("glossary.backToLetters")}</a>
          </p>
        </div>
      ))}
    </>
  );
}
