import type { PartState } from "./queries.server";
import type { WritablePartKey } from "./parts";

/** A part as the caseworker will read it when the person presses "Del med min sagsbehandler". */
export interface ReviewPart {
  key: WritablePartKey;
  slug: string;
  status: PartState["status"];
  version: number;
  answers: PartState["answers"];
}

/** "Tjek og del" after a post: the boxes again (as ticked, maybe with an error), or the review of what will be shared. */
export type ShareStep =
  | { step: "choose"; chosen: WritablePartKey[]; error: "errors.chooseParts" | "errors.changedWhileOpen" | null }
  | { step: "review"; parts: ReviewPart[]; tasks: string[] };
