import { readFileSync } from 'node:fs';
import { webAssembly } from '../../shared/wasm.js';

/**
 * LAME 3.100 in WASM (src/speech/audio/lame/: encoder.c, built by
 * scripts/build-lame-wasm.sh into lame.wasm), behind a typed interface:
 * mono int16 samples in, CBR MP3 bytes out.
 */

export interface LameConfig {
  readonly sampleRate: number;
  readonly bitrate: number;
  /** LAME's `-q`: 0 (slowest) … 9 (fastest). */
  readonly quality: number;
}

interface LameExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  enc_init(sampleRate: number, kbps: number, quality: number): number;
  enc_pcm(encoder: number, samples: number): number;
  enc_out(encoder: number): number;
  enc_encode(encoder: number, samples: number): number;
  enc_flush(encoder: number): number;
  enc_free(encoder: number): void;
}

const LAME_WASM = new URL('../../../src/speech/audio/lame/lame.wasm', import.meta.url);

/** Samples handed to LAME per call: its WASM memory grows to the largest call and never shrinks. */
const CHUNK_SAMPLES = 1 << 16;

const WASI_EBADF = 8;

let compiled: unknown;

function lameModule(): unknown {
  compiled ??= new webAssembly.Module(readFileSync(LAME_WASM));
  return compiled;
}

/*
 * wasi-libc links its stdio in, though the encoder never prints (LAME's
 * reports go to a silent callback): any file call fails, and an exit, which
 * only abort() would make, becomes an error in the caller.
 */
const WASI_IMPORTS = {
  wasi_snapshot_preview1: {
    fd_close: (): number => WASI_EBADF,
    fd_seek: (): number => WASI_EBADF,
    fd_write: (): number => WASI_EBADF,
    proc_exit: (code: number): never => {
      throw new Error(`LAME stopped (exit ${code})`);
    },
  },
};

/** One LAME instance (its own WASM memory), encoding one stream at a time; `configure` starts the next. */
export class Lame {
  private readonly wasm: LameExports;
  private encoder = 0;

  constructor() {
    this.wasm = new webAssembly.Instance(lameModule(), WASI_IMPORTS).exports as unknown as LameExports;
  }

  /** Ends any stream in progress, unflushed, and starts a new one. */
  configure(config: LameConfig): void {
    this.release();
    this.encoder = this.wasm.enc_init(config.sampleRate, config.bitrate, config.quality);
    if (this.encoder === 0) throw new Error(`LAME cannot encode ${config.bitrate} kbit/s at ${config.sampleRate} Hz (quality ${config.quality})`);
  }

  /** The MP3 bytes LAME makes of `samples` (it keeps the rest for the next call or `finalize`). */
  encode(samples: Int16Array): Uint8Array[] {
    const encoder = this.started();
    const parts: Uint8Array[] = [];
    for (let at = 0; at < samples.length; at += CHUNK_SAMPLES) {
      const chunk = samples.subarray(at, at + CHUNK_SAMPLES);
      const pcm = this.wasm.enc_pcm(encoder, chunk.length);
      if (pcm === 0) throw new Error('LAME is out of memory');
      new Int16Array(this.wasm.memory.buffer, pcm, chunk.length).set(chunk);
      parts.push(this.output(this.wasm.enc_encode(encoder, chunk.length)));
    }
    return parts;
  }

  /** The stream's last frames; the instance is then free for `configure`. */
  finalize(): Uint8Array {
    const last = this.output(this.wasm.enc_flush(this.started()));
    this.release();
    return last;
  }

  private started(): number {
    if (this.encoder === 0) throw new Error('LAME has no stream: configure it first');
    return this.encoder;
  }

  /** A copy of the bytes LAME just wrote: its buffer is reused by the next call. */
  private output(length: number): Uint8Array {
    if (length < 0) throw new Error(`LAME failed (error ${length})`);
    return new Uint8Array(this.wasm.memory.buffer, this.wasm.enc_out(this.encoder), length).slice();
  }

  private release(): void {
    if (this.encoder !== 0) this.wasm.enc_free(this.encoder);
    this.encoder = 0;
  }
}
