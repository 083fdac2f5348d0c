import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { type MessageKey, plainText } from '../../platform/i18n/index.js';
import { writerFor } from '../../platform/mail/index.js';
import { cancelPaymentMethodChange, confirmPaymentMethodChange } from './actions/decide-payment-method-change.js';
import { describeChange } from './actions/payment-method-mail.js';
import { listPendingChanges } from './payment-method-change.repo.js';

const usage = [
  'Usage: npm run payment-changes [-- list]',
  '       npm run payment-changes -- confirm <change id>',
  '       npm run payment-changes -- cancel <change id>',
];

/**
 * The operator's confirmation for shops with a single admin: whoever can run commands on
 * the server confirms (or cancels) a pending payment-method change, recorded as the
 * operator's decision and mailed to every admin like one made in the back office.
 * Returns the process exit code.
 */
export async function paymentChangesCommand(
  db: Db,
  args: readonly string[],
  publicUrl: string,
  print: (line: string) => void,
) {
  const [verb = 'list', idText] = args;
  if (verb === 'list') {
    const pending = await listPendingChanges(db);
    if (!pending.length) print('No payment method changes wait for confirmation.');
    for (const c of pending) {
      print(
        `#${c.id} ${c.kind === 'create' ? 'new method' : 'change to'} "${c.methodName}", proposed by ${c.proposerName} on ${c.createdAt.toISOString()}`,
      );
      for (const part of describeChange(writerFor('en'), c)) print(`    ${part.replaceAll('\n', '\n    ')}`);
      print('');
    }
    return 0;
  }
  const id = Number(idText);
  if ((verb !== 'confirm' && verb !== 'cancel') || !Number.isInteger(id) || id <= 0 || id > 2 ** 31 - 1) {
    for (const line of usage) print(line);
    return 1;
  }
  try {
    if (verb === 'confirm') await confirmPaymentMethodChange(db, id, { console: true }, publicUrl);
    else await cancelPaymentMethodChange(db, id, { console: true }, publicUrl);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const key = err.fields?._form as MessageKey | undefined;
    print(key ? `Change #${id}: ${plainText('en', key)}` : `No change #${id}.`);
    return 1;
  }
  print(`Change #${id} ${verb === 'confirm' ? 'confirmed: buyers see it now' : 'cancelled'}. Every admin was mailed.`);
  return 0;
}
