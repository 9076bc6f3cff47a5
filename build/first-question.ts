import type { Plugin } from 'vite';

/**
 * The renderer's second entry, `ask-first` (src-renderer/src/ask-first.ts: the gate's first
 * question), loaded by the HTML before the app as a module graph of its own, so it runs once its
 * own small file is compiled rather than after react-dom's (issue 22). Vite folds every module
 * script of an HTML file into one entry, so the built entry's script is added here, at the top
 * of the head. Build only: in development the bridge simply asks on its first call.
 */
export function firstQuestionScript(entryName: string): Plugin {
  return {
    name: 'jiebang-first-question',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const entry = Object.values(ctx.bundle ?? {}).find(
          (out) => out.type === 'chunk' && out.isEntry && out.name === entryName,
        );
        if (!entry) throw new Error(`the renderer's ${entryName} entry was not built`);
        if (entry.type !== 'chunk') return [];
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `./${entry.fileName}` },
            injectTo: 'head-prepend',
          },
          // What it imports (the module it shares with the app), requested right after it rather
          // than behind the app's own files.
          ...entry.imports.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head-prepend' as const,
          })),
        ];
      },
    },
  };
}
