import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { describe, expect, it } from 'vitest';
import { demoDepositKeys } from '../../demo/demo-payment-methods.js';
import { checkDepositKey, deriveDepositAddress } from './deposit-key.rules.js';
import { depositUri, usdtUnits } from './deposit-uri.rules.js';

// The mnemonic of the BIP-84 and BIP-44 test vectors (public: never fund these addresses).
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
// BIP-84 "Account 0, root = m/84'/0'/0'": the published account zpub, and its zprv.
const ZPUB = demoDepositKeys.btc;
const ZPRV =
  'zprvAdG4iTXWBoARxkkzNpNh8r6Qag3irQB8PzEMkAFeTRXxHpbF9z4QgEvBRmfvqWvGp42t42nvgGpNgYSJA9iefm1yYNZKEm7z6qUWCroSQnE';
// The account xpubs of m/44'/60'/0' and m/44'/195'/0' for the same mnemonic (checked below against the seed).
const ETH_XPUB = demoDepositKeys.erc20;
const TRON_XPUB = demoDepositKeys.trc20;

const check = createBase58check(sha256);
/** The same key material under other SLIP-132 version bytes (tpub, vpub, ypub …). */
const withVersion = (key: string, version: number) => {
  const p = check.decode(key).slice();
  new DataView(p.buffer).setUint32(0, version);
  return check.encode(p);
};
const seed = () =>
  pbkdf2(sha512, new TextEncoder().encode(MNEMONIC), new TextEncoder().encode('mnemonic'), { c: 2048, dkLen: 64 });

describe('deposit key test vectors', () => {
  it('the account keys are the ones the BIP-39 seed of the test mnemonic gives', () => {
    const z = { public: 0x04b24746, private: 0x04b2430c };
    expect(HDKey.fromMasterSeed(seed(), z).derive("m/84'/0'/0'").publicExtendedKey).toBe(ZPUB);
    expect(HDKey.fromMasterSeed(seed()).derive("m/44'/60'/0'").publicExtendedKey).toBe(ETH_XPUB);
    expect(HDKey.fromMasterSeed(seed()).derive("m/44'/195'/0'").publicExtendedKey).toBe(TRON_XPUB);
  });

  it('BIP-84: the first receive addresses of the published zpub', () => {
    expect(deriveDepositAddress('btc', ZPUB, 0)).toBe('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
    expect(deriveDepositAddress('btc', ZPUB, 1)).toBe('bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g');
  });

  it('BIP-84 semantics for an xpub of the same account (as Ledger exports it)', () => {
    const xpub = withVersion(ZPUB, 0x0488b21e);
    expect(checkDepositKey('btc', xpub)).toEqual({ ok: true, key: xpub });
    expect(deriveDepositAddress('btc', xpub, 0)).toBe('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
  });

  it("BIP-44 Ethereum m/44'/60'/0'/0/0, EIP-55 checksummed", () => {
    expect(deriveDepositAddress('erc20', ETH_XPUB, 0)).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
  });

  it("BIP-44 TRON m/44'/195'/0'/0/0 (the address TronLink shows for the test mnemonic)", () => {
    expect(deriveDepositAddress('trc20', TRON_XPUB, 0)).toBe('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH');
  });

  it('refuses an index outside the non-hardened range', () => {
    expect(() => deriveDepositAddress('btc', ZPUB, -1)).toThrow();
    expect(() => deriveDepositAddress('btc', ZPUB, 2 ** 31)).toThrow();
  });
});

describe('checkDepositKey', () => {
  it('accepts the account keys, trimmed', () => {
    expect(checkDepositKey('btc', ` ${ZPUB}\n`)).toEqual({ ok: true, key: ZPUB });
    expect(checkDepositKey('erc20', ETH_XPUB)).toEqual({ ok: true, key: ETH_XPUB });
    expect(checkDepositKey('trc20', TRON_XPUB)).toEqual({ ok: true, key: TRON_XPUB });
  });

  const secret = (message: string) => ({ ok: false, message, secret: true });
  it('refuses private keys and seed phrases as secrets', () => {
    const xprv = HDKey.fromMasterSeed(seed()).derive("m/44'/60'/0'").privateExtendedKey;
    for (const k of [
      ZPRV,
      xprv,
      withVersion(xprv, 0x04358394), // tprv
      MNEMONIC,
      `${MNEMONIC} abandon abandon abandon`,
      '5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ', // WIF, uncompressed
      'KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617', // WIF, compressed
      '0x1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727',
      '1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727',
    ])
      expect(checkDepositKey('erc20', k), k).toEqual(secret('field.depositKeyPrivate'));
  });

  const refused = (message: string) => ({ ok: false, message, secret: false });
  it('refuses testnet keys', () => {
    expect(checkDepositKey('btc', withVersion(ZPUB, 0x045f1cf6))).toEqual(refused('field.depositKeyTestnet'));
    expect(checkDepositKey('erc20', withVersion(ETH_XPUB, 0x043587cf))).toEqual(refused('field.depositKeyTestnet'));
  });

  it('refuses a key of another script or network', () => {
    expect(checkDepositKey('btc', withVersion(ZPUB, 0x049d7cb2))).toEqual(refused('field.depositKeyWrongBtc'));
    expect(checkDepositKey('erc20', ZPUB)).toEqual(refused('field.depositKeyWrongEvm'));
  });

  it('refuses a key that is not the account level', () => {
    const master = HDKey.fromMasterSeed(seed()).publicExtendedKey;
    const receive = HDKey.fromExtendedKey(ETH_XPUB).deriveChild(0).publicExtendedKey;
    expect(checkDepositKey('erc20', master)).toEqual(refused('field.depositKeyNotAccount'));
    expect(checkDepositKey('erc20', receive)).toEqual(refused('field.depositKeyNotAccount'));
  });

  it('refuses text that is no key', () => {
    for (const k of ['', 'hello', `${ZPUB.slice(0, -1)}t`, '0x9858EfFD232B4033E47d90003D41EC34EcaEda94'])
      expect(checkDepositKey('btc', k)).toEqual(refused('field.depositKeyInvalid'));
  });
});

describe('depositUri', () => {
  it('BIP21 without an amount (the shop has no BTC rate)', () => {
    expect(depositUri('btc', 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', 1_250_050)).toBe(
      'bitcoin:bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
    );
  });

  it('EIP-681 transfer of USDT in 6-decimal units', () => {
    expect(usdtUnits(1_250_050)).toBe(12_500_500_000n);
    expect(depositUri('erc20', '0x9858EfFD232B4033E47d90003D41EC34EcaEda94', 1_250_050)).toBe(
      'ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer?address=0x9858EfFD232B4033E47d90003D41EC34EcaEda94&uint256=12500500000',
    );
    expect(depositUri('erc20', '0x9858EfFD232B4033E47d90003D41EC34EcaEda94', 0)).toBe(
      'ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer?address=0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    );
  });

  it('TRON: decimal USDT amount and the token contract', () => {
    expect(depositUri('trc20', 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH', 1_250_050)).toBe(
      'tron:TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH?amount=12500.5&token=TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    );
    expect(depositUri('trc20', 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH', 459_900)).toBe(
      'tron:TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH?amount=4599&token=TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    );
  });
});
