import { notFound } from "~/lib/auth.server";
import { remarkChoiceOf, savedPartOf } from "./notices";
import { isWritable, nextPath, partBySlug, type PartDefinition, type WritablePartKey } from "./parts";
import { getCvSummary, getNetworkSummary, getPart, type CvSummaryEntry, type NetworkSummaryPerson } from "./queries.server";
import { listRemarks } from "./remarks.server";
import type { PartIntent } from "./schema";

export type WritablePart = PartDefinition & { key: WritablePartKey };

/** A part the participant writes in, by its address; anything else (also "Om mødet") is 404. */
export function writablePart(slug: string | undefined): WritablePart {
  const part = partBySlug(slug);
  if (!part || !isWritable(part)) throw notFound();
  return part;
}

/**
 * What a part's page shows: the part (own data only), what the CV or the network map already
 * holds (for "Uddannelse og arbejde" and "Mit netværk"), relatives' remarks on this part
 * ("Jonas' bemærkninger"), and the notice of what was just saved or chosen.
 */
export async function loadPartPage(participantId: string, part: WritablePart, url: URL) {
  const [state, cv, network, remarks] = await Promise.all([
    getPart(participantId, part.key),
    part.key === "education_work" ? getCvSummary(participantId) : Promise.resolve([] as CvSummaryEntry[]),
    part.key === "network" ? getNetworkSummary(participantId) : Promise.resolve([] as NetworkSummaryPerson[]),
    listRemarks(participantId),
  ]);
  return {
    slug: part.slug,
    key: part.key,
    state,
    cv,
    network,
    savedKey: savedPartOf(url),
    remarks: remarks.filter((remark) => remark.partKey === part.key),
    remarkChoice: remarkChoiceOf(url),
  };
}

/**
 * Where a part's form goes after its post: "Behold den gemte udgave" back to the part as saved;
 * "Gem og fortsæt senere" to the task list; "Behold min udgave" back to the part; "Gem og fortsæt"
 * to the next step. Each save shows the "Gemt" notice there.
 */
export function pathAfterSave(part: PartDefinition, intent: PartIntent): string {
  switch (intent) {
    case "keep-saved":
      return `/forberedelse/${part.slug}`;
    case "later":
      return `/forberedelse?gemt=${part.slug}`;
    case "keep-mine":
      return `/forberedelse/${part.slug}?gemt=${part.slug}`;
    default:
      return `${nextPath(part)}?gemt=${part.slug}`;
  }
}
