import type { AgentDetector } from '../agent-detector.js';
import { aiderDetector } from './aider.js';
import { claudeCodeDetector } from './claude-code.js';
import { codexDetector } from './codex.js';
import { geminiDetector } from './gemini.js';
import { shellDetector } from './shell.js';

/** The detectors shipped with this package; `shell` last, as the fallback. */
export const builtinDetectors: readonly AgentDetector[] = [
  claudeCodeDetector,
  codexDetector,
  geminiDetector,
  aiderDetector,
  shellDetector,
];
