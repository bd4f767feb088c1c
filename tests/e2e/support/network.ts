import { expect, type Page } from "@playwright/test";

/**
 * The map and the list name the same people, each in the same sector and ring.
 *
 * The flake "the map showed 10 people, the list 4" was a one-shot read of a page still arriving:
 * after a form post the new page is there (its address, the notice, the person's own card) while
 * the rest of the list, below the map in the document, is still being streamed in. Both counts are
 * now read together and retried until they agree, after the page has finished loading.
 */
export async function expectMapAndListAgree(page: Page) {
  await page.waitForLoadState("load");
  const read = (selector: string) =>
    page.locator(selector).evaluateAll((nodes) =>
      nodes
        .map((n) => [n.getAttribute("data-person-id"), n.getAttribute("data-sector"), n.getAttribute("data-closeness")].join("|"))
        .sort(),
    );
  await expect(async () => {
    const [onMap, inList] = await Promise.all([
      read('[data-testid="network-map"] [data-person-id]'),
      read('[data-testid="network-person"]'),
    ]);
    expect(onMap.length).toBeGreaterThan(0);
    expect(onMap).toEqual(inList);
  }).toPass({ timeout: 10_000 });
}
