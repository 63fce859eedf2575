import type { z } from 'zod';
import { DEFAULT_BACKOFF } from '@/datasources/live/backoff';
import { LIVE_CLIENT_DEFAULTS as DEFAULTS } from '@/datasources/live/connection';
import { fieldTable, wireJsonSchema } from './jsonSchemaTable';
import { EXAMPLES, type ExampleName } from './protocolExamples';
import {
  errorMessageSchema,
  executionListResponseSchema,
  executionResponseSchema,
  executionSnapshotMessageSchema,
  executionStatusMessageSchema,
  executionStepMessageSchema,
  MAX_MESSAGE_BYTES,
  metricsSnapshotMessageSchema,
  overviewResponseSchema,
  pingMessageSchema,
  pongMessageSchema,
  traceListResponseSchema,
} from '@/datasources/live/schema';
import { DEAD_SOCKET_CLOSE_CODE } from '@/datasources/live/wsConnection';

/** Renders docs/live-protocol.md from the zod schemas plus the prose below. */

export const PROTOCOL_DOC_PATH = 'docs/live-protocol.md';
export const REGENERATE_COMMAND =
  'UPDATE_DOCS=1 node_modules/.bin/vitest run scripts/live-protocol/protocolDoc.test.ts';

export interface MessageDoc {
  name: ExampleName;
  schema: z.ZodType;
  /** What it means and when it is sent. */
  about: string;
}

export const SERVER_MESSAGES: MessageDoc[] = [
  {
    name: 'metrics.snapshot',
    schema: metricsSnapshotMessageSchema,
    about:
      'The whole platform overview. Sent on `ws/metrics` (and as SSE events on `metrics/stream`) right after connecting, then periodically. Each one replaces the previous, so it needs no predecessor: a seq gap before a snapshot is repaired by the snapshot itself.',
  },
  {
    name: 'execution.snapshot',
    schema: executionSnapshotMessageSchema,
    about:
      "One execution with every step known so far. Sent on `ws/executions/{id}` right after connecting (its `seq` is the stream's current position) and whenever the gateway chooses to resend everything. Replaces the client's copy wholesale.",
  },
  {
    name: 'execution.step',
    schema: executionStepMessageSchema,
    about:
      'Upsert of one step, keyed by `data.id`: a new id adds a step, a known id replaces it. Sent whenever a step is created, starts, reports tokens or cost, or finishes.',
  },
  {
    name: 'execution.status',
    schema: executionStatusMessageSchema,
    about:
      'The execution itself changed status (queued → running → succeeded / failed / cancelled). A terminal status normally carries `endedAt`; afterwards the gateway may close the socket with code 1000, and the client does not reconnect.',
  },
  {
    name: 'pong',
    schema: pongMessageSchema,
    about:
      'Answer to a `ping`, on the same socket, as soon as possible. Control message: any `seq` is ignored.',
  },
  {
    name: 'error',
    schema: errorMessageSchema,
    about:
      "A problem the client should show (e.g. `not_found` for an unknown execution, `overloaded`). The client displays `code: message` as the stream's error and keeps the connection unless the gateway closes it. Control message: any `seq` is ignored.",
  },
];

export const CLIENT_MESSAGES: MessageDoc[] = [
  {
    name: 'ping',
    schema: pingMessageSchema,
    about: `Sent every ${seconds(DEFAULTS.pingIntervalMs)} on every WebSocket. No \`pong\` within ${seconds(DEFAULTS.pongTimeoutMs)} and the client declares the socket dead, closes it (code ${DEAD_SOCKET_CLOSE_CODE}) and reconnects. The stream is identified by the URL, so the client sends nothing else.`,
  },
];

interface RestDoc {
  name: ExampleName;
  path: string;
  schema: z.ZodType;
  about: string;
}

export const REST_RESPONSES: RestDoc[] = [
  {
    name: 'overview',
    path: '/overview',
    schema: overviewResponseSchema,
    about: 'The current metrics snapshot; used for polling when neither WebSocket nor SSE works.',
  },
  {
    name: 'executions',
    path: '/executions?limit={n}',
    schema: executionListResponseSchema,
    about: 'Recent executions, newest first, for the executions list.',
  },
  {
    name: 'execution',
    path: '/executions/{id}',
    schema: executionResponseSchema,
    about:
      'One execution; used to resync after a seq gap and for polling. `seq` must be the position of the last stream message the snapshot reflects.',
  },
  {
    name: 'traces',
    path: '/traces?limit={n}',
    schema: traceListResponseSchema,
    about:
      'Recent traces. `GET /traces/{traceId}` returns one trace as an OTLP/JSON document, read by the trace adapters rather than by the live client.',
  },
];

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

