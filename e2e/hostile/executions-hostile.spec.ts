import { useConfig } from '../fixtures';
// Its console watch ignores only the failed requests to the fake backends this test refuses.
import { expect, test } from '../faults/faults';
import { expectInertPage, HOSTILE_STRINGS } from './payloads';

/** A gateway whose workflow, step, agent names and errors carry every hostile string. */
const GATEWAY = 'http://gateway.test:8080';
const API = `${GATEWAY}/api/v1/observability`;
const values = Object.values(HOSTILE_STRINGS);
const started = Date.now() - 60_000;

const steps = values.map((v, i) => ({
  id: `step-${i}`,
  name: v,
  agent: v,
  status: i % 2 === 0 ? 'failed' : 'succeeded',
  startedAt: started + i * 1000,
  endedAt: started + i * 1000 + 800,
  tokens: { input: 10, output: 5 },
  costUsd: 0.01,
  error: i % 2 === 0 ? v : null,
}));
const execution = {
  id: 'run-1',
  workflow: HOSTILE_STRINGS.script,
  status: 'failed',
  startedAt: started,
  endedAt: started + 20_000,
  steps,
};

test('/executions and a run: hostile names and errors from the gateway stay inert text', async ({
  page,
}) => {
  await useConfig(page, {
    datasources: { live: { url: GATEWAY, fallbackAfterAttempts: 1 } },
    defaults: { refresh: 'off' },
  });
  await page.routeWebSocket(/gateway\.test/, (ws) => ws.close({ code: 1011, reason: 'refused' }));
  await page.route(`${API}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/executions')) {
      return route.fulfill({
        json: {
          ts: Date.now(),
          data: [
            {
              id: 'run-1',
              workflow: HOSTILE_STRINGS.long,
              status: 'failed',
              startedAt: started,
              endedAt: started + 20_000,
              durationMs: 20_000,
              stepCount: steps.length,
              tokens: { input: 70, output: 35 },
              costUsd: 0.07,
            },
          ],
        },
      });
    }
    if (path.endsWith('/executions/run-1'))
      return route.fulfill({ json: { seq: 1, ts: Date.now(), data: execution } });
    return route.abort('connectionrefused');
  });

  await page.goto('/executions');
  await expect(page.getByRole('link', { name: /run-1/ }).first()).toBeVisible({ timeout: 20_000 });
  await page.goto('/executions/run-1');
  await expect(
    page.getByText('step-0').or(page.getByText(HOSTILE_STRINGS.rtl).first()).first(),
  ).toBeAttached({
    timeout: 20_000,
  });
  await expect(page.getByText(HOSTILE_STRINGS.emoji).first()).toBeVisible({ timeout: 20_000 });

  await expectInertPage(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Health' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
});
