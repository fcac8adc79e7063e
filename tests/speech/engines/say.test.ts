import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkVoiceName, foldToAscii, onPath, sayEngine, sayText, speakAloud, speakCommand } from '../../../src/speech/engines/say.js';
import { SpeechError } from '../../../src/speech/engines/types.js';

const HOSTILE = 'He said "stop") (system "touch /tmp/pwned") ; \\" \\\\ ( ) • Ģ ‟ é 😀 \u0000\u0007 line\nbreak 𝒳 עברית';

/**
 * A reader for festival's SIOD syntax, enough to see what festival would
 * evaluate: lists, symbols, numbers, strings with backslash escapes.
 */
type Sexp = string | { str: string } | Sexp[];
function readAll(input: string): Sexp[] {
  let i = 0;
  const skip = (): void => {
    while (i < input.length && /\s/.test(input[i] ?? '')) i++;
  };
  const read = (): Sexp => {
    skip();
    const c = input[i];
    if (c === '(') {
      i++;
      const list: Sexp[] = [];
      for (;;) {
        skip();
        if (i >= input.length) throw new Error('unclosed (');
        if (input[i] === ')') {
          i++;
          return list;
        }
        list.push(read());
      }
    }
    if (c === ')') throw new Error('unexpected )');
    if (c === '"') {
      i++;
      let str = '';
      for (;;) {
        if (i >= input.length) throw new Error('unclosed string');
        const ch = input[i++] ?? '';
        if (ch === '"') return { str };
        if (ch === '\\') str += input[i++] ?? '';
        else str += ch;
      }
    }
    const start = i;
    while (i < input.length && !/[\s()"]/.test(input[i] ?? '')) i++;
    return input.slice(start, i);
  };
  const forms: Sexp[] = [];
  for (skip(); i < input.length; skip()) forms.push(read());
  return forms;
}

describe('say engine', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('festival (Linux): hostile text stays one Scheme string, ASCII only, nothing else evaluated', () => {
    const { command, args, pipedData } = speakCommand(HOSTILE, {}, 'linux');
    expect(command).toBe('festival');
    expect(args).toEqual(['--pipe']);
    // say writes stdin as "ascii" (latin1 bytes): every character must already be ASCII.
    expect(pipedData).toMatch(/^[\x20-\x7e]*$/);
    const forms = readAll(pipedData);
    expect(forms).toHaveLength(1);
    const [form] = forms as [Sexp[]];
    expect(form).toHaveLength(2);
    expect(form[0]).toBe('SayText');
    expect(form[1]).toEqual({ str: foldToAscii(HOSTILE) });
    expect(foldToAscii(HOSTILE)).toContain('He said "stop") (system "touch /tmp/pwned")');
  });

  it('festival: rate becomes a number in the audio command, voice names cannot carry code', () => {
    const { pipedData } = speakCommand('hi', { voice: 'voice_kal_diphone', rate: 350 }, 'linux');
    const forms = readAll(pipedData);
    expect(forms).toHaveLength(3);
    expect(forms[1]).toEqual(['voice_kal_diphone']);
    expect(pipedData).toContain('$(($SR*200/100))');
    expect(() => speakCommand('hi', { voice: 'kal) (system "x"' }, 'linux')).toThrow(SpeechError);
    expect(() => checkVoiceName("Zira'; rm", 'win32')).toThrow(/invalid voice name/);
    // festival evaluates the voice as a whole form, `(${voice})`: only voice_ selectors may reach it.
    expect(() => speakCommand('hi', { voice: 'quit' }, 'linux')).toThrow(/invalid festival voice "quit"/);
    expect(() => speakCommand('hi', { rate: 10_000 }, 'linux')).toThrow(/rate must be/);
  });

  it('macOS: text is an argument that cannot be taken for an option', () => {
    const { command, args } = speakCommand('-o /tmp/x hello', { voice: 'Alex' }, 'darwin');
    expect(command).toBe('say');
    expect(args).toEqual(['-v', 'Alex', ' -o /tmp/x hello']);
  });

  it('macOS: embedded speech commands in the text ([[volm 0]]) are broken up, so the article cannot steer the voice', () => {
    const { args } = speakCommand('Quiet [[volm 0]] now [[slnc 99999]].', {}, 'darwin');
    expect(args.join(' ')).not.toContain('[[');
    expect(args.at(-1)).toBe('Quiet [ [volm 0]] now [ [slnc 99999]].');
  });

  it('Windows: text goes on stdin folded to ASCII, never into the PowerShell command', () => {
    const { args, pipedData } = speakCommand(HOSTILE, {}, 'win32');
    expect(args.join(' ')).not.toContain('stop');
    expect(pipedData).toBe(sayText(HOSTILE, 'win32'));
    expect(pipedData).toMatch(/^[\x20-\x7e]*$/);
  });

  it.skipIf(process.platform !== 'linux')('on Linux: making audio is a clear error, and a missing festival is a clear error (no spawn ENOENT)', async () => {
    await expect(sayEngine.synthesize({ ssml: '<speak/>', spoken: 'hi' }, { lang: 'en' })).rejects.toThrow(/cannot make audio files on Linux/);
    process.env.PATH = mkdtempSync(path.join(os.tmpdir(), 'voxpress-empty-path-'));
    expect(onPath('festival')).toBe(false);
    await expect(speakAloud('hello', {})).rejects.toThrow(/needs "festival", which is not on the PATH/);
  });

  it.skipIf(process.platform !== 'linux')('on Linux: the bytes festival actually receives from `say` hold one string and nothing else', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'voxpress-fake-festival-'));
    const received = path.join(dir, 'stdin');
    // A stand-in festival that records its standard input.
    writeFileSync(path.join(dir, 'festival'), `#!/bin/sh\ncat > '${received}'\n`);
    chmodSync(path.join(dir, 'festival'), 0o755);
    process.env.PATH = `${dir}${path.delimiter}${savedPath ?? ''}`;
    await speakAloud(HOSTILE, {});
    const bytes = readFileSync(received);
    expect([...bytes].every((b) => b >= 0x20 && b <= 0x7e)).toBe(true);
    expect(readAll(bytes.toString('latin1'))).toEqual([['SayText', { str: foldToAscii(HOSTILE) }]]);

    // A festival that fails is a rejected promise with its message, not a crash.
    writeFileSync(path.join(dir, 'festival'), '#!/bin/sh\necho "SIOD ERROR: unbound variable" >&2\nexit 3\n');
    await expect(speakAloud('hello', {})).rejects.toThrow(/SIOD ERROR/);
  });
});
