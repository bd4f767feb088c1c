import type { Actor } from "~/lib/actor.server";
import { shareParts } from "./commands.server";
import { remarkChoiceOf } from "./notices";
import { PARTS, partBySlug, type PartKey, type WritablePartKey } from "./parts";
import { getPreparation, type PartState } from "./queries.server";
import { listRemarks } from "./remarks.server";
import type { ShareStep } from "./share";

const WRITABLE = PARTS.filter((part) => part.key !== "about_meeting").map((part) => part.key as WritablePartKey);

/** The parts that can be shared now: started, and not already shared as they are. */
function shareableParts(parts: PartState[]) {
  return parts.filter(
    (part): part is PartState & { key: WritablePartKey } =>
      part.key !== "about_meeting" && part.status !== "not_started" && part.share.kind !== "shared",
  );
}

/**
 * One box per part that can be shared. Nothing is shared by default (issue 14): every box starts
 * unticked, also for parts that are still "I gang" or hold health details.
 */
function shareChoices(parts: PartState[]) {
  return shareableParts(parts).map((part) => ({
    key: part.key,
    slug: part.slug,
    status: part.status,
    version: part.version,
    shareKind: part.share.kind,
    checked: false,
  }));
}

/** "Tjek og del": every part with its answers, the boxes for sharing, relatives' remarks, and the notice after a redirect. */
export async function loadCheckPage(participantId: string, url: URL) {
  const [preparation, remarks] = await Promise.all([getPreparation(participantId), listRemarks(participantId)]);
  const sharedCount = url.searchParams.get("delt");
  const withdrawn = partBySlug(url.searchParams.get("trukket") ?? undefined);
  return {
    parts: preparation.parts,
    tasks: preparation.tasks,
    choices: shareChoices(preparation.parts),
    sharedCount: sharedCount && /^\d+$/.test(sharedCount) ? Number(sharedCount) : null,
    withdrawnKey: withdrawn?.key ?? null,
    remarks,
    remarkChoice: remarkChoiceOf(url),
  };
}

/** What a post on "Tjek og del" leads to: a page to show again (with its status), or the number of parts shared. */
export type ShareOutcome = { status: number; show: ShareStep } | { shared: number };

/**
 * "Tjek og del" in two steps. `review` (also a post without an intent) shows exactly what will be
 * shared and writes nothing; only `share`, posted from that review with the version of each part
 * the person read (`seen`), shares. `change` goes back to the boxes as the person ticked them.
 * Only the session's own parts are read and shared; unknown part keys are ignored.
 */
export async function reviewOrShare(
  actor: Actor,
  value: { intent: "review" | "share" | "change"; parts: string[]; seen: Record<string, string> },
): Promise<ShareOutcome> {
  const chosen = [...new Set(value.parts)].filter((key): key is WritablePartKey => (WRITABLE as string[]).includes(key));
  const seen: Partial<Record<PartKey, number>> = {};
  for (const key of chosen) {
    const version = value.seen[key];
    if (typeof version === "string" && /^\d+$/.test(version)) seen[key] = Number(version);
  }
  if (value.intent === "change") return { status: 200, show: { step: "choose", chosen, error: null } };
  const nothingChosen: ShareOutcome = { status: 400, show: { step: "choose", chosen: [], error: "errors.chooseParts" } };
  if (chosen.length === 0) return nothingChosen;

  const preparation = await getPreparation(actor.participantId);
  const shareable = shareableParts(preparation.parts).filter((part) => chosen.includes(part.key));
  if (shareable.length === 0) return nothingChosen;
  const changedWhileOpen: ShareOutcome = { status: 409, show: { step: "choose", chosen, error: "errors.changedWhileOpen" } };
  if (shareable.some((part) => seen[part.key] !== undefined && seen[part.key] !== part.version)) return changedWhileOpen;
  // Only a part the person has seen in the review is shared: without its version, show the review.
  if (value.intent === "review" || shareable.some((part) => seen[part.key] === undefined)) {
    return {
      status: 200,
      show: {
        step: "review",
        parts: shareable.map((part) => ({ key: part.key, slug: part.slug, status: part.status, version: part.version, answers: part.answers })),
        tasks: shareable.some((part) => part.key === "wishes") ? preparation.tasks : [],
      },
    };
  }
  const result = await shareParts(
    actor,
    shareable.map((part) => part.key),
    seen,
  );
  if (result.status === "changed") return changedWhileOpen;
  return { shared: result.parts.length };
}
