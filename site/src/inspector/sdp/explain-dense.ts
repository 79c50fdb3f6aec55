/**
 * Field-by-field explanations of the dense attributes. The `sdp` package's
 * per-line parsers read the fields; they assume well-formed input (and throw
 * or return NaN otherwise), so each line is first checked against its grammar
 * and malformed lines are reported as such instead of being parsed.
 */
import SDPUtils from 'sdp';
import { field, malformed, ok, type Explanation, type Field } from './model.ts';
import { codecMeaning, extensionMeaning, feedbackMeaning, fmtpParameterMeaning } from './vocabulary.ts';
import type { SdpLine } from './tokenize.ts';

type Dense = (value: string, line: SdpLine) => Explanation;

const CANDIDATE = /^\S+ \d+ \S+ \d+ \S+ \d+ typ \S+( \S+ \S+)*$/;
const TYPE_MEANING: Record<string, string> = {
  host: 'an address of this machine (or an mDNS name hiding it)',
  srflx: 'this side\'s public address as a STUN server saw it (server reflexive)',
  prflx: 'an address learned from a connectivity check (peer reflexive)',
  relay: 'an address on a TURN server that relays the media',
};

/** RFC 8445 §5.1.2.1: priority = 2^24·type preference + 2^8·local preference + (256 − component). */
export function decodePriority(priority: number): { typePreference: number; localPreference: number; component: number } {
  return {
    typePreference: Math.floor(priority / 2 ** 24),
    localPreference: Math.floor(priority / 2 ** 8) % 2 ** 16,
    component: 256 - (priority % 256),
  };
}

function candidate(value: string): Explanation {
  const rfc = 'RFC 8839 §5.1';
  if (!CANDIDATE.test(value)) {
    return malformed('a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type> [<name> <value>]…', rfc);
  }
  const c = SDPUtils.parseCandidate(`candidate:${value}`) as unknown as Record<string, string | number | undefined>;
  const priority = Number(c['priority']);
  const decoded = decodePriority(priority);
  const address = String(c['address']);
  const type = String(c['type']);
  const fields: Field[] = [
    field('foundation', c['foundation'], 'Candidates with the same foundation come from the same base and server; ICE uses it to unfreeze similar pairs together.'),
    field('component', value.split(' ')[1], '1 = RTP (and everything else, since RTCP is muxed); 2 = a separate RTCP port.'),
    field('transport', c['protocol'], 'udp, or tcp (then tcptype says who opens the connection).'),
    field(
      'priority',
      priority,
      `RFC 8445 formula: type preference ${decoded.typePreference}, local preference ${decoded.localPreference}, component ${decoded.component}. Higher is tried first.`,
    ),
    field('address', address, addressMeaning(address)),
    field('port', c['port'], c['port'] === 9 && c['tcpType'] === 'active' ? 'Port 9: an active TCP candidate opens connections and listens on no port.' : 'The port to send to.'),
    field('typ', type, `Candidate type: ${TYPE_MEANING[type] ?? 'unknown type'}.`),
  ];
  const extras: Record<string, string> = {
    relatedAddress: 'raddr: the address this one was derived from (the local base of a srflx or relay candidate), often hidden as 0.0.0.0.',
    relatedPort: 'rport: the port of that related address.',
    tcpType: 'tcptype: active opens the TCP connection, passive waits for one, so connects both ways.',
    generation: 'generation: Chromium counts ICE restarts here (0 = first credentials).',
    'network-id': 'network-id: Chromium\'s number for the network interface.',
    'network-cost': 'network-cost: Chromium\'s cost of the interface (higher = avoid, e.g. cellular).',
    usernameFragment: 'ufrag: the ICE username fragment this candidate belongs to.',
  };
  for (const [key, meaning] of Object.entries(extras)) {
    if (c[key] !== undefined) fields.push(field(meaning.split(':')[0] ?? key, c[key], meaning.slice(meaning.indexOf(':') + 2)));
  }
  return ok(`A ${type} candidate: ${TYPE_MEANING[type] ?? 'an address'} for ICE to try.`, rfc, fields);
}

function addressMeaning(address: string): string {
  if (address.endsWith('.local')) {
    return 'An mDNS name (random, ending in .local) that hides this machine\'s private IP address; the other side resolves it on the local network only.';
  }
  if (address.includes(':')) return 'An IPv6 address.';
  if (address === '0.0.0.0') return 'A hidden address.';
  return 'An IPv4 address.';
}

