/**
 * The SDP inspector's pure API (no DOM): tokenize, annotate, cross-link,
 * codec tables, diffs, error location, and the descriptions in a run's log.
 * Other views (munging, ICE, timeline) import from here.
 */
export { tokenize, sectionLines, sectionByMid } from './tokenize.ts';
export type { SdpLine, MediaSection, TokenizedSdp, SectionRef } from './tokenize.ts';
export { annotate, explainLine } from './annotate.ts';
export type { AnnotatedSdp } from './annotate.ts';
export type { AnnotatedLine, Explanation, Field, LineStatus } from './model.ts';
export { decodePriority } from './explain-dense.ts';
export { linksOf, payloadTypeLines, payloadTypeOf, rtxFor, aptOf } from './links.ts';
export type { LineLink } from './links.ts';
export { codecTable, codecIntersection } from './codecs.ts';
export type { CodecRow, IntersectedCodec } from './codecs.ts';
export { offerAnswerDiff, renegotiationDiff, attributeValue } from './diff.ts';
export type { SectionAgreement, HeaderExtensionDiff, RenegotiationDiff, SectionChange } from './diff.ts';
export { locateSdpError } from './locate.ts';
export { descriptionsInLog, findDescription, describedAt, counterpart, previousOfSide } from './descriptions.ts';
export type { LoggedDescription, DescriptionSource } from './descriptions.ts';
