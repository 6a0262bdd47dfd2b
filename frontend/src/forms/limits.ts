import { options } from '../options'
import type { app } from '../../wailsjs/go/models'

// The ranges Go refuses a setting outside of, read from Go's options
// (app/options.go; app/options_test.go checks each against the validation).
// The forms check them before sending, so a typed value is refused with its
// range, never clamped.
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

type Name = Exclude<keyof app.LimitsDTO, 'convertValues'>

const go = (name: Name, extra: Partial<Range> = {}): Range => {
  const r = options().limits[name]
  return { min: r.min, max: r.max, ...(r.off ? { off: 0 } : {}), ...extra }
}

/** limits.x is read when a form checks, so it is always Go's current range. */
export const limits = {
  get cadenceShares() { return go('cadenceShares') },
  get cadenceCap() { return go('cadenceCap') },
  get cadenceGap() { return go('cadenceGap') },
  get screeningOpen() { return go('screeningOpen') },
  get screeningClose() { return go('screeningClose') },
  get riskThreshold() { return go('riskThreshold') },
  get backupKeep() { return go('backupKeep') },
  get floodCount() { return go('floodCount') },
  get floodSeconds() { return go('floodSeconds') },
  get strikeDays() { return go('strikeDays') },
  get strikeLimit() { return go('strikeLimit') },
  get inactiveDays() { return go('inactiveDays') },
  get shareQuota() { return go('shareQuota') },
  get targetSize() { return go('targetSize', { optional: true }) },
  get points() { return go('points') },
  // the live watch (issue 24): a source's poll interval in seconds, and the
  // rules' wait before an unanswered question reminds (empty: the default)
  get liveEvery() { return go('liveEvery') },
  get replyMinutes() { return go('replyMinutes', { optional: true }) },
  // Not Go's ranges but the form's own: a share 0–1 entered in %, and counts.
  mutePercent: { min: 0, max: 100, optional: true, fraction: true } as Range,
  count: { min: 0, optional: true } as Range,
}
