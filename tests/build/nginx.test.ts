/**
 * The nginx server block in deploy/nginx.conf, used as its comments tell a
 * deployer to: the paths pointed at a real build, at the site root and under
 * a sub-path. nginx must accept it (`nginx -t`), and, serving the build on
 * 127.0.0.1, send the security headers the build wrote (the same policy as
 * `_headers`), a year of caching for hashed files only, the feeds with their
 * own media types, the site's 404 page, and never the header files.
 *
 * Needs nginx (`apt-get install nginx`, or NGINX_PATH).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, projectRoot, scratchDir } from './build-site.ts';
import { freePort } from '../../scripts/background-server.ts';

// Debian puts nginx in /usr/sbin, which is not on every user's PATH.
const nginx = process.env.NGINX_PATH ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
const SNIPPET = readFileSync(join(projectRoot, 'deploy/nginx.conf'), 'utf8');

/** Where this nginx keeps mime.types: beside its own configuration file. */
function mimeTypes(): string {
  const version = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
  if (version.error) throw new Error(`nginx is needed for this test: apt-get install nginx (or set NGINX_PATH). ${version.error.message}`);
  const conf = /--conf-path=(\S+)/.exec(version.stderr)?.[1] ?? '/etc/nginx/nginx.conf';
  return join(conf, '..', 'mime.types');
}

/**
 * The server block with a deployer's edits: the build's folder for
 * /srv/backstory, a local port, and under a sub-path the changes its
 * comments list (the base in front of every location and the 404 page).
 */
function serverBlock(root: string, base: string, port: number): string {
  let block = SNIPPET.replace(/^[\s\S]*?(?=^server \{)/m, '')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replaceAll('/srv/backstory', root);
  if (base !== '/') {
    const prefix = base.replace(/\/$/, '');
    block = block
      .replace(`root ${root}/dist;`, `root ${root}/site;`)
      .replaceAll(`${root}/dist/`, `${root}/site${base}`)
      .replace('error_page 404 /404.html;', `error_page 404 ${prefix}/404.html;`)
      .replace(/location (= |~ \^)?\//g, (_, kind: string | undefined) => `location ${kind ?? ''}${prefix}/`);
  }
  return block;
}

function mainConfig(dir: string, block: string): string {
  const temp = (name: string) => join(dir, name);
  return [
    // Workers run as root only when the test does: they must read the scratch folder.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    `  include ${mimeTypes()};`,
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${temp(name)};`),
    block,
    '}',
    '',
  ].join('\n');
}

interface Served {
  origin: string;
  dist: string;
  config: string;
  test: ReturnType<typeof spawnSync>;
  /** Stops nginx and, once it has exited, removes its folder: removed sooner, its exiting workers leave a temp folder behind. */
  stop: () => Promise<void>;
}

/** Builds the seed for `base`, lays it out as the comments say, and starts nginx on it. */
async function deploy(base: string): Promise<Served> {
  const dir = scratchDir(`nginx${base.replace(/\//g, '-')}`);
  const built = buildSite({ outDir: join(dir, 'out'), env: { BASE_PATH: base } });
  if (built.status !== 0) throw new Error(`build failed:\n${built.output}`);
  // At the root: /srv/backstory/dist. Under a sub-path: /srv/backstory/site/<base>.
  const dist = base === '/' ? join(dir, 'dist') : join(dir, 'site', base);
  mkdirSync(join(dist, '..'), { recursive: true });
  renameSync(join(dir, 'out'), dist);
  const port = await freePort();
  const config = join(dir, 'nginx.conf');
  writeFileSync(config, mainConfig(dir, serverBlock(dir, base, port)));
  const test = spawnSync(nginx, ['-t', '-c', config, '-p', dir], { encoding: 'utf8' });
  let server: ChildProcess | undefined;
  if (test.status === 0) {
    server = spawn(nginx, ['-c', config, '-p', dir, '-g', 'daemon off;'], { stdio: 'ignore' });
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`${origin}/`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    dist,
    config,
    test,
    stop: async () => {
      const running = server?.exitCode === null && server.signalCode === null ? server : undefined;
      if (running) {
        const exited = new Promise((done) => running.once('exit', done));
        running.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const first = (dir: string, pattern: RegExp) => readdirSync(dir).find((name) => pattern.test(name));

describe.each(['/', '/explainer/'])('deploy/nginx.conf serving a build under %s', (base) => {
  let site: Served;
  beforeAll(async () => {
    site = await deploy(base);
  });
  afterAll(async () => site?.stop());

  const get = (path: string) => fetch(`${site.origin}${base}${path}`, { redirect: 'manual' });
  /** The policy the build wrote for Netlify and Cloudflare Pages. */
  const policy = () => /Content-Security-Policy: (.+)/.exec(readFileSync(join(site.dist, '_headers'), 'utf8'))![1]!;

  it('passes `nginx -t`', () => {
    expect(site.test.status, `${site.test.stderr}\n${readFileSync(site.config, 'utf8')}`).toBe(0);
  });

  it('sends pages with the build’s security headers, revalidated on every request', async () => {
    const story = first(join(site.dist, 'stories'), /^[^.]+$/)!;
    for (const path of ['', `stories/${story}/`, 'timeline/']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy'), path).toBe(policy());
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('content-encoding'), path).toBe('gzip');
    }
  });

  it('caches files named by their content for a year, and only those', async () => {
    const asset = first(join(site.dist, '_astro'), /\.js$/)!;
    const fragment = first(join(site.dist, 'pagefind', 'fragment'), /\.pf_fragment$/)!;
    for (const path of [`_astro/${asset}`, `pagefind/fragment/${fragment}`]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-security-policy'), path).toBe(policy());
    }
    // Pagefind's entry point keeps its name from build to build.
    const entry = await get('pagefind/pagefind.js');
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the feeds and social images with their own media types', async () => {
    expect((await get('rss.xml')).headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    expect((await get('atom.xml')).headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect((await get('og/site.png')).headers.get('content-type')).toBe('image/png');
  });

  it('answers a missing page with the site’s 404 page, and hides the header files', async () => {
    const missing = await get('no-such-page/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(readFileSync(join(site.dist, '404.html'), 'utf8'));
    expect(missing.headers.get('content-security-policy')).toBe(policy());
    for (const path of ['_headers', '_nginx-headers.conf']) expect((await get(path)).status, path).toBe(404);
  });
});
