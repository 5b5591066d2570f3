import { describe, expect, it } from 'vitest';
import { DetectorError } from './detector-error.js';
import { readDetectorOptions } from './detector-options.js';

describe('readDetectorOptions', () => {
  it('gives each option or its default', () => {
    const read = readDetectorOptions('mycli', { lines: 5, commands: ['a', 'b'], strict: true });
    expect([read.positiveInteger('lines', 10), read.strings('commands', ['x']), read.boolean('strict', false), read.string('title', 'T')]).toEqual([5, ['a', 'b'], true, 'T']);
    expect(() => read.rejectUnknown()).not.toThrow();
  });

  it.each([
    [{ lines: 0 }, (r: ReturnType<typeof readDetectorOptions>) => r.positiveInteger('lines', 1), 'Expected the `lines` option of detector `mycli` to be a positive integer, got a number (`0`)'],
    [{ commands: [] }, (r: ReturnType<typeof readDetectorOptions>) => r.strings('commands', ['x']), 'Expected the `commands` option of detector `mycli` to be a non-empty list of non-empty strings, got an array of 0'],
    [{ strict: 'yes' }, (r: ReturnType<typeof readDetectorOptions>) => r.boolean('strict', false), 'Expected the `strict` option of detector `mycli` to be `true` or `false`, got a string (`"yes"`)'],
  ])('rejects %j naming the option, the expected and the actual value', (options, reader, message) => {
    expect(() => reader(readDetectorOptions('mycli', options))).toThrow(new DetectorError('INVALID_OPTION', message));
  });

  it('rejects unknown keys, listing the known ones', () => {
    const read = readDetectorOptions('mycli', { comands: ['x'], extra: 1 });
    read.strings('commands', ['mycli']);
    expect(() => read.rejectUnknown()).toThrow('Expected only `commands` for detector `mycli`, got unknown options `comands`, `extra`');
    expect(() => readDetectorOptions('bare', { a: 1 }).rejectUnknown()).toThrow('Expected no options for detector `bare`, got unknown option `a`');
  });
});
