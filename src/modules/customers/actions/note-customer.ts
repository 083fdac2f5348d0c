import { recordAudit } from '../../../platform/audit/index.js';
import type { ActionContext } from '../../../platform/effects.js';
import { outcome } from '../../../platform/effects.js';
import { deleteTag, insertNote, insertTag } from '../customer-notes.repo.js';

/** Staff notes and tags on a customer: staff-only records, nothing published (no customer page shows them). */
export const addCustomerNote = (actions: ActionContext, customerId: number, authorId: number, body: string) =>
  actions.transaction(async (tx) => {
    await insertNote(tx, customerId, authorId, body);
    const subject = { type: 'customer', id: customerId } as const;
    await recordAudit(tx, { actor: authorId, action: 'customer.note', subject, after: { note: body } });
    return outcome(undefined);
  });

export const tagCustomer = (actions: ActionContext, customerId: number, tag: string, actorId: number) =>
  actions.transaction(async (tx) => {
    await insertTag(tx, customerId, tag);
    const subject = { type: 'customer', id: customerId } as const;
    await recordAudit(tx, { actor: actorId, action: 'customer.tag', subject, after: { tag } });
    return outcome(undefined);
  });

export const untagCustomer = (actions: ActionContext, customerId: number, tag: string, actorId: number) =>
  actions.transaction(async (tx) => {
    await deleteTag(tx, customerId, tag);
    const subject = { type: 'customer', id: customerId } as const;
    await recordAudit(tx, { actor: actorId, action: 'customer.untag', subject, before: { tag } });
    return outcome(undefined);
  });
