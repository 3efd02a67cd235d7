/**
 * Runs a real `astro build` in a child process, for tests that check what a
 * build produces or how it fails. Each content folder gets its own output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveInBackground } from '../../scripts/background-server.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');
const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/**
 * The environment for a child build, without what the test runner adds:
 * Astro copies every variable into `import.meta.env`, so Vitest's `BASE_URL`,
 * `DEV`, `MODE`, `PROD` and `SSR` would override the build's own values.
 */
export function builderEnv(): Record<string, string> {
  const leaked = new Set(['BASE_URL', 'DEV', 'MODE', 'PROD', 'SSR', 'NODE_ENV']);
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !leaked.has(e[0]) && !e[0].startsWith('VITEST') && !e[0].startsWith('VITE_')),
  );
}

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together. */
  output: string;
  outDir: string;
}

export function buildSite(options: { contentDir?: string; outDir: string; env?: Record<string, string> }): BuildResult {
  const result = spawnSync(process.execPath, [astroBin, 'build'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...builderEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      BACKSTORY_OUT_DIR: options.outDir,
      // Astro's content cache beside the output, so fixture builds never share one.
      BACKSTORY_CACHE_DIR: `${options.outDir}-cache`,
      ...(options.contentDir ? { BACKSTORY_CONTENT_DIR: options.contentDir } : {}),
      ...options.env,
    },
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir: options.outDir };
}

/** A built site served over HTTP under its base path, as a static host would. */
export interface ServedBuild {
  outDir: string;
  origin: string;
  /** Stops the server and deletes the build. */
  close: () => void;
}

/** Builds the site with `env` into a scratch folder and serves it under `base`; throws if the build fails. */
export async function buildAndServe(name: string, base: string, env: Record<string, string> = {}): Promise<ServedBuild> {
  const outDir = join(scratchDir(name), 'dist');
  const result = buildSite({ outDir, env: { BASE_PATH: base, ...env } });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
  const server = await serveInBackground(outDir, base);
  return {
    outDir,
    origin: server.origin,
    close: () => {
      server.stop();
      rmSync(join(outDir, '..'), { recursive: true, force: true });
    },
  };
}

/** A scratch copy of a content folder, to break on purpose. */
export function copyContent(from: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-content-'));
  cpSync(from, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `backstory-${prefix}-`));
}
