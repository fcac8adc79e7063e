import { escapeAttr } from '../../shared/xml.js';

/*
 * What each speech service accepts. The default `w3c` profile is plain SSML
 * 1.1 (what eSpeak NG and the schema read); a provider profile emits only the
 * elements that provider documents, in request-sized documents under its limits.
 */

export const PROFILE_NAMES = ['w3c', 'polly', 'azure', 'google'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export const SSML_NAMESPACE = 'http://www.w3.org/2001/10/synthesis';

/** Per-request limits of a provider; a chunk may not exceed any of them. */
export interface ProfileLimits {
  /** Characters of text, markup not counted (Polly's billed characters). */
  readonly textChars?: number;
  /** Characters of the whole document, markup included. */
  readonly totalChars?: number;
  /** UTF-8 bytes of the whole document. */
  readonly bytes?: number;
  /** Estimated audio length in milliseconds. */
  readonly audioMs?: number;
}

export interface Profile {
  readonly name: ProfileName;
  /** Whether `<emphasis>` may be used. */
  readonly emphasis: boolean;
  /** Whether `<mark>` may be used. */
  readonly marks: boolean;
  /** Whether a `<phoneme>` in this alphabet may be used. */
  phonemeAlphabet(alphabet: string): boolean;
  /** The document's opening (XML declaration, root, voice) and closing text. */
  open(lang: string, voice: string | undefined): string;
  close(): string;
  readonly limits: ProfileLimits;
}

/** The standard root every SSML 1.1 document needs: version, namespace, language. */
export function w3cRoot(lang: string): string {
  return `<speak version="1.1" xmlns="${SSML_NAMESPACE}" xml:lang="${escapeAttr(lang)}">`;
}

const ipaOrSampa = (alphabet: string): boolean => alphabet === 'ipa' || alphabet === 'x-sampa';

/** Azure needs a voice name in every document; these read the article's language. */
const AZURE_VOICES: Readonly<Record<string, string>> = {
  en: 'en-US-JennyNeural',
  fr: 'fr-FR-DeniseNeural',
  es: 'es-ES-ElviraNeural',
  de: 'de-DE-KatjaNeural',
};

export function defaultAzureVoice(lang: string): string {
  return AZURE_VOICES[lang.split('-')[0]?.toLowerCase() ?? ''] ?? 'en-US-JennyMultilingualNeural';
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  w3c: {
    name: 'w3c',
    emphasis: true,
    marks: true,
    phonemeAlphabet: (alphabet) => /^(ipa|x-.*)$/.test(alphabet),
    open: (lang) => `<?xml version="1.0" encoding="UTF-8"?>\n${w3cRoot(lang)}`,
    close: () => '</speak>\n',
    limits: {},
  },
  // Amazon Polly: <speak> root as documented; no <emphasis> on neural voices;
  // 3,000 billed characters (text only) and 6,000 characters in all per request.
  polly: {
    name: 'polly',
    emphasis: false,
    marks: true,
    phonemeAlphabet: ipaOrSampa,
    open: () => '<speak>',
    close: () => '</speak>\n',
    limits: { textChars: 3000, totalChars: 6000 },
  },
  // Azure AI Speech: SSML 1.0 root with namespace and language, a <voice name>
  // around everything, bookmarks instead of <mark> (so no marks), emphasis only
  // on a few voices (so none); at most 10 minutes of audio per request.
  azure: {
    name: 'azure',
    emphasis: false,
    marks: false,
    phonemeAlphabet: (alphabet) => alphabet === 'ipa',
    open: (lang, voice) =>
      `<speak version="1.0" xmlns="${SSML_NAMESPACE}" xml:lang="${escapeAttr(lang)}"><voice name="${escapeAttr(voice ?? defaultAzureVoice(lang))}">`,
    close: () => '</voice></speak>\n',
    limits: { audioMs: 10 * 60 * 1000 },
  },
  // Google Cloud Text-to-Speech: <speak> root; 5,000 bytes of input per request.
  google: {
    name: 'google',
    emphasis: true,
    marks: true,
    phonemeAlphabet: ipaOrSampa,
    open: () => '<speak>',
    close: () => '</speak>\n',
    limits: { bytes: 5000 },
  },
};

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}
