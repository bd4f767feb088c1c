import pino from "pino";
import { vi } from "vitest";
import { log } from "../../server/log.js";

/** The JSON lines the portal's logger (server/log.js) writes while `work` runs, instead of stdout. */
export async function captureLog(work: () => unknown): Promise<string[]> {
  const stream = (log as unknown as Record<symbol, { write(line: string): boolean }>)[pino.symbols.streamSym]!;
  const lines: string[] = [];
  const spy = vi.spyOn(stream, "write").mockImplementation((chunk: string) => {
    lines.push(...chunk.split("\n").filter(Boolean));
    return true;
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return lines;
}
