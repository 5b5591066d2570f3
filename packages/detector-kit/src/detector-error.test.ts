import { describe, expect, it } from 'vitest';
import { DetectorError } from './detector-error.js';
import { DetectorLoadError } from './detector-load-error.js';

describe('DetectorError.isInstance', () => {
  it('recognises an error made by another copy of the package, by its process-wide marker', () => {
    const foreign = Object.assign(new Error('bad option'), { code: 'INVALID_OPTION', [Symbol.for('@tmux-orc/detector-kit.DetectorError')]: true });
    expect(foreign instanceof DetectorError).toBe(false);
    expect(DetectorError.isInstance(foreign)).toBe(true);
  });

  it('accepts its own errors and subclasses, rejects anything else', () => {
    expect(DetectorError.isInstance(new DetectorError('INVALID_OPTION', 'x'))).toBe(true);
    expect(DetectorError.isInstance(new DetectorLoadError('DETECTOR_NOT_FOUND', 'x', 'y'))).toBe(true);
    expect(DetectorError.isInstance(new Error('x'))).toBe(false);
    expect(DetectorError.isInstance({ code: 'INVALID_OPTION' })).toBe(false);
    expect(DetectorError.isInstance(null)).toBe(false);
  });
});
