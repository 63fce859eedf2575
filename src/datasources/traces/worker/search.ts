import { formatAttrValue } from '@/datasources/traces';
import type { Attr, AttrValue, Span, Trace } from '@/datasources/traces';

/**
 * What "find in trace" looks for. Plain text matches, case-insensitively, anywhere in the
 * service, operation, span id, attribute keys and values (span, resource and event
 * attributes) and event names. `key=value` matches spans with that attribute key whose value
 * contains `value`.
 */
export interface SpanQuery {
  text: string;
  key: string | null;
}

export function parseSpanQuery(input: string): SpanQuery | null {
  const text = input.trim();
  if (text === '') return null;
  const eq = text.indexOf('=');
  const key = eq > 0 ? text.slice(0, eq).trim() : '';
  if (key !== '' && !/\s/.test(key)) {
    return {
      key: key.toLowerCase(),
      text: text
        .slice(eq + 1)
        .trim()
        .toLowerCase(),
    };
  }
  return { key: null, text: text.toLowerCase() };
}

/** Indices of the matching spans, in trace (display) order. */
export function findSpans(trace: Trace, input: string): Int32Array {
  const query = parseSpanQuery(input);
  if (!query) return new Int32Array(0);
  const matcher = new Matcher(query);
  const out = new Int32Array(trace.spans.length);
  let count = 0;
  trace.spans.forEach((span, i) => {
    if (matcher.span(span)) out[count++] = i;
  });
  return out.slice(0, count);
}

class Matcher {
  private readonly pattern: RegExp;
  /** Spans of one process share their resource list: test each list once. */
  private readonly resources = new Map<readonly Attr[], boolean>();

  constructor(private readonly query: SpanQuery) {
    // A case-insensitive regular expression runs as native code: faster than lowercasing
    // every value of 100k spans.
    this.pattern = new RegExp(query.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }

  span(span: Span): boolean {
    if (this.query.key !== null) {
      return (
        this.attributes(span.attributes) ||
        this.resource(span.resource) ||
        span.events.some((e) => this.attributes(e.attributes))
      );
    }
    return (
      this.pattern.test(span.service) ||
      this.pattern.test(span.operation) ||
      this.pattern.test(span.spanId) ||
      this.attributes(span.attributes) ||
      this.resource(span.resource) ||
      span.events.some((e) => this.pattern.test(e.name) || this.attributes(e.attributes))
    );
  }

  private resource(attrs: readonly Attr[]): boolean {
    let hit = this.resources.get(attrs);
    if (hit === undefined) {
      hit = this.attributes(attrs);
      this.resources.set(attrs, hit);
    }
    return hit;
  }

  private attributes(attrs: readonly Attr[]): boolean {
    const { key } = this.query;
    for (let i = 0; i < attrs.length; i++) {
      const attr = attrs[i] as Attr;
      if (key !== null) {
        if (
          attr.key.length === key.length &&
          attr.key.toLowerCase() === key &&
          this.value(attr.value)
        ) {
          return true;
        }
      } else if (this.pattern.test(attr.key) || this.value(attr.value)) {
        return true;
      }
    }
    return false;
  }

  private value(value: AttrValue): boolean {
    if (typeof value === 'string') return this.pattern.test(value);
    if (value === null) return this.query.text === '';
    return this.pattern.test(formatAttrValue(value));
  }
}
