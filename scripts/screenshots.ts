// Takes screenshots of pages for a person to look at: the full page at 1280 and 320 px, and the
// first screen at 320×256 (what 400 % zoom on a laptop shows).
// Usage: BASE_URL=http://localhost:3000 npx tsx scripts/screenshots.ts [out-dir] [person] [path...]
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const baseUrl = process.env.BASE_URL ?? "http://localhost:3000";
const [outDir = "/tmp/min-vej-shots", person = "mette", ...paths] = process.argv.slice(2);
const pages = paths.length > 0 ? paths : ["/log-ind", "/"];
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const [width, height, fullPage] of [[1280, 900, true], [320, 900, true], [320, 256, false]] as const) {
    const context = await browser.newContext({ viewport: { width, height }, locale: "da-DK" });
    const page = await context.newPage();
    for (const path of pages) {
      if (path !== "/log-ind" && !(await context.cookies()).length && person !== "none") {
        await page.goto(`${baseUrl}/log-ind`);
        await page.getByLabel(new RegExp(person, "i")).check();
        await page.getByRole("button", { name: /log ind|sign in/i }).click();
        await page.waitForURL(`${baseUrl}/`);
      }
      await page.goto(baseUrl + path);
      const file = `${outDir}/${path.replace(/\W+/g, "_") || "root"}-${width}${fullPage ? "" : `x${height}`}.png`;
      await page.screenshot({ path: file, fullPage });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
