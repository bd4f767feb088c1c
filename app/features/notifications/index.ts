/**
 * The notifications area's public face (client-safe): where a signed-in person finds how and
 * when they are told ("Sådan får du besked").
 */
export const NOTIFICATION_SETTINGS_PATH = "/indstillinger";
