import { DataSourceError, fetchText } from '@/datasources/http';
import { CONFIG_REQUEST } from './defaults';
import { configSchema, type AppConfig } from './schema';

export type ConfigProblem = { path: string; message: string };

/** Why config.json could not be used; embedding portals are told these codes. */
export type ConfigFailureCode =
  'config-unreachable' | 'config-timeout' | 'config-http' | 'config-not-json' | 'config-invalid';

export type ConfigLoadResult =
  | { ok: true; config: AppConfig }
  | { ok: false; code: ConfigFailureCode; source: string; problems: ConfigProblem[] };

const REQUEST_FAILURE: Partial<Record<DataSourceError['kind'], ConfigFailureCode>> = {
  timeout: 'config-timeout',
  http: 'config-http',
};

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
    code: 'config-invalid',
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
 * so one build serves every deployment. The entry requests it before the app's code has
 * loaded and passes the body on as `text`.
 */
export async function loadConfig(
  url: string,
  text: Promise<string> = fetchText(url, CONFIG_REQUEST),
): Promise<ConfigLoadResult> {
  const problem = (code: ConfigFailureCode, message: string): ConfigLoadResult => ({
    ok: false,
    code,
    source: url,
    problems: [{ path: '(file)', message }],
  });
  let body: string;
  try {
    body = await text;
  } catch (e) {
    const code = (e instanceof DataSourceError && REQUEST_FAILURE[e.kind]) || 'config-unreachable';
    return problem(code, e instanceof Error ? e.message : String(e));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    // A web server's "page not found" fallback answers config.json with index.html.
    if (/^\s*</.test(body)) {
      return problem(
        'config-not-json',
        'is a web page, not JSON: the server has no config.json here and answered with an HTML page instead',
      );
    }
    return problem(
      'config-not-json',
      `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
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
