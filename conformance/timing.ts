// Timing profiles (docs/conformance.md "Time"). Every deadline of a run derives from these two
// numbers, and report.json records them, so a verdict can be read against the clock it used.

export type TimingProfileName = 'ci' | 'certification';

export interface Timing {
  profile: TimingProfileName;
  /** Deadline for every awaited SUT response (and the receipt deadline of ST-04). */
  responseSeconds: number;
  /** The one shared window after the last positive wait, over which absence checks are judged. */
  settleSeconds: number;
}

export const TIMING_PROFILES: Readonly<Record<TimingProfileName, Timing>> = {
  ci: { profile: 'ci', responseSeconds: 5, settleSeconds: 2 },
  // The decree asks for receipt "the same day"; a certification session cannot wait a day per
  // case, so it waits minutes and lets the certifier raise responseSeconds when the SUT batches.
  certification: { profile: 'certification', responseSeconds: 600, settleSeconds: 60 },
};

export interface TimingOverrides {
  responseSeconds?: number;
  settleSeconds?: number;
}

export class TimingError extends Error {
  readonly code = 'CONF-TIMING';
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const checkSeconds = (name: string, value: number | undefined): void => {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0) {
    throw new TimingError(`${name} phải là số giây dương`, `${name} must be a positive number of seconds`);
  }
};

/** The profile's values with explicit overrides applied; rejects non-positive or non-numeric values. */
export function resolveTiming(profile: string, overrides: TimingOverrides = {}): Timing {
  if (profile !== 'ci' && profile !== 'certification') {
    throw new TimingError(
      `Hồ sơ thời gian không hợp lệ: ${profile} (ci hoặc certification)`,
      `Unknown timing profile: ${profile} (ci or certification)`,
    );
  }
  checkSeconds('responseSeconds', overrides.responseSeconds);
  checkSeconds('settleSeconds', overrides.settleSeconds);
  const base = TIMING_PROFILES[profile];
  return {
    profile: base.profile,
    responseSeconds: overrides.responseSeconds ?? base.responseSeconds,
    settleSeconds: overrides.settleSeconds ?? base.settleSeconds,
  };
}
