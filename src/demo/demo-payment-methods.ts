import type { paymentMethods } from '../platform/db/schema.js';

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
    accountDetails: 'Address: TXa1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuV',
    maxOrderCents: 20_000_000,
    sortOrder: 2,
  },
  {
    name: 'USDT (ERC20)',
    instructions: 'Send USDT on Ethereum only. Network fees are paid by the sender.',
    accountDetails: 'Address: 0x5aE1b0C7d3F2e9A4B6c8D0e2F4a6B8c0D2e4F6a8',
    maxOrderCents: 20_000_000,
    sortOrder: 3,
  },
  {
    name: 'Bitcoin (BTC)',
    instructions:
      'Send the BTC amount quoted on the order page within 2 hours of the quote; the rate is fixed at payment time.',
    accountDetails: 'Address: bc1qexampleaddress0hashcart0demo0xyz7k2',
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
