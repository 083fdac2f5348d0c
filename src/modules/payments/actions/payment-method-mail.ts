import type { Mail } from '../../../platform/mail/index.js';

/** Staff mail about payment details: plain text, English, always pointing back to the review page. */
export const detailsMail = (publicUrl: string, to: string, subject: string, paragraphs: string[]): Mail => ({
  to,
  subject,
  body: `${paragraphs.join('\n\n')}\n\nReview: ${publicUrl}/admin/payment-methods\n`,
});
