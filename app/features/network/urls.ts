import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const networkRoutes: RouteConfigEntry[] = [
  route("netvaerk", "features/network/routes/network.tsx"),
  route("netvaerk/ny", "features/network/routes/network-new.tsx"),
  route("netvaerk/udskriv", "features/network/routes/network-print.tsx"),
  route("netvaerk/kort", "features/network/routes/network-map.tsx"),
  route("netvaerk/del", "features/network/routes/network-share.tsx"),
  route("netvaerk/tidligere", "features/network/routes/network-snapshots.tsx"),
  route("netvaerk/:id", "features/network/routes/network-edit.tsx"),
  route("netvaerk/:id/fjern", "features/network/routes/network-remove.tsx"),
];
