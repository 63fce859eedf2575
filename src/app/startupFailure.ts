import { STARTUP_DEADLINE_MS } from '@/config/defaults';
import { chooseTargetOrigin } from '@/embed/origins';
import type { ErrorMessage, StartupErrorCode } from '@/embed/protocol';

/**
 * Start-up failures: a step that failed or ran out of time, said in words with a way forward,
 * and told to the embedding portal. Kept free of React and zod: the entry uses it when the
 * app's own code is what failed to arrive.
 */

/** What the user can do about it: try the step again, or load the new version. */
export type StartupAction = 'retry' | 'reload';

export class StartupFailure extends Error {
  constructor(
    readonly code: StartupErrorCode,
    message: string,
    readonly action: StartupAction = 'retry',
  ) {
    super(message);
    this.name = 'StartupFailure';
  }
}

const RELOADED_AT_KEY = 'observatory.reloadedForNewVersion';
/** A second chunk failure within this long of the automatic reload is not reloaded again. */
const RELOAD_GUARD_MS = 60_000;

/**
 * Loads a code chunk with the start-up deadline. A chunk that fails to load (gone after a
 * redeploy, in a tab opened before it) reloads the page once, so the new version loads; if it
 * fails again, or the reload cannot be guarded against a loop, it says so.
 */
export async function loadCode<T>(load: () => Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new StartupFailure(
            'code-timeout',
            `The code for ${what} did not arrive within ${STARTUP_DEADLINE_MS / 1000} s. Check the connection and retry.`,
          ),
        ),
      STARTUP_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([load(), deadline]);
  } catch (error) {
    if (error instanceof StartupFailure) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      throw new StartupFailure(
        'code-unavailable',
        `The code for ${what} could not be loaded: this browser is offline (${detail}). Retry once the connection is back.`,
      );
    }
    if (reloadOnce()) return new Promise<never>(() => undefined);
    throw new StartupFailure(
      'new-version',
      `A new version of Observatory was deployed since this page was opened: the code for ${what} is no longer on the server (${detail}). Reload to get the new version.`,
      'reload',
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Reloads the page unless it already did so for this reason a moment ago. */
function reloadOnce(): boolean {
  try {
    const last = Number(window.sessionStorage.getItem(RELOADED_AT_KEY));
    if (Number.isFinite(last) && Date.now() - last < RELOAD_GUARD_MS) return false;
    window.sessionStorage.setItem(RELOADED_AT_KEY, String(Date.now()));
  } catch {
    return false; // without storage a reload could loop: say it instead
  }
  window.location.reload();
  return true;
}

/** `embed.allowedOrigins` of a config.json body, read leniently (the config may be invalid). */
export function allowedOriginsIn(configText: string): string[] {
  try {
    const origins: unknown = (JSON.parse(configText) as { embed?: { allowedOrigins?: unknown } })
      ?.embed?.allowedOrigins;
    return Array.isArray(origins) ? origins.filter((o) => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Tells the embedding portal, if it is an allowed origin, that the app could not start (see
 * docs/embedding.md). When config.json itself could not be read nobody is known to be
 * allowed, and nothing is posted.
 */
export function reportToHost(failure: StartupFailure, allowedOrigins: readonly string[]): void {
  if (window.parent === window) return;
  const target = chooseTargetOrigin({
    referrer: document.referrer,
    allowedOrigins,
    firstValidOrigin: null,
  });
  if (!target) return;
  const message: ErrorMessage = {
    type: 'observatory:error',
    code: failure.code,
    request: null,
    message: failure.message,
  };
  window.parent.postMessage(message, target);
}

/** `reportToHost` with the allow-list of config.json, once its body has arrived (if ever). */
export function reportToHostOnceConfigRead(
  failure: StartupFailure,
  configText: Promise<string>,
): void {
  void configText
    .then(allowedOriginsIn, () => [])
    .then((origins) => reportToHost(failure, origins));
}

export const ACTION_LABEL: Record<StartupAction, string> = {
  retry: 'Retry',
  reload: 'Reload to get the new version',
};

/** The failure as a page of plain DOM, for when the app's own code is what did not arrive. */
export function showStartupFailure(root: HTMLElement, failure: StartupFailure): void {
  const main = document.createElement('main');
  main.setAttribute('role', 'alert');
  main.className = 'mx-auto max-w-2xl p-8';
  const title = document.createElement('h1');
  title.className = 'text-xl font-semibold';
  title.textContent = 'Observatory could not start';
  const text = document.createElement('p');
  text.className = 'mt-2 break-words';
  text.textContent = failure.message;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn mt-4';
  button.textContent = ACTION_LABEL[failure.action];
  button.addEventListener('click', () => window.location.reload());
  main.append(title, text, button);
  root.replaceChildren(main);
}
