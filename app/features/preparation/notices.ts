import { partBySlug, type PartKey } from "./parts";

/** The notices a page shows after a redirect, read from its address. Anything unknown shows nothing. */

/** `?gemt=<slug>`: the part that was just saved ("Gemt: …"). */
export function savedPartOf(url: URL): PartKey | null {
  return partBySlug(url.searchParams.get("gemt") ?? undefined)?.key ?? null;
}

/** `?bemaerkning=med|ikke-med`: the choice just made for a relative's remark. */
export function remarkChoiceOf(url: URL): "med" | "ikke-med" | null {
  const choice = url.searchParams.get("bemaerkning");
  return choice === "med" || choice === "ikke-med" ? choice : null;
}
