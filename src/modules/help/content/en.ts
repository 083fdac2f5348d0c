import type { HelpSlug } from '../help.rules.js';

/** Default help prose in English (Markdown). `{{name}}` values come from the code (help.rules.ts). */
export const en: Record<HelpSlug, string> = {
  'how-to-buy': `Buying from Hashcart takes ten steps. Prices and freight are confirmed by people, and you pay outside the site.

1. **Register an account**, or log in.
2. On a product page, choose the quantity and click **Add to cart**.
3. On **My cart list**, fill in the shipping address, choose the shipping method and the payment method, and click **Submit order**. The order appears on **My orders**.
4. The order starts in **Calculating shipping cost**. Our sales team works out the freight; the order page then shows the updated total and the payment details, and we e-mail you. You do not need to keep refreshing the page.
5. Pay as instructed and click **Upload payment proof** (an image or PDF, with the amount, the date and the transaction reference or hash).
6. Our finance team reviews the proof. Approved: the order becomes **Ready to ship** (goods are tested, packed and shipped). Rejected: the order goes back to awaiting payment, with the reason.
7. When the order ships, its page shows the carrier, the tracking number and a link to the carrier's tracking page.
8. When the goods arrive, click **Confirm delivery**; the order is **Completed**. If you do not confirm, the order completes itself {{autoCompleteDays}} days after shipping, with a reminder {{autoCompleteReminderDays}} days before.
9. **View PI** shows the proforma invoice as a printable page and a PDF. It is available as soon as the total is known (take it to your bank) and stays available after completion.
10. After-sales service can be requested only after delivery is confirmed.

You can **Cancel this order** yourself until the payment is approved; after that, ask us.
`,
  payment: `## Payment methods

Each order page lists the methods available for that order, with the account details to pay to: bank transfer (T/T), USDT (TRC20 or ERC20) and BTC. Orders with goods over **{{largeOrder}}** can also use a letter of credit (L/C), T/T and documents against payment (D/P).

## Deadline

Pay within **{{paymentDeadlineHours}} hours** of the total being shown. After that the order is cancelled and the stock released; you can order again.

## Payment proof

Click **Upload payment proof** and attach an image or PDF of the bank slip or transaction, with the **amount paid**, the **date** and the **transaction reference** (or the hash for crypto). Our finance team checks it against the money received. If it is rejected, the order page tells you why and you can upload a new proof.

## Partial payment

You may pay in several parts. Every approved proof counts: the order page shows what is paid and the balance, and the order moves on only when the approved payments cover the total.

## Check a proforma invoice (PI) before you pay

Forged invoices with changed bank details are the commonest fraud in this trade. Every PI carries a short code and a QR code. Open the code on **this site** (never a link someone sends you): it shows the PI's number, date, total and our genuine payment details. If anything differs from the document you hold, do not pay, and contact us on WhatsApp ({{whatsappNumber}}).
`,
  shipping: `## When your order ships

Counted from payment approval:

| goods | ships within |
| --- | --- |
| in stock | {{inStockMin}}–{{inStockMax}} days |
| out of stock | {{outOfStockMin}}–{{outOfStockMax}} days |
| miners and hash boards | add {{testingDays}} days of testing (one more day for every {{unitsPerExtraTestingDay}} units beyond the first batch) |

Every miner is tested before packing; we record photos, videos and the tamper-evident seal numbers of your parcel.

## Transit

| method | usual transit |
| --- | --- |
| air express | {{airExpressMin}}–{{airExpressMax}} days |
| air freight | {{airFreightMin}}–{{airFreightMax}} days |
| sea freight | {{seaFreightMin}}–{{seaFreightMax}} days |
| land freight | {{landFreightMin}}–{{landFreightMax}} days |

Each order shows its expected ship-by date and delivery window.

## Tracking

You get a tracking number soon after approval. If there is none **{{trackingOverdueDays}} days** after approval, the order page invites you to contact us on WhatsApp, and our staff see the order as overdue.

## Large orders

Orders with goods over **{{largeOrder}}** unlock sea and land freight, and payment by letter of credit (L/C), T/T and D/P.

## Customs

Customs papers state the goods and their real value. We cannot change declared names or values.
`,
  'after-sales': `After-sales service is available **only on completed orders** (delivery confirmed), within the product's warranty shown on its product page. Open the order and click **Request after-sales service**; add the serial number, a description and photos or videos.

| problem | what we do |
| --- | --- |
| wrong item | we send the correct item |
| missing item | we send it |
| damaged in transit | we send a replacement |
| defective general product | we send a replacement |
| defective miner, PSU or hash board | repair at the nearest approved repair center; a replacement if it cannot be repaired |

## How fast we answer

- General products: we confirm the problem within **{{afterSalesConfirmDays}} day(s)** and ship the replacement within **{{afterSalesReissueDays}} days**.
- Miners, PSUs and hash boards: within **{{repairCenterAssignDays}} days** we tell you which repair center to send the unit to.

Deadlines are shown on your case, to you and to our staff.

## Evidence

We photograph and film your goods when packing and record the seal numbers. Your photos and videos are compared with ours, so please film the unboxing of valuable goods.
`,
  'repair-centers': `## Find a repair center

The [ASIC Miner Repair](/asic-miner-repair) page lists approved repair centers by country and brand, with their contacts and a WhatsApp link.

## List your repair center

Log in, open **Repair Center** and click **Create repair center**. Give the name, country, city, address, phone, WhatsApp, e-mail, the brands and models you service and the services you offer. You can add up to 6 photos (JPEG, PNG or WebP, 5 MB each) and your location.

After **Submit**, the center waits for review, usually **{{reviewDaysMin}}–{{reviewDaysMax}} business days**. Once approved it appears on your Repair Center page and in the public directory. If it is rejected, you see the reason; correct it and submit again.

Changes to an approved center are reviewed too; until then the approved version stays public.
`,
  terms: `## Terms of sale (summary)

- Prices are in US dollars. The total of an order includes the freight we quote; it is confirmed on the order page before you pay.
- An order is binding once payment is approved. You can cancel it yourself until then.
- Goods remain ours until paid in full.
- Customs duties and taxes in the destination country are paid by the buyer, unless agreed otherwise in writing.
- Customs papers state the goods and their real value.
- Some countries restrict crypto-mining equipment; it is the buyer's duty to check local law. We do not ship to comprehensively embargoed countries.
- Warranty and after-sales service are described in [After-sales](/help/after-sales).
`,
  contact: `## Contact us

- **WhatsApp:** {{whatsappNumber}}, the fastest way to reach us. Include your order number.
- **Order messages:** every order page has a thread with our staff, so what we agree is on record.

We will never ask you to pay to a different account by chat or e-mail. Always check payment details on a proforma invoice through this site.
`,
};
