import { parse } from 'parse5';

/** An element of a page as parse5 reads it, reduced to what the tests look at. */
export interface PageElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** Its text content, white space as written. */
  readonly text: string;
}

interface Parse5Node {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly value?: string;
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly childNodes?: readonly Parse5Node[];
  readonly content?: Parse5Node;
}

/** Every element of an HTML document in document order, read by a real HTML parser (not a regular expression). */
export function parsePage(source: string): PageElement[] {
  const out: PageElement[] = [];
  const textOf = (node: Parse5Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''));
  const walk = (node: Parse5Node) => {
    if (node.tagName !== undefined) out.push({ tag: node.tagName, attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])), text: textOf(node) });
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(source) as unknown as Parse5Node);
  return out;
}

/** The addresses a page refers to: links, the stylesheet, the form's action. */
export function referencesOf(elements: readonly PageElement[]): string[] {
  return elements.flatMap((element) => [element.attrs['href'], element.attrs['src'], element.tag === 'form' ? element.attrs['action'] : undefined]).filter((value): value is string => value !== undefined);
}