function rtpmap(value: string): Explanation {
  const rfc = 'RFC 8866 §6.6, RFC 3551';
  if (!/^\d+ [^/\s]+\/\d+(\/\d+)?$/.test(value)) return malformed('a=rtpmap:<payload type> <codec>/<clock rate>[/<channels>]', rfc);
  const codec = SDPUtils.parseRtpMap(`a=rtpmap:${value}`);
  const channels = value.split('/').length === 3;
  return ok(`Payload type ${codec.payloadType} is ${codec.name}: ${codecMeaning(codec.name)}`, codec.name.toLowerCase() === 'rtx' ? `${rfc}, RFC 4588` : rfc, [
    field('payload type', codec.payloadType, 'The number RTP packets carry to say which codec they use (listed on the m= line).'),
    field('codec', codec.name, codecMeaning(codec.name)),
    field('clock rate', codec.clockRate, 'RTP timestamp ticks per second (90000 for all video; the sample rate for audio).'),
    ...(channels ? [field('channels', codec.channels, 'Audio channels (opus always says 2, and sends mono unless stereo=1).')] : []),
  ]);
}

function fmtp(value: string): Explanation {
  const rfc = 'RFC 8866 §6.15';
  const match = /^(\d+) (.+)$/.exec(value);
  if (!match) return malformed('a=fmtp:<payload type> <parameters>', rfc);
  const parameters = SDPUtils.parseFmtp(`a=fmtp:${value}`) as Record<string, string | undefined>;
  const fields = [field('payload type', match[1], 'The codec these parameters apply to.')];
  for (const [name, v] of Object.entries(parameters)) {
    if (name === '') continue;
    fields.push(field(name, v ?? '', fmtpParameterMeaning(name, v)));
  }
  const apt = parameters['apt'];
  const summary = apt !== undefined ? `Payload type ${match[1]} retransmits (RTX) packets of payload type ${apt}.` : `Codec parameters for payload type ${match[1]}.`;
  return ok(summary, apt !== undefined ? `${rfc}, RFC 4588 §8` : rfc, fields);
}

function rtcpFb(value: string): Explanation {
  const rfc = 'RFC 4585 §4.2';
  const match = /^(\d+|\*) (\S+)( \S+)*$/.exec(value);
  if (!match) return malformed('a=rtcp-fb:<payload type> <feedback> [<parameter>]', rfc);
  const feedback = SDPUtils.parseRtcpFb(`a=rtcp-fb:${value}`);
  const meaning = feedbackMeaning(feedback.type, feedback.parameter);
  return ok(`Payload type ${match[1]} understands this feedback: ${meaning}`, rfc, [
    field('payload type', match[1], "'*' = every payload type of the section."),
    field('type', feedback.type, meaning),
    ...(feedback.parameter ? [field('parameter', feedback.parameter, meaning)] : []),
  ]);
}

function extmap(value: string): Explanation {
  const rfc = 'RFC 8285 §8';
  if (!/^\d+(\/(sendrecv|sendonly|recvonly|inactive))? \S+( .*)?$/.test(value)) {
    return malformed('a=extmap:<id>[/<direction>] <uri> [<attributes>]', rfc);
  }
  const ext = SDPUtils.parseExtmap(`a=extmap:${value}`);
  const meaning = extensionMeaning(ext.uri);
  return ok(`RTP header extension ${ext.id}: ${meaning}`, rfc, [
    field('id', ext.id, 'The number the extension gets in each RTP packet (1–14 one-byte, up to 255 two-byte).'),
    ...(value.split(' ')[0]?.includes('/') ? [field('direction', ext.direction, 'Which way it is used.')] : []),
    field('uri', ext.uri, meaning),
    ...(ext.attributes ? [field('attributes', ext.attributes, 'Extension-specific settings.')] : []),
  ]);
}

