import { recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { notifyCustomer } from '../../accounts/index.js';
import {
  findCenterForReview,
  markApproved,
  markRejected,
  markWithdrawn,
  submittedVersion,
} from '../repair-center.repo.js';

// Decisions are mailed in the owner's language.

/** Publishes the revision the reviewer saw; the owner is told in the same transaction. */
export async function approveRepairCenter(
  db: Db,
  reviewer: CurrentUser,
  id: number,
  revision: number,
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    const found = await findCenterForReview(tx, id);
    if (!found) throw new AppError('NOT_FOUND');
    const approved = await markApproved(tx, id, revision, reviewer.id, submittedVersion(found.center));
    if (!approved) throw new AppError('CONFLICT');
    const change = { before: { status: found.center.status }, after: { status: 'approved', revision } };
    await recordAudit(tx, {
      actor: reviewer,
      action: 'repair-center.approve',
      subject: { type: 'repair-center', id },
      ...change,
    });
    await notifyCustomer(tx, found.center.ownerId, ({ t, path }) => ({
      subject: `${t('repair.mailApprovedSubject')}: ${approved.name}`,
      body: `${t('repair.mailApprovedBody')}\n\n${approved.name}\n${publicUrl}${path(`/asic-miner-repair/${id}`)}\n`,
    }));
    return approved;
  });
}

/** Sends the submission back with a reason the owner sees; a published version stays public. */
export async function rejectRepairCenter(
  db: Db,
  reviewer: CurrentUser,
  id: number,
  revision: number,
  reason: string,
  publicUrl: string,
) {
  if (!reason) throw new AppError('VALIDATION', { fields: { reason: 'field.reasonRequired' } });
  return db.transaction(async (tx) => {
    const found = await findCenterForReview(tx, id);
    if (!found) throw new AppError('NOT_FOUND');
    const rejected = await markRejected(tx, id, revision, reviewer.id, reason);
    if (!rejected) throw new AppError('CONFLICT');
    const change = { before: { status: found.center.status }, after: { status: 'rejected', revision, reason } };
    await recordAudit(tx, {
      actor: reviewer,
      action: 'repair-center.reject',
      subject: { type: 'repair-center', id },
      ...change,
    });
    const name = submittedVersion(found.center).name;
    await notifyCustomer(tx, found.center.ownerId, ({ t, path }) => ({
      subject: `${t('repair.mailRejectedSubject')}: ${name}`,
      body: `${t('repair.mailRejectedBody')}\n\n${name}\n${t('repair.reason')}: ${reason}\n\n${publicUrl}${path(`/repair-centers/${id}`)}\n`,
    }));
    return rejected;
  });
}

/**
 * Takes an approved center off the directory and out of after-sales routing, with a reason the
 * owner sees; the cases routed to it leave its owner's portal at once, and support reroutes
 * them (take back). The owner may correct the center and submit it again.
 */
export async function withdrawRepairCenter(db: Db, reviewer: CurrentUser, id: number, reason: string) {
  if (!reason) throw new AppError('VALIDATION', { fields: { reason: 'field.reasonRequired' } });
  return db.transaction(async (tx) => {
    const found = await findCenterForReview(tx, id);
    if (!found) throw new AppError('NOT_FOUND');
    const withdrawn = await markWithdrawn(tx, id, reviewer.id, reason);
    if (!withdrawn) throw new AppError('CONFLICT');
    await recordAudit(tx, {
      actor: reviewer,
      action: 'repair-center.withdraw',
      subject: { type: 'repair-center', id },
      before: { status: found.center.status },
      after: { status: 'withdrawn', reason },
    });
    await notifyCustomer(tx, found.center.ownerId, ({ t }) => ({
      subject: `${t('repair.mailWithdrawnSubject')}: ${withdrawn.name}`,
      body: `${t('repair.mailWithdrawnBody')}\n\n${withdrawn.name}\n${t('repair.reason')}: ${reason}\n`,
    }));
    return withdrawn;
  });
}
