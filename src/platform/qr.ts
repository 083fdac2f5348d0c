// Loaded on first use, like pdfkit: only pages with a QR code need it (#7).
const qrcode = async () => (await import('qrcode')).default;

const options = { errorCorrectionLevel: 'M', margin: 1 } as const;

/** The QR code as inline SVG (our own output, no user markup) for the HTML page. */
export const qrSvg = async (url: string) => (await qrcode()).toString(url, { ...options, type: 'svg' });

/** The QR code as a data: URL of a PNG (the two-factor enrolment page). */
export const qrDataUrl = async (text: string) => (await qrcode()).toDataURL(text, { margin: 1, width: 200 });

/** The QR code as a PNG for the PDF. */
export const qrPng = async (url: string) => (await qrcode()).toBuffer(url, { ...options, type: 'png', scale: 6 });
