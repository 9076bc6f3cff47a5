/**
 * The commands that render a PDF (react-pdf, src-main/pdf), by name (each is
 * `src-main/cli/<name>.ts`; `package sign` prints the bureau's notice). The built `jiebang` runs
 * every other command from its CommonJS build (out/node/cli), which leaves the PDF stack out, and
 * these from the renders build (out/node/renders), which bundles react-pdf whole from its ES
 * modules — required from node_modules through CommonJS, react-pdf's default exports came back as
 * the whole namespace ("_react_pdf_font.default is not a constructor"); both with V8's code cache
 * (./launch-cjs.ts, vite.cli.config.ts, issue 22). A command that starts to render must be listed
 * here.
 */
export const RENDERING_COMMANDS: readonly string[] = ['package', 'render-taskbook', 'print'];
