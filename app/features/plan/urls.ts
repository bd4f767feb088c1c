import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const planRoutes: RouteConfigEntry[] = [
  route("min-plan", "features/plan/routes/plan.tsx"),
  route("min-plan/eget-maal", "features/plan/routes/plan-own-goal.tsx"),
  route("min-plan/delmaal/:subGoalId", "features/plan/routes/plan-sub-goal.tsx"),
  route("min-plan/spoergsmaal", "features/plan/routes/plan-question.tsx"),
  route("min-plan/udskriv", "features/plan/routes/plan-print.tsx"),
  route("min-plan/min-plan.pdf", "features/plan/routes/plan-pdf.ts"),
  route("min-plan/tidligere-versioner", "features/plan/routes/plan-versions.tsx"),
  route("min-plan/tidligere-versioner/:version", "features/plan/routes/plan-version.tsx"),
];
