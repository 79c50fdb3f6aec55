/** Stand-in for a browser object: bound functions print as native code, like the browser's own getters. */
export function fakeTrack(): object {
  class MediaStreamTrack {}
  const native = (value: unknown) => ({ get: (() => value).bind(null), configurable: true });
  Object.defineProperty(MediaStreamTrack.prototype, 'kind', native('audio'));
  Object.defineProperty(MediaStreamTrack.prototype, 'enabled', native(true));
  Object.defineProperty(MediaStreamTrack.prototype, 'onended', native(null));
  Object.defineProperty(MediaStreamTrack.prototype, 'stream', native({ id: 'x' }));
  return new MediaStreamTrack();
}
