import { type RouteConfig, index, route } from "@react-router/dev/routes";
import { appointmentRoutes } from "./features/appointments/urls";
import { caseworkerRoutes } from "./features/caseworker/routes";
import { contentRoutes } from "./features/content/routes";
import { cvRoutes } from "./features/cv/urls";
import { networkRoutes } from "./features/network/urls";
import { planRoutes } from "./features/plan/urls";
import { preparationRoutes } from "./features/preparation/urls";
import { relativesRoutes } from "./features/relatives/urls";

// URLs are Danish: citizens read them. Each area lists its own in features/<area>/routes.ts.
export default [
  index("features/overview/routes/overview.tsx"),
  route("log-ind", "routes/sign-in.tsx"),
  route("log-ud", "routes/sign-out.tsx"),
  route("sprog", "routes/language.ts"),
  route("i18n/:file", "routes/translations.ts"),
  route("session/forny", "routes/session-keepalive.ts"),
  route("healthz", "routes/healthz.ts"),
  route("readyz", "routes/readyz.ts"),
  ...planRoutes,
  ...appointmentRoutes,
  ...contentRoutes,
  ...preparationRoutes,
  ...networkRoutes,
  ...cvRoutes,
  ...relativesRoutes,
  ...caseworkerRoutes,
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