function ssrc(value: string): Explanation {
  const rfc = 'RFC 5576 §4.1';
  if (!/^\d+ \S+/.test(value)) return malformed('a=ssrc:<ssrc> <attribute>[:<value>]', rfc);
  const s = SDPUtils.parseSsrcMedia(`a=ssrc:${value}`);
  const meanings: Record<string, string> = {
    cname: 'cname: the canonical name shared by all streams of one endpoint, so receivers can sync audio with video.',
    msid: 'msid: the stream and track this SSRC carries (same as a=msid).',
    mslabel: 'mslabel: legacy stream id (old Chromium).',
    label: 'label: legacy track id (old Chromium).',
  };
  const attribute = s.attribute ?? '';
  const meaning = meanings[attribute] ?? `${attribute}: an SSRC attribute WebRTC does not use.`;
  return ok(`A stream this side will send with SSRC ${s.ssrc}; ${meaning}`, attribute === 'msid' ? `${rfc}, RFC 8830` : rfc, [
    field('ssrc', s.ssrc, 'Synchronisation source: the 32-bit id in every RTP packet of this stream.'),
    field('attribute', attribute, meaning.slice(meaning.indexOf(':') + 2)),
    ...(s.value !== undefined
      ? [field('value', s.value, attribute === 'msid' ? 'The stream id, then the track id.' : attribute === 'cname' ? 'The CNAME: random per connection, the same on every SSRC this side sends.' : 'The attribute\'s value.')]
      : []),
  ]);
}

function ssrcGroup(value: string): Explanation {
  const rfc = 'RFC 5576 §4.2';
  if (!/^\S+( \d+)+$/.test(value)) return malformed('a=ssrc-group:<semantics> <ssrc> <ssrc>…', rfc);
  const group = SDPUtils.parseSsrcGroup(`a=ssrc-group:${value}`);
  const meanings: Record<string, string> = {
    FID: `${group.ssrcs[1] ?? '?'} carries retransmissions (RTX) of ${group.ssrcs[0] ?? '?'}.`,
    SIM: 'the SSRCs are simulcast layers of one track, lowest first (legacy simulcast; rid/simulcast lines are the standard way).',
    'FEC-FR': `${group.ssrcs[1] ?? '?'} carries forward error correction for ${group.ssrcs[0] ?? '?'}.`,
  };
  const meaning = meanings[group.semantics] ?? 'a grouping WebRTC does not use.';
  return ok(`SSRC group ${group.semantics}: ${meaning}`, group.semantics === 'FID' ? `${rfc}, RFC 4588 §8.3` : rfc, [
    field('semantics', group.semantics, 'FID = flow id (RTX), SIM = simulcast, FEC-FR = forward error correction.'),
    ...group.ssrcs.map((id, i) => field(`ssrc ${i + 1}`, id, i === 0 ? 'The primary stream.' : 'A stream that belongs with it.')),
  ]);
}

function fingerprint(value: string): Explanation {
  const rfc = 'RFC 8122 §5, RFC 8842 §5';
  if (!/^\S+ [0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})+$/.test(value)) return malformed('a=fingerprint:<hash> <hex bytes separated by :>', rfc);
  const fp = SDPUtils.parseFingerprint(`a=fingerprint:${value}`);
  return ok('Hash of this side\'s DTLS certificate. The DTLS handshake fails unless the certificate presented matches it, which is what makes the media keys safe.', rfc, [
    field('hash function', fp.algorithm, 'sha-256 in practice.'),
    field('fingerprint', fp.value, 'The certificate\'s hash, byte by byte in hex.'),
  ]);
}

function setup(value: string): Explanation {
  const rfc = 'RFC 8842 §5.2, RFC 4145 §4';
  const roles: Record<string, string> = {
    actpass: 'this side can be either DTLS client or server; the answer picks (offers always say actpass).',
    active: 'this side will be the DTLS client: it starts the handshake.',
    passive: 'this side will be the DTLS server: it waits for the handshake.',
    holdconn: 'hold the connection (not used by WebRTC).',
  };
  const meaning = roles[value];
  if (!meaning) return malformed('a=setup:actpass|active|passive', rfc);
  return ok(`DTLS role: ${meaning}`, rfc, [field('role', value, meaning)]);
}

