import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const appointmentRoutes: RouteConfigEntry[] = [
  route("moeder", "features/appointments/routes/appointments.tsx"),
  route("moeder/tidligere", "features/appointments/routes/appointments-past.tsx"),
  route("moeder/kalender", "features/appointments/routes/appointments-calendar.tsx"),
  route("moeder/:id", "features/appointments/routes/appointment.tsx"),
  route("moeder/:id/kan-ikke-komme", "features/appointments/routes/appointment-absence.tsx"),
  route("moeder/:id/kalender.ics", "features/appointments/routes/appointment-ics.ts"),
  // The subscribed feed: no sign-in (calendar apps cannot), the secret token is the key.
  route("kalender/:token/moeder.ics", "features/appointments/routes/appointments-feed.ts"),
];
