// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STARTUP_DEADLINE_MS } from '@/config/defaults';
import {
  allowedOriginsIn,
  loadCode,
  reportToHost,
  showStartupFailure,
  StartupFailure,
} from './startupFailure';

const chunkError = () =>
  new TypeError('Failed to fetch dynamically imported module: /assets/HealthPage-abc.js');

describe('loading a code chunk at start-up', () => {
  let reload: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    window.sessionStorage.clear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('gives up on a chunk that never arrives, saying which and after how long', async () => {
    vi.useFakeTimers();
    const loading = loadCode(() => new Promise(() => undefined), 'this page');
    const failed = expect(loading).rejects.toMatchObject({
      code: 'code-timeout',
      message: `The code for this page did not arrive within ${STARTUP_DEADLINE_MS / 1000} s. Check the connection and retry.`,
    });
    await vi.advanceTimersByTimeAsync(STARTUP_DEADLINE_MS);
    await failed;
  });

  it('reloads once for a chunk gone after a redeploy, then says a new version was deployed', async () => {
    const first = loadCode(() => Promise.reject(chunkError()), 'this page');
    // The page reloads and this load never settles: nothing else is shown meanwhile.
    const settled = await Promise.race([first.then(() => 'settled'), Promise.resolve('pending')]);
    expect(settled).toBe('pending');
    expect(reload).toHaveBeenCalledTimes(1);

    // After the reload the chunk is still missing: no second reload, words and a way out.
    const failure = await loadCode(() => Promise.reject(chunkError()), 'this page').catch(
      (e: unknown) => e,
    );
    expect(reload).toHaveBeenCalledTimes(1);
    expect(failure).toBeInstanceOf(StartupFailure);
    expect(failure).toMatchObject({ code: 'new-version', action: 'reload' });
    expect((failure as Error).message).toContain('A new version of Observatory was deployed');
    expect((failure as Error).message).toContain('/assets/HealthPage-abc.js');
  });

  it('does not reload when it cannot remember having done so (storage blocked)', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    await expect(loadCode(() => Promise.reject(chunkError()), 'this page')).rejects.toMatchObject({
      code: 'new-version',
    });
    expect(reload).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('offline, says so instead of blaming a deploy', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await expect(loadCode(() => Promise.reject(chunkError()), 'Observatory')).rejects.toMatchObject(
      { code: 'code-unavailable', message: expect.stringContaining('this browser is offline') },
    );
    expect(reload).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});

describe('telling the portal', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the allowed origins from a config it cannot otherwise use', () => {
    const text = JSON.stringify({ nope: 1, embed: { allowedOrigins: ['https://portal.test', 3] } });
    expect(allowedOriginsIn(text)).toEqual(['https://portal.test']);
    expect(allowedOriginsIn('<!doctype html>')).toEqual([]);
    expect(allowedOriginsIn('null')).toEqual([]);
  });

  it('posts the code and message to an allowed portal only', () => {
    const parent = { postMessage: vi.fn() };
    vi.spyOn(window, 'parent', 'get').mockReturnValue(parent as unknown as Window);
    vi.spyOn(document, 'referrer', 'get').mockReturnValue('https://portal.test/page');
    const failure = new StartupFailure('config-timeout', 'config.json did not answer within 8 s');

    reportToHost(failure, ['https://other.test']);
    expect(parent.postMessage).not.toHaveBeenCalled();

    reportToHost(failure, ['https://portal.test']);
    expect(parent.postMessage).toHaveBeenCalledWith(
      {
        type: 'observatory:error',
        code: 'config-timeout',
        request: null,
        message: 'config.json did not answer within 8 s',
      },
      'https://portal.test',
    );
  });
});

it('the failure page says what failed, as text, with a button that retries', () => {
  const root = document.createElement('div');
  showStartupFailure(
    root,
    new StartupFailure('code-unavailable', 'The code for <b>Observatory</b> could not be loaded'),
  );
  expect(root.querySelector('[role="alert"] h1')?.textContent).toBe('Observatory could not start');
  expect(root.querySelector('p')?.textContent).toBe(
    'The code for <b>Observatory</b> could not be loaded',
  );
  expect(root.querySelector('b')).toBeNull();
  expect(root.querySelector('button')?.textContent).toBe('Retry');
});
