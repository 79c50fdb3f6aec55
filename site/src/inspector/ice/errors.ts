/**
 * icecandidateerror events explained. The error codes are STUN's (RFC 8489
 * §14.8, TURN's in RFC 8656 §18) plus the 7xx codes the WebRTC spec adds for
 * servers that could not be reached at all. Pure.
 */
import type { Json } from '../../../../sandbox/log/events.ts';

export interface IceErrorRow {
  seq: number;
  t: number;
  url: string | null;
  address: string | null;
  port: number | null;
  errorCode: number | null;
  errorText: string;
  /** What probably went wrong and what to do, in plain words. */
  diagnosis: string;
}

export function diagnoseIceError(detail: Json, seq: number, t: number): IceErrorRow {
  const object = detail !== null && typeof detail === 'object' && !Array.isArray(detail) ? detail : {};
  const text = (key: string) => (typeof object[key] === 'string' ? (object[key] as string) : null);
  const errorCode = typeof object['errorCode'] === 'number' ? object['errorCode'] : null;
  const url = text('url');
  const errorText = text('errorText') ?? '';
  return {
    seq,
    t,
    url,
    address: text('address'),
    port: typeof object['port'] === 'number' ? object['port'] : null,
    errorCode,
    errorText,
    diagnosis: diagnosis(errorCode, errorText, url),
  };
}

export function diagnosis(code: number | null, errorText: string, url: string | null): string {
  const server = url ? `the server ${url}` : 'the STUN/TURN server';
  switch (code) {
    case 401:
      return `${capital(server)} refused the credentials: the TURN username or password is wrong, or they were time-limited credentials that have expired. Check iceServers[].username and .credential.`;
    case 438:
      return `${capital(server)} said the nonce went stale. The browser normally retries by itself; if it keeps happening, the credentials or the server's clock are off.`;
    case 441:
      return `${capital(server)} says these credentials belong to another allocation: use a fresh username and password.`;
    case 403:
      return `${capital(server)} forbids this: it refuses to relay to the peer's address (a server policy, e.g. denied private addresses).`;
    case 437:
      return `${capital(server)} no longer knows this allocation (it expired or the server restarted). ICE restart gets a new one.`;
    case 442:
      return `${capital(server)} does not support the requested relay transport; try another ?transport= in the URL.`;
    case 486:
      return `${capital(server)} refused: this user has reached the server's allocation quota.`;
    case 508:
      return `${capital(server)} is out of capacity (no relay ports left).`;
    case 300:
      return `${capital(server)} asked the browser to use another server (Try Alternate).`;
    case 400:
      return `${capital(server)} could not understand the request (Bad Request): probably a server configuration problem.`;
    case 500:
      return `${capital(server)} had an internal error; try again or check its logs.`;
    case 701:
      if (/lookup|resolve|dns/i.test(errorText)) {
        return `The host name of ${server} could not be resolved: the URL is probably wrong (a typo, or a name that only exists elsewhere).`;
      }
      return `${capital(server)} could not be reached: it is down, a firewall blocks it, or the URL (host, port or ?transport=) is wrong.`;
    case null:
      return `${capital(server)} reported an error without a code.`;
    default:
      if (code >= 700 && code < 800) {
        return `${capital(server)} could not be reached (code ${code}): it is down, blocked, or the URL is wrong.`;
      }
      return `${capital(server)} answered with STUN/TURN error ${code}${errorText ? ` (${errorText})` : ''}.`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
