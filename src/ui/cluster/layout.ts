// Where the node cards go: a tidy tree per master (chains go deeper), trees side by side.
// Laid out in design units (a card is CARD_W × CARD_H); the view scales the whole drawing to fit,
// so a projector and a phone show the same picture. Pure: tested without a DOM.

export const CARD_W = 212;
export const CARD_H = 118;
export const GAP_X = 20;
export const GAP_Y = 50;
export const PAD = 12;

export interface LayoutNode {
  name: string;
  /** The configured master (replicaof), or null. */
  master: string | null;
}

export interface Layout {
  width: number;
  height: number;
  /** Card centres. */
  pos: Record<string, { x: number; y: number }>;
}

export function layoutTree(nodes: LayoutNode[]): Layout {
  const names = new Set(nodes.map((n) => n.name));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const n of nodes) {
    // A replica of a missing node, or a cycle member, is drawn as a root.
    if (n.master && names.has(n.master) && n.master !== n.name) {
      if (!children.has(n.master)) children.set(n.master, []);
      children.get(n.master)!.push(n.name);
    } else roots.push(n.name);
  }
  const placed = new Set<string>();
  const width = new Map<string, number>();
  const measure = (name: string): number => {
    if (placed.has(name)) return 0;
    placed.add(name);
    let w = 0;
    for (const c of children.get(name) ?? []) w += measure(c);
    const own = Math.max(1, w);
    width.set(name, own);
    return own;
  };
  for (const r of roots) measure(r);
  // Cycles (A replicaof B, B replicaof A) have no root: start them anywhere.
  for (const n of nodes)
    if (!placed.has(n.name)) {
      roots.push(n.name);
      measure(n.name);
    }
  const pos: Layout['pos'] = {};
  const unit = CARD_W + GAP_X;
  let depthMax = 0;
  const drawn = new Set<string>();
  const place = (name: string, left: number, depth: number) => {
    if (drawn.has(name)) return;
    drawn.add(name);
    const w = width.get(name) ?? 1;
    pos[name] = {
      x: PAD + (left + w / 2) * unit - GAP_X / 2,
      y: PAD + CARD_H / 2 + depth * (CARD_H + GAP_Y),
    };
    depthMax = Math.max(depthMax, depth);
    let l = left;
    for (const c of children.get(name) ?? []) {
      place(c, l, depth + 1);
      l += width.get(c) ?? 1;
    }
  };
  let left = 0;
  for (const r of roots) {
    place(r, left, 0);
    left += width.get(r) ?? 1;
  }
  return {
    width: PAD * 2 + left * unit - GAP_X,
    height: PAD * 2 + (depthMax + 1) * CARD_H + depthMax * GAP_Y,
    pos,
  };
}

/** The link's end points: the master card's bottom centre and the replica card's top centre. */
export function linkEnds(l: Layout, replica: string, master: string) {
  const m = l.pos[master];
  const r = l.pos[replica];
  if (!m || !r) return null;
  return { mx: m.x, my: m.y + CARD_H / 2, rx: r.x, ry: r.y - CARD_H / 2 };
}

/**
 * Where a link's state label goes: beside the middle of the line, on the outer side, clear of
 * the two message lanes (±7) so traffic never hides the state and the state never hides traffic.
 */
export function labelPoint(l: Layout, replica: string, master: string): { x: number; y: number } | null {
  const e = linkEnds(l, replica, master);
  if (!e) return null;
  const dx = e.rx - e.mx;
  const dy = e.ry - e.my;
  const len = Math.hypot(dx, dy) || 1;
  // The normal whose x points away from the master (right for a vertical link).
  let nx = -dy / len;
  let ny = dx / len;
  if (nx * (dx || 1) < 0) [nx, ny] = [-nx, -ny];
  const off = 30;
  return { x: (e.mx + e.rx) / 2 + nx * off, y: (e.my + e.ry) / 2 + ny * off };
}

/**
 * Where a message is at time t: travelling from `from` to `to` along the link, on its own lane
 * (replica→master and master→replica are drawn a few units apart so they do not collide).
 */
export function messagePoint(
  l: Layout,
  from: string,
  to: string,
  progress: number,
): { x: number; y: number } | null {
  const up = l.pos[to] && l.pos[from] && isAbove(l, to, from);
  const ends = up ? linkEnds(l, from, to) : linkEnds(l, to, from);
  if (!ends) return null;
  const p = Math.min(1, Math.max(0, progress));
  // The lane offset is taken from the link's own direction (master → replica), so the two
  // directions sit on opposite sides of the line.
  const ldx = ends.rx - ends.mx;
  const ldy = ends.ry - ends.my;
  const len = Math.hypot(ldx, ldy) || 1;
  const lane = up ? -7 : 7;
  const nx = (-ldy / len) * lane;
  const ny = (ldx / len) * lane;
  const [sx, sy, ex, ey] = up ? [ends.rx, ends.ry, ends.mx, ends.my] : [ends.mx, ends.my, ends.rx, ends.ry];
  return { x: sx + (ex - sx) * p + nx, y: sy + (ey - sy) * p + ny };
}

function isAbove(l: Layout, a: string, b: string): boolean {
  return l.pos[a].y < l.pos[b].y || (l.pos[a].y === l.pos[b].y && l.pos[a].x < l.pos[b].x);
}
