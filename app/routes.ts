import { type RouteConfig, index } from "@react-router/dev/routes";
import { accountRoutes } from "./features/account/urls";
import { apiRoutes } from "./features/api/urls";
import { appointmentRoutes } from "./features/appointments/urls";
import { caseworkerRoutes } from "./features/caseworker/urls";
import { contentRoutes } from "./features/content/urls";
import { cvRoutes } from "./features/cv/urls";
import { hardDayRoutes } from "./features/hard-day/urls";
import { messagesRoutes } from "./features/messages/urls";
import { myDataRoutes } from "./features/my-data/urls";
import { networkRoutes } from "./features/network/urls";
import { notificationsRoutes } from "./features/notifications/urls";
import { planRoutes } from "./features/plan/urls";
import { preparationRoutes } from "./features/preparation/urls";
import { progressRoutes } from "./features/progress/urls";
import { proposalsRoutes } from "./features/proposals/urls";
import { relativesRoutes } from "./features/relatives/urls";
import { summariesRoutes } from "./features/summaries/urls";
import { notFoundRoute, siteRoutes } from "./features/site/urls";

// URLs are Danish: citizens read them. Each area lists its own in features/<area>/urls.ts;
// not-found matches everything else, so it comes last.
export default [
  index("features/overview/routes/overview.tsx"),
  ...accountRoutes,
  ...siteRoutes,
  ...planRoutes,
  ...appointmentRoutes,
  ...summariesRoutes,
  ...messagesRoutes,
  ...contentRoutes,
  ...preparationRoutes,
  ...networkRoutes,
  ...cvRoutes,
  ...relativesRoutes,
  ...notificationsRoutes,
  ...hardDayRoutes,
  ...progressRoutes,
  ...proposalsRoutes,
  ...myDataRoutes,
  ...caseworkerRoutes,
  ...apiRoutes,
  notFoundRoute,
] satisfies RouteConfig;
