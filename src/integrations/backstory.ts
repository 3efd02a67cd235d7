/**
 * The Backstory integration: checks all content before Astro builds anything
 * and renders every body on the way.
 *
 * Running the full content check first turns every problem into a failed
 * build that names file, line and field, before a single page is written.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatCheckTimes } from '../lib/check.ts';
import { withoutDrafts } from '../lib/drafts.ts';
import { loadContent } from '../lib/load.ts';
import { pageLastmods } from '../lib/feeds.ts';
import { formatIssue } from '../lib/errors.ts';
import type { ContentSet } from '../lib/records.ts';
import { recordCards, type RecordCard } from '../lib/social-image.ts';
import { renderer } from '../markdown/render.ts';
import { writeSocialImages } from './social-image-files.ts';
import { writePreviews } from './preview-files.ts';
import { previewFiles, type PreviewFile } from '../lib/preview.ts';
import { recordPages, writeRecordPages } from './record-pages.ts';
import { startDrawing } from './social-image-workers.ts';
import { markMissingScripts } from './font-coverage.ts';
import { checkedSiteTaken, handOverSite } from './checked-site.ts';
import { settingProblems } from '../site-config.ts';

export interface BackstoryOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Where rendered bodies are kept between builds (Astro's cache folder). */
  cacheDir?: string;
  /**
   * Check all content before building (default). Turned off only by tests
   * that prove the build still fails when the pages meet the problem.
   */
  precheck?: boolean;
}

let lastmods: Map<string, string> | undefined;
/** Stops this build's social-image workers. */
let stopDrawing: (() => Promise<void>) | undefined;
/** The social image of every published record, from the content check (the cards only, not the records). */
let cards: RecordCard[] | undefined;
/** The preview card data of every published person and event, from the content check. */
let previews: PreviewFile[] | undefined;

/** Each page's last-modified date from the content check (for the sitemap), if there was one. */
export function checkedLastmods(): Map<string, string> | undefined {
  return lastmods;
}

/** The cards and previews of the published records, read from the content folder: for builds without the content check (tests only). */
function published(contentDir: string): { cards: RecordCard[]; previews: PreviewFile[] } {
  const { stories, people, events } = withoutDrafts(loadContent(contentDir).content);
  return { cards: recordCards(stories, people, events), previews: previewFiles(people, events) };
}

/** At most this many warnings are printed one by one; `npm run check` lists them all. */
const WARNINGS_SHOWN = 20;

export default function backstory(options: BackstoryOptions): AstroIntegration {
  return {
    name: 'backstory',
    hooks: {
      /**
       * Checks everything, and renders every body on the way (each body is
       * parsed once, for its mentions and its HTML); the pages then look the
       * HTML up by digest instead of rendering again.
       */
      'astro:config:setup': async ({ command, config, logger }) => {
        handOverSite(undefined, '');
        if (settingProblems.length > 0) {
          for (const problem of settingProblems) logger.error(problem);
          logger.error(`nothing was ${command === 'build' ? 'built' : 'started'}: fix the setting${settingProblems.length === 1 ? '' : 's'} above`);
          process.exit(1);
        }
        if (command !== 'build' || options.precheck === false) return;
        const started = performance.now();
        const { cacheDir } = options;
        // Social images are drawn on the other cores from here on, while this thread checks, renders and writes pages.
        const onLoaded = (content: ContentSet) => {
          cards = recordCards(content.stories, content.people, content.events);
          for (const warning of markMissingScripts(cards)) logger.warn(warning);
          previews = previewFiles(content.people, content.events);
          if (!cacheDir) return;
          const drawing = startDrawing({ cards, cacheDir, workerUrl: new URL('src/integrations/social-image-worker.ts', config.root), logger });
          stopDrawing = drawing.stop;
          if (drawing.jobs > 0) logger.info(`drawing ${drawing.jobs} social images in the background`);
        };
        // File paths as Astro's collections give them, relative to the project: the pages show them (`EditLink`).
        const projectRoot = fileURLToPath(config.root);
        const result = checkContent(options.contentDir, { base: config.base, drafts: false, renderer, cacheDir, onLoaded, projectRoot, publicDir: fileURLToPath(config.publicDir) });
        if (result.errors.length > 0) {
          await stopDrawing?.();
          // The editor's problems, each with its file and line, and nothing else: thrown, they
          // would come framed as a crash ("an unhandled error occurred", a stack trace).
          for (const error of result.errors) logger.error(formatIssue(error));
          if (result.deferred) logger.info(result.deferred);
          const count = result.errors.length === 1 ? 'a problem' : `${result.errors.length} problems`;
          logger.error(`nothing was built: the content has ${count} to fix (listed above; \`npm run check\` lists them again without building)`);
          // Straight after start-up V8 is still compiling on background threads, and when one
          // of them waits for a garbage collection, exit waits for it forever (1 in 7 failing
          // builds hung here). A turn of the event loop lets the main thread collect first.
          await new Promise((next) => setTimeout(next, 100));
          process.exit(1);
        }
        lastmods = pageLastmods(result.site!.graph);
        // The pages render from this site: it is the only one the build assembles.
        handOverSite(result.site, config.base);
        // What `npm run build` checks the finished output against.
        writeRecordPages(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir), recordPages(result.content));
        for (const warning of result.warnings.slice(0, WARNINGS_SHOWN)) logger.warn(formatIssue(warning));
        if (result.warnings.length > WARNINGS_SHOWN) logger.warn(`… and ${result.warnings.length - WARNINGS_SHOWN} more warnings: run \`npm run check\` to see them all`);
        const { stories, people, events } = result.content;
        logger.info(`content checked and rendered: ${stories.length} stories, ${people.length} people, ${events.length} events in ${Math.round(performance.now() - started)} ms (${formatCheckTimes(result.times)})`);
      },
      /**
       * The preview card data, and last the social images (see `social-image-files.ts`):
       * the workers have had the whole build to draw them.
       */
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const taken = checkedSiteTaken();
          if (taken) logger.info('pages rendered from the records the content check assembled');
          // Every page imports the site (the layout does), so this is a page that lost that import.
          else if (taken === false) logger.warn('no page took the records the content check assembled');
          const out = fileURLToPath(dir);
          const fallback = cards && previews ? undefined : published(options.contentDir);
          let started = performance.now();
          const previewCount = await writePreviews(out, previews ?? fallback!.previews, options.cacheDir);
          logger.info(`${previewCount} previews in place in ${Math.round(performance.now() - started)} ms`);
          started = performance.now();
          const written = await writeSocialImages(out, cards ?? fallback!.cards, options.cacheDir);
          logger.info(`${written} social images in place in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await stopDrawing?.();
          stopDrawing = undefined;
          handOverSite(undefined, '');
          cards = undefined;
          previews = undefined;
        }
      },
      /**
       * In dev, a change to any content file can change how every body links:
       * a person's new alias turns words in other stories into links. So every
       * module is thrown away (the site data is assembled again, links and
       * all), and the open pages reload.
       */
      'astro:server:setup': ({ server, logger }) => {
        const onChange = (path: string) => {
          if (!path.startsWith(options.contentDir) || !path.endsWith('.md')) return;
          for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
          server.ws.send({ type: 'full-reload' });
          logger.info(`content changed: ${path.slice(options.contentDir.length + 1)}; links rebuilt`);
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
}
