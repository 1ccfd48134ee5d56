import { useMemo } from 'react';
import { qrShape } from './qr.ts';

/** A QR code as inline SVG (black on white, quiet zone included), labelled for screen readers. */
export function QrCode({ text, label, size = 180 }: { text: string; label: string; size?: number }) {
  const shape = useMemo(() => qrShape(text), [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${shape.viewBox} ${shape.viewBox}`}
      shapeRendering="crispEdges"
      data-testid="fingerprint-qr"
      style={{ background: '#fff', display: 'block' }}
    >
      <rect width={shape.viewBox} height={shape.viewBox} fill="#fff" />
      <path d={shape.path} fill="#000" />
    </svg>
  );
}
