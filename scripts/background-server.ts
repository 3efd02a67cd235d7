/**
 * Serves a build folder with `scripts/serve.ts` on a free local port, for
 * scripts and tests that need the site over HTTP as a static host serves it.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export interface BackgroundServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop: () => void;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts serving `dist` (with `--base`, when given) and resolves once it answers. */
export async function serveInBackground(dist: string, base?: string): Promise<BackgroundServer> {
  const port = await freePort();
  const args = [join(root, 'scripts/serve.ts'), dist, '--port', String(port), ...(base ? ['--base', base] : [])];
  const server = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ready, fail) => {
    server.once('exit', (code) => fail(new Error(`scripts/serve.ts exited with ${code}`)));
    server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Serving') && ready());
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}
