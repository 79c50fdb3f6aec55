/**
 * The annotator: one explanation for every line of a description, in order.
 * It never throws: a parser failing on odd input turns into a "malformed"
 * explanation of that line, and the others are still explained.
 */
import { DENSE_ATTRIBUTES } from './explain-dense.ts';
import { explainBasicLine, SIMPLE_ATTRIBUTES } from './explain-basic.ts';
import { malformed, type AnnotatedLine, type Explanation } from './model.ts';
import { tokenize, type SdpLine, type TokenizedSdp } from './tokenize.ts';

export interface AnnotatedSdp {
  sdp: TokenizedSdp;
  lines: AnnotatedLine[];
}

export function annotate(input: string | TokenizedSdp): AnnotatedSdp {
  const sdp = typeof input === 'string' ? tokenize(input) : input;
  return { sdp, lines: sdp.lines.map((line) => ({ line, ...explainLine(line) })) };
}

export function explainLine(line: SdpLine): Explanation {
  try {
    if (line.type !== 'a') return explainBasicLine(line);
    return explainAttribute(line);
  } catch {
    return malformed(`a well-formed ${line.type ? `${line.type}=` : ''}line (it could not be read)`, null);
  }
}

function explainAttribute(line: SdpLine): Explanation {
  const name = line.attribute ?? '';
  const value = line.attributeValue;
  const dense = Object.hasOwn(DENSE_ATTRIBUTES, name) ? DENSE_ATTRIBUTES[name] : undefined;
  if (dense) {
    if (value === null) return malformed(`a=${name}:<value>`, null);
    return dense(value, line);
  }
  const simple = Object.hasOwn(SIMPLE_ATTRIBUTES, name) ? SIMPLE_ATTRIBUTES[name] : undefined;
  if (simple) return simple(value, line);
  if (name === '') return malformed('a=<attribute>[:<value>]', 'RFC 8866 §5.13');
  return {
    summary: `An attribute "${name}" that is not a line WebRTC uses; browsers ignore attributes they do not know.`,
    rfc: 'RFC 8866 §5.13',
    status: 'unknown',
    fields: [],
  };
}