const INTRO = `# Live gateway protocol

<!-- Generated from src/datasources/live/schema.ts by scripts/live-protocol/protocolDoc.ts. Do not edit: run ${REGENERATE_COMMAND} -->

The platform's observability gateway pushes live data to Observatory. This page is the contract
between them: the endpoints, every message, and what the client does with them. Field tables and
JSON Schemas below are generated from the zod schemas the client validates with, so they cannot
drift from the code.

## Endpoints

All paths are relative to the configured gateway base URL, under \`/api/v1/observability\`.

| method | path | purpose |
| --- | --- | --- |
| WS | \`/ws/metrics\` | Pushes \`metrics.snapshot\` messages. |
| WS | \`/ws/executions/{execution_id}\` | Pushes one execution: \`execution.snapshot\`, then \`execution.step\` and \`execution.status\`. |
| GET | \`/metrics/stream\` | The same metrics snapshots as Server-Sent Events (\`text/event-stream\`): one \`message\` event per envelope, JSON in \`data:\`, seq in \`id:\`. |
| GET | \`/overview\` | REST snapshot of the metrics. |
| GET | \`/executions\`, \`/executions/{id}\` | Recent executions; one execution's REST snapshot. |
| GET | \`/traces\`, \`/traces/{trace_id}\` | Recent traces; one trace (OTLP/JSON). |

## Envelope

Every message is one JSON object (one WebSocket text frame, or one SSE event):

| field | meaning |
| --- | --- |
| \`type\` | Message type, below. Unknown types are dropped and counted as invalid. |
| \`seq\` | Per-stream sequence number. Data messages increase it by exactly 1 each. |
| \`ts\` | Server time: epoch milliseconds or an ISO 8601 string with offset. |
| \`stream\` | Optional: \`metrics\` or \`execution:{id}\`. A message naming another stream is dropped. |
| \`data\` | The payload. Unknown fields are ignored, so the gateway may add fields freely. |

Frames over ${MAX_MESSAGE_BYTES / 1024} KiB, frames that are not JSON and frames that fail the schema are
dropped and counted (\`stats.invalidMessages\`); the client logs the first one of each kind and the
stream carries on.

## Ordering, gaps and resync

Per stream the client remembers the last applied \`seq\`:

- \`seq\` equal to last + 1: applied.
- \`seq\` ≤ last: a duplicate, ignored (\`stats.duplicatesIgnored\`).
- \`seq\` > last + 1 on a step or status message: messages were lost. The client fetches the REST
  snapshot (\`/executions/{id}\`), applies it, takes its \`seq\` as the new base, then applies what
  arrived meanwhile, dropping anything the snapshot already covers (\`stats.gapsResynced\`).
- \`seq\` > last + 1 on a snapshot message: the snapshot is the repair; applied and counted as a
  resynced gap, no REST call.
- First message on a new connection: a snapshot is always taken (a restarted gateway may have
  begun counting again); a step or status message that does not continue the old sequence
  triggers a REST resync.

The gateway should therefore send a snapshot first on every new connection.

## Liveness and reconnection

The client sends \`ping\` every ${seconds(DEFAULTS.pingIntervalMs)}; a socket without a \`pong\` ${seconds(DEFAULTS.pongTimeoutMs)} later is dead. After a
drop it reconnects with exponential backoff and full jitter: a delay drawn uniformly from
\`[0, min(${seconds(DEFAULT_BACKOFF.maxMs)}, ${seconds(DEFAULT_BACKOFF.baseMs)} × 2^attempt))\`; the attempt count resets once a connection has stayed up
for ${seconds(DEFAULT_BACKOFF.resetAfterMs)}. All of these are client options; the values are the defaults.

## Fallback ladder

WebSocket → Server-Sent Events (metrics only; executions have none) → polling the REST snapshot.
The client steps down at once when a socket is refused (fails before opening) and after ${DEFAULTS.fallbackAfterAttempts}
consecutive failed connections otherwise. Polling asks every ${seconds(DEFAULTS.pollIntervalMs)}. While down the ladder the
client probes the WebSocket every ${seconds(DEFAULTS.probeIntervalMs)} and climbs back as soon as one opens. Without any gateway configured, the metrics
stream polls a snapshot the dashboard computes from Prometheus instead.

## What the client reports per stream

| field | values |
| --- | --- |
| \`status\` | \`connecting\`, \`live\` (WebSocket or SSE delivering), \`reconnecting\`, \`polling\`, \`offline\` (nothing works, paused while hidden, or a finished execution) |
| \`transport\` | \`websocket\`, \`sse\`, \`polling\`, or null while nothing delivers |
| \`lastUpdate\` | client time of the last applied data |
| \`error\` | the latest problem in words, or null |
| \`stats\` | \`invalidMessages\`, \`gapsResynced\`, \`duplicatesIgnored\`, \`reconnects\` |
`;

function exampleBlock(name: ExampleName): string {
  return ['```json', JSON.stringify(EXAMPLES[name], null, 2), '```'].join('\n');
}

function schemaBlock(schema: z.ZodType): string {
  const json = JSON.stringify(wireJsonSchema(schema), null, 2);
  return [
    '<details><summary>JSON Schema</summary>',
    '',
    '```json',
    json,
    '```',
    '',
    '</details>',
  ].join('\n');
}

function messageSection(doc: MessageDoc): string {
  const schema = wireJsonSchema(doc.schema);
  return [
    `### \`${doc.name}\``,
    doc.about,
    fieldTable(schema),
    'Example:',
    exampleBlock(doc.name),
    schemaBlock(doc.schema),
  ].join('\n\n');
}

function restSection(doc: RestDoc): string {
  return [
    `### \`GET ${doc.path}\``,
    doc.about,
    fieldTable(wireJsonSchema(doc.schema)),
    'Example:',
    exampleBlock(doc.name),
    schemaBlock(doc.schema),
  ].join('\n\n');
}

export function renderProtocolDoc(): string {
  return [
    INTRO.trim(),
    '## Server → client messages',
    ...SERVER_MESSAGES.map(messageSection),
    '## Client → server messages',
    ...CLIENT_MESSAGES.map(messageSection),
    '## REST responses',
    'Errors answer with a non-2xx status and, where possible, a body `{ "code": "...", "message": "..." }`; the client shows `message`.',
    ...REST_RESPONSES.map(restSection),
  ].join('\n\n');
}

/** The document exactly as committed: rendered, then formatted with the project's Prettier. */
export async function generateProtocolDoc(filepath: string): Promise<string> {
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(renderProtocolDoc(), { ...config, filepath, parser: 'markdown' });
}
