import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';

/**
 * Starts a Node HTTP server on 127.0.0.1, on `port` or else one the kernel picks; resolves with
 * its origin.
 */
export async function listen(
  handler: Parameters<typeof createServer>[1],
  port = 0,
): Promise<{ server: Server; origin: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('server has no address');
  return {
    server,
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs a command to completion; rejects with its output when it fails. */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const { input } = options;
    const child = spawn(command, args, {
      env: options.env,
      cwd: options.cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    // 'close', not 'exit': the output streams may still hold data when the process exits.
    child.once('close', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(
            new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr}${stdout}`),
          ),
    );
    if (child.stdin) {
      // A command that exits without reading its input closes the pipe (EPIPE); its exit code
      // is what tells success from failure.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}
