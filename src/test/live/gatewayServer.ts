import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type {
  ExecutionInput,
  ExecutionStatus,
  MetricsSnapshotInput,
  ServerMessageInput,
  StepInput,
} from '@/datasources/live/schema';

const API = '/api/v1/observability';

interface ExecutionRecord {
  seq: number;
  header: Omit<ExecutionInput, 'steps'>;
  steps: Map<string, StepInput>;
}

/**
 * A real HTTP + WebSocket + SSE implementation of the gateway contract on an ephemeral loopback
 * port, scriptable from tests: publish data, inject gaps and garbage, refuse or kill sockets,
 * stop answering pings, restart.
 */
export class GatewayServer {
  /** Switches tests flip to misbehave. */
  respondToPing = true;
  refuseWebSocket = false;
  refuseEvents = false;
  failRest = false;

  /** Counters tests assert on. */
  wsConnectionsAccepted = 0;
  pingsReceived = 0;
  restRequests = 0;

  private server: Server | null = null;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly sockets = new Map<WebSocket, string>();
  private readonly eventClients = new Set<ServerResponse>();
  private readonly rawSockets = new Set<Socket>();
  private metricsSeq = 0;
  private metrics: MetricsSnapshotInput | null = null;
  private readonly executions = new Map<string, ExecutionRecord>();
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get openSockets(): number {
    return this.sockets.size;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => this.handleHttp(request, response));
    server.on('upgrade', (request, socket, head) =>
      this.handleUpgrade(request, socket as Socket, head),
    );
    server.on('connection', (socket) => {
      this.rawSockets.add(socket);
      socket.on('close', () => this.rawSockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Goes away completely: every socket and stream cut, the port closed. */
  async stop(): Promise<void> {
    this.terminateSockets();
    for (const response of this.eventClients) response.destroy();
    this.eventClients.clear();
    for (const socket of this.rawSockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Stops and starts on the same port; `resetSeq` models a gateway that keeps no counters. */
  async restart({ resetSeq = false, downMs = 0 } = {}): Promise<void> {
    await this.stop();
    if (resetSeq) {
      this.metricsSeq = 0;
      for (const record of this.executions.values()) record.seq = 0;
    }
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.start();
  }

  /** Kills every WebSocket without a close frame. */
  terminateSockets(): void {
    for (const socket of this.sockets.keys()) socket.terminate();
    this.sockets.clear();
  }

  publishMetrics(snapshot: MetricsSnapshotInput): void {
    this.metrics = snapshot;
    this.metricsSeq += 1;
    const message = this.metricsMessage();
    this.broadcast('metrics', message);
    const frame = `id: ${this.metricsSeq}\ndata: ${JSON.stringify(message)}\n\n`;
    for (const response of this.eventClients) response.write(frame);
  }

  createExecution(execution: ExecutionInput): void {
    const { steps, ...header } = execution;
    this.executions.set(execution.id, {
      seq: 0,
      header,
      steps: new Map(steps.map((step) => [step.id, step])),
    });
  }

  /** `deliver: false` changes state and consumes a seq without telling anyone: a lost message. */
  upsertStep(executionId: string, step: StepInput, { deliver = true } = {}): void {
    const record = this.record(executionId);
    record.steps.set(step.id, step);
    record.seq += 1;
    if (!deliver) return;
    this.broadcast(`execution:${executionId}`, {
      type: 'execution.step',
      seq: record.seq,
      ts: Date.now(),
      data: step,
    });
  }

  setExecutionStatus(executionId: string, status: ExecutionStatus, endedAt: number | null = null) {
    const record = this.record(executionId);
    record.header = { ...record.header, status, endedAt };
    record.seq += 1;
    this.broadcast(`execution:${executionId}`, {
      type: 'execution.status',
      seq: record.seq,
      ts: Date.now(),
      data: { status, endedAt },
    });
  }

  execution(executionId: string): ExecutionInput {
    const record = this.record(executionId);
    return { ...record.header, steps: [...record.steps.values()] };
  }

  executionSeq(executionId: string): number {
    return this.record(executionId).seq;
  }

  /** Sends a frame as-is to every socket of a stream (`metrics` or `execution:{id}`). */
  sendRaw(stream: string, frame: string | Buffer): void {
    for (const [socket, key] of this.sockets) if (key === stream) socket.send(frame);
  }

  send(stream: string, message: ServerMessageInput | Record<string, unknown>): void {
    this.sendRaw(stream, JSON.stringify(message));
  }

  private broadcast(stream: string, message: ServerMessageInput): void {
    this.send(stream, message);
  }

  private record(executionId: string): ExecutionRecord {
    const record = this.executions.get(executionId);
    if (!record) throw new Error(`unknown execution ${executionId}`);
    return record;
  }

  private metricsMessage(): ServerMessageInput {
    if (!this.metrics) throw new Error('no metrics published yet');
    return { type: 'metrics.snapshot', seq: this.metricsSeq, ts: Date.now(), data: this.metrics };
  }

  private snapshotMessage(executionId: string): ServerMessageInput {
    const record = this.record(executionId);
    return {
      type: 'execution.snapshot',
      seq: record.seq,
      ts: Date.now(),
      data: this.execution(executionId),
    };
  }

  private streamOf(path: string): string | null {
    if (path === `${API}/ws/metrics`) return 'metrics';
    const match = new RegExp(`^${API}/ws/executions/([^/]+)$`).exec(path);
    return match?.[1] ? `execution:${decodeURIComponent(match[1])}` : null;
  }

  private handleUpgrade(request: IncomingMessage, socket: Socket, head: Buffer): void {
    const stream = this.streamOf(new URL(request.url ?? '/', this.url).pathname);
    if (this.refuseWebSocket || !stream) {
      socket.end(`HTTP/1.1 ${stream ? '503 Service Unavailable' : '404 Not Found'}\r\n\r\n`);
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.handleSocket(ws, stream));
  }

  private handleSocket(socket: WebSocket, stream: string): void {
    this.wsConnectionsAccepted += 1;
    this.sockets.set(socket, stream);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { type?: string; data?: { ts?: number } };
      if (message.type !== 'ping') return;
      this.pingsReceived += 1;
      if (!this.respondToPing) return;
      socket.send(JSON.stringify({ type: 'pong', ts: Date.now(), data: { ts: message.data?.ts } }));
    });
    if (stream === 'metrics') {
      if (this.metrics) socket.send(JSON.stringify(this.metricsMessage()));
      return;
    }
    const id = stream.slice('execution:'.length);
    if (this.executions.has(id)) {
      socket.send(JSON.stringify(this.snapshotMessage(id)));
    } else {
      socket.send(JSON.stringify({ type: 'error', data: { code: 'not_found', message: id } }));
      socket.close(4404, 'unknown execution');
    }
  }

  private handleHttp(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', this.url).pathname;
    if (path === `${API}/metrics/stream`) {
      this.handleEvents(response);
      return;
    }
    this.restRequests += 1;
    if (this.failRest) {
      json(response, 503, { code: 'unavailable', message: 'gateway is starting' });
      return;
    }
    if (path === `${API}/overview` && this.metrics) {
      json(response, 200, { seq: this.metricsSeq, ts: Date.now(), data: this.metrics });
      return;
    }
    const match = new RegExp(`^${API}/executions/([^/]+)$`).exec(path);
    const id = match?.[1] ? decodeURIComponent(match[1]) : null;
    if (id && this.executions.has(id)) {
      const { seq, data } = this.snapshotMessage(id) as { seq: number; data: ExecutionInput };
      json(response, 200, { seq, ts: Date.now(), data });
      return;
    }
    json(response, 404, { code: 'not_found', message: `no route for ${path}` });
  }

  private handleEvents(response: ServerResponse): void {
    if (this.refuseEvents || !this.metrics) {
      json(response, 503, { code: 'unavailable', message: 'no event stream' });
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    response.write(`id: ${this.metricsSeq}\ndata: ${JSON.stringify(this.metricsMessage())}\n\n`);
    this.eventClients.add(response);
    response.on('close', () => this.eventClients.delete(response));
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

export async function startGatewayServer(): Promise<GatewayServer> {
  const server = new GatewayServer();
  await server.start();
  return server;
}
