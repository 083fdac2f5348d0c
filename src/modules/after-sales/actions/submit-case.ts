import { and, eq, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { StoredMedia } from '../../../platform/http/media-upload.js';
import { utcMinute } from '../../../platform/mail/index.js';
import type { Order } from '../../orders/index.js';
import { currentUnitsOf } from '../../packing/index.js';
import { emitWebhookEvent } from '../../webhooks/index.js';
import type { CaseFormInput, ClaimLine } from '../case.inputs.js';
import { type ClaimableLine, insertCaseFiles } from '../case.repo.js';
import { checkClaim, openingDeadlines } from '../case.rules.js';
import { afterSalesCases, caseEvents, caseLines } from '../case.tables.js';
import { mailCustomer, mailSupport } from './case-mail.js';

export interface SubmitCase {
  order: Order;
  lines: readonly ClaimableLine[];
  input: CaseFormInput;
  claimed: readonly ClaimLine[];
  files: readonly StoredMedia[];
  now?: Date;
}

/**
 * Opens a case on a completed order, in one transaction: checks the claim against the
 * policy and the packing record, claims the form token (a resubmitted form returns the
 * case it already opened), records lines, files and the first event, and mails the
 * customer and support. The files were stored beforehand; `created: false` or an error
 * tells the caller to discard them.
 */
export async function submitCase(db: Db, user: CurrentUser, s: SubmitCase) {
  const now = s.now ?? new Date();
  const units = await currentUnitsOf(db, s.order.id);
  const problems = checkClaim({
    order: s.order,
    type: s.input.type,
    lines: s.lines,
    claimed: s.claimed,
    units,
    mediaCount: s.files.length,
    now,
  });
  if (Object.keys(problems).length) throw new AppError('VALIDATION', { fields: problems });
  const claimedKinds = s.claimed.map((c) => s.lines.find((l) => l.id === c.orderLineId)!.kind);
  const clocks = openingDeadlines(s.input.type, claimedKinds, now);

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(afterSalesCases)
      .values({
        number: sql`'AS-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('after_sales_case_number_seq')::text, 6, '0')`,
        orderId: s.order.id,
        customerId: user.id,
        type: s.input.type,
        description: s.input.description,
        standardResolution: clocks.standardResolution,
        decisionDueAt: clocks.decisionDueAt,
        dueAt: clocks.decisionDueAt,
        submissionToken: s.input.token,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: afterSalesCases.submissionToken })
      .returning();
    if (!created) {
      const [prior] = await tx
        .select({ number: afterSalesCases.number })
        .from(afterSalesCases)
        .where(and(eq(afterSalesCases.submissionToken, s.input.token), eq(afterSalesCases.customerId, user.id)));
      if (!prior) throw new AppError('CONFLICT');
      return { number: prior.number, created: false };
    }
    // One row per named unit, and one for the rest of the quantity.
    const rows = s.claimed.flatMap((c) => [
      ...c.serials.map((serialNumber) => ({
        caseId: created.id,
        orderLineId: c.orderLineId,
        quantity: 1,
        serialNumber,
      })),
      ...(c.quantity > c.serials.length
        ? [{ caseId: created.id, orderLineId: c.orderLineId, quantity: c.quantity - c.serials.length }]
        : []),
    ]);
    await tx.insert(caseLines).values(rows);
    if (s.files.length) await insertCaseFiles(tx, created.id, user.id, s.files, {});
    await tx.insert(caseEvents).values({
      caseId: created.id,
      event: 'submitCase',
      fromStatus: null,
      toStatus: 'submitted',
      actorId: user.id,
      actorRole: user.role,
      createdAt: now,
    });
    await emitWebhookEvent(tx, {
      type: 'case.opened',
      data: { number: created.number, order: s.order.number, type: s.input.type, status: 'submitted' },
    });
    await mailCustomer(tx, created, ({ t }) => [
      t('mail.case.received', { number: created.number, order: s.order.number }),
      t('mail.case.answerBy', { due: utcMinute(clocks.decisionDueAt) }),
    ]);
    // The customer's description goes as it was written.
    await mailSupport(tx, (w) => ({
      subject: w.t('mail.newCase.subject', { number: created.number, type: w.t(`caseType.${s.input.type}`) }),
      body: `${w.t('mail.newCase.body', { order: s.order.number, due: utcMinute(clocks.decisionDueAt) })}\n\n${s.input.description}`,
    }));
    return { number: created.number, created: true };
  });
}
