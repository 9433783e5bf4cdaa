/** The properties panel's document changes: each is one history step on the selected frame. */
import { setFrameProps, setImageFit, zoomImage, type FrameProps } from '../../../engine/edit';
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
