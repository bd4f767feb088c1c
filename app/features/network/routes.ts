import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const networkRoutes: RouteConfigEntry[] = [
  route("netvaerk", "routes/network.tsx"),
  route("netvaerk/ny", "routes/network-new.tsx"),
  route("netvaerk/udskriv", "routes/network-print.tsx"),
  route("netvaerk/kort", "routes/network-map.tsx"),
  route("netvaerk/del", "routes/network-share.tsx"),
  route("netvaerk/tidligere", "routes/network-snapshots.tsx"),
  route("netvaerk/:id", "routes/network-edit.tsx"),
  route("netvaerk/:id/fjern", "routes/network-remove.tsx"),
];
