/**
 * Text the jobcentre writes in Danish is addressed to the participant ("Din plan", "Du beder …",
 * "Din koordinerende sagsbehandler"). Other readers see it worded for them (issue 14, point 8):
 * a relative reads it about the participant by name, a caseworker reads a role without "Din".
 * Words inside »…« or "…" are titles and stay as they are ("»Forbered dit møde«").
 */

const LETTER = "\\p{L}";
const word = (alternatives: string) => new RegExp(`(?<![${LETTER}])(${alternatives})(?![${LETTER}])`, "giu");
const POSSESSIVE = word("din|dit|dine");
const PERSONAL = word("du|dig");
const QUOTED = /(»[^«]*«|"[^"]*"|“[^”]*”)/u;

/** "Mettes", "Jonas'" (Danish genitive). */
export function danishPossessive(name: string): string {
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}

/** A first name's genitive in the page's language: Danish "Jonas'" / "Mettes", English "Jonas'" / "Mette's". */
export function possessiveName(name: string, language: string): string {
  if (language === "da") return danishPossessive(name);
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

function outsideQuotes(text: string, rewrite: (part: string) => string): string {
  return text
    .split(QUOTED)
    .map((part, index) => (index % 2 === 1 ? part : rewrite(part)))
    .join("");
}

/**
 * A Danish text addressed to the participant, worded about her for a relative: "du"/"dig" become
 * her first name, "din"/"dit"/"dine" her name in the genitive. "Dine noter om skulderen" ->
 * "Mettes noter om skulderen"; "Hvis du har skrevet noget" -> "Hvis Mette har skrevet noget".
 */
export function aboutParticipant(text: string, firstName: string): string {
  const owner = danishPossessive(firstName);
  return outsideQuotes(text, (part) => part.replace(POSSESSIVE, owner).replace(PERSONAL, firstName));
}

/**
 * A role written for the participant, for a caseworker: "Din koordinerende sagsbehandler" ->
 * "koordinerende sagsbehandler"; the rest about the participant ("… sammen med dig" -> "… sammen med Mette").
 */
export function roleForCaseworker(roleText: string, participantFirstName: string): string {
  return aboutParticipant(roleText.replace(/^\s*(din|dit|dine)\s+/iu, ""), participantFirstName);
}
