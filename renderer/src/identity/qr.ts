/**
 * QR code as an SVG path built from qrcode's module matrix, rendered by React as inline SVG: no
 * canvas, no data: URL, nothing the CSP has to allow beyond what the app already does.
 */
import { create } from 'qrcode';

export interface QrShape {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** One `M x y h1 v1 h-1 z` square per dark module, offset by the quiet zone. */
  path: string;
  /** Side of the whole picture in modules, quiet zone included. */
  viewBox: number;
}

export function qrShape(text: string, quietZone = 4): QrShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + quietZone} ${row + quietZone}h1v1h-1z`);
    }
  }
  return { size: modules.size, path: parts.join(''), viewBox: modules.size + 2 * quietZone };
}
