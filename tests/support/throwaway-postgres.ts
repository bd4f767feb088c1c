import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

/** Why a throwaway cluster cannot be made here, or null when it can. */
export function throwawayPostgresUnavailable(): string | null {
  if (!existsSync(`${BIN}/initdb`)) return `no PostgreSQL 15 binaries in ${BIN}`;
  if (process.getuid?.() !== 0) return "making a cluster as the postgres user needs root (runuser)";
  return null;
}

/**
 * A private PostgreSQL cluster on its own port, so a test may stop and restart it
 * without touching the shared server that other tests use.
 */
export function startThrowawayPostgres(port: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "minvej-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const asPostgres = (command: string, args: string[]) =>
    execFileSync("runuser", ["-u", "postgres", "--", `${BIN}/${command}`, ...args], { stdio: "pipe" });
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const ctl = (...args: string[]) =>
    asPostgres("pg_ctl", ["-D", data, "-w", "-l", path.join(dir, "log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, ...args]);
  ctl("start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => ctl("restart", "-m", "fast"),
    stop() {
      spawnSync("runuser", ["-u", "postgres", "--", `${BIN}/pg_ctl`, "-D", data, "-m", "immediate", "stop"], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
