import { z } from "zod";

// zod 4 probes `new Function("")` to speed up object parsing. Our CSP forbids eval, and even
// the caught probe is reported as a CSP violation, so switch the probe off. Every schema
// imports z from here (ESLint enforces it), so this runs before any schema is built.
z.config({ jitless: true });

export { z };
