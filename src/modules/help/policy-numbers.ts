/**
 * After-sales service levels (DESIGN §4). No after-sales module exists yet, so they live
 * here; when it lands it should own them and this file re-export them, so the help
 * centre and the case deadlines keep reading the same numbers.
 */
export const afterSalesPolicy = {
  /** General products: problem confirmed within this many days of the claim. */
  generalConfirmDays: 1,
  /** General products: the reissue ships within this many days of confirmation. */
  generalReissueShipDays: 2,
  /** Miners, PSUs, hash boards: the customer is told which repair center to use within this many days. */
  repairCenterAssignDays: 2,
} as const;
