import { configSchema, type AppConfig } from './schema';

export type ConfigProblem = { path: string; message: string };

export type ConfigLoadResult =
  { ok: true; config: AppConfig } | { ok: false; source: string; problems: ConfigProblem[] };

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** Validates an already-parsed config document and lists every problem with its JSON path. */
export function validateConfig(raw: unknown, source = 'config.json'): ConfigLoadResult {
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    source,
    problems: parsed.error.issues.map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      return {
        path: formatPath(issue.path),
        message:
          keys.length > 0
            ? `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`
            : issue.message,
      };
    }),
  };
}

/**
 * Loads `config.json` from beside index.html. It is fetched at run time, never bundled,
 * so one build serves every deployment.
 */
export async function loadConfig(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ConfigLoadResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      source: url,
      problems: [{ path: '(file)', message: `cannot be fetched: ${reason}` }],
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      source: url,
      problems: [
        {
          path: '(file)',
          message: `answered HTTP ${response.status} ${response.statusText}`.trim(),
        },
      ],
    };
  }
  const text = await response.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      source: url,
      problems: [{ path: '(file)', message: `is not valid JSON: ${reason}` }],
    };
  }
  return validateConfig(raw, url);
}

/** Config used by `?demo=1`: every source points at the in-browser simulator. */
export function demoConfig(
  base: AppConfig,
  paths: { prometheus: string; traces: string; live: string },
): AppConfig {
  return {
    ...base,
    demo: true,
    // Simulated tasks chain several model calls; a 45 s p95 objective matches their shape.
    slo: { ...base.slo, latencyObjectiveSeconds: Math.max(base.slo.latencyObjectiveSeconds, 45) },
    datasources: {
      prometheus: { url: paths.prometheus, headers: {}, scrapeInterval: '15s', timeoutMs: 30_000 },
      traces: { kind: 'jaeger', url: paths.traces, headers: {}, timeoutMs: 30_000 },
      live: { url: paths.live, pauseWhenHidden: false, fallbackAfterAttempts: 3 },
    },
  };
}
