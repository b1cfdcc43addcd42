import { fontHref, type TFontFace } from "@/lib/fonts";

/**
 * `<link rel="preload">` for one face of Fira Sans; React puts it into the head wherever it is rendered.
 * With font-display: optional, a face that the browser finds only in the stylesheet arrives too late on
 * a slow phone, and the text stays in the fallback font; on a fast connection the first paint waits up to
 * 100 ms for it. So every face that a page's first screen uses is preloaded: two by the layout, Medium
 * by the pages whose first screen has it.
 */
export function FontPreload({ face }: { face: TFontFace }) {
  return <link rel="preload" href={fontHref(face)} as="font" type="font/woff2" crossOrigin="anonymous" />;
}
