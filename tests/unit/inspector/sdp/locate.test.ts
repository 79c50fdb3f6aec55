import { describe, expect, it } from 'vitest';
import { locateSdpError } from '../../../../site/src/inspector/sdp/locate.ts';
import { chromiumErrors, sharedSdp } from './fixtures.ts';

describe('locateSdpError', () => {
  const cases = chromiumErrors();
  it('has real Chromium messages to work on', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });
  for (const c of cases) {
    it(`finds the munged line: ${c.name}`, () => {
      expect(locateSdpError(c.message, c.sdp)).toBe(c.line);
    });
  }

  it('answers null when the message names nothing in the description', () => {
    const sdp = sharedSdp('audio-video-1-pc1-offer');
    expect(locateSdpError("Failed to execute 'setRemoteDescription' on 'RTCPeerConnection': Called in wrong state: stable", sdp)).toBeNull();
    expect(locateSdpError('', sdp)).toBeNull();
    expect(locateSdpError('anything', '')).toBeNull();
  });

  it('points at the m= line of a section named by mid when no attribute is named', () => {
    const sdp = sharedSdp('audio-video-1-pc1-offer');
    const mLine = sdp.split('\r\n').findIndex((l) => l.startsWith('m=video')) + 1;
    expect(locateSdpError("Failed to set remote video description send parameters for m-section with mid='1'.", sdp)).toBe(mLine);
  });
});
