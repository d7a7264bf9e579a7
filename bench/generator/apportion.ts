/**
 * Splits `total` into whole shares proportional to `weights` (largest remainder), each share at least
 * `minimum`, summing to exactly `total`. Exact totals keep the sizes true to their names (S is 1,000 pods).
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const reserved = minimum * weights.length;
  if (reserved > total) {
    throw new Error(`cannot split ${total} into ${weights.length} shares of at least ${minimum}`);
  }
  const rest = total - reserved;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / weights.length));
  const shares = exact.map((x) => Math.floor(x));
  let left = rest - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, index) => ({ index, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]++;
    left--;
  }
  return shares.map((share) => share + minimum);
}
