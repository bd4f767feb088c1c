/**
 * `/sagsbehandler` lists 50 participants a page, and `/sagsbehandler/beskeder` 50 conversations, at
 * `?side=N` (links, so it works without JavaScript).
 */
export const PAGE_SIZE = 50;

/** The page asked for: `?side=2` gives 2; none, or anything but a whole number from 1, gives 1. */
export function parsePageParam(url: URL): number {
  const raw = url.searchParams.get("side");
  return raw !== null && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1;
}

/** The address of one page of a list; the first is the list's own address (`/sagsbehandler`). */
export function pageHref(page: number, list = "/sagsbehandler"): string {
  return page <= 1 ? list : `${list}?side=${page}`;
}

/**
 * The page numbers to link to: the first, the last, and the current one with its neighbours; null
 * stands for the pages left out between them ("…"), as GOV.UK's pagination does.
 */
export function pageNumbers(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const numbers: (number | null)[] = [];
  for (const [index, n] of sorted.entries()) {
    const previous = sorted[index - 1];
    if (previous !== undefined && n - previous > 1) numbers.push(null);
    numbers.push(n);
  }
  return numbers;
}
