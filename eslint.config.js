import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The capabilities (app/features/<area>) and their tables (db/schema/<area>.ts). An area's
 * own files may import anything of its own; other code may import only its public face:
 * `~/features/<area>` (index.ts) and `~/features/<area>/index.server` (index.server.ts).
 * Its tables are its own: no other area imports them (nor the all-tables index db/schema).
 */
const AREAS = [
  "account",
  "api",
  "appointments",
  "caseworker",
  "content",
  "cv",
  "hard-day",
  "jobs",
  "my-data",
  "network",
  "notifications",
  "overview",
  "plan",
  "preparation",
  "progress",
  "proposals",
  "relatives",
  "site",
  "summaries",
];
/** Areas whose tables live in a db/schema file of the same name. */
const TABLES = ["account", "appointments", "cv", "jobs", "network", "notifications", "plan", "preparation", "progress", "proposals", "relatives", "summaries"];

const ZOD = { name: "zod", message: "Import { z } from ~/lib/zod: it turns off zod's eval probe, which the CSP forbids." };

function foreignInternals(own) {
  return AREAS.filter((area) => area !== own).map((area) => ({
    group: [`**/features/${area}/*`, `!**/features/${area}/index.server`, `../${area}/*`, `../../${area}/*`],
    message: `Import from the ${area} area's public face only: ~/features/${area} or ~/features/${area}/index.server.`,
  }));
}

function foreignTables(own) {
  return [
    // A regex, not a glob: the glob "**/db/schema" (gitignore rules) also matched every file under it.
    { regex: "/db/schema(/index)?$", message: "Import your own area's tables from db/schema/<area>, not all tables." },
    ...TABLES.filter((area) => area !== own).map((area) => ({
      group: [`**/db/schema/${area}`],
      message: `The ${area} tables belong to the ${area} area: ask its public face (~/features/${area}/index.server).`,
    })),
  ];
}

export default tseslint.config(
  { ignores: ["build/", "build-*/", ".react-router/", "node_modules/", "test-results/", "playwright-report/", ".data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        Headers: "readonly",
        Request: "readonly",
        AbortController: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { paths: [ZOD] }],
    },
  },
  // Shared code (lib, components) serves every area and points back up into none.
  {
    files: ["app/lib/**", "app/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [ZOD],
          patterns: [{ group: ["~/features/*", "**/features/*"], message: "Shared code must not depend on a capability." }],
        },
      ],
    },
  },
  ...AREAS.map((area) => ({
    files: [`app/features/${area}/**`],
    rules: {
      "no-restricted-imports": ["error", { paths: [ZOD], patterns: [...foreignInternals(area), ...foreignTables(area)] }],
    },
  })),
  {
    files: ["app/lib/zod.ts", "tests/**"],
    rules: { "no-restricted-imports": "off" },
  },
  // A page's loader and action data reach its component with fields a spread does not list
  // (server/request-handler.js, decision 27): name the fields.
  {
    files: ["app/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: ":matches(JSXSpreadAttribute, SpreadElement) > Identifier[name=/^(loaderData|actionData)$/]",
          message: "A page's data is kept out of React Router's hydration encoding and a spread finds none of its fields: name them.",
        },
      ],
    },
  },
);
