import type { paymentMethods } from '../platform/db/schema.js';

/**
 * DEMO ONLY: the account keys of the public BIP-84/BIP-44 test mnemonic ("abandon × 11, about").
 * Anyone can spend from them, so a real shop replaces them (through the two-admin change) with
 * its own wallet's watch-only keys. The unit tests derive the published test vectors from them.
 */
export const demoDepositKeys = {
  btc: 'zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs',
  erc20:
    'xpub6DCoCpSuQZB2jawqnGMEPS63ePKWkwWPH4TU45Q7LPXWuNd8TMtVxRrgjtEshuqpK3mdhaWHPFsBngh5GFZaM6si3yZdUsT8ddYM3PwnATt',
  trc20:
    'xpub6D1AabNHCupeiLM65ZR9UStMhJ1vCpyV4XbZdyhMZBiJXALQtmn9p42VTQckoHVn8WNqS7dqnJokZHAHcHGoaQgmv8D45oNUKx6DZMNZBCd',
} as const;

/** Demo payment methods (fictitious accounts). Finance edits the real ones in the back office. */
export const demoPaymentMethods: (typeof paymentMethods.$inferInsert)[] = [
  {
    name: 'Bank wire (SWIFT)',
    instructions:
      'Send the exact total in USD. Put the order number in the payment reference. Bank fees are paid by the sender.',
    accountDetails:
      'Beneficiary: Hashcart Mining Hardware Ltd.\nBank: Example Commercial Bank (Hong Kong)\nAccount: 012-345678-901\nSWIFT: EXAMHKHH',
    sortOrder: 1,
  },
  {
    name: 'USDT (TRC20)',
    instructions: 'Send USDT on the TRON network only. Upload a screenshot and the transaction hash.',
    accountDetails: 'Each order gets its own TRON deposit address (demo key: never send funds).',
    depositNetwork: 'trc20',
    depositKey: demoDepositKeys.trc20,
    maxOrderCents: 20_000_000,
    sortOrder: 2,
  },
  {
    name: 'USDT (ERC20)',
    instructions: 'Send USDT on Ethereum only. Network fees are paid by the sender.',
    accountDetails: 'Each order gets its own Ethereum deposit address (demo key: never send funds).',
    depositNetwork: 'erc20',
    depositKey: demoDepositKeys.erc20,
    maxOrderCents: 20_000_000,
    sortOrder: 3,
  },
  {
    name: 'Bitcoin (BTC)',
    instructions: 'Send BTC worth the US dollar balance at the rate when you pay, to the address on the order page.',
    accountDetails: 'Each order gets its own Bitcoin deposit address (demo key: never send funds).',
    depositNetwork: 'btc',
    depositKey: demoDepositKeys.btc,
    sortOrder: 4,
  },
  {
    name: 'Letter of credit (L/C)',
    instructions: 'Irrevocable L/C at sight, issued by a first-class bank. Send the draft for review before issuing.',
    accountDetails: 'Advising bank: Example Commercial Bank (Hong Kong), SWIFT EXAMHKHH',
    largeOrderOnly: true,
    sortOrder: 5,
  },
  {
    name: 'Telegraphic transfer (T/T)',
    instructions: '30% deposit with the order, 70% before shipment.',
    accountDetails: 'Beneficiary: Hashcart Mining Hardware Ltd.\nAccount: 012-345678-901\nSWIFT: EXAMHKHH',
    largeOrderOnly: true,
    sortOrder: 6,
  },
  {
    name: 'Documents against payment (D/P)',
    instructions: 'Documents released through the banks against payment. Subject to approval by our finance team.',
    accountDetails: 'Remitting bank: Example Commercial Bank (Hong Kong), SWIFT EXAMHKHH',
    largeOrderOnly: true,
    sortOrder: 7,
  },
];
