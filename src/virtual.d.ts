// Modules that exist only at build time (scripts/build/scenarios.ts bundledScenarios).
declare module 'virtual:psync-scenarios' {
  /** Scenario names, sorted. */
  export const index: string[];
  /** Scenario name → the parsed scenario file. */
  export const files: Record<string, unknown>;
}
