// Delta debugging (ddmin) over a failing sequence's actions: the shortest subsequence found for
// which `fails` still holds. Every candidate is a valid plan (materialize drops actions that no
// longer make sense), so removing any chunk is allowed. Bounded by a number of trials and a
// deadline, since each trial runs real Redis.

export async function shrink<T>(
  items: T[],
  fails: (subset: T[]) => Promise<boolean>,
  limits: { maxTrials: number; deadline: number },
): Promise<{ items: T[]; trials: number }> {
  let cur = items;
  let n = 2;
  let trials = 0;
  const budgetLeft = () => trials < limits.maxTrials && Date.now() < limits.deadline;
  while (cur.length >= 2 && budgetLeft()) {
    const size = Math.ceil(cur.length / n);
    const chunks: T[][] = [];
    for (let i = 0; i < cur.length; i += size) chunks.push(cur.slice(i, i + size));
    let reduced = false;
    // try each complement first (drop one chunk), then each chunk alone
    const candidates = [...chunks.map((_, i) => chunks.filter((__, j) => j !== i).flat()), ...chunks];
    for (const cand of candidates) {
      if (!budgetLeft()) break;
      if (cand.length === 0 || cand.length === cur.length) continue;
      trials++;
      if (await fails(cand)) {
        cur = cand;
        n = Math.max(2, n - 1);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= cur.length) break;
      n = Math.min(cur.length, n * 2);
    }
  }
  return { items: cur, trials };
}
