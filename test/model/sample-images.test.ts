/**
 * The sample's placeholder images: present, JPEG, small in bytes, at print resolution for
 * the size they are placed at, and generated deterministically.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadDocument, type ImageFrame } from '../../engine/model';
import { placeholderJpeg, planImages } from '../../scripts/make-sample-images';
import { readRepo, root, SAMPLE } from './helpers';

const doc = loadDocument(readRepo(SAMPLE), SAMPLE);
const images = doc.frames.filter((f): f is ImageFrame => f.kind === 'image');

describe('sample images', () => {
  it('the sample places three images', () => {
    expect(images.map((f) => f.src)).toEqual(['images/resort-rendering.jpg', 'images/rongmei-1.jpg', 'images/rongmei-2.jpg']);
  });

  it.each(images.map((f) => [f.src, f] as const))('%s is a JPEG under 400 KB at ≥ 200 ppi where it is placed', async (src, f) => {
    const file = path.join(root, 'samples/jinshan', src);
    expect(existsSync(file), `${file} exists`).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeLessThan(400 * 1024);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    // fit "fill": the image is scaled to cover the frame, so the smaller scale decides.
    const ppi = Math.min(meta.width / (f.width / 72), meta.height / (f.height / 72));
    expect(ppi).toBeGreaterThanOrEqual(200);
  });

  it('plans one image per image frame, captioned by its caption story', () => {
    const file = path.join(root, SAMPLE);
    const plan = planImages(readRepo(SAMPLE), file);
    expect(plan.map((p) => path.relative(root, p.file))).toEqual(images.map((f) => path.join('samples/jinshan', f.src)));
    expect(plan[0]!.spec.title).toBe('金山滨海国际文化旅游度假区效果图');
    expect(plan[0]!.spec.width).toBeGreaterThanOrEqual(Math.ceil((images[0]!.width / 72) * 200));
  });

  it('generates the same bytes every time', async () => {
    const spec = { width: 240, height: 160, title: '占位', note: 'test', seed: 'x' };
    const [a, b] = await Promise.all([placeholderJpeg(spec), placeholderJpeg(spec)]);
    expect(a.equals(b)).toBe(true);
    const other = await placeholderJpeg({ ...spec, seed: 'y' });
    expect(other.equals(a)).toBe(false);
  });
});
