import type { DepositNetwork } from './deposit-key.rules.js';

/** Tether's USDT contracts: ERC-20 on Ethereum mainnet, TRC-20 on TRON. */
export const USDT_ERC20 = '0xdAC17F958D2ee523a2206206994597C13D831ec7';
export const USDT_TRC20 = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

/** USDT has 6 decimals: one US cent is 10,000 base units (USDT counted at par with the dollar). */
export const usdtUnits = (cents: number) => BigInt(cents) * 10_000n;

/** "12500.5" style decimal for URIs: no thousands separators, no trailing zeros. */
const decimalUsdt = (cents: number) => {
  const whole = BigInt(cents) / 100n;
  const frac = (BigInt(cents) % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
};

/**
 * The payment URI a wallet opens (and the QR code carries) for an order's deposit address.
 * - Bitcoin, BIP21: no amount, since the shop has no BTC rate; the page shows the USD due.
 * - USDT on Ethereum, EIP-681: a `transfer` call on the USDT contract, chain 1, the amount
 *   in the token's base units.
 * - USDT on TRON: no standard exists; `tron:<address>?amount=<USDT>&token=<contract>` is what
 *   TRON wallets that read payment QR codes (and payment gateways) use. Wallets that read only
 *   the address still get it right, and the page shows the amount in words.
 */
export function depositUri(network: DepositNetwork, address: string, balanceCents: number | null): string {
  const amount = balanceCents !== null && balanceCents > 0 ? balanceCents : null;
  if (network === 'btc') return `bitcoin:${address}`;
  if (network === 'erc20') {
    const value = amount === null ? '' : `&uint256=${usdtUnits(amount)}`;
    return `ethereum:${USDT_ERC20}@1/transfer?address=${address}${value}`;
  }
  const value = amount === null ? '' : `amount=${decimalUsdt(amount)}&`;
  return `tron:${address}?${value}token=${USDT_TRC20}`;
}
