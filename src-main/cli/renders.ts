/**
 * The commands that render a PDF (react-pdf, src-main/pdf), by name (each is
 * `src-main/cli/<name>.ts`; `package sign` prints the bureau's notice). The built
 * `jiebang` runs every other command from its CommonJS build with V8's code cache
 * (./launch.ts, issue 22), and these from the ES-module build: react-pdf's packages are ES modules
 * only, and required from CommonJS their default exports came back as the whole namespace
 * ("_react_pdf_font.default is not a constructor"). The CommonJS build leaves them out
 * (vite.cli.config.ts); a command that starts to render must be listed here.
 */
export const RENDERING_COMMANDS: readonly string[] = ['package', 'render-taskbook', 'print'];
