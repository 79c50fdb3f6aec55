/**
 * Explanations for the SDP basics (v= o= s= t= c= b= m= …) and for the
 * attributes that carry a single flag or value. Dense attributes with several
 * fields are in explain-dense.ts.
 */
import { field, malformed, ok, type Explanation } from './model.ts';
import type { SdpLine } from './tokenize.ts';

const SDP = 'RFC 8866';

export function explainBasicLine(line: SdpLine): Explanation {
  const parts = line.value.split(' ');
  switch (line.type) {
    case 'v':
      return line.value === '0'
        ? ok('SDP version. It is always 0.', `${SDP} §5.1`)
        : malformed('v=0 (SDP has only version 0)', `${SDP} §5.1`);
    case 'o': {
      if (parts.length !== 6) return malformed('o=<username> <session id> <version> IN IP4|IP6 <address>', `${SDP} §5.2`);
      return ok(
        'Origin of this description. The session id is random and stays the same for the whole call; the version goes up each time a new description from this side changes something. The address is a placeholder.',
        `${SDP} §5.2, RFC 8829 §5.2.1`,
        [
          field('username', parts[0], "'-' means no user name; browsers always write '-'."),
          field('session id', parts[1], 'A random number identifying this session; unchanged on renegotiation.'),
          field('session version', parts[2], 'Rises when a later description from this side differs from the previous one.'),
          field('network type', parts[3], 'IN = Internet.'),
          field('address type', parts[4], 'IP4 or IP6.'),
          field('address', parts[5], 'A placeholder (127.0.0.1); the real addresses are in the candidates.'),
        ],
      );
    }
    case 's':
      return ok("Session name. WebRTC does not use it and writes '-'.", `${SDP} §5.3`);
    case 't':
      return /^\d+ \d+$/.test(line.value)
        ? ok('Timing: start and stop time. 0 0 means the session is not bounded in time.', `${SDP} §5.9`, [
            field('start', parts[0], '0 = starts now.'),
            field('stop', parts[1], '0 = never ends on its own.'),
          ])
        : malformed('t=<start> <stop>', `${SDP} §5.9`);
    case 'c': {
      if (parts.length < 3) return malformed('c=IN IP4|IP6 <address>', `${SDP} §5.7`);
      return ok(
        'Connection address. With ICE it is ignored: the address ICE picked from the candidates is used instead (0.0.0.0 before any candidate is known).',
        `${SDP} §5.7, RFC 8839 §5.1`,
        [
          field('network type', parts[0], 'IN = Internet.'),
          field('address type', parts[1], 'IP4 or IP6.'),
          field('address', parts[2], 'The default candidate address, or 0.0.0.0.'),
        ],
      );
    }
    case 'b': {
      const match = /^([A-Za-z-]+):(\d+)$/.exec(line.value);
      if (!match) return malformed('b=<AS|TIAS|CT>:<bandwidth>', `${SDP} §5.8`);
      const unit = match[1] === 'TIAS' ? 'bits per second' : 'kilobits per second';
      return ok(`Bandwidth limit: at most ${match[2]} ${unit} for this ${line.section === 'session' ? 'session' : 'section'}.`, match[1] === 'TIAS' ? 'RFC 3890' : `${SDP} §5.8`, [
        field('modifier', match[1], 'AS = application-specific maximum (kbps), TIAS = transport-independent (bps), CT = conference total.'),
        field('bandwidth', match[2], unit),
      ]);
    }
    case 'm':
      return explainMLine(parts);
    case 'i':
      return ok('A free-text title for the session or section. WebRTC ignores it.', `${SDP} §5.4`);
    case 'u':
    case 'e':
    case 'p':
    case 'k':
    case 'r':
    case 'z':
      return {
        ...ok(`An SDP "${line.type}=" line (URI, e-mail, phone, key, repeat or time zone). Valid SDP, but not a line WebRTC uses.`, SDP),
        status: 'unknown',
      };
    default:
      if (line.text === '') return malformed('a line (SDP has no empty lines)', `${SDP} §5`);
      if (line.type === '') return malformed('<letter>=<value>; this line has no type letter', `${SDP} §5`);
      return { ...ok(`"${line.type}=" is not an SDP line type; not a line WebRTC uses.`, SDP), status: 'unknown' };
  }
}

