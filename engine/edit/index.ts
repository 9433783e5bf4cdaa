/**
 * Pure editing operations on a (draft) issue document: plain mutating functions, wrapped in
 * immer by the renderer's history. Bad arguments throw EditError and are meant to be caught
 * by the caller before the change is recorded (a throwing recipe leaves no step).
 */
export { EditError } from './errors';
export { counterIds, freshId, type IdKind, type NewId } from './ids';
export { frameOf, storyOf, storyOfFrame, framesOf } from './find';
export * from './geometry';
export * from './frames';
export * from './arrange';
export * from './snap';
export * from './clipboard';
export * from './thread';
export * from './text';
export * from './styles';
export * from './images';
export * from './articles';
export * from './copyfit';
