import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCommand, installedVoiceFiles, isVoicePath, voiceFiles, voicesDir } from '../../../src/speech/engines/piper-voices.js';
import { SpeechError } from '../../../src/speech/engines/types.js';

const home = '/home/ana';

describe('where Piper voices live', () => {
  it("is VOXPRESS_VOICES_DIR, else the platform's per-user cache folder", () => {
    expect(voicesDir({ env: { VOXPRESS_VOICES_DIR: 'voices' }, platform: 'linux', home })).toBe(path.resolve('voices'));
    expect(voicesDir({ env: {}, platform: 'linux', home })).toBe('/home/ana/.cache/voxpress/voices');
    expect(voicesDir({ env: { XDG_CACHE_HOME: '/var/cache/ana' }, platform: 'linux', home })).toBe('/var/cache/ana/voxpress/voices');
    expect(voicesDir({ env: {}, platform: 'darwin', home })).toBe('/home/ana/Library/Caches/voxpress/voices');
    expect(voicesDir({ env: { LOCALAPPDATA: '/appdata' }, platform: 'win32', home })).toBe(path.join('/appdata', 'voxpress', 'voices'));
  });

  it('names an installed voice by its folder, and a voice file by its path', () => {
    expect(installedVoiceFiles('en_US-joe-medium', '/v')).toEqual({ name: 'en_US-joe-medium', model: '/v/en_US-joe-medium/en_US-joe-medium.onnx', config: '/v/en_US-joe-medium/en_US-joe-medium.onnx.json' });
    expect(voiceFiles('voices/fr_FR-siwis-medium.onnx', '/v')).toEqual({ name: 'fr_FR-siwis-medium', model: path.resolve('voices/fr_FR-siwis-medium.onnx'), config: `${path.resolve('voices/fr_FR-siwis-medium.onnx')}.json` });
    expect(isVoicePath('en_US-joe-medium')).toBe(false);
    expect(isVoicePath('./joe.onnx')).toBe(true);
    expect(installCommand('en_US-joe-medium')).toBe('voxpress voices install en_US-joe-medium');
  });

  it('refuses a name that is not a Piper voice name (nothing outside the voices folder is reached by name)', () => {
    for (const name of ['../etc/passwd', 'en_US-joe', 'en-us', 'en_US-joe-medium/../../x', '']) expect(() => installedVoiceFiles(name, '/v')).toThrow(SpeechError);
  });
});