function explainMLine(parts: string[]): Explanation {
  const [kind, port, proto, ...formats] = parts;
  if (!kind || port === undefined || !/^\d+(\/\d+)?$/.test(port) || !proto || formats.length === 0) {
    return malformed('m=<kind> <port> <protocol> <formats…>', `${SDP} §5.14`);
  }
  const rejected = Number.parseInt(port, 10) === 0;
  const isData = kind === 'application' && proto.includes('SCTP');
  const summary = isData
    ? 'A data-channel section: SCTP runs inside DTLS over the ICE connection; all data channels share it.'
    : `A ${kind} media section. The payload types that follow are the codecs offered, most preferred first.`;
  return ok(
    rejected ? `${summary} Port 0: this section is rejected or stopped, nothing flows.` : summary,
    isData ? `${SDP} §5.14, RFC 8841` : `${SDP} §5.14, RFC 8829 §5.2.1`,
    [
      field('kind', kind, 'audio, video or application (data channels).'),
      field(
        'port',
        port,
        rejected
          ? '0 = rejected (in an answer) or stopped (a transceiver was stopped).'
          : 'A placeholder (9 = "discard") or the default candidate port; ICE chooses the real one.',
      ),
      field(
        'protocol',
        proto,
        isData
          ? 'UDP/DTLS/SCTP: SCTP over DTLS over UDP (RFC 8841).'
          : 'UDP/TLS/RTP/SAVPF: secure RTP (keys from DTLS) with RTCP feedback (RFC 5764, 4585).',
      ),
      field(
        'formats',
        formats.join(' '),
        isData ? 'webrtc-datachannel: the data-channel protocol.' : 'RTP payload types, most preferred first; each has an a=rtpmap line below.',
      ),
    ],
  );
}

type Simple = (value: string | null, line: SdpLine) => Explanation;

const direction = (words: string): Simple => () =>
  ok(`Direction: ${words}. In an answer it is the direction both sides agreed on.`, 'RFC 8866 §6.7, RFC 3264 §6.1');

const flag = (summary: string, rfc: string | null): Simple => (value) =>
  value === null ? ok(summary, rfc) : ok(`${summary} (unexpected value "${value}" ignored)`, rfc);

const valued = (summary: (value: string) => string, rfc: string | null, expected: string, pattern = /^\S+$/): Simple =>
  (value) => (value !== null && pattern.test(value) ? ok(summary(value), rfc) : malformed(expected, rfc));

