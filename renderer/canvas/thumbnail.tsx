/** A page painted small (the overview and the pages panel): the same painter as the canvas. */
import { useEffect, useRef } from 'react';
import type { PageDisplayList } from '../../engine/display/types';
import type { PaintSources } from './paint';
import { paintPage } from './paint';

export function Thumbnail({ page, sources, width }: { page: PageDisplayList; sources: PaintSources; width: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const height = Math.round((width * page.height) / page.width);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    const ctx = c.getContext('2d')!;
    const k = (width * dpr) / page.width;
    ctx.setTransform(k, 0, 0, k, 0, 0);
    paintPage(ctx, page, sources);
  }, [page, sources, width, height]);
  return <canvas ref={ref} className="thumb-canvas" width={width} height={height} data-testid="thumbnail" />;
}
