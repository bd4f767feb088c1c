import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { selfSignedPair } from "~/features/account/nemlogin/setup.server";

export interface TestKeyPair {
  key: string;
  certificate: string;
}

/** A fresh RSA key and a self-signed certificate for it: never a real one, made per test run. */
export function aKeyPair(commonName: string): Promise<TestKeyPair> {
  return selfSignedPair(commonName);
}

/** Writes files into a fresh temporary folder and returns their paths, by name. */
export function writeTempFiles<T extends string>(files: Record<T, string>): Record<T, string> {
  const folder = mkdtempSync(path.join(tmpdir(), "minvej-keys-"));
  const paths = {} as Record<T, string>;
  for (const [name, text] of Object.entries(files) as [T, string][]) {
    paths[name] = path.join(folder, name);
    writeFileSync(paths[name], text, { mode: 0o600 });
  }
  return paths;
}
