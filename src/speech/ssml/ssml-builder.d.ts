// The parts of ssml-builder 0.4.3 (untyped CommonJS) that voxpress calls; only src/speech/ssml/builder.ts imports it.
declare module 'ssml-builder' {
  class Speech {
    say(text: string): this;
    sub(alias: string, word: string): this;
    phoneme(alphabet: string, ph: string, word: string): this;
    pause(duration: string): this;
    ssml(excludeSpeakTag?: boolean): string;
  }
  export = Speech;
}
