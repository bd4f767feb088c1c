import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

/**
 * Our zod schema modules only define schemas: importing one for nothing has no effect. Saying so
 * lets the bundler drop an unused one, and zod (~24 KB gzip) with it, from a page that imports
 * an area's public face (e.g. a link helper from `~/features/messages`) but validates nothing in
 * the browser. `app/lib/zod.ts` (zod's configuration) is not one of them.
 */
const SCHEMA_MODULES = /\/app\/(features\/[\w-]+\/(schema|remarks|messages-schema)|components\/form\/schemas)\.ts$/;

export default defineConfig({
  plugins: [reactRouter()],
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  ssr: {
    // PGlite ships its own WASM and data files; load it from node_modules at run time.
    external: ["@electric-sql/pglite", "postgres"],
  },
  build: {
    target: "es2022",
    rollupOptions: {
      treeshake: { moduleSideEffects: (id, external) => external || !SCHEMA_MODULES.test(id) },
    },
  },
});
