import type { ProblemId } from '../core/problem-ids';
import type { CompiledDetector } from './compiled-detector';

/**
 * What content scripts read from storage.local to detect (written by the background): compiled
 * signals, not code, so a new signal or platform costs the content script no bytes.
 * The index: hosts of every platform, the code table and the generic detector (frames of no platform).
 */
export interface DetectIndex {
  version: string;
  platforms: { id: string; hosts: string[] }[];
  codes: Record<string, ProblemId>;
  generic: CompiledDetector;
}

/** One platform's detector: the generic signals and its own, compiled together. */
export interface DetectPlatform {
  version: string;
  detector: CompiledDetector;
}

export const DETECT_INDEX_KEY = 'detect-pack';
export const detectPlatformKey = (platformId: string): string => `detect-pack:${platformId}`;
