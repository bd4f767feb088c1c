// The municipalities this portal serves (issue 19): name, the name of its unit for employment
// (or none: then the texts say "kommunen", the law's word since lov nr. 1750 of 29/12/2025),
// logo, colours, contact details, opening hours, the promised answer time, its own crisis lines,
// whether it keeps a rehabiliteringsteam, and its own extra texts. One JSON file
// (MUNICIPALITIES_FILE), checked at start with the rest of the configuration (server/config.js):
// a wrong file stops the portal with a list of what is wrong, before anyone is served.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
// eslint-disable-next-line no-restricted-imports
import { z } from "zod";

/** The demo's file: two municipalities that differ (one keeps a team, one does not). */
export const DEMO_MUNICIPALITIES_FILE = "config/municipalities.demo.json";

/** The least contrast WCAG 2.2 AA asks for normal text (1.4.3). */
export const MIN_CONTRAST = 4.5;

/**
 * The contrast ratio of two "#rrggbb" colours (WCAG 2.2, "contrast ratio").
 * @param {string} a
 * @param {string} b
 */
export function contrastRatio(a, b) {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** @param {string} hex "#rrggbb" */
function luminance(hex) {
  /** @param {number} at */
  const channel = (at) => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'write a colour as "#rrggbb".' });
const bothLanguages = z.strictObject({
  da: z.string().trim().min(1, { error: "write the Danish text." }),
  en: z.string().trim().min(1, { error: "write the English text." }),
});

/**
 * The colours a municipality may set. Each carries white text (the header band, buttons), so
 * each must reach 4.5:1 against white.
 */
const colours = z
  .strictObject({ brand: hex, brandDark: hex, button: hex, buttonDark: hex })
  .superRefine((value, context) => {
    for (const [name, colour] of Object.entries(value)) {
      const ratio = contrastRatio(colour, "#ffffff");
      if (ratio < MIN_CONTRAST) {
        context.addIssue({
          code: "custom",
          path: [name],
          message: `${colour} has contrast ${ratio.toFixed(2)}:1 with white text; it needs at least ${MIN_CONTRAST}:1.`,
        });
      }
    }
  });

const municipality = z.strictObject({
  /** Stored on each participant (participants.municipality_key): lowercase letters, digits, "-". */
  id: z.string().regex(/^[a-z0-9-]{2,40}$/, { error: 'write the id in lowercase letters, digits and "-", e.g. "solbjerg".' }),
  /** "Solbjerg Kommune". */
  name: z.string().trim().min(2),
  /** What the municipality calls its unit, e.g. "Jobcenter Solbjerg". Without it, texts say "kommunen". */
  unitName: z.string().trim().min(2).optional(),
  /** A file in public/, e.g. "/kommuner/solbjerg.svg": shown next to the name, which is always written too. */
  logo: z
    .string()
    .regex(/^\/[a-zA-Z0-9/_-]+\.(svg|png)$/, { error: 'write the address of a file in public/, e.g. "/kommuner/solbjerg.svg".' })
    .optional(),
  colours: colours.optional(),
  contact: z.strictObject({
    phone: z.string().regex(/^\+?[0-9 ]{8,16}$/, { error: 'write the phone number as digits, e.g. "70 10 20 30".' }),
    email: z.email({ error: "write an e-mail address." }).optional(),
    address: z.string().trim().min(5),
    openingHours: bothLanguages,
    web: z.url({ protocol: /^https$/, error: "write the address of the municipality's page, starting with https://." }).optional(),
  }),
  /** The promise on /beskeder: "Du får svar inden for 2 hverdage". */
  messageAnswerWorkdays: z.number().int().min(1).max(20).default(2),
  /** The municipality's own lines for a crisis, shown on "Når det er svært" and /hjaelp after the national ones. */
  crisisLines: z
    .array(z.strictObject({ name: bothLanguages, phone: z.string().regex(/^\+?[0-9 ]{3,16}$/), hours: bothLanguages }))
    .default([]),
  /** Does the municipality still hold rehabiliteringsteam meetings? Since 2026 the law does not require one. */
  rehabiliteringsteam: z.boolean({ error: "write true or false: does the municipality keep a rehabiliteringsteam?" }),
  /** The municipality's own words, where it wants to say more (each in both languages). */
  texts: z
    .strictObject({
      help: bothLanguages.optional(),
      preparation: bothLanguages.optional(),
    })
    .default({}),
});

const file = z
  .strictObject({ municipalities: z.array(municipality).min(1, { error: "name at least one municipality." }) })
  .superRefine((value, context) => {
    const seen = new Set();
    value.municipalities.forEach((entry, index) => {
      if (seen.has(entry.id)) context.addIssue({ code: "custom", path: ["municipalities", index, "id"], message: `"${entry.id}" is used twice.` });
      seen.add(entry.id);
    });
  });

/** @typedef {z.output<typeof municipality>} Municipality */

/**
 * Reads and checks a municipalities file. Throws an Error whose message lists each problem with
 * where it is in the file (never a stack trace for the operator).
 * @param {string} path
 * @param {{ publicDirs?: string[] }} [options] where logos may live (the first that exists is checked)
 * @returns {Municipality[]}
 */
export function readMunicipalities(path, { publicDirs = ["public"] } = {}) {
  let json;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = error instanceof SyntaxError ? "is not valid JSON" : "cannot be read";
    throw new Error(`the file ${path} ${reason}.`);
  }
  const result = file.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message.replace(/^Invalid input: /, "")}`);
    throw new Error(`the file ${path} is not right: ${lines.join("; ")}`);
  }
  const publicDir = publicDirs.find((dir) => existsSync(dir));
  if (publicDir) {
    for (const entry of result.data.municipalities) {
      if (entry.logo && !existsSync(join(publicDir, entry.logo))) {
        throw new Error(`the file ${path} is not right: ${entry.id}.logo: ${entry.logo} is not a file in ${publicDir}/.`);
      }
    }
  }
  return result.data.municipalities;
}
