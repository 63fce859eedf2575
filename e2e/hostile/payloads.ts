/** Strings a hostile or broken backend can send; every one must render as inert text. */
export const HOSTILE_STRINGS = {
  script: '<script>window.__pwned = "script"</script>',
  img: '<img src=x onerror="window.__pwned = \'img\'">',
  jsUrl: 'javascript:window.__pwned="href"',
  svg: '<svg onload="window.__pwned=\'svg\'"></svg>',
  rtl: '\u202Eevil\u202C مرحبا שלום',
  emoji: '🔥💥 agent 🤖‍🧠',
  long: `long-${'x'.repeat(1_000_000)}`,
} as const;

export type HostileKey = keyof typeof HOSTILE_STRINGS;

/** A JSON value nested this deep, for parsers that recurse. */
export function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