function rid(value: string): Explanation {
  const rfc = 'RFC 8851 §4';
  const match = /^([A-Za-z0-9_-]+) (send|recv)( (\S+))?$/.exec(value);
  if (!match) return malformed('a=rid:<id> send|recv [<restrictions>]', rfc);
  const fields = [
    field('rid', match[1], 'The name of one encoding (simulcast layer); RTP packets carry it in the rtp-stream-id extension.'),
    field('direction', match[2], match[2] === 'send' ? 'This side sends this encoding.' : 'This side wants to receive this encoding.'),
  ];
  for (const restriction of (match[4] ?? '').split(';').filter(Boolean)) {
    const [name, v] = restriction.split('=');
    fields.push(field(name ?? '', v ?? '', name === 'pt' ? 'Payload types this encoding may use.' : 'A limit on this encoding (size, rate, bitrate…).'));
  }
  return ok(`Encoding "${match[1]}" that this side will ${match[2] === 'send' ? 'send' : 'receive'}.`, rfc, fields);
}

function simulcast(value: string): Explanation {
  const rfc = 'RFC 8853 §5.1';
  const match = /^(send|recv) (\S+)( (send|recv) (\S+))?$/.exec(value);
  if (!match) return malformed('a=simulcast:send|recv <rid>;<rid>… [recv|send <rids>]', rfc);
  const fields: Field[] = [];
  const describe = (dir: string, list: string) => {
    fields.push(field('direction', dir, dir === 'send' ? 'The layers listed next are sent by this side.' : 'The layers listed next are received by this side.'));
    for (const layer of list.split(';')) {
      const paused = layer.startsWith('~');
      fields.push(field('layer', layer, `${paused ? 'Paused (~): declared but not sent for now. ' : ''}${layer.includes(',') ? 'Alternatives: one of these rids is used.' : 'A rid from an a=rid line.'}`));
    }
  };
  describe(match[1] ?? '', match[2] ?? '');
  if (match[4] && match[5]) describe(match[4], match[5]);
  return ok(`Simulcast: ${match[1]} ${(match[2] ?? '').split(';').length} layers of the same track (separated by ;).`, rfc, fields);
}

function group(value: string): Explanation {
  const match = /^(\S+)( \S+)*$/.exec(value);
  if (!match) return malformed('a=group:<semantics> <mid> <mid>…', 'RFC 5888 §5');
  const [semantics, ...mids] = value.split(' ');
  const bundle = semantics === 'BUNDLE';
  return ok(
    bundle ? `The sections with mids ${mids.join(', ') || '(none)'} share one ICE and DTLS transport (one port); the first mid is the tagged one whose transport is used.` : `A group of sections (${semantics}).`,
    bundle ? 'RFC 9143 §7, RFC 8843' : 'RFC 5888 §5',
    [
      field('semantics', semantics, bundle ? 'BUNDLE: one transport for all listed sections.' : 'LS = lip sync; FID = flow identification.'),
      ...mids.map((mid) => field('mid', mid, 'A section in this group (its a=mid line).')),
    ],
  );
}

function msid(value: string): Explanation {
  const rfc = 'RFC 8830 §2';
  const match = /^(\S+)( (\S+))?$/.exec(value);
  if (!match) return malformed('a=msid:<stream id> [<track id>]', rfc);
  const stream = match[1] ?? '';
  return ok(
    stream === '-' ? 'The track sent here belongs to no stream, so event.streams is empty on the other side.' : 'The stream the sent track belongs to: becomes event.streams[0].id in the other side\'s track event.',
    rfc,
    [
      field('stream id', stream, stream === '-' ? "'-' = no stream (addTrack without a stream)." : 'MediaStream id.'),
      ...(match[3] ? [field('track id', match[3], 'The sender\'s track id (the receiver\'s track gets its own id).')] : []),
    ],
  );
}

function rtcp(value: string): Explanation {
  const rfc = 'RFC 3605';
  const match = /^(\d+)( IN (IP4|IP6) (\S+))?$/.exec(value);
  if (!match) return malformed('a=rtcp:<port> [IN IP4|IP6 <address>]', rfc);
  return ok('Port for RTCP when it is not muxed with RTP; a placeholder here (9), since WebRTC muxes RTCP.', rfc, [
    field('port', match[1], '9 = discard: unused.'),
    ...(match[4] ? [field('address', match[4], 'Placeholder address.')] : []),
  ]);
}

export const DENSE_ATTRIBUTES: Record<string, Dense> = {
  candidate,
  rtpmap,
  fmtp,
  'rtcp-fb': rtcpFb,
  extmap,
  ssrc,
  'ssrc-group': ssrcGroup,
  fingerprint,
  setup,
  rid,
  simulcast,
  group,
  msid,
  rtcp,
};
