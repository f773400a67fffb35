// A QR code of `text`, drawn in the page (uqr; nothing leaves the machine) as one SVG path. Loaded
// on demand by the share dialog, so the encoder is not part of the first load.
// Error correction M (15 %): a projector's glare and a phone at the back of a room still read it;
// a link too long for M falls back to L, and one too long for any QR code says so.
import { useMemo } from 'react';
import { encode } from 'uqr';

/** Quiet zone in modules around the symbol (the QR standard asks for 4). */
const QUIET = 4;

/** One `M x y h n v1 h -n z` per horizontal run of dark modules: a version-10 code is ~1 kB of path. */
export function qrPath(data: boolean[][]): string {
  let d = '';
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let n = 1;
      while (row[x + n]) n++;
      d += `M${x} ${y}h${n}v1h-${n}z`;
      x += n;
    }
  });
  return d;
}

function encodeLink(text: string): ReturnType<typeof encode> | null {
  for (const ecc of ['M', 'L'] as const) {
    try {
      return encode(text, { ecc, border: QUIET });
    } catch {
      // too long at this level
    }
  }
  return null;
}

export default function QrCode({ text, label, tooLong }: { text: string; label: string; tooLong: string }) {
  const qr = useMemo(() => encodeLink(text), [text]);
  if (!qr) return <p className="qr-missing">{tooLong}</p>;
  return (
    <svg
      className="qr"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-version={qr.version}
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qrPath(qr.data)} fill="#000" />
    </svg>
  );
}