/** Attributes with one flag or one value; the key is the attribute name. */
export const SIMPLE_ATTRIBUTES: Record<string, Simple> = {
  sendrecv: direction('this side sends and receives media'),
  sendonly: direction('this side only sends'),
  recvonly: direction('this side only receives'),
  inactive: direction('no media flows either way'),
  mid: valued((v) => `The id of this section ("${v}"). Groups, candidates (sdpMid) and the RTP mid header extension refer to it.`, 'RFC 5888 §4, RFC 9143', 'a=mid:<id>'),
  'ice-ufrag': valued(
    () => 'ICE username fragment: with the password it authenticates connectivity checks. A new value means an ICE restart.',
    'RFC 8839 §5.4',
    'a=ice-ufrag:<4 to 256 characters>',
    /^\S{4,256}$/,
  ),
  'ice-pwd': valued(
    () => 'ICE password that signs connectivity checks (STUN message integrity). Changes on ICE restart.',
    'RFC 8839 §5.4',
    'a=ice-pwd:<22 to 256 characters>',
    /^\S{22,256}$/,
  ),
  'ice-lite': flag('This peer is ICE-lite: it only answers connectivity checks and never starts them (typical of servers).', 'RFC 8839 §5.3'),
  'ice-options': valued(
    (v) => `ICE options: ${v}. "trickle" means candidates may arrive after the description, one by one.`,
    'RFC 8839 §5.6, RFC 8840',
    'a=ice-options:<option> …',
    /^\S+( \S+)*$/,
  ),
  'end-of-candidates': flag('Gathering finished: no more candidates will come for this section.', 'RFC 8840 §8.2'),
  'rtcp-mux': flag('RTP and RTCP share one port (always so in WebRTC).', 'RFC 5761, RFC 8858'),
  'rtcp-mux-only': flag('RTP and RTCP must share one port; no separate RTCP port is offered.', 'RFC 8858'),
  'rtcp-rsize': flag('Reduced-size RTCP packets (feedback without the full report) are allowed.', 'RFC 5506'),
  'extmap-allow-mixed': flag('One-byte and two-byte RTP header extensions may be mixed in one packet.', 'RFC 8285 §6'),
  'bundle-only': flag('This section is used only if BUNDLE is accepted (it has port 0 until then).', 'RFC 9143 §6'),
  'sctp-port': valued((v) => `The SCTP port inside the DTLS connection (${v}); both sides usually use 5000.`, 'RFC 8841 §5', 'a=sctp-port:<port>', /^\d+$/),
  'max-message-size': valued(
    (v) => `The largest data-channel message this side accepts: ${v} bytes${v === '0' ? ' (0 = no limit)' : ''}.`,
    'RFC 8841 §6',
    'a=max-message-size:<bytes>',
    /^\d+$/,
  ),
  sctpmap: valued(
    () => 'The pre-standard data-channel syntax of old browsers (port, protocol, streams). Modern WebRTC uses a=sctp-port.',
    'draft-ietf-mmusic-sctp-sdp-05',
    'a=sctpmap:<port> webrtc-datachannel <streams>',
    /^\d+ \S+( \d+)?$/,
  ),
  ptime: valued((v) => `Preferred packet duration: ${v} ms of audio per packet.`, 'RFC 4566 §6', 'a=ptime:<ms>', /^\d+(\.\d+)?$/),
  maxptime: valued((v) => `Longest packet duration accepted: ${v} ms of audio per packet.`, 'RFC 4566 §6', 'a=maxptime:<ms>', /^\d+(\.\d+)?$/),
  framerate: valued((v) => `Maximum video frame rate: ${v} frames per second.`, 'RFC 8866 §6.4', 'a=framerate:<fps>', /^\d+(\.\d+)?$/),
  'rtcp-xr': valued(
    () => 'Extended RTCP reports requested; rcvr-rtt lets a receiver-only side measure round-trip time too.',
    'RFC 3611 §5.1',
    'a=rtcp-xr:<report>',
    /^.+$/,
  ),
  'x-google-flag': valued(
    (v) => `A Chromium-only flag (${v}); "conference" turns on legacy screen-share simulcast.`,
    null,
    'a=x-google-flag:<flag>',
  ),
  identity: valued(() => 'An identity assertion binding the DTLS fingerprint to a user (rarely used).', 'RFC 8827 §5.6', 'a=identity:<assertion>', /^.+$/),
  crypto: valued(
    () => 'SDES keys for SRTP, sent in the clear. WebRTC forbids it and uses DTLS-SRTP (a=fingerprint) instead.',
    'RFC 4568; forbidden by RFC 8827 §6.5',
    'a=crypto:<tag> <suite> <key>',
    /^.+$/,
  ),
  label: valued((v) => `A label for the section (${v}); legacy, WebRTC ignores it.`, 'RFC 4574', 'a=label:<text>', /^.+$/),
  'msid-semantic': valued(
    (v) => `Legacy line naming the media streams this side sends (WMS = WebRTC Media Streams)${v.trim() === 'WMS' ? '; none here' : ''}. Modern endpoints read a=msid in each section instead.`,
    'draft-ietf-mmusic-msid-05 (superseded by RFC 8830)',
    'a=msid-semantic: WMS <stream ids>',
    /^\s*\S+.*$/,
  ),
};
