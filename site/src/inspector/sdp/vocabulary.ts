/**
 * What codec names, fmtp parameters, feedback types and header-extension URIs
 * mean, in plain words. Unknown values get a neutral sentence, never nothing.
 */

const CODECS: Record<string, string> = {
  opus: 'the standard WebRTC audio codec (speech and music, 6–510 kbps).',
  red: 'redundant encoding: each packet also carries earlier frames, so a lost packet can be recovered.',
  g722: 'wideband speech codec (16 kHz audio, though the clock says 8000 for historical reasons).',
  pcmu: 'G.711 µ-law: uncompressed telephone audio (64 kbps).',
  pcma: 'G.711 A-law: uncompressed telephone audio (64 kbps).',
  cn: 'comfort noise: background-noise descriptions sent during silence.',
  'telephone-event': 'DTMF: keypad tones sent as events (RTCRtpSender.dtmf).',
  ilbc: 'iLBC: a narrowband speech codec.',
  isac: 'iSAC: an old adaptive speech codec.',
  vp8: 'VP8 video codec (mandatory in WebRTC).',
  vp9: 'VP9 video codec (better compression than VP8; supports scalable layers).',
  h264: 'H.264 video codec (mandatory in WebRTC; the fmtp line says which profile).',
  h265: 'H.265/HEVC video codec.',
  av1: 'AV1 video codec (best compression, more CPU).',
  rtx: 'retransmission: resends lost packets of another payload type (named by apt= in its fmtp line).',
  ulpfec: 'forward error correction (ULPFEC) for video: extra packets to rebuild lost ones.',
  'flexfec-03': 'flexible forward error correction.',
};

export function codecMeaning(name: string): string {
  return CODECS[name.toLowerCase()] ?? 'a codec this explainer does not know.';
}

const FMTP: Record<string, string> = {
  minptime: 'Shortest packet duration in ms.',
  useinbandfec: '1 = Opus puts redundancy for lost packets inside its own packets (in-band FEC).',
  usedtx: '1 = discontinuous transmission: send (almost) nothing during silence.',
  stereo: '1 = the receiver prefers stereo.',
  'sprop-stereo': '1 = the sender may send stereo.',
  maxaveragebitrate: 'Largest average bitrate the receiver wants, in bits per second.',
  maxplaybackrate: 'Highest audio sample rate the receiver can use.',
  cbr: '1 = constant bitrate.',
  apt: 'Associated payload type: the codec whose packets this RTX payload type resends (RFC 4588).',
  rtx_time: 'How long (ms) a sender keeps packets for retransmission.',
  'level-asymmetry-allowed': '1 = each side may send at a different H.264 level.',
  'packetization-mode': 'H.264 packetization: 0 = one NAL unit per packet, 1 = fragmented and aggregated units allowed.',
  'profile-level-id': 'H.264 profile and level in hex: 42e0 = constrained baseline, 4200 = baseline, 4d00 = main, 6400 = high; the last byte is the level (1f = 3.1).',
  'profile-id': 'VP9 profile: 0 = 8-bit 4:2:0, 2 = 10/12-bit.',
  profile: 'AV1 profile (0 = main).',
  'level-idx': 'AV1 level index (5 = level 3.1).',
  tier: 'AV1 tier (0 = main).',
  'max-fs': 'Largest frame size, in macroblocks.',
  'max-fr': 'Highest frame rate.',
  'x-google-min-bitrate': 'Chromium-only: lowest video bitrate in kbps.',
  'x-google-max-bitrate': 'Chromium-only: highest video bitrate in kbps.',
  'x-google-start-bitrate': 'Chromium-only: starting video bitrate in kbps.',
  'repair-window': 'How long (µs) FEC packets may repair media.',
};

export function fmtpParameterMeaning(name: string, value: string | undefined): string {
  if (value === undefined) {
    if (/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(name)) return 'Events supported (DTMF: 0–15 are the keypad tones).';
    if (/^\d+(\/\d+)+$/.test(name)) return 'RED: the payload types of the redundant blocks (e.g. opus inside RED).';
    return 'A codec parameter this explainer does not know.';
  }
  return FMTP[name] ?? 'A codec parameter this explainer does not know.';
}

export function feedbackMeaning(type: string, parameter: string): string {
  if (type === 'nack' && parameter === 'pli') return 'picture loss indication: the receiver asks for a new key frame after losing one.';
  if (type === 'nack' && parameter === 'sli') return 'slice loss indication (rarely used).';
  if (type === 'nack' && parameter === '') return 'negative acknowledgements: the receiver asks for lost packets to be resent.';
  if (type === 'ccm' && parameter === 'fir') return 'full intra request: the receiver asks for a key frame (e.g. a new participant joined).';
  if (type === 'transport-cc') return 'transport-wide congestion control: the receiver reports arrival times of every packet so the sender can adapt its bitrate.';
  if (type === 'goog-remb') return 'receiver estimated maximum bitrate (Chromium\'s older congestion control).';
  if (type === 'trr-int') return 'minimum interval between regular RTCP reports.';
  return `feedback "${[type, parameter].filter(Boolean).join(' ')}" this explainer does not know.`;
}

const EXTENSIONS: Record<string, string> = {
  'urn:ietf:params:rtp-hdrext:ssrc-audio-level': 'the audio level of each packet (RFC 6464), used to show who is speaking.',
  'urn:ietf:params:rtp-hdrext:csrc-audio-level': 'audio levels of mixed-in sources (RFC 6465).',
  'urn:ietf:params:rtp-hdrext:toffset': 'transmission time offset (RFC 5450).',
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time': 'absolute send time, for bandwidth estimation (REMB).',
  'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01': 'transport-wide sequence number, for transport-cc congestion control.',
  'urn:ietf:params:rtp-hdrext:sdes:mid': 'the mid of the section the packet belongs to, which is how BUNDLE sorts packets (RFC 9143).',
  'urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id': 'the rid of the simulcast layer the packet belongs to (RFC 8852).',
  'urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id': 'the rid a retransmission packet repairs (RFC 8852).',
  'urn:3gpp:video-orientation': 'the camera rotation, so the receiver can turn the picture (3GPP TS 26.114).',
  'http://www.webrtc.org/experiments/rtp-hdrext/playout-delay': 'limits on the receiver\'s playout delay (Chromium).',
  'http://www.webrtc.org/experiments/rtp-hdrext/video-content-type': 'marks screen content vs camera (Chromium).',
  'http://www.webrtc.org/experiments/rtp-hdrext/video-timing': 'timing of a frame through the sender, for stats (Chromium).',
  'http://www.webrtc.org/experiments/rtp-hdrext/color-space': 'the video colour space (Chromium).',
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time': 'when the media was captured, for end-to-end delay (Chromium).',
  'https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension': 'AV1 dependency descriptor: how frames depend on each other, for scalable video.',
  'http://www.webrtc.org/experiments/rtp-hdrext/video-layers-allocation00': 'the layers a sender is producing (Chromium).',
};

export function extensionMeaning(uri: string): string {
  return EXTENSIONS[uri] ?? 'a header extension this explainer does not know.';
}

/** A short name for a header extension URI (for tables and diffs). */
export function extensionName(uri: string): string {
  const tail = uri.split(/[:/#]/).filter(Boolean).pop() ?? uri;
  return tail;
}
