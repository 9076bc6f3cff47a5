// A Node module hook (registered with `module.register`) that resolves `electron` to the stand-in
// module, so the built main (out/main/index.js) loads under plain Node. Everything else resolves
// as usual.
const standIn = new URL('./electron-module.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main')
    return { url: standIn, shortCircuit: true };
  return nextResolve(specifier, context);
}
