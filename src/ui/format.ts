// Formatting shared by the views: virtual time, bytes, replication ids.

/** Virtual µs as seconds with millisecond precision: 12.345 s. */
export function secs(us: number, digits = 3): string {
  return (us / 1e6).toFixed(digits);
}

/** Virtual µs as "12.345678" (the full precision the engine keeps). */
export function preciseSecs(us: number): string {
  const s = Math.floor(us / 1e6);
  return `${s}.${String(us % 1e6).padStart(6, '0')}`;
}

/** 1234567 → "1,234,567" (grouping helps reading offsets aloud). By hand: toLocaleString is slow. */
export function num(n: number): string {
  const s = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return (n < 0 ? '-' : '') + out;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export const NO_REPLID = '0'.repeat(40);

/** The first 6 hex digits, as people say them ("8f3c1a…"). */
export function shortId(id: string): string {
  if (id === NO_REPLID) return '000000';
  return id.length > 6 ? id.slice(0, 6) : id;
}

/** RESP text made visible: CR LF shown as \r\n, then a real line break. */
export function visibleResp(resp: string): string {
  return resp.replaceAll('\r\n', '\\r\\n\n').replaceAll('\r', '\\r');
}
