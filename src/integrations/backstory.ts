/**
 * The Backstory integration: checks all content before Astro builds anything,
 * and sets up the Markdown pipeline with the project's plugins.
 *
 * Astro on its own only logs a broken reference or a failing Markdown plugin
 * and ships the page empty. Running the full content check first turns every
 * such problem into a failed build that names file, line and field.
 */
import type { AstroIntegration } from 'astro';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkSmartypants from 'remark-smartypants';
import type { Plugin } from 'unified';
import type { Root } from 'mdast';
import rehypeSlug from 'rehype-slug';
import { loadContent } from '../lib/load.ts';
import { buildIndex } from '../lib/site.ts';
import { checkContent } from '../lib/check.ts';
import { withoutDrafts } from '../lib/drafts.ts';
import { ContentError, formatIssue } from '../lib/errors.ts';
import type { LinkIndex } from '../lib/resolve.ts';
import remarkMentions from '../markdown/remark-mentions.ts';
import rehypeEditorNotes from '../markdown/rehype-editor-notes.ts';
import rehypeExternalLinks from '../markdown/rehype-external-links.ts';
import { sanitizeSchema } from '../markdown/sanitize-schema.ts';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';

export interface BackstoryOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /**
   * Check all content before building (default). Turned off only by tests
   * that prove the build still fails when Astro itself meets the problem.
   */
  precheck?: boolean;
}

// remark-smartypants is typed for any unist tree; Astro's list wants an mdast plugin.
const curlQuotes = remarkSmartypants as Plugin<[], Root>;

export default function backstory(options: BackstoryOptions): AstroIntegration {
  let index: LinkIndex | undefined;
  let reloadIndex: (() => void) | undefined;
  return {
    name: 'backstory',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        // Drafts are published only by the dev server.
        const drafts = command === 'dev';
        if (command === 'build' && options.precheck !== false) {
          const started = performance.now();
          const result = checkContent(options.contentDir, { base: config.base, drafts });
          if (result.errors.length > 0) throw new ContentError(result.errors);
          index = result.site!.index;
          for (const warning of result.warnings) logger.warn(formatIssue(warning));
          const { stories, people, events } = result.content;
          logger.info(`content checked: ${stories.length} stories, ${people.length} people, ${events.length} events in ${Math.round(performance.now() - started)} ms`);
        } else {
          // Report problems but keep going; in dev, pages show the error overlay.
          reloadIndex = () => {
            const { content, issues } = loadContent(options.contentDir);
            for (const issue of issues) logger.error(formatIssue(issue));
            index = buildIndex(drafts ? content : withoutDrafts(content));
          };
          reloadIndex();
        }
        updateConfig({
          markdown: {
            processor: unified({
              // GFM and typographic quotes are added by hand so that quotes are curled
              // after `[[…]]` has become a link (Astro would run them first).
              gfm: false,
              smartypants: false,
              remarkPlugins: [remarkGfm, [remarkMentions, { index: () => index!, base: config.base, contentDir: options.contentDir }], curlQuotes],
              remarkRehype: { footnoteLabel: "Editor's notes", footnoteBackLabel: 'Back to the passage' },
              // Raw HTML is parsed first so that the sanitizer sees it (Astro would parse it last).
              rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema], rehypeSlug, rehypeEditorNotes, rehypeExternalLinks],
            }),
          },
        });
      },
      /**
       * In dev, a change to any content file can change how every body links:
       * a person's new alias turns words in other stories into links. So the
       * link index is rebuilt and every rendered module thrown away, and the
       * open pages reload.
       */
      'astro:server:setup': ({ server, logger }) => {
        const onChange = (path: string) => {
          if (!path.startsWith(options.contentDir) || !path.endsWith('.md')) return;
          reloadIndex?.();
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
