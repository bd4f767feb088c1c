import { existsSync, readFileSync } from "node:fs";
import { AXE_LOG } from "./axe";

/** Prints how many axe scans ran (pages × states × widths × languages × projects). */
export default function globalTeardown() {
  if (!existsSync(AXE_LOG)) {
    console.log("axe: no scans ran.");
    return;
  }
  const rows = readFileSync(AXE_LOG, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [label = "", url = "", width = "", language = "", project = "", violations = "0", how = "scanned", ms = "0"] =
        line.split("\t");
      return { label, url, width, language, project, violations: Number(violations), reused: how !== "scanned", ms: Number(ms) };
    });
  const count = (key: "width" | "language" | "project") =>
    Object.entries(
      rows.reduce<Record<string, number>>((acc, row) => ({ ...acc, [row[key]]: (acc[row[key]] ?? 0) + 1 }), {}),
    )
      .map(([value, n]) => `${value}: ${n}`)
      .join(", ");
  const withViolations = rows.filter((row) => row.violations > 0).length;
  const states = new Set(rows.map((row) => row.label.replace(/ @\d+px$/, ""))).size;
  const reused = rows.filter((row) => row.reused).length;
  const seconds = Math.round(rows.reduce((sum, row) => sum + row.ms, 0) / 1000);
  console.log(
    `axe: ${rows.length} checks, ${rows.length - reused} scanned and ${reused} of a state already scanned clean in this run ` +
      `(${states} distinct page states; by width ${count("width")}; ` +
      `by language ${count("language")}; by project ${count("project")}); ${withViolations} with violations; ${seconds} s scanning. ` +
      `Details: test-results/axe-scans.txt`,
  );
}
