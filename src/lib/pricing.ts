/** USD per million tokens, as providers publish their prices. */
export type ModelPrice = { inputPerMTok: number; outputPerMTok: number };

export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * List prices of common models (USD per 1M tokens). A deployment with negotiated or
 * self-hosted prices overrides them with `prices` in config.json.
 */
export const DEFAULT_PRICES: PriceTable = {
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
  'gemini-2.5-pro': { inputPerMTok: 1.25, outputPerMTok: 10 },
  'gemini-2.5-flash': { inputPerMTok: 0.3, outputPerMTok: 2.5 },
  // Self-hosted runs cost what the hardware costs; this is a typical hosted-inference price.
  'llama-3.1-70b': { inputPerMTok: 0.6, outputPerMTok: 0.6 },
  'text-embedding-3-small': { inputPerMTok: 0.02, outputPerMTok: 0 },
};

/** A dated or tagged variant continues its base name after one of these: gpt-4o-2024-08-06. */
const VARIANT_SEPARATOR = /^[-@:_.]/;

/**
 * The price of a model, with `configPrices` overriding DEFAULT_PRICES entry by entry: the exact
 * name first, then the longest listed name the model extends (gpt-4o-mini-2024-07-18 takes
 * gpt-4o-mini's price, not gpt-4o's). Null when no entry fits.
 */
export function priceFor(model: string, configPrices: PriceTable = {}): ModelPrice | null {
  const table: PriceTable = { ...DEFAULT_PRICES, ...configPrices };
  if (Object.hasOwn(table, model)) return table[model] ?? null;
  let best: string | null = null;
  for (const name of Object.keys(table)) {
    if (!model.startsWith(name) || !VARIANT_SEPARATOR.test(model.slice(name.length))) continue;
    if (best === null || name.length > best.length) best = name;
  }
  return best === null ? null : (table[best] ?? null);
}
/** Cost in USD of the given token counts, or null when the model has no price. */
export function tokenCostUsd(
  model: string,
  inputTokens: number,
  outputTokens: number,
  configPrices: PriceTable = {},
): number | null {
  const price = priceFor(model, configPrices);
  if (!price) return null;
  return (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1_000_000;
}
