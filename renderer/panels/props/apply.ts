/** The properties panel's document changes: each is one history step on the selected frame. */
import { frameOf, moveFrames, resizeFrame, setFrameProps, setImageFit, zoomImage, type FrameProps, type Rect } from '../../../engine/edit';
import { cropKeepingPicture } from '../../tools/image-content';
import type { ImageFrame, IssueDocument } from '../../../engine/model/types';
import type { History } from '../../history';

/** Sets frame properties (engine/edit's setFrameProps checks them; a refusal throws, nothing changes). */
export function setProps(history: History<IssueDocument>, frame: string, props: FrameProps): void {
  history.change((d) => setFrameProps(d, frame, props));
}

/** Sets how the picture is fitted (pan and zoom start over, as InDesign's fitting commands do). */
export function setFit(history: History<IssueDocument>, frame: string, fit: ImageFrame['fit']): void {
  history.change((d) => setImageFit(d, frame, fit));
}

/** Sets the picture's extra zoom (1 = as fitted). */
export function setZoom(history: History<IssueDocument>, frame: string, scale: number): void {
  history.change((d) => zoomImage(d, frame, scale));
}

/** Puts the picture back as its fit mode places it: no pan, no extra zoom. */
export function resetPanZoom(history: History<IssueDocument>, frame: string): void {
  history.change((d) => {
    const f = d.frames.find((x) => x.id === frame);
    if (f?.kind !== 'image') return;
    f.offsetX = 0;
    f.offsetY = 0;
    f.scale = 1;
  });
}

/**
 * Sets one of a frame's X, Y, W, H (a move or a resize). Resizing an image frame crops: its
 * picture keeps its place on the page, as with the handles (`picture`: where the layout put it).
 */
export function setGeometry(history: History<IssueDocument>, frame: string, key: 'x' | 'y' | 'width' | 'height', value: number, picture: Rect | null): void {
  history.change((d) => {
    const f = frameOf(d, frame);
    const rect = { x: f.x, y: f.y, width: f.width, height: f.height, [key]: value };
    if (key === 'x' || key === 'y') return void moveFrames(d, [frame], rect.x - f.x, rect.y - f.y);
    resizeFrame(d, frame, rect);
    const crop = f.kind === 'image' ? cropKeepingPicture(f, picture, rect) : null;
    if (crop) Object.assign(f, crop);
  });
}
