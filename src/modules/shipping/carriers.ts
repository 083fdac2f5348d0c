/** Carrier tracking pages; the number is URL-encoded into the link. */
export const carriers = ['DHL', 'FedEx', 'UPS', 'EMS', 'SF Express', 'TNT', 'Other'] as const;
export type Carrier = (typeof carriers)[number];

export function trackingUrl(carrier: string, tracking: string): string | null {
  const n = encodeURIComponent(tracking);
  switch (carrier) {
    case 'DHL':
      return `https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=${n}`;
    case 'FedEx':
      return `https://www.fedex.com/fedextrack/?trknbr=${n}`;
    case 'UPS':
      return `https://www.ups.com/track?tracknum=${n}`;
    case 'EMS':
      return `https://www.ems.com.cn/qps/yjcx?mailNum=${n}`;
    case 'SF Express':
      return `https://www.sf-express.com/we/ow/chn/en/waybill/waybill-detail/${n}`;
    case 'TNT':
      return `https://www.tnt.com/express/en_gc/site/shipping-tools/tracking.html?searchType=con&cons=${n}`;
    default:
      return null;
  }
}
