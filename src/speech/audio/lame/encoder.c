/*
 * voxpress's MP3 encoder: LAME 3.100 for mono CBR speech, compiled to a
 * self-contained WASM module (scripts/build-lame-wasm.sh) and driven by
 * src/speech/audio/lame.ts. It exists because no LAME build on npm lets the
 * caller choose LAME's quality setting (see docs/dependencies.md).
 *
 * One Encoder per stream: int16 samples are written where enc_pcm says,
 * enc_encode and enc_flush return a byte count (negative: LAME's error code)
 * and leave the MP3 bytes at enc_out.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <lame.h>

#define EXPORT(name) __attribute__((export_name(#name)))

/* LAME's bound for the MP3 bytes of one call. */
#define MP3_BYTES_FOR(samples) ((samples) + (samples) / 4 + 7200)

typedef struct {
  lame_global_flags *gfp;
  short *pcm;
  int pcm_capacity;
  unsigned char *out;
  int out_capacity;
} Encoder;

/* LAME reports through these; the caller reads the return codes instead. */
static void silent(const char *format, va_list ap) {
  (void)format;
  (void)ap;
}

EXPORT(enc_free) void enc_free(Encoder *e) {
  if (!e) return;
  if (e->gfp) lame_close(e->gfp);
  free(e->pcm);
  free(e->out);
  free(e);
}

/* A mono CBR encoder at `kbps` with LAME's `quality` (0 best … 9 fastest), the output rate pinned to the input's. */
EXPORT(enc_init) Encoder *enc_init(int sample_rate, int kbps, int quality) {
  Encoder *e = calloc(1, sizeof(Encoder));
  if (!e) return NULL;
  e->gfp = lame_init();
  if (!e->gfp) {
    enc_free(e);
    return NULL;
  }
  lame_set_errorf(e->gfp, silent);
  lame_set_debugf(e->gfp, silent);
  lame_set_msgf(e->gfp, silent);
  lame_set_num_channels(e->gfp, 1);
  lame_set_mode(e->gfp, MONO);
  lame_set_in_samplerate(e->gfp, sample_rate);
  lame_set_out_samplerate(e->gfp, sample_rate);
  lame_set_VBR(e->gfp, vbr_off);
  lame_set_brate(e->gfp, kbps);
  lame_set_quality(e->gfp, quality);
  lame_set_bWriteVbrTag(e->gfp, 0);
  lame_set_write_id3tag_automatic(e->gfp, 0);
  if (lame_init_params(e->gfp) < 0) {
    enc_free(e);
    return NULL;
  }
  return e;
}

/* Room for `samples` int16 samples, kept for the next calls. */
EXPORT(enc_pcm) short *enc_pcm(Encoder *e, int samples) {
  if (samples > e->pcm_capacity) {
    short *grown = realloc(e->pcm, (size_t)samples * sizeof(short));
    if (!grown) return NULL;
    e->pcm = grown;
    e->pcm_capacity = samples;
  }
  return e->pcm;
}

static int reserve_out(Encoder *e, int samples) {
  int needed = MP3_BYTES_FOR(samples);
  if (needed > e->out_capacity) {
    unsigned char *grown = realloc(e->out, (size_t)needed);
    if (!grown) return 0;
    e->out = grown;
    e->out_capacity = needed;
  }
  return 1;
}

EXPORT(enc_out) unsigned char *enc_out(Encoder *e) { return e->out; }

EXPORT(enc_encode) int enc_encode(Encoder *e, int samples) {
  if (!reserve_out(e, samples)) return LAME_NOMEM;
  return lame_encode_buffer(e->gfp, e->pcm, NULL, samples, e->out, e->out_capacity);
}

EXPORT(enc_flush) int enc_flush(Encoder *e) {
  if (!reserve_out(e, 0)) return LAME_NOMEM;
  return lame_encode_flush(e->gfp, e->out, e->out_capacity);
}
