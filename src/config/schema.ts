import { z } from 'zod';
import { DEFAULT_SOURCE_TIMEOUT_MS } from './defaults';
import { PANEL_IDS } from '@/config/presets/types';

const headers = z
  .record(z.string(), z.string())
  .default({})
  .describe('Extra HTTP headers sent with every request (Authorization, X-Scope-OrgID, …)');

const url = z.string().trim().min(1, 'must not be empty');

const prometheusSource = z
  .object({
    url,
    headers,
    /** Scrape interval of the source; drives $__rate_interval. */
    scrapeInterval: z
      .string()
      .regex(/^\d+(ms|s|m|h)$/, 'must be a duration such as "15s"')
      .default('15s'),
    timeoutMs: z.number().int().positive().default(DEFAULT_SOURCE_TIMEOUT_MS),
  })
  .strict();

const traceSource = z
  .object({
    kind: z.enum(['jaeger', 'tempo']),
    url,
    headers,
    timeoutMs: z.number().int().positive().default(DEFAULT_SOURCE_TIMEOUT_MS),
  })
  .strict();

const liveSource = z
  .object({
    url,
    pauseWhenHidden: z.boolean().default(false),
    fallbackAfterAttempts: z.number().int().positive().default(3),
  })
  .strict();

const panelOverride = z
  .object({ query: z.string().min(1).optional(), title: z.string().optional() })
  .strict();

const modelPrice = z
  .object({ inputPerMTok: z.number().nonnegative(), outputPerMTok: z.number().nonnegative() })
  .strict();

import { REFRESH_INTERVALS as REFRESH_VALUES } from '@/lib/time';
export { REFRESH_VALUES };
export const THEME_VALUES = ['light', 'dark', 'system'] as const;
export const TZ_VALUES = ['browser', 'utc'] as const;

export const configSchema = z
  .object({
    title: z.string().default('Observatory'),
    demo: z.boolean().default(false),
    datasources: z
      .object({
        prometheus: prometheusSource.optional(),
        traces: traceSource.optional(),
        live: liveSource.optional(),
      })
      .strict()
      .default({}),
    preset: z.enum(['aet', 'otel-genai']).default('aet'),
    panels: z.partialRecord(z.enum(PANEL_IDS), panelOverride).default({}),
    prices: z.record(z.string(), modelPrice).default({}),
    slo: z
      .object({
        /** Share of tasks that must succeed, e.g. 0.99. */
        successTarget: z.number().gt(0).lt(1).default(0.99),
        /** p95 latency objective in seconds, used by the health score. */
        latencyObjectiveSeconds: z.number().positive().default(5),
      })
      .strict()
      .default({ successTarget: 0.99, latencyObjectiveSeconds: 5 }),
    defaults: z
      .object({
        from: z.string().default('now-1h'),
        to: z.string().default('now'),
        refresh: z.enum(REFRESH_VALUES).default('30s'),
        theme: z.enum(THEME_VALUES).default('system'),
        tz: z.enum(TZ_VALUES).default('browser'),
      })
      .strict()
      .default({ from: 'now-1h', to: 'now', refresh: '30s', theme: 'system', tz: 'browser' }),
    embed: z
      .object({
        allowedOrigins: z
          .array(
            z
              .string()
              .regex(
                /^https?:\/\/[^/\s]+$/,
                'must be an origin such as "https://portal.example.com"',
              ),
          )
          .default([]),
      })
      .strict()
      .default({ allowedOrigins: [] }),
  })
  .strict();

export type AppConfig = z.infer<typeof configSchema>;
export type PrometheusSourceConfig = NonNullable<AppConfig['datasources']['prometheus']>;
export type TraceSourceConfig = NonNullable<AppConfig['datasources']['traces']>;
export type LiveSourceConfig = NonNullable<AppConfig['datasources']['live']>;
