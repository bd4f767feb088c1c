import { route } from "@react-router/dev/routes";

/** The hard-day switch (a POST from every participant page). */
export const hardDayRoutes = [route("hard-dag", "features/hard-day/routes/hard-day-switch.ts")];
