// @vitest-environment node
import { compareSteps, ExecutionModel } from './executionModel';
import { stepSchema, type Execution, type Step } from './schema';
import { step as stepInput } from '@/test/live/fixtures';

const step = (id: string, overrides: Parameters<typeof stepInput>[1] = {}): Step =>
  stepSchema.parse(stepInput(id, overrides));

const snapshot = (steps: Step[], status: Execution['status'] = 'running') => ({
  type: 'execution.snapshot' as const,
  seq: 1,
  ts: 1,
  data: { id: 'run', workflow: 'wf', status, startedAt: 1, endedAt: null, steps },
});

const upsert = (data: Step) => ({ type: 'execution.step' as const, seq: 2, ts: 2, data });

describe('ExecutionModel', () => {
  it('upserts steps by id: updates replace, new ids append, nothing duplicates', () => {
    const model = new ExecutionModel();
    model.apply(snapshot([step('a', { startedAt: 10 }), step('b', { startedAt: 20 })]));
    model.apply(upsert(step('a', { startedAt: 10, status: 'succeeded', endedAt: 15 })));
    model.apply(upsert(step('c', { startedAt: 30 })));
    model.apply(upsert(step('a', { startedAt: 10, status: 'succeeded', endedAt: 15 })));
    const steps = model.view().execution?.steps ?? [];
    expect(steps.map((s) => `${s.id}:${s.status}`)).toEqual([
      'a:succeeded',
      'b:running',
      'c:running',
    ]);
  });

  it('orders steps by start time, then unstarted ones, ties by natural id order', () => {
    const steps = [
      step('step-10', { startedAt: null, status: 'pending' }),
      step('step-2', { startedAt: null, status: 'pending' }),
      step('z', { startedAt: 5 }),
      step('b', { startedAt: 7 }),
      step('a', { startedAt: 7 }),
    ];
    expect([...steps].sort(compareSteps).map((s) => s.id)).toEqual([
      'z',
      'a',
      'b',
      'step-2',
      'step-10',
    ]);
  });

  it('replaces everything on a snapshot, keeping the order stable', () => {
    const model = new ExecutionModel();
    model.apply(snapshot([step('x', { startedAt: 1 })]));
    model.apply(snapshot([step('b', { startedAt: 2 }), step('a', { startedAt: 1 })]));
    expect(model.view().execution?.steps.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('applies status changes and reports a terminal execution', () => {
    const model = new ExecutionModel();
    model.apply(snapshot([]));
    expect(model.isTerminal).toBe(false);
    model.apply({
      type: 'execution.status',
      seq: 2,
      ts: 2,
      data: { status: 'failed', endedAt: 99 },
    });
    model.apply({ type: 'execution.status', seq: 3, ts: 3, data: { status: 'failed' } });
    expect(model.view().execution).toMatchObject({ status: 'failed', endedAt: 99 });
    expect(model.isTerminal).toBe(true);
  });

  it('returns the same view object until something changes', () => {
    const model = new ExecutionModel();
    expect(model.view().execution).toBeNull();
    model.apply(snapshot([step('a')]));
    const view = model.view();
    expect(model.view()).toBe(view);
    model.apply(upsert(step('b')));
    expect(model.view()).not.toBe(view);
  });
});
