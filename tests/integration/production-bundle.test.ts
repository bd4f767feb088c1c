import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, serverUrl, type PostgresDatabase } from "../support/db";
import { answersReady, freePort, runToExit as run, spawnProcess, waitUntil, type Spawned } from "../support/live-server";

// The container image's steps without Docker (issue 15): exactly what the Dockerfile's runtime
// stage copies goes into an empty folder, `npm ci --omit=dev` installs the production packages
// there, `node migrate.js` migrates a fresh database as the schema owner, and `node server.js`
// serves it in production mode as portal_app, without the owner's connection. A demo person signs
// in over HTTP. Needs Postgres (npm run test:postgres) and the run's build (BUILD_DIR).

interface Instruction {
  keyword: string;
  args: string;
}

/** The runtime stage's instructions: comment lines dropped, continued lines joined. */
function runtimeStage(dockerfile: string): Instruction[] {
  const lines = dockerfile
    .split("\n")
    .filter((line) => !line.trim().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const instructions = lines.map((line) => {
    const [keyword = "", ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
  });
  const start = instructions.findIndex((i) => i.keyword === "FROM" && /\bAS\s+runtime$/i.test(i.args));
  if (start < 0) throw new Error("The Dockerfile has no stage named runtime.");
  const end = instructions.findIndex((i, index) => index > start && i.keyword === "FROM");
  return instructions.slice(start + 1, end < 0 ? undefined : end);
}

const dockerfile = readFileSync("Dockerfile", "utf8");
const stage = runtimeStage(dockerfile);
const buildDir = path.resolve(process.env.BUILD_DIR || "build");

/** Does what the stage's COPY instructions do, from this checkout and the run's build, into `folder` (the image's WORKDIR). */
function copyLikeTheImage(folder: string) {
  for (const { args } of stage.filter((i) => i.keyword === "COPY")) {
    const words = args.split(/\s+/);
    const flags = words.filter((word) => word.startsWith("--"));
    const [dest, ...reversedSources] = words.filter((word) => !word.startsWith("--")).reverse();
    const sources = reversedSources.reverse();
    const from = flags.find((flag) => flag.startsWith("--from="))?.slice("--from=".length);
    const target = path.join(folder, dest!);
    for (const source of sources) {
      let paths: string[];
      if (from === "build") {
        // The build stage's `npm run build` in WORKDIR /app: the build this test run already made.
        if (source !== "/app/build") throw new Error(`The test does not know the build stage's ${source}.`);
        paths = [buildDir];
      } else if (from) {
        throw new Error(`The test does not know the stage ${from}.`);
      } else if (source.includes("*")) {
        const pattern = new RegExp(`^${path.basename(source).replace(/\./g, "\\.").replace(/\*/g, "[^/]*")}$`);
        const dir = path.dirname(source);
        paths = readdirSync(dir).filter((name) => pattern.test(name)).map((name) => path.join(dir, name));
        if (paths.length === 0) throw new Error(`COPY ${source} matches nothing.`);
      } else {
        paths = [source];
      }
      for (const from of paths) {
        // Docker: a folder's contents go to the target; files go into a target ending in "/".
        const to = statSync(from).isDirectory() || !dest!.endsWith("/") ? target : path.join(target, path.basename(from));
        mkdirSync(path.dirname(to), { recursive: true });
        cpSync(from, to, { recursive: true });
      }
    }
  }
}

/** The runtime stage's CMD, as the argument list it is. */
const imageCommand = JSON.parse(stage.find((i) => i.keyword === "CMD")?.args ?? "[]") as string[];

describe("the Dockerfile's runtime stage", () => {
  it("starts from the Node of .nvmrc (slim), installs production packages only, and runs as a user, not root", () => {
    const node = readFileSync(".nvmrc", "utf8").trim();
    expect(dockerfile).toMatch(new RegExp(`^ARG NODE_IMAGE=node:${node.replace(/\./g, "\\.")}-[a-z]+-slim$`, "m"));
    const runs = stage.filter((i) => i.keyword === "RUN").map((i) => i.args);
    expect(runs.some((args) => /\bnpm ci --omit=dev\b/.test(args))).toBe(true);
    expect(runs.some((args) => /\bnpm (ci|install)\b(?!.*--omit=dev)/.test(args))).toBe(false);
    const user = stage.filter((i) => i.keyword === "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user!.split(":")[0]);
  });

  it("has the fonts the PDFs look for, checks /healthz, and starts server.js", () => {
    // app/lib/pdf.server.ts looks for Liberation Sans where Debian's fonts-liberation puts it.
    expect(readFileSync("app/lib/pdf.server.ts", "utf8")).toContain("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf");
    expect(stage.some((i) => i.keyword === "RUN" && /apt-get install .*\bfonts-liberation\b/.test(i.args))).toBe(true);
    expect(stage.find((i) => i.keyword === "HEALTHCHECK")?.args).toContain("/healthz");
    // --liftoff-only: with DEMO=1 and no DATABASE_URL the embedded database compiles Postgres to
    // WebAssembly, and V8's optimising compiler alone needs ~600 MB for it (issue 21). On a
    // Postgres server nothing of ours is WebAssembly.
    expect(imageCommand).toEqual(["node", "--liftoff-only", "server.js"]);
  });
});

describe.skipIf(!serverUrl)("the production bundle in an empty folder, on Postgres", () => {
  const databases: PostgresDatabase[] = [];
  const processes: Spawned[] = [];
  let folder: string;
  /** The environment every process of the bundle gets: nothing of this test run's own. */
  let baseEnv: Record<string, string>;
  let ownerUrl: string;
  let appUrl: string;

  /** An empty database: the bundle's migrate.js migrates it. */
  async function freshDatabase() {
    const database = await createPostgresDatabase("minvej_bundle", { template: false });
    databases.push(database);
    return { owner: database.ownerUrl, app: database.appUrl };
  }

  beforeAll(async () => {
    if (!existsSync(path.join(buildDir, "server/index.js"))) {
      throw new Error(`No production build in ${buildDir}: run \`npm run build\` (or set BUILD_DIR) before this test.`);
    }
    folder = mkdtempSync(path.join(tmpdir(), "minvej-bundle-"));
    baseEnv = { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATA_DIR: path.join(folder, "data") };
    copyLikeTheImage(folder);
    const install = await run("npm", ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: folder,
      env: { ...process.env, NODE_ENV: "production" },
      timeoutMs: 150_000,
    });
    if (install.code !== 0) throw new Error(`npm ci --omit=dev failed (${install.code}):\n${install.output}`);
    ({ owner: ownerUrl, app: appUrl } = await freshDatabase());
  }, 180_000);

  afterAll(async () => {
    for (const child of processes) await child.stop("SIGKILL");
    for (const database of databases) await database.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("holds what runs and no development packages", () => {
    for (const file of ["server.js", "worker.js", "migrate.js", "build/server/index.js", "db/caseworker/roles.sql", "node_modules/react-router"]) {
      expect(existsSync(path.join(folder, file)), file).toBe(true);
    }
    for (const absent of ["app", "tests", "node_modules/vite", "node_modules/vitest", "node_modules/tsx", "node_modules/@react-router/dev"]) {
      expect(existsSync(path.join(folder, absent)), absent).toBe(false);
    }
  });

  it("migrate.js says what to set and exits 1 without a database", async () => {
    const env = { ...baseEnv, DEMO: "1" };
    const result = await run(process.execPath, ["migrate.js"], { cwd: folder, env, timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(result.output).toContain("Set DATABASE_OWNER_URL");
  });

  it("migrate.js migrates a fresh database as the owner, makes the roles and seeds the demo people, and exits 0", async () => {
    // The portal's settings (the migrate step reads them too) and the owner's connection, which wins.
    const env = { ...baseEnv, DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl, SEED_DEMO_DATA: "1", DEMO: "1" };
    const result = await run(process.execPath, ["migrate.js"], { cwd: folder, env, timeoutMs: 60_000 });
    expect(result.output).toContain("the database is up to date");
    expect(result.code).toBe(0);
    const migrations = readdirSync(path.join(folder, "db/migrations")).filter((name) => name.endsWith(".sql")).length;
    const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      const [migrated] = await owner<{ applied: number }[]>`select count(*)::int as applied from drizzle.__drizzle_migrations`;
      expect(migrated?.applied).toBe(migrations);
      const [roles] = await owner<{ granted: boolean }[]>`select has_schema_privilege('portal_app', 'portal', 'USAGE') as granted`;
      expect(roles?.granted).toBe(true);
    } finally {
      await owner.end();
    }
  }, 90_000);

  it("the portal as portal_app refuses a database that is not migrated, and says to run npm run migrate", async () => {
    const { app } = await freshDatabase();
    const env = { ...baseEnv, HOST: "127.0.0.1", PORT: String(await freePort()), DATABASE_URL: app, DEMO: "1", DEMO_LOGIN: "1" };
    const result = await run(process.execPath, ["server.js"], { cwd: folder, env, timeoutMs: 60_000 });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("npm run migrate");
  }, 90_000);

  it("serves in production mode as portal_app alone: the demo sign-in, a signed-in page and a PDF", async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env = {
      ...baseEnv,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: appUrl,
      SESSION_SECRET: "a-bundle-test-secret-that-is-long-enough-0123456789",
      PUBLIC_ORIGIN: origin,
      DEMO: "1",
      DEMO_LOGIN: "1",
    };
    // As the image runs it: its CMD, with this run's node.
    const server = spawnProcess(process.execPath, imageCommand.slice(1), { cwd: folder, env });
    processes.push(server);
    await waitUntil(server, "server.js to answer /readyz", answersReady(origin));
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);

    const signedOut = await fetch(`${origin}/`, { redirect: "manual" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/log-ind/);

    const signIn = await fetch(`${origin}/log-ind`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams({ person: "mette" }),
    });
    expect(signIn.status).toBe(302);
    const cookie = signIn.headers
      .getSetCookie()
      .map((value) => value.split(";", 1)[0]!)
      .find((value) => value.includes("session="));
    expect(cookie).toBeDefined();

    const page = await fetch(`${origin}/min-plan`, { redirect: "manual", headers: { Cookie: cookie! } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await page.text()).toContain("Mette");

    // pdfkit reads its own data files from node_modules at run time; the image must have them.
    const pdf = await fetch(`${origin}/min-plan/min-plan.pdf`, { headers: { Cookie: cookie! } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    if (existsSync("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")) {
      expect(bytes.includes("LiberationSans")).toBe(true);
    }

    expect(await server.stop()).toBe(0);
  }, 120_000);

  it("worker.js runs from the same folder as portal_app and stops on SIGTERM", async () => {
    const worker = spawnProcess(process.execPath, ["worker.js"], { cwd: folder, env: { ...baseEnv, DATABASE_URL: appUrl, DEMO: "1" } });
    processes.push(worker);
    await waitUntil(worker, "worker.js to start", () => worker.output().includes("worker is running"), { timeoutMs: 50_000 });
    expect(await worker.stop()).toBe(0);
  }, 60_000);
});

if (!serverUrl) console.log("production-bundle.test: the bundle's steps need real Postgres (TEST_DATABASE_URL, npm run test:postgres); skipped on PGlite.");
