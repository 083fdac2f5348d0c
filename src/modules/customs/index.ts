/** Customs: the commercial invoice and packing list of a shipment, with the PI's verification code scheme. */

/** What /verify shows for a customs papers code (app.ts passes it to the invoices module). */
export { verifiableCustomsPapers } from './customs.data.js';
export { customsRoutes } from './customs.routes.js';
