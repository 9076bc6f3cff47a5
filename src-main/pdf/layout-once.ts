/**
 * A document laid out with each page that needs no cut laid out once (issue 22).
 *
 * react-pdf lays a wrapping <Page> out at the height of its content, then paginates it: it cuts
 * the page's children at the page's foot and lays out again — styles, inheritance, a new yoga
 * tree — every page it cuts, the one page a <Page> becomes when nothing needs cutting included.
 * The task book prints its long table as page-sized <Page>s (taskbook-document.tsx), so that
 * second layout found nothing to cut on all but one or two of them, and cost a fifth of a
 * 76-page book's CPU time. Here each page is laid out as react-pdf's first pass lays it out
 * (`wrap={false}`: react-pdf leaves such a page as it is, at its content's height); a page
 * whose children react-pdf would not cut, and whose children's places do not depend on the
 * page's height, takes the page's own height, as react-pdf's second layout gives it; any other
 * page is laid out again whole by react-pdf, as before. The PDF is the one react-pdf prints,
 * byte for byte (page-numbers.test.ts: against react-pdf's own render).
 */
import layoutDocument, {
  type DocumentNode,
  type SafeDocumentNode,
  type SafePageNode,
} from '@react-pdf/layout';
import type { Font } from '@react-pdf/renderer';

/** react-pdf's layout, with the font store its own render passes (its types omit the argument). */
const layout: (doc: DocumentNode, fonts: typeof Font) => Promise<SafeDocumentNode> = layoutDocument;

/** Does any node of the tree have one of `props` (a page number's render prop, a bookmark)? */
function hasProp(node: unknown, props: readonly string[]): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if ('props' in node && typeof node.props === 'object' && node.props !== null) {
    const own = node.props;
    if (props.some((name) => name in own)) return true;
  }
  return (
    'children' in node &&
    Array.isArray(node.children) &&
    node.children.some((child) => hasProp(child, props))
  );
}

/**
 * Would react-pdf's pagination leave this page (laid out at its content's height) whole? Its
 * `splitNodes` at the page's foot, stricter: every child that is not `fixed` ends, with its
 * bottom margin and `minPresenceAhead`, above the wrap area (the page's height less its bottom
 * padding) and asks for no break.
 */
function keptWhole(page: SafePageNode): boolean {
  const height = page.style.height;
  if (typeof height !== 'number' || !page.box) return false;
  // react-pdf's getPadding once the yoga node is gone: the box's padding, else the style's.
  const paddingTop = page.box.paddingTop || page.style.paddingTop || 0;
  const paddingBottom = page.box.paddingBottom || page.style.paddingBottom || 0;
  if (typeof paddingTop !== 'number' || typeof paddingBottom !== 'number') return false;
  const wrapArea = height - paddingBottom;
  const contentArea = wrapArea - paddingTop;
  return (page.children ?? []).every((child) => {
    if (child.props?.fixed === true) return true;
    if (!child.box || 'break' in (child.props ?? {})) return false;
    const top = child.box.top || 0;
    const bottom = top + child.box.height;
    const presence = child.props?.minPresenceAhead ?? 0;
    return (
      top < wrapArea &&
      child.box.height <= contentArea &&
      bottom + (child.box.marginBottom ?? 0) + presence <= wrapArea
    );
  });
}

/**
 * Are the page's children placed the same on a page of any height (so the page laid out at its
 * content's height is the page at its own)? A column from the top, no child that grows, no child
 * placed from the page's foot or by a share (a percentage, `auto`) of its height.
 */
function placedFromTheTop(page: SafePageNode): boolean {
  const { flexDirection, justifyContent, flexWrap } = page.style;
  if (flexDirection !== undefined && flexDirection !== 'column') return false;
  if (justifyContent !== undefined && justifyContent !== 'flex-start') return false;
  if (flexWrap !== undefined && flexWrap !== 'nowrap') return false;
  return (page.children ?? []).every((child) => {
    const style = child.style;
    if (style.flexGrow) return false;
    if (style.position === 'absolute' && style.bottom !== undefined) return false;
    const vertical = [
      style.top,
      style.bottom,
      style.height,
      style.minHeight,
      style.maxHeight,
      style.marginTop,
      style.marginBottom,
    ];
    return vertical.every((value) => value === undefined || typeof value === 'number');
  });
}

/**
 * The document laid out as react-pdf lays it out, each page that needs no cut laid out once.
 * A document with page-number render props, bookmarks or react-pdf's newer pagination (a page
 * `layout`, `experimentalPagination`) is laid out by react-pdf alone.
 */
export async function layoutOnce(
  root: DocumentNode,
  fonts: typeof Font,
): Promise<SafeDocumentNode> {
  const pages = root.children;
  if (
    hasProp(root, ['render', 'bookmark']) ||
    pages.some((page) => page.props.experimentalPagination || 'layout' in page.props)
  )
    return layout(root, fonts);
  const wraps = pages.map((page) => page.props.wrap !== false);
  const firstPass = await layout(
    {
      ...root,
      children: pages.map((page, i) =>
        wraps[i] ? { ...page, props: { ...page.props, wrap: false } } : page,
      ),
    },
    fonts,
  );
  if (firstPass.children.length !== pages.length) return layout(root, fonts);
  const children: SafePageNode[] = [];
  for (const [i, page] of firstPass.children.entries()) {
    const original = pages[i];
    const height = page.style.height;
    if (!wraps[i] || original === undefined) children.push(page);
    else if (page.box && typeof height === 'number' && keptWhole(page) && placedFromTheTop(page))
      // The height as react-pdf's second layout gives it: through yoga, which keeps a float.
      children.push({
        ...page,
        props: original.props,
        box: { ...page.box, height: Math.fround(height) },
      });
    else children.push(...(await layout({ ...root, children: [original] }, fonts)).children);
  }
  return { ...firstPass, children };
}
