import type { Plugin } from 'vite';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The app's frame (`Shell.tsx`: the sidebar's brand, the top bar, an empty content area) written
 * into the HTML's `#root` as plain markup, with the title and subtitle of the string tables: the
 * page paints it, with the system's CJK font, while the scripts are fetched and compiled, so the
 * font's first use is paid then rather than between main's answer and the form (issue 22). React
 * replaces it with the same frame on its first render. Text only: no script, nothing the CSP
 * (`script-src 'self'`, `style-src 'self'`) would have to allow.
 */
export function firstFrame(text: { title: string; subtitle: string }): Plugin {
  const frame =
    '<div class="shell"><nav class="sidebar"><div class="brand">' +
    '<img class="brand-icon" src="./icon.svg" alt="" width="28" height="28" /><div>' +
    `<div class="brand-title">${escapeHtml(text.title)}</div>` +
    `<div class="brand-subtitle">${escapeHtml(text.subtitle)}</div>` +
    '</div></div></nav><div class="main"><header class="topbar"><span class="spacer"></span>' +
    '</header><main class="content"></main></div></div>';
  return {
    name: 'jiebang-first-frame',
    transformIndexHtml(html) {
      const root = '<div id="root"></div>';
      if (!html.includes(root)) throw new Error('index.html has no empty #root for the frame');
      return html.replace(root, `<div id="root">${frame}</div>`);
    },
  };
}
