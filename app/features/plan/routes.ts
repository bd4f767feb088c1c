import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const planRoutes: RouteConfigEntry[] = [
  route("min-plan", "routes/plan.tsx"),
  route("min-plan/eget-maal", "routes/plan-own-goal.tsx"),
  route("min-plan/delmaal/:subGoalId", "routes/plan-sub-goal.tsx"),
  route("min-plan/spoergsmaal", "routes/plan-question.tsx"),
  route("min-plan/udskriv", "routes/plan-print.tsx"),
  route("min-plan/min-plan.pdf", "routes/plan-pdf.ts"),
  route("min-plan/tidligere-versioner", "routes/plan-versions.tsx"),
  route("min-plan/tidligere-versioner/:version", "routes/plan-version.tsx"),
];
