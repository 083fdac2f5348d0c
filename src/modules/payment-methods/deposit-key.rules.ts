import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { createBase58check, hex } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { NETWORK, p2wpkh } from '@scure/btc-signer';
import type { MessageKey } from '../../platform/i18n/index.js';
import type { DepositNetwork } from './payment-method.tables.js';

export type { DepositNetwork };

/**
 * Watch-only deposit keys (ADR 0033). Finance pastes the account-level extended public key
 * of a wallet; each quoted order gets the address at the next index of its receive chain.
 * The shop never sees a private key: anything that looks like one is refused before it is
 * stored, logged or echoed back.
 */

/** The account path each network's key must be exported from (shown to finance; the key itself cannot tell). */
export const accountPaths: Record<DepositNetwork, string> = {
  btc: "m/84'/0'/0'",
  erc20: "m/44'/60'/0'",
  trc20: "m/44'/195'/0'",
};

const check = createBase58check(sha256);
const be32 = (b: Uint8Array) => ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;

/** SLIP-132 version bytes: mainnet public keys we accept, and what every other prefix means. */
const XPUB = 0x0488b21e;
const ZPUB = 0x04b24746;
const publicVersions: Record<number, 'main' | 'testnet' | 'otherScript'> = {
  [XPUB]: 'main',
  [ZPUB]: 'main',
  77429938: 'otherScript', // ypub: nested segwit (BIP49)
  70617039: 'testnet', // tpub
  71979618: 'testnet', // upub
  73342198: 'testnet', // vpub
};
const privateVersions = new Set([0x0488ade4, 0x049d7878, 0x04b2430c, 0x04358394, 0x044a4e28, 0x045f18bc]);

export type KeyCheck = { ok: true; key: string } | { ok: false; message: MessageKey; secret: boolean };

const refuse = (message: MessageKey, secret = false): KeyCheck => ({ ok: false, message, secret });

/** Whether the text is a secret a wallet would spend with: a seed phrase, a WIF, a raw 32-byte key. */
function looksSecret(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length >= 12 && words.length <= 24 && words.every((w) => /^[a-z]+$/i.test(w))) return true;
  if (/^(0x)?[0-9a-f]{64}$/i.test(text)) return true;
  if (/^[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}$/.test(text)) {
    try {
      const payload = check.decode(text);
      return (payload[0] === 0x80 || payload[0] === 0xef) && (payload.length === 33 || payload.length === 34);
    } catch {
      return false;
    }
  }
  return /^[xyztuv]prv/i.test(text);
}

/**
 * Checks a pasted key for a network. Accepted: the account-level (depth 3, hardened account)
 * mainnet public key; for Bitcoin a zpub, or an xpub read with BIP84 semantics (Ledger and
 * others export native segwit accounts as xpub). Refused with `secret: true`: private keys
 * and seed phrases, which the caller must neither store nor echo.
 */
export function checkDepositKey(network: DepositNetwork, input: string): KeyCheck {
  const text = input.trim();
  if (looksSecret(text)) return refuse('field.depositKeyPrivate', true);
  let payload: Uint8Array;
  try {
    payload = check.decode(text);
  } catch {
    return refuse('field.depositKeyInvalid');
  }
  if (payload.length !== 78) return refuse('field.depositKeyInvalid');
  const version = be32(payload);
  if (privateVersions.has(version)) return refuse('field.depositKeyPrivate', true);
  const kind = publicVersions[version];
  if (kind === 'testnet') return refuse('field.depositKeyTestnet');
  if (!kind || kind === 'otherScript' || (network !== 'btc' && version !== XPUB))
    return refuse(network === 'btc' ? 'field.depositKeyWrongBtc' : 'field.depositKeyWrongEvm');
  const depth = payload[4];
  const account = be32(payload.subarray(9, 13));
  if (depth !== 3 || account < 0x80000000) return refuse('field.depositKeyNotAccount');
  try {
    HDKey.fromExtendedKey(text, { public: version, private: 0 });
  } catch {
    return refuse('field.depositKeyInvalid');
  }
  return { ok: true, key: text };
}

/** EIP-55: the hex address with letters upper-cased where the keccak of the lower-case text has a high nibble. */
function eip55(address20: Uint8Array): string {
  const lower = hex.encode(address20);
  const hash = hex.encode(keccak_256(new TextEncoder().encode(lower)));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) out += Number.parseInt(hash[i]!, 16) >= 8 ? lower[i]!.toUpperCase() : lower[i];
  return out;
}

/** The Ethereum account of a public key: the last 20 bytes of keccak-256 of the uncompressed point. */
const evmAccount = (publicKey: Uint8Array) =>
  keccak_256(secp256k1.Point.fromBytes(publicKey).toBytes(false).subarray(1)).subarray(-20);

/** The address at receive index `index` (path …/0/index) of an accepted key. */
export function deriveDepositAddress(network: DepositNetwork, key: string, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 0x80000000) throw new Error(`bad index ${index}`);
  const version = be32(check.decode(key));
  const child = HDKey.fromExtendedKey(key, { public: version, private: 0 }).deriveChild(0).deriveChild(index);
  const pub = child.publicKey;
  if (!pub) throw new Error('no public key');
  if (network === 'btc') return p2wpkh(pub, NETWORK).address!;
  const account = evmAccount(pub);
  if (network === 'erc20') return eip55(account);
  const tron = new Uint8Array(21);
  tron[0] = 0x41;
  tron.set(account, 1);
  return check.encode(tron);
}
