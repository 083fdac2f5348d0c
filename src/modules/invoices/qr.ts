import QRCode from 'qrcode';

const options = { errorCorrectionLevel: 'M', margin: 1 } as const;

/** The QR code as inline SVG (our own output, no user markup) for the HTML page. */
export const qrSvg = (url: string) => QRCode.toString(url, { ...options, type: 'svg' });

/** The QR code as a PNG for the PDF. */
export const qrPng = (url: string) => QRCode.toBuffer(url, { ...options, type: 'png', scale: 6 });
