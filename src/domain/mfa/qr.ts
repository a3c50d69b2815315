import QRCode from 'qrcode';

/**
 * Renders the key URI as a PNG: error correction M, eight pixels a module and the standard
 * four-module quiet zone, which phone cameras read at a glance and which stays crisp when scaled.
 */
export function qrPng(uri: string): Promise<Buffer> {
  return QRCode.toBuffer(uri, { type: 'png', errorCorrectionLevel: 'M', scale: 8, margin: 4 });
}
