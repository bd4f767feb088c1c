import { eq } from "drizzle-orm";
import { config } from "../../server/config.js";
import type { Municipality } from "../../server/municipalities.js";
import { participants } from "../../db/schema/people";
import type { Database } from "../../db/client";
import { unitWords, type PageMunicipality } from "./municipality";
import { log } from "../../server/log.js";

/** Every configured municipality (MUNICIPALITIES_FILE, checked at start). */
export function municipalities(): Municipality[] {
  return config().municipalities;
}

/**
 * The configured municipality with this id; without an id the file's first (a portal for one
 * municipality stores none). An id the file no longer names also gives the first, so a person
 * still sees their pages, and the log says so once per id (never who it was).
 */
export function municipalityById(id: string | null | undefined): Municipality {
  const all = municipalities();
  const found = all.find((entry) => entry.id === id);
  if (!found && id && !reported.has(id)) {
    reported.add(id);
    log.error({ event: "municipality_unknown", municipalityKey: id }, `MUNICIPALITIES_FILE names no municipality "${id}"; its participants see ${all[0]!.id}'s details.`);
  }
  return found ?? all[0]!;
}

const reported = new Set<string>();

/** A participant's municipality, from their row. */
export async function municipalityOfParticipant(database: Database, participantId: string): Promise<Municipality> {
  const [row] = await database
    .select({ key: participants.municipalityKey })
    .from(participants)
    .where(eq(participants.id, participantId));
  return municipalityById(row?.key);
}

/** What a page needs of a municipality, in one language. */
export function pageMunicipality(municipality: Municipality, language: string): PageMunicipality {
  const lng = language === "en" ? "en" : "da";
  return {
    id: municipality.id,
    name: municipality.name,
    unitName: municipality.unitName ?? null,
    logo: municipality.logo ?? null,
    colours: municipality.colours ?? null,
    contact: {
      phone: municipality.contact.phone,
      email: municipality.contact.email ?? null,
      address: municipality.contact.address,
      openingHours: municipality.contact.openingHours[lng],
      web: municipality.contact.web ?? null,
    },
    messageAnswerWorkdays: municipality.messageAnswerWorkdays,
    crisisLines: municipality.crisisLines.map((line) => ({ name: line.name[lng], phone: line.phone, hours: line.hours[lng] })),
    rehabiliteringsteam: municipality.rehabiliteringsteam,
    texts: { help: municipality.texts.help?.[lng] ?? null, preparation: municipality.texts.preparation?.[lng] ?? null },
  };
}

/** The {{unit}} words of a participant's municipality, for texts made outside React (PDFs, mail). */
export function unitWordsOf(municipalityKey: string | null | undefined, language: string): Record<string, string> {
  const municipality = municipalityById(municipalityKey);
  return unitWords({ name: municipality.name, unitName: municipality.unitName ?? null }, language);
}
