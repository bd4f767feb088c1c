import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const myDataRoutes: RouteConfigEntry[] = [
  route("mine-data", "features/my-data/routes/my-data.tsx"),
  route("mine-data/mine-data.json", "features/my-data/routes/my-data-json.ts"),
  route("mine-data/mine-data.pdf", "features/my-data/routes/my-data-pdf.ts"),
  route("mine-data/slet", "features/my-data/routes/my-data-delete.tsx"),
  route("mine-data/slet/bekraeft", "features/my-data/routes/my-data-delete-confirm.tsx"),
  route("mine-data/bed-om-sletning", "features/my-data/routes/my-data-request.tsx"),
];
