import type { ActionContext } from '../../../platform/effects.js';
import { outcome } from '../../../platform/effects.js';
import { deleteTag, insertNote, insertTag } from '../customer-notes.repo.js';

/** Staff notes and tags on a customer: staff-only records, nothing published (no customer page shows them). */
export const addCustomerNote = (actions: ActionContext, customerId: number, authorId: number, body: string) =>
  actions.transaction(async (tx) => outcome(await insertNote(tx, customerId, authorId, body)));

export const tagCustomer = (actions: ActionContext, customerId: number, tag: string) =>
  actions.transaction(async (tx) => outcome(await insertTag(tx, customerId, tag)));

export const untagCustomer = (actions: ActionContext, customerId: number, tag: string) =>
  actions.transaction(async (tx) => outcome(await deleteTag(tx, customerId, tag)));
