import type { mp3Config } from './mp3.js';

/** Messages between an `EncoderThread` (mp3-stream.ts) and its helper thread (mp3-thread.ts). */
export type Mp3Request =
  | { readonly id: number; readonly type: 'start'; readonly config: ReturnType<typeof mp3Config> }
  | { readonly id: number; readonly type: 'push'; readonly samples: Int16Array }
  | { readonly id: number; readonly type: 'finish' | 'abort' };

/**
 * `encoded` answers each `push` with the MP3 bytes it made (possibly none, as
 * LAME buffers) and how many samples it took: the thread keeps nothing, and
 * the caller knows how much audio is still waiting to be encoded.
 */
export type Mp3Reply =
  | { readonly id: number; readonly type: 'encoded'; readonly samples: number; readonly mp3: Uint8Array }
  | { readonly id: number; readonly type: 'done'; readonly mp3: Uint8Array }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
