// The ranges Go refuses a setting outside of (each names its Go source;
// app/limits_test.go checks they agree). The forms check them before
// sending, so a typed value is refused with its range, never clamped.
export interface Range {
  min: number
  max?: number
  /** a value outside [min, max] that is allowed too: 0 turns a rule off */
  off?: number
  /** empty is allowed (a field that may be left blank) */
  optional?: boolean
  /** a fraction is allowed (a percentage to one decimal) */
  fraction?: boolean
}

export const limits = {
  cadenceShares: { min: 0, max: 14 }, // content.MaxSharesPerWeek
  cadenceCap: { min: 1, max: 12 }, // content.MaxDailyCap
  cadenceGap: { min: 0, max: 720 }, // content.MaxMinGapMinutes
  screeningOpen: { min: 0, max: 23 }, // screening.Criteria.Validate
  screeningClose: { min: 1, max: 24 }, // screening.Criteria.Validate
  riskThreshold: { min: 2, max: 500 }, // risk.Set.Validate
  backupKeep: { min: 1, max: 100 }, // store.SetBackupKeep
  floodCount: { min: 2, max: 100, off: 0 }, // domain.RuleSet.Validate
  floodSeconds: { min: 1, max: 3600 }, // domain.MaxFloodSeconds
  strikeDays: { min: 1, max: 365 }, // domain.RuleSet.Validate
  strikeLimit: { min: 1, max: 20 }, // domain.RuleSet.Validate
  inactiveDays: { min: 7, max: 90, off: 0 }, // domain.MinInactiveDays, MaxInactiveDays
  shareQuota: { min: 0, max: 50 }, // domain.RuleSet.Validate
  targetSize: { min: 0, max: 2000, optional: true }, // domain.MaxTargetSize
  points: { min: 1, max: 100000 }, // domain.MaxPointsEntry
  mutePercent: { min: 0, max: 100, optional: true, fraction: true }, // domain.WeekInput: a share 0–1, entered in %
  count: { min: 0, optional: true }, // link clicks and reach, content results: never negative
} satisfies Record<string, Range>
