import sharp from 'sharp';
import type { DemoMotif } from './demo-catalog.types.ts';

/** Simple shapes, one per kind of product, drawn in the accent colour on a 600×600 canvas. */
const motifs: Record<DemoMotif, string> = {
  vase: '<path d="M250 140h100v40c0 30 70 70 70 170 0 90-50 130-120 130s-120-40-120-130c0-100 70-140 70-170z"/>',
  plate: '<circle cx="300" cy="320" r="170"/><circle cx="300" cy="320" r="110" fill-opacity="0.5"/>',
  tile: '<rect x="160" y="180" width="280" height="280" rx="12"/><path d="M300 200l120 120-120 120-120-120z" fill-opacity="0.5"/>',
  shawl: '<path d="M130 170h340l-60 300h-220z"/><path d="M170 470l-20 60M210 470l-10 60M390 470l10 60M430 470l20 60" stroke-width="10"/>',
  ball: '<circle cx="300" cy="320" r="170"/><path d="M300 230l80 55-30 95h-100l-30-95z" fill-opacity="0.45"/>',
  glove: '<path d="M220 480v-180c0-30 20-40 35-40v-90c0-30 40-30 40 0v70-100c0-30 40-30 40 0v100-80c0-30 40-30 40 0v180c30-30 60-20 60 10-20 60-60 120-100 130v0h-155z"/>',
  sandal: '<path d="M200 150c60-20 140-10 160 60 30 110 20 230-20 280-40 40-120 30-140-30-30-90-50-270 0-310z"/><path d="M210 260h150" stroke-width="24"/>',
  lamp: '<path d="M300 140c90 0 130 120 130 220s-60 130-130 130-130-30-130-130 40-220 130-220z"/><rect x="230" y="480" width="140" height="30" rx="8"/>',
  jar: '<rect x="200" y="220" width="200" height="260" rx="40"/><rect x="220" y="170" width="160" height="50" rx="10" fill-opacity="0.6"/>',
  bottle: '<path d="M270 130h60v80c50 30 70 70 70 120v150c0 20-20 30-40 30h-120c-20 0-40-10-40-30v-150c0-50 20-90 70-120z"/>',
  bag: '<path d="M180 230h240l30 260h-300z"/><path d="M240 230c0-80 120-80 120 0" fill="none" stroke-width="20"/>',
  bar: '<rect x="170" y="200" width="260" height="240" rx="16"/><path d="M170 280h260M170 360h260M257 200v240M343 200v240" stroke-width="8" stroke-opacity="0.5"/>',
  bean: '<ellipse cx="300" cy="320" rx="120" ry="170"/><path d="M300 160c-40 80 40 180 0 320" fill="none" stroke-width="16" stroke-opacity="0.5"/>',
  pod: '<path d="M150 470c100-120 180-260 300-330-40 140-140 290-300 330z"/><path d="M190 440c80-80 150-180 230-260" stroke-width="8" stroke-opacity="0.5"/>',
  pearl: '<circle cx="300" cy="330" r="130"/><circle cx="255" cy="285" r="35" fill="#ffffff" fill-opacity="0.45"/>',
  cloth: '<rect x="150" y="170" width="300" height="300"/><path d="M150 245h300M150 320h300M150 395h300M225 170v300M300 170v300M375 170v300" stroke-width="6" stroke-opacity="0.55"/>',
  bowl: '<path d="M140 300h320c0 110-70 180-160 180s-160-70-160-180z"/><ellipse cx="300" cy="300" rx="160" ry="30" fill-opacity="0.5"/>',
  box: '<path d="M180 260l120-60 120 60v160l-120 60-120-60z"/><path d="M180 260l120 60 120-60M300 320v160" fill="none" stroke-width="8" stroke-opacity="0.5"/>',
  leaf: '<path d="M300 130c140 80 160 260 0 360-160-100-140-280 0-360z"/><path d="M300 150v330" stroke-width="8" stroke-opacity="0.5"/>',
  drop: '<path d="M300 130c80 120 140 190 140 260a140 140 0 0 1-280 0c0-70 60-140 140-260z"/>',
};

const escape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A product picture for the demo: a gradient, the product's motif and its English name. Drawn as
 * SVG and rendered by sharp, so each product gets its own picture without shipping image files.
 */
export function drawDemoPicture(options: { background: string; accent: string; motif: DemoMotif; caption: string }): Promise<Buffer> {
  const words = options.caption.split(/\s+/);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= 26) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const caption = lines
    .slice(0, 2)
    .map((line, i) => `<text x="300" y="${548 + i * 30}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="24" fill="#ffffff" fill-opacity="0.92">${escape(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${options.background}"/><stop offset="1" stop-color="${options.accent}" stop-opacity="0.55"/></linearGradient></defs>
    <rect width="600" height="600" fill="${options.background}"/><rect width="600" height="600" fill="url(#g)"/>
    <g fill="${options.accent}" stroke="${options.accent}" stroke-linecap="round">${motifs[options.motif]}</g>
    <rect y="515" width="600" height="85" fill="#000000" fill-opacity="0.28"/>${caption}
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
