import type { Db } from '../../platform/db/client.js';
import { i18n, type Locale, type MessageKey, plainText } from '../../platform/i18n/index.js';
import { maskName, type VerifiableDocument } from '../invoices/index.js';
import { getSettings } from '../settings/index.js';
import { findCreditNoteByCode } from './refund.repo.js';

/** What /verify shows of a credit note: enough to tell it is ours and for how much, the buyer masked. */
export const verifiableCreditNote: VerifiableDocument = async (db: Db, code: string, locale: Locale) => {
  const found = await findCreditNoteByCode(db, code);
  if (!found) return undefined;
  const t = (key: MessageKey, p?: Record<string, string>) => plainText(locale, key, p);
  const fmt = i18n(locale);
  const { sellerName } = await getSettings(db);
  return {
    genuine: t('creditNote.verified', { seller: sellerName }),
    facts: [
      { label: t('creditNote.number'), value: found.part.creditNoteNumber },
      { label: t('pi.issueDate'), value: fmt.date(found.part.createdAt) },
      { label: t('pi.orderNumber'), value: found.number },
      { label: t('creditNote.total'), value: fmt.money(found.part.amountCents) },
      { label: t('verify.buyer'), value: maskName(found.fullName) },
    ],
  };
};
