/** Shop settings: seller details, WhatsApp, deadlines, destinations and crypto restrictions. */

export { getSettings, saveSettings } from './settings.repo.js';
export { settingsRoutes } from './settings.routes.js';
export { destinationCheck, type Settings, settingsSchema } from './settings.rules.js';
