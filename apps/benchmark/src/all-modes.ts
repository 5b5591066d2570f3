import { adaptiveMode, asyncExecMode, type BenchMode, controlMode, floorMode, syncMode } from './bench-modes.js';
import { eventsMode } from './events-mode.js';

/** Every mode the benchmark compares, in the order of its tables. */
export const allModes: readonly BenchMode[] = [syncMode, asyncExecMode, controlMode, adaptiveMode, eventsMode, floorMode];
