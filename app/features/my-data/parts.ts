/**
 * The parts of the export, in the order the files show them. The keys are the JSON's own (Danish,
 * plain); each part's name and description live in locales/<lng>/my-data.json under `parts.<key>`.
 */
export const PARTICIPANT_PARTS = [
  "person",
  "forloeb",
  "plan",
  "forslag",
  "moeder",
  "referater",
  "forberedelse",
  "cv",
  "netvaerk",
  "saadan_gaar_det",
  "beskeder",
  "paaroerende",
  "beskedindstillinger",
  "hvem_har_set",
] as const;

/** What Min Vej holds about a person as a relative (also a participant who helps someone). */
export const RELATIVE_PARTS = ["du_hjaelper", "dine_bemaerkninger", "dine_beskeder_som_paaroerende"] as const;

export type PartKey = (typeof PARTICIPANT_PARTS)[number] | (typeof RELATIVE_PARTS)[number];

/**
 * What she may delete herself, at once: her own private things, never what she shared with the
 * municipality or what it wrote. The keys are the form's values (Danish: they show in the URL).
 */
export const DELETABLE = ["dagbog", "tegn", "maanedssvar", "netvaerk", "cv", "forberedelse", "moedenoter", "beskedkladder"] as const;
export type Deletable = (typeof DELETABLE)[number];

export function isDeletable(value: string): value is Deletable {
  return (DELETABLE as readonly string[]).includes(value);
}

/** `?dele=dagbog,cv` as a list of known keys, in DELETABLE's order, each once. */
export function parseDeletables(value: string | null | undefined): Deletable[] {
  const chosen = new Set((value ?? "").split(",").map((part) => part.trim()));
  return DELETABLE.filter((key) => chosen.has(key));
}
