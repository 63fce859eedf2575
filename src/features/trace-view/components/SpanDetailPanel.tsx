import { useEffect, useState, type ReactNode } from 'react';
import { TruncatedText } from '@/components/TruncatedText';
import { Link, useLocation } from 'react-router';
import { carrySessionParams } from '@/lib/sessionParams';
import { formatValue } from '@/lib/format';
import { formatTimestamp, type TimeZoneMode } from '@/lib/time';
import type { GenAiData, SpanDetail, TraceHandle } from '@/datasources/traces/worker';
import { formatUs } from '../model/timeScale';
import { explainFlags } from '../model/values';
import { AttributeTable } from './AttributeTable';

type Loaded = { span: number; detail: SpanDetail } | { span: number; error: string };

/**
 * Everything about one span, asked of the worker only when the panel opens: attributes,
 * resource, events (times relative to the span start), links, status and flags in words.
 */
export function SpanDetailPanel({
  handle,
  span,
  genAi,
  tz,
  onClose,
  onSelectSpan,
}: {
  handle: TraceHandle;
  span: number;
  genAi: GenAiData | null;
  tz: TimeZoneMode;
  onClose: () => void;
  onSelectSpan: (span: number) => void;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    handle.getSpan(span).then(
      (detail) => live && setLoaded({ span, detail }),
      (error: unknown) =>
        live && setLoaded({ span, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [handle, span]);

  const current = loaded?.span === span ? loaded : null;
  return (
    <aside
      aria-label="Span detail"
      className="flex min-h-0 flex-col overflow-auto border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="mb-2 flex items-start gap-2">
        <h2 className="min-w-0 flex-1 font-semibold break-words">
          {current && 'detail' in current
            ? `${current.detail.service}: ${current.detail.operation}`
            : 'Span'}
        </h2>
        <button type="button" className="btn" onClick={onClose} aria-label="Close span detail">
          ✕
        </button>
      </div>
      {!current && <p aria-busy="true">Loading span…</p>}
      {current && 'error' in current && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {current.error}
        </p>
      )}
      {current && 'detail' in current && (
        <DetailBody
          detail={current.detail}
          handle={handle}
          genAi={genAi}
          tz={tz}
          onSelectSpan={onSelectSpan}
        />
      )}
    </aside>
  );
}

function DetailBody({
  detail,
  handle,
  genAi,
  tz,
  onSelectSpan,
}: {
  detail: SpanDetail;
  handle: TraceHandle;
  genAi: GenAiData | null;
  tz: TimeZoneMode;
  onSelectSpan: (span: number) => void;
}) {
  const { overview } = handle;
  const location = useLocation();
  const session = carrySessionParams(new URLSearchParams(location.search), { variables: false });
  const parent = overview.parent[detail.index] as number;
  const flags = explainFlags(detail.flags);
  const offsetUs = detail.startUs - overview.startUs;

  return (
    <div className="flex flex-col gap-3">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
        <Field label="Span id">
          <span className="font-mono">{detail.spanId}</span>
        </Field>
        <Field label="Parent">
          {parent >= 0 ? (
            <button
              type="button"
              className="font-mono text-sky-700 underline dark:text-sky-300"
              onClick={() => onSelectSpan(parent)}
            >
              {detail.parentSpanId ?? 'parent'}
            </button>
          ) : (
            <span className="font-mono">{detail.parentSpanId ?? 'none (root)'}</span>
          )}
          {detail.refType === 'FOLLOWS_FROM' && ' (follows from)'}
        </Field>
        <Field label="Kind">{detail.kind}</Field>
        <Field label="Status">
          <span
            className={
              detail.status === 'error' ? 'font-semibold text-red-700 dark:text-red-300' : ''
            }
          >
            {detail.status}
          </span>
          {detail.statusMessage && <span>: {detail.statusMessage}</span>}
        </Field>
        <Field label="Start">
          {formatTimestamp(detail.startUs / 1000, tz)} (+{formatUs(offsetUs)} into the trace)
        </Field>
        <Field label="Duration">{formatUs(detail.durationUs)}</Field>
        <Field label="Self time">{formatUs(detail.selfUs)}</Field>
        <Field label="Children">{overview.childCount[detail.index]}</Field>
      </dl>

      {flags.length > 0 && (
        <Section title="Flags">
          <ul className="list-disc pl-4 text-xs text-amber-800 dark:text-amber-200">
            {flags.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </Section>
      )}
      {detail.warnings.length > 0 && (
        <Section title="Warnings from the source">
          <ul className="list-disc pl-4 text-xs">
            {detail.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </Section>
      )}
      {genAi && <GenAiUsage genAi={genAi} span={detail.index} />}
      <Section title={`Attributes (${detail.attributes.length})`}>
        <AttributeTable attributes={detail.attributes} label="Span attributes" />
      </Section>
      <Section title={`Events (${detail.events.length})`}>
        {detail.events.length === 0 ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">None.</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {detail.events.map((event, i) => (
              <li key={i} className="border-l-2 border-slate-300 pl-2 dark:border-slate-600">
                <p className="text-xs">
                  <span className="font-mono tabular-nums">
                    +{formatUs(event.timeUs - detail.startUs)}
                  </span>{' '}
                  <span className="font-medium break-all">
                    <TruncatedText text={event.name || '(unnamed event)'} />
                  </span>
                </p>
                <AttributeTable attributes={event.attributes} label={`Event ${i + 1} attributes`} />
              </li>
            ))}
          </ol>
        )}
      </Section>
      {detail.links.length > 0 && (
        <Section title={`Links (${detail.links.length})`}>
          <ul className="flex flex-col gap-1 text-xs">
            {detail.links.map((link, i) => (
              <li key={i}>
                {link.refType ? `${link.refType.toLowerCase().replace('_', ' ')} ` : ''}
                <Link
                  className="font-mono text-sky-700 underline dark:text-sky-300"
                  to={{
                    pathname: `/traces/${encodeURIComponent(link.traceId)}`,
                    search: `?${new URLSearchParams([...session, ['span', link.spanId]])}`,
                  }}
                >
                  {link.traceId === detail.traceId
                    ? `span ${link.spanId}`
                    : `trace ${link.traceId} / span ${link.spanId}`}
                </Link>
                {link.attributes.length > 0 && (
                  <AttributeTable attributes={link.attributes} label={`Link ${i + 1} attributes`} />
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <details>
        <summary className="cursor-pointer text-xs font-semibold">
          Resource / process ({detail.resource.length})
        </summary>
        <div className="mt-1">
          <AttributeTable attributes={detail.resource} label="Resource attributes" />
        </div>
      </details>
      {detail.scope && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Instrumentation scope: {detail.scope.name}
          {detail.scope.version ? ` ${detail.scope.version}` : ''}
        </p>
      )}
    </div>
  );
}

function GenAiUsage({ genAi, span }: { genAi: GenAiData; span: number }) {
  const own = [genAi.inputTokens[span], genAi.outputTokens[span], genAi.costUsd[span]] as number[];
  const sub = [
    genAi.subtreeInputTokens[span],
    genAi.subtreeOutputTokens[span],
    genAi.subtreeCostUsd[span],
  ] as number[];
  const model = genAi.models[genAi.model[span] as number];
  if (own.every(Number.isNaN) && !(sub[0]! > 0 || sub[1]! > 0) && !model) return null;
  const tokens = (n: number) => (Number.isNaN(n) ? '–' : formatValue(n, 'none'));
  const cost = (n: number) => (Number.isNaN(n) ? '–' : formatValue(n, 'currency'));
  return (
    <Section title="GenAI usage">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
        {model && <Field label="Model">{model}</Field>}
        <Field label="This span">
          {tokens(own[0]!)} in · {tokens(own[1]!)} out · {cost(own[2]!)}
        </Field>
        <Field label="With descendants">
          {tokens(sub[0]!)} in · {tokens(sub[1]!)} out · {cost(sub[2]!)}
        </Field>
      </dl>
    </Section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-1 text-xs font-semibold">{title}</h3>
      {children}
    </section>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}
