/** Customs: the commercial invoice and packing list of a shipment. */
export {};
