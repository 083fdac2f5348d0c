/** Packing evidence: parcels with seal numbers, photos and videos, unit serials and burn-in results. */

/** The warehouse's actions (the staff order page and the API): parcels, unit serials, photos and videos, shipping. */
export { addPackingFiles } from './actions/add-packing-files.js';
export { addParcel } from './actions/add-parcel.js';
/** What is still missing before shipping; mark-shipped calls `assertEvidenceComplete` in its transaction. */
export { assertEvidenceComplete, evidenceGapsOf } from './actions/check-evidence.js';
export { markShipped } from './actions/mark-shipped.js';
export { recordUnit } from './actions/record-unit.js';
/** Read-only projections of units, parcels and file references for the warranty check and shipment papers. */
export { packedParcelFacts, packedUnitFacts, packingFileFacts } from './packing.facts.js';
export { mediaInput, type ParcelMeasures, TRACKING_NUMBER, type UnitInput } from './packing.inputs.js';
export type { PackingEvidence, PackingFile, PackingLine, PackingUnit, ParcelEvidence } from './packing.repo.js';
/** Units in force on an order (not replaced by a correction): what after-sales claims check serials against. */
/** Everything recorded on an order, parcel by parcel, replaced units included (marked `replacedBy`). */
export {
  currentUnitsOf,
  findParcel,
  PACKING_FOLDER,
  packingEvidenceOf,
  packingFileOwner,
  packingLinesOf,
} from './packing.repo.js';
export { packingRoutes } from './packing.routes.js';
export {
  evidenceGaps,
  evidenceVisibleToBuyer,
  needsBurnIn,
  needsSerial,
  packingRoles,
  packingSlipHref,
  packingSlipRoles,
  parseSealNumbers,
  SERIAL_NUMBER,
  serialKey,
} from './packing.rules.js';
export { loadPackingPage, type PackingPageData } from './packing-page.data.js';
/** Back-office search: packed units by serial number. */
export { searchSerials } from './packing-search.repo.js';
export {
  buyerEvidenceUrls,
  type EvidenceUrls,
  PackingEvidenceView,
  staffEvidenceUrls,
} from './views/packing-evidence.js';
/** Read-only evidence view (buyer's order page, support's case page) and its URL builders. */
export { PackingSection } from './views/packing-section.js';
export { ShipForm } from './views/ship-form.js';
