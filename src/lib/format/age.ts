/** "just now", "12 s ago", "3 min ago", "2 h ago": how stale the last update is. */
export function formatAge(ms: number): string {
  if (ms < 1500) return 'just now';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.round(m / 60)} h ago`;
}
