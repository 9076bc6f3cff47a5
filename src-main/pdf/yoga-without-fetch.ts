/**
 * The first layout of a thread without node's `fetch` (issue 22).
 *
 * yoga, react-pdf's layout engine, is loaded by the first layout in a thread. Its Emscripten
 * loader reads its own WebAssembly — inlined as a base64 `data:` URL — through the global `fetch`
 * when there is one, and node's `fetch` loads undici to answer it (≈ 4 % of a cold
 * `jiebang render-taskbook`'s CPU profile). With no global `fetch`, the loader decodes the same
 * bytes itself. So until a render has finished (and yoga is loaded), renders run with the global
 * `fetch` hidden, then it is put back as it was. Nothing a document draws is fetched: images are
 * bytes or `data:` URLs (an offline app).
 */
let laidOut = false;
/** Renders in flight with `fetch` hidden, and what the property was before. */
let hidden: { renders: number; property: PropertyDescriptor } | null = null;

export async function withoutFetchUntilLaidOut<T>(render: () => Promise<T>): Promise<T> {
  if (laidOut) return render();
  if (!hidden) {
    const property = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    if (!property?.configurable) return render();
    Object.defineProperty(globalThis, 'fetch', {
      value: undefined,
      configurable: true,
      writable: true,
    });
    hidden = { renders: 0, property };
  }
  const current = hidden;
  current.renders += 1;
  try {
    return await render();
  } finally {
    laidOut = true;
    current.renders -= 1;
    if (current.renders === 0) {
      Object.defineProperty(globalThis, 'fetch', current.property);
      hidden = null;
    }
  }
}
