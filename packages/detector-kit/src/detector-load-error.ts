import { DetectorError, type DetectorErrorCode } from './detector-error.js';

/** The codes a {@link DetectorLoadError} carries. */
export type DetectorLoadErrorCode = Extract<
  DetectorErrorCode,
  'DETECTOR_NOT_FOUND' | 'PLUGIN_IMPORT_FAILED' | 'INVALID_PLUGIN' | 'PLUGIN_FACTORY_FAILED' | 'DUPLICATE_DETECTOR'
>;

/**
 * A detector plugin could not be loaded: not found (`looked` lists every place tried), the module
 * failed to import, it exports no factory, its factory threw or returned something that is not an
 * `AgentDetector` v1, or its id clashes with another detector. The message names the module.
 */
export class DetectorLoadError extends DetectorError {
  override readonly name = 'DetectorLoadError';
  declare readonly code: DetectorLoadErrorCode;
  /** The name as written in config (`detectors[].name`). */
  readonly detectorName: string;
  /** Every place looked, e.g. `` `tmux-orc-detector-x` from /home/me/project``. */
  readonly looked: readonly string[];

  constructor(code: DetectorLoadErrorCode, detectorName: string, message: string, options?: { cause?: unknown; looked?: readonly string[] }) {
    super(code, message, options);
    this.detectorName = detectorName;
    this.looked = options?.looked ?? [];
  }
}
