/**
 * The narration's MP3 cut into independently encoded segments at its pauses,
 * so that several LAME instances can encode one article at once (LAME is the
 * slowest stage of the audio: about 5 ms per second of speech, against 2 ms
 * for eSpeak), with the decoded audio exactly as long as one stream's.
 *
 * A segment is its own LAME stream: it starts with the encoder's delay and
 * ends with the frames that flush it. Measured on this LAME build at every MP3
 * sample rate, N samples make exactly `ceil((N + 1152) / samplesPerFrame)`
 * frames (tests/speech/audio/mp3-segments.test.ts checks it), so where a
 * segment ends is known before it is encoded. The next segment is then cut
 * inside a pause (a run of exactly zero samples: the narration's scripted
 * silences) and starts with only as many zeros as keep every later sample
 * where one stream would have decoded it. Clip times, the duration and the
 * pauses heard are unchanged; only the bytes differ, and they depend on the
 * audio alone, never on the number of threads.
 *
 * Frames of different segments share nothing (each starts with an empty bit
 * reservoir) and they meet in silence, so the join is inaudible.
 */

/** Samples one MP3 frame holds: 1152 for MPEG-1 rates (32 kHz and up), 576 below. */
export function samplesPerFrame(sampleRate: number): number {
  return sampleRate >= 32000 ? 1152 : 576;
}

/** The frames this LAME build makes of `samples` samples, flush included. */
export function framesFor(samples: number, sampleRate: number): number {
  return Math.ceil((samples + 1152) / samplesPerFrame(sampleRate));
}

/** Seconds of audio a segment reaches before the next pause may end it: short enough to share a sample article between two threads, long enough that joins are few. */
export const SEGMENT_SECONDS = 10;

/** What the segmenter asks of the encoders, in order. */
export interface SegmentSink {
  /** A new segment begins; every `samples` until the next `close` belongs to it. */
  open(): void;
  samples(samples: Int16Array): void;
  /** The open segment is complete. */
  close(): void;
}

/**
 * Turns a stream of samples into segments (see above). Zero runs are held as
 * a count until the next sound decides whether they end a segment, so a
 * pause costs no memory while it waits.
 */
export class Mp3Segmenter {
  private readonly minSegment: number;
  /** The frames of a segment end at most this far after its last sample, so a shorter pause cannot hold a cut. */
  private readonly minPause: number;
  private open = false;
  /** Samples given to the open segment so far. */
  private length = 0;
  private zeros = 0;

  constructor(
    private readonly sampleRate: number,
    private readonly sink: SegmentSink,
  ) {
    this.minSegment = SEGMENT_SECONDS * sampleRate;
    this.minPause = 1152 + samplesPerFrame(sampleRate);
  }

  push(samples: Int16Array): void {
    let at = 0;
    while (at < samples.length) {
      const pause = this.nextPause(samples, at);
      if (pause.start > at) this.sound(samples.subarray(at, pause.start));
      this.zeros += pause.end - pause.start;
      at = pause.end;
    }
  }

  /**
   * The next run of zeros from `from` that may hold a cut: one at least
   * `minPause` long, or one that reaches the end of the push (it may go on in
   * the next). Zeros inside speech (a waveform crossing zero) stay with it, so
   * speech goes on in pieces as large as the pushes.
   */
  private nextPause(samples: Int16Array, from: number): { start: number; end: number } {
    let start = samples.indexOf(0, from);
    while (start >= 0) {
      let end = start + 1;
      while (end < samples.length && samples[end] === 0) end++;
      if (end === samples.length || end - start >= this.minPause || (start === from && this.zeros > 0)) return { start, end };
      start = samples.indexOf(0, end);
    }
    return { start: samples.length, end: samples.length };
  }

  /** Ends the last segment (the zeros still held are its end). */
  end(): void {
    // An empty stream is one empty segment: LAME's flush of nothing, as one stream made it.
    this.ensureOpen();
    if (this.zeros > 0) this.give(new Int16Array(this.zeros));
    this.zeros = 0;
    this.sink.close();
    this.open = false;
  }

  private sound(samples: Int16Array): void {
    if (this.zeros > 0) {
      const pause = this.zeros;
      this.zeros = 0;
      if (this.open && this.length >= this.minSegment && pause >= this.minPause) {
        // The next segment's first sample sits where the pause would have ended in one stream.
        const lead = this.length + pause - framesFor(this.length, this.sampleRate) * samplesPerFrame(this.sampleRate);
        this.sink.close();
        this.open = false;
        this.length = 0;
        this.ensureOpen();
        if (lead > 0) this.give(new Int16Array(lead));
      } else {
        this.ensureOpen();
        this.give(new Int16Array(pause));
      }
    }
    this.ensureOpen();
    this.give(samples);
  }

  private ensureOpen(): void {
    if (this.open) return;
    this.sink.open();
    this.open = true;
    this.length = 0;
  }

  private give(samples: Int16Array): void {
    this.length += samples.length;
    this.sink.samples(samples);
  }
}

