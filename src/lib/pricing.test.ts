import { describe, expect, it } from 'vitest';
import { AGENTS, MODELS } from '@mocks/sim/catalog';
import { DEFAULT_PRICES, priceFor, tokenCostUsd } from './pricing';

describe('priceFor', () => {
  it('knows every model the demo platform uses', () => {
    const used = new Set(
      AGENTS.flatMap((a) => a.operations.flatMap((op) => op.models.map((m) => m.model))),
    );
    for (const model of [...used, ...MODELS.map((m) => m.name)]) {
      expect(priceFor(model), model).not.toBeNull();
    }
  });

  it('returns the default list price by exact name', () => {
    expect(priceFor('gpt-4o')).toEqual({ inputPerMTok: 2.5, outputPerMTok: 10 });
    expect(priceFor('claude-3-5-haiku')).toEqual({ inputPerMTok: 0.8, outputPerMTok: 4 });
  });

  it('lets the config override a default and add new models', () => {
    const config = {
      'gpt-4o': { inputPerMTok: 2, outputPerMTok: 8 },
      'mistral-large': { inputPerMTok: 2, outputPerMTok: 6 },
    };
    expect(priceFor('gpt-4o', config)).toEqual({ inputPerMTok: 2, outputPerMTok: 8 });
    expect(priceFor('mistral-large', config)).toEqual({ inputPerMTok: 2, outputPerMTok: 6 });
    expect(priceFor('gpt-4o-mini', config)).toEqual(DEFAULT_PRICES['gpt-4o-mini']);
  });

  it('prices dated variants by their base model, preferring the longest base', () => {
    expect(priceFor('gpt-4o-2024-08-06')).toEqual(DEFAULT_PRICES['gpt-4o']);
    expect(priceFor('gpt-4o-mini-2024-07-18')).toEqual(DEFAULT_PRICES['gpt-4o-mini']);
    expect(priceFor('claude-sonnet-4-20250514')).toEqual(DEFAULT_PRICES['claude-sonnet-4']);
  });

  it('prefers a config entry that is a longer prefix than a default one', () => {
    const config = { 'gpt-4o-2024-05-13': { inputPerMTok: 5, outputPerMTok: 15 } };
    expect(priceFor('gpt-4o-2024-05-13-preview', config)).toEqual({
      inputPerMTok: 5,
      outputPerMTok: 15,
    });
  });

  it('does not match a name that merely starts with the same letters', () => {
    expect(priceFor('gpt-4o', { 'gpt-4': { inputPerMTok: 30, outputPerMTok: 60 } })).toEqual(
      DEFAULT_PRICES['gpt-4o'],
    );
    expect(priceFor('gpt-4omni')).toBeNull();
  });

  it('returns null for an unknown model and ignores inherited object keys', () => {
    expect(priceFor('my-finetune')).toBeNull();
    expect(priceFor('constructor')).toBeNull();
    expect(priceFor('toString')).toBeNull();
  });
});

describe('tokenCostUsd', () => {
  it('charges input and output tokens at their own per-million prices', () => {
    // 2M input × $2.50 + 0.5M output × $10
    expect(tokenCostUsd('gpt-4o', 2_000_000, 500_000)).toBeCloseTo(10, 10);
    expect(tokenCostUsd('text-embedding-3-small', 1_000_000, 0)).toBeCloseTo(0.02, 10);
  });

  it('uses config prices', () => {
    expect(
      tokenCostUsd('llama-3.1-70b', 1_000_000, 1_000_000, {
        'llama-3.1-70b': { inputPerMTok: 0, outputPerMTok: 0 },
      }),
    ).toBe(0);
  });

  it('returns null rather than 0 for a model without a price', () => {
    expect(tokenCostUsd('my-finetune', 1000, 1000)).toBeNull();
  });
});
