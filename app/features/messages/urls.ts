import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const messagesRoutes: RouteConfigEntry[] = [
  route("beskeder", "features/messages/routes/messages.tsx"),
  route("beskeder/ny", "features/messages/routes/message-new.tsx"),
  route("beskeder/ring-mig-op", "features/messages/routes/message-callback.tsx"),
  route("beskeder/:id", "features/messages/routes/conversation.tsx"),
];
