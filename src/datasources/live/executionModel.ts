import {
  TERMINAL_EXECUTION_STATUSES,
  type Execution,
  type ExecutionSnapshotMessage,
  type ExecutionStatusMessage,
  type ExecutionStepMessage,
  type Step,
} from './schema';

export type ExecutionDataMessage =
  ExecutionSnapshotMessage | ExecutionStepMessage | ExecutionStatusMessage;

export interface ExecutionView {
  execution: Execution | null;
}

type ExecutionHeader = Omit<Execution, 'steps'>;

// Made on first use: a Collator costs ICU milliseconds of set-up, at start-up if made here.
let idCollator: Intl.Collator | null = null;

/** Started steps by start time, then not-yet-started ones; ties broken by id (naturally). */
export function compareSteps(a: Step, b: Step): number {
  if (a.startedAt !== b.startedAt) {
    if (a.startedAt === null) return 1;
    if (b.startedAt === null) return -1;
    return a.startedAt - b.startedAt;
  }
  idCollator ??= new Intl.Collator('en', { numeric: true });
  return idCollator.compare(a.id, b.id);
}

/**
 * One execution's state: the header plus steps keyed by id, so an upsert can neither duplicate
 * nor lose a step whatever order updates arrive in.
 */
export class ExecutionModel {
  private header: ExecutionHeader | null = null;
  private steps = new Map<string, Step>();
  private version = 0;
  private cached: { version: number; view: ExecutionView } | null = null;

  apply(message: ExecutionDataMessage): void {
    switch (message.type) {
      case 'execution.snapshot': {
        const { steps, ...header } = message.data;
        this.header = header;
        this.steps = new Map(steps.map((step) => [step.id, step]));
        break;
      }
      case 'execution.step':
        this.steps.set(message.data.id, message.data);
        break;
      case 'execution.status': {
        if (!this.header) return;
        const { status, endedAt } = message.data;
        this.header = { ...this.header, status, endedAt: endedAt ?? this.header.endedAt };
        break;
      }
    }
    this.version += 1;
  }

  get isTerminal(): boolean {
    return this.header !== null && TERMINAL_EXECUTION_STATUSES.has(this.header.status);
  }

  view(): ExecutionView {
    if (this.cached?.version === this.version) return this.cached.view;
    const execution = this.header
      ? { ...this.header, steps: [...this.steps.values()].sort(compareSteps) }
      : null;
    const view: ExecutionView = { execution };
    this.cached = { version: this.version, view };
    return view;
  }
}
