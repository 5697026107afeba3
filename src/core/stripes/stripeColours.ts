/**
 * Concrete colours for the coding stripes: one per code, within its theme's hue. A
 * stripe is drawn as an image, which cannot use the editor's themable colours, so the
 * palette's defaults (package.json `contributes.colors`, light variants) are the base
 * and each code of a theme gets its own lightness of that hue.
 */
import type { ThemeColour } from '../codeColours';

/** The themable palette's default colours, `qualsynth.theme1Background` … `theme8Background`. */
export const PALETTE_HEX = ['#e63946', '#1d7ed6', '#2a9d8f', '#9b5de5', '#f4a261', '#8ab17d', '#e76f51', '#264653'] as const;
/** Codes defined nowhere: grey. */
export const UNCATEGORISED_HEX = '#8c8c8c';

/** Lightness steps (percentage points) given to the codes of one colour, in codebook order. */
const SHADES = [0, 14, -14, 26, -24, 36, 8, -8];

/**
 * One colour per code: `colours` gives each defined code's theme colour, `codes` the
 * order codes are shaded in (codebook order, undefined codes after); codes of the same
 * theme colour get successive shades of its hue, undefined codes shades of grey.
 */
export function stripeColours(codes: readonly string[], colours: ReadonlyMap<string, ThemeColour>): Map<string, string> {
  const seen = new Map<string, number>();
  const result = new Map<string, string>();
  for (const code of codes) {
    const colour = colours.get(code);
    const base = colour === undefined ? UNCATEGORISED_HEX : typeof colour === 'number' ? PALETTE_HEX[colour % PALETTE_HEX.length] : colour;
    const key = String(colour ?? 'none');
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    result.set(code, shade(base, SHADES[rank % SHADES.length]));
  }
  return result;
}

/** `#rrggbb` lighter or darker by `points` of HSL lightness; other CSS colours unchanged. */
export function shade(colour: string, points: number): string {
  const rgb = parseHex(colour);
  if (!rgb) return colour;
  const [h, s, l] = toHsl(rgb);
  return toHex(fromHsl(h, s, Math.min(78, Math.max(22, l + points))));
}

function parseHex(colour: string): [number, number, number] | undefined {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
  if (short) return [short[1], short[2], short[3]].map((digit) => parseInt(digit + digit, 16)) as [number, number, number];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/i.exec(colour);
  return long ? ([long[1], long[2], long[3]].map((pair) => parseInt(pair, 16)) as [number, number, number]) : undefined;
}

function toHsl([r, g, b]: [number, number, number]): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l * 100];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h * 60, s * 100, l * 100];
}

function fromHsl(h: number, s: number, l: number): [number, number, number] {
  const [sn, ln] = [s / 100, l / 100];
  const a = sn * Math.min(ln, 1 - ln);
  const channel = (n: number): number => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (ln - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

function toHex(rgb: [number, number, number]): string {
  return `#${rgb.map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}
