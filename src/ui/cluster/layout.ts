// Where the node cards go: a tidy tree per master (chains go deeper), trees side by side.
// Laid out in design units (a card is CARD_W × CARD_H); the view scales the whole drawing to fit,
// so a projector and a phone show the same picture. Pure: tested without a DOM.
//
// Two orientations of the same tree: 'down' (masters above their replicas, the course's picture)
// and 'right' (masters left of them), which the view takes when a deep tree in a wide, short box
// would otherwise shrink past reading (chooseLayout).

export const CARD_W = 212;
export const CARD_H = 118;
/** 'down': between sibling cards. */
export const GAP_X = 20;
/** 'down': between a master's card and its replicas' (the message labels' band: two rows). */
export const GAP_Y = 50;
/**
 * 'right': between a master's card and its replicas'. Message labels hang under the line between
 * them, clamped to this gap: 200 holds "REPLCONF capa eof capa psync2" (~200 wide); a longer one is
 * centred on it.
 */
export const GAP_DEEP = 200;
/** 'right': between sibling cards (a state pill sits above each line). */
export const GAP_SIB = 36;
export const PAD = 12;

export type LayoutDir = 'down' | 'right';

export interface LayoutNode {
  name: string;
  /** The configured master (replicaof), or null. */
  master: string | null;
}

export interface Layout {
  dir: LayoutDir;
  width: number;
  height: number;
  /** Card centres. */
  pos: Record<string, { x: number; y: number }>;
  /** Levels below its tree's root (0 for a master): a message to a lower depth goes up its link. */
  depth: Record<string, number>;
}

/** Each tree's replicas by master, its roots, and how many leaves each subtree spans. */
function treeShape(nodes: LayoutNode[]) {
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
  const leaves = new Map<string, number>();
  const measure = (name: string): number => {
    if (leaves.has(name)) return 0;
    leaves.set(name, 1);
    let w = 0;
    for (const c of children.get(name) ?? []) w += measure(c);
    leaves.set(name, Math.max(1, w));
    return Math.max(1, w);
  };
  for (const r of roots) measure(r);
  // Cycles (A replicaof B, B replicaof A) have no root: start them anywhere.
  for (const n of nodes)
    if (!leaves.has(n.name)) {
      roots.push(n.name);
      measure(n.name);
    }
  return { roots, children, leaves };
}

/**
 * The tree in `dir`: a node spans its leaves along the sibling axis (x for 'down', y for 'right')
 * and sits one level further along the depth axis than its master. A chain A → B → C is
 * 236 × 478 units 'down' and 1060 × 142 'right'.
 */
export function layoutTree(nodes: LayoutNode[], dir: LayoutDir = 'down'): Layout {
  const { roots, children, leaves } = treeShape(nodes);
  const down = dir === 'down';
  const sib = down ? CARD_W + GAP_X : CARD_H + GAP_SIB;
  const sibGap = down ? GAP_X : GAP_SIB;
  const [card, gap] = down ? [CARD_H, GAP_Y] : [CARD_W, GAP_DEEP];
  const pos: Layout['pos'] = {};
  const depth: Layout['depth'] = {};
  let depthMax = 0;
  const place = (name: string, left: number, d: number) => {
    if (name in pos) return;
    const across = PAD + (left + (leaves.get(name) ?? 1) / 2) * sib - sibGap / 2;
    const along = PAD + card / 2 + d * (card + gap);
    pos[name] = down ? { x: across, y: along } : { x: along, y: across };
    depth[name] = d;
    depthMax = Math.max(depthMax, d);
    let l = left;
    for (const c of children.get(name) ?? []) {
      place(c, l, d + 1);
      l += leaves.get(c) ?? 1;
    }
  };
  let left = 0;
  for (const r of roots) {
    place(r, left, 0);
    left += leaves.get(r) ?? 1;
  }
  const across = PAD * 2 + left * sib - sibGap;
  const along = PAD * 2 + (depthMax + 1) * card + depthMax * gap;
  return { dir, width: down ? across : along, height: down ? along : across, pos, depth };
}

/** The scale that fits `l` in a box (4 px kept clear each side), at most `max`. */
export function fitScale(l: Layout, box: { w: number; h: number }, max: number): number {
  return Math.min(max, (box.w - 8) / l.width, (box.h - 8) / l.height);
}

/**
 * The box height at which `l`, scaled to fit the box's width `w`, fits with nothing to spare
 * (fitScale's 8-unit margin included). A phone's one-column page gives the cluster this much
 * (capped at 56vh) instead of a fixed 56vh: chapter 1's two cards on a 412 px phone are 0.91 ×
 * 212 = 193 px tall, and 56vh left ~150 px empty above and below them.
 */
export function heightToFit(l: Layout, w: number, max: number): number {
  return Math.ceil(l.height * Math.min(max, (w - 8) / l.width)) + 8;
}

/**
 * Which orientation to draw: 'down', the course's picture, unless it would be shown smaller than
 * `cramped` and 'right' is shown at least a quarter larger. Lesson chapter 4's chain A → B → C in
 * the 870 × 263 box of a 1280 × 720 screen: 'down' 0.53 (7 px text), 'right' 0.81. A wide tree
 * gains little sideways (its siblings then stack in the short dimension): the stress scene's master
 * with four replicas and a chain of two under one, 0.44 'down' and 0.47 'right', stays 'down'.
 */
export function chooseLayout(
  both: { down: Layout; right: Layout },
  box: { w: number; h: number },
  max: number,
  cramped: number,
): { layout: Layout; fit: number } {
  const down = fitScale(both.down, box, max);
  const right = fitScale(both.right, box, max);
  return down < cramped && right >= down * 1.25
    ? { layout: both.right, fit: right }
    : { layout: both.down, fit: down };
}

/**
 * The link's end points: 'down', the master card's bottom centre and the replica card's top
 * centre; 'right', the master card's right middle and the replica card's left middle.
 */
export function linkEnds(l: Layout, replica: string, master: string) {
  const m = l.pos[master];
  const r = l.pos[replica];
  if (!m || !r) return null;
  if (l.dir === 'right') return { mx: m.x + CARD_W / 2, my: m.y, rx: r.x - CARD_W / 2, ry: r.y };
  return { mx: m.x, my: m.y + CARD_H / 2, rx: r.x, ry: r.y - CARD_H / 2 };
}

/**
 * Where a link's state label goes: beside the middle of the line, clear of the two message lanes
 * (±7) so traffic never hides the state and the state never hides traffic. 'down': on the side
 * away from the master (right of a vertical link); 'right': above the line (message labels stack
 * below it, message-geometry.ts).
 */
export function labelPoint(l: Layout, replica: string, master: string): { x: number; y: number } | null {
  const e = linkEnds(l, replica, master);
  if (!e) return null;
  const dx = e.rx - e.mx;
  const dy = e.ry - e.my;
  const len = Math.hypot(dx, dy) || 1;
  let nx = -dy / len;
  let ny = dx / len;
  if (l.dir === 'right' ? ny > 0 : nx * (dx || 1) < 0) [nx, ny] = [-nx, -ny];
  const off = l.dir === 'right' ? 22 : 30;
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
  const up = l.pos[to] && l.pos[from] && isUpstream(l, to, from);
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

/** Is `a` the master end of a link with `b`: the shallower card, or (two roots) the upper-left one. */
function isUpstream(l: Layout, a: string, b: string): boolean {
  if (l.depth[a] !== l.depth[b]) return l.depth[a] < l.depth[b];
  return l.pos[a].y < l.pos[b].y || (l.pos[a].y === l.pos[b].y && l.pos[a].x < l.pos[b].x);
}
