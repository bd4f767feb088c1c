import { expectNoAxeViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

// The checks that every journey leans on must be able to fail.

// The no-JS scan path (a script-free copy of the page) is exercised by no-js.spec.ts.
test("the axe helper fails, readably, on a real violation", async ({ page }) => {
  await page.setContent(
    '<!doctype html><html lang="da"><head><title>Test</title></head><body><main><h1>Test</h1>' +
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"></main></body></html>',
  );
  const failure = await expectNoAxeViolations(page, "helper self-test", { record: false }).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toContain("image-alt (critical)");
  expect(failure).toContain("img");
});
