/** Request parameters parsed the way Prometheus' HTTP API parses them. */
import { parseDuration } from './promql/duration';

export class BadDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadDataError';
  }
}

/** Query-string and form-body parameters; like Go's r.FormValue, the body wins. */
export class ApiParams {
  private constructor(
    private readonly body: URLSearchParams,
    private readonly query: URLSearchParams,
  ) {}

  static async fromRequest(request: Request): Promise<ApiParams> {
    const query = new URL(request.url).searchParams;
    const type = request.headers.get('content-type') ?? '';
    const body =
      request.method === 'POST' && type.includes('application/x-www-form-urlencoded')
        ? new URLSearchParams(await request.text())
        : new URLSearchParams();
    return new ApiParams(body, query);
  }

  static of(values: Record<string, string | string[]>): ApiParams {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
      for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
    }
    return new ApiParams(new URLSearchParams(), query);
  }

  get(name: string): string {
    return this.body.get(name) ?? this.query.get(name) ?? '';
  }

  getAll(name: string): string[] {
    return [...this.body.getAll(name), ...this.query.getAll(name)];
  }
}

const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Unix seconds (decimals allowed) or RFC 3339, to milliseconds. */
export function parseTimestamp(text: string): number | undefined {
  if (FLOAT.test(text)) return Math.round(Number(text) * 1000);
  if (RFC3339.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** Seconds (decimals allowed) or a Prometheus duration such as `15s`, to milliseconds. */
export function parseDurationParam(text: string): number | undefined {
  if (FLOAT.test(text)) return Number(text) * 1000;
  return parseDuration(text);
}

export function requireTime(params: ApiParams, name: string): number {
  const text = params.get(name);
  const ms = parseTimestamp(text);
  if (ms === undefined) {
    throw new BadDataError(
      `invalid parameter "${name}": cannot parse "${text}" to a valid timestamp`,
    );
  }
  return ms;
}

export function optionalTime(params: ApiParams, name: string, fallback: number): number {
  const text = params.get(name);
  if (text === '') return fallback;
  const ms = parseTimestamp(text);
  if (ms === undefined) {
    throw new BadDataError(
      `invalid parameter "${name}": Invalid time value for '${name}': cannot parse "${text}" to a valid timestamp`,
    );
  }
  return ms;
}

export function requireDuration(params: ApiParams, name: string): number {
  const text = params.get(name);
  const ms = parseDurationParam(text);
  if (ms === undefined) {
    throw new BadDataError(
      `invalid parameter "${name}": cannot parse "${text}" to a valid duration`,
    );
  }
  return ms;
}

/** Validates the optional `timeout` parameter without enforcing it. */
export function checkTimeout(params: ApiParams): void {
  if (params.get('timeout') !== '') requireDuration(params, 'timeout');
}

const MAX_POINTS = 11_000;

export interface RangeParams {
  readonly startMs: number;
  readonly endMs: number;
  readonly stepMs: number;
}

export function rangeParams(params: ApiParams): RangeParams {
  const startMs = requireTime(params, 'start');
  const endMs = requireTime(params, 'end');
  if (endMs < startMs) {
    throw new BadDataError('invalid parameter "end": end timestamp must not be before start time');
  }
  const stepMs = requireDuration(params, 'step');
  if (!(stepMs > 0)) {
    throw new BadDataError(
      'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer',
    );
  }
  if (Math.trunc((endMs - startMs) / stepMs) > MAX_POINTS) {
    throw new BadDataError(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  }
  checkTimeout(params);
  return { startMs, endMs, stepMs };
}
