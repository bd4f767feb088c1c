/**
 * The my-data area's public face (client-safe): what other areas use of "Mine data" (issue 22).
 * The relatives area's "Hvem har set mine oplysninger" shows her own downloads and deletions
 * (`MY_DATA_LOG_ACTIONS`, worded by `myDataLogKey` in the my-data namespace).
 */
export { MY_DATA_LOG_ACTIONS, MY_DATA_PATH, myDataLogKey } from "./log";
