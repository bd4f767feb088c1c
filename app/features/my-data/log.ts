/** Where "Mine data" lives. */
export const MY_DATA_PATH = "/mine-data";

/** The audit actions of this area; all are her own, and all show in her log as "Dig: …". */
export const MY_DATA_LOG_ACTIONS = ["my_data.downloaded", "my_data.deleted", "my_data.deletion_requested"] as const;
export type MyDataLogAction = (typeof MY_DATA_LOG_ACTIONS)[number];

/** The my-data namespace's key for one of her log lines ("Hentede alle dine data som PDF"). */
export function myDataLogKey(action: string, format?: string): string {
  if (action === "my_data.downloaded") return format === "pdf" ? "log.downloadedPdf" : "log.downloadedJson";
  if (action === "my_data.deleted") return "log.deleted";
  return "log.deletionRequested";
}
