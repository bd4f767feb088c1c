import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const progressRoutes: RouteConfigEntry[] = [
  route("saadan-gaar-det", "features/progress/routes/progress.tsx"),
  route("saadan-gaar-det/svar", "features/progress/routes/progress-answers.tsx"),
  route("saadan-gaar-det/svar/:id", "features/progress/routes/progress-set.tsx"),
  route("saadan-gaar-det/paamindelse", "features/progress/routes/progress-reminder.tsx"),
  route("saadan-gaar-det/dagbog", "features/progress/routes/progress-diary.tsx"),
  route("saadan-gaar-det/tegn", "features/progress/routes/progress-signs.tsx"),
  route("saadan-gaar-det/tegn/udskriv", "features/progress/routes/progress-signs-print.tsx"),
];
