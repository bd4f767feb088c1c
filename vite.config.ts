import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  plugins: [reactRouter()],
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  ssr: {
    // PGlite ships its own WASM and data files; load it from node_modules at run time.
    external: ["@electric-sql/pglite", "postgres"],
  },
  build: { target: "es2022" },
});
