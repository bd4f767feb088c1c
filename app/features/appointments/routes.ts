import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const appointmentRoutes: RouteConfigEntry[] = [
  route("moeder", "routes/appointments.tsx"),
  route("moeder/tidligere", "routes/appointments-past.tsx"),
  route("moeder/kalender", "routes/appointments-calendar.tsx"),
  route("moeder/:id", "routes/appointment.tsx"),
  route("moeder/:id/kan-ikke-komme", "routes/appointment-absence.tsx"),
  route("moeder/:id/kalender.ics", "routes/appointment-ics.ts"),
  // The subscribed feed: no sign-in (calendar apps cannot), the secret token is the key.
  route("kalender/:token/moeder.ics", "routes/appointments-feed.ts"),
];
