import { createHash, randomBytes } from 'node:crypto';

/** A 128-bit token for an e-mailed link or a cookie; only `hashToken(token)` is stored. */
export const newToken = () => randomBytes(16).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
