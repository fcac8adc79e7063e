import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE, engineEntry, engineFor, ENGINE_NAMES, ENGINES, SpeechError } from '../../../src/speech/engines/index.js';

describe('the engine registry', () => {
  it('lists each engine once; the default is the bundled eSpeak, which makes audio everywhere', () => {
    expect(new Set(ENGINE_NAMES).size).toBe(ENGINES.length);
    expect(DEFAULT_ENGINE).toBe('espeak');
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(engineEntry().capabilities(platform)).toEqual({ readsSsml: true, exportsAudio: true, speaksAloud: false });
    }
  });

  it('says what the OS voices can do on each platform: speak everywhere, export only on macOS and Windows', () => {
    const say = engineEntry('say');
    expect(say.capabilities('linux')).toMatchObject({ readsSsml: false, exportsAudio: false, speaksAloud: true });
    expect(say.capabilities('darwin').exportsAudio).toBe(true);
    expect(say.capabilities('win32').exportsAudio).toBe(true);
  });

  it('creates the engine an entry names, and refuses an unknown name with the choices', async () => {
    for (const entry of ENGINES) expect((await engineFor(entry.name)).name).toBe(entry.name);
    await expect(engineFor('festival')).rejects.toThrow(SpeechError);
    await expect(engineFor('festival')).rejects.toThrow(/unknown speech engine "festival"; choose from espeak, say/);
  });
});
