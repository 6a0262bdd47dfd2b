// The options store: Go's limits, defaults, point values and thresholds,
// loaded once before the app mounts (main.ts) and read synchronously by the
// forms, views and texts. Unit tests set them from src/testing/options.json,
// which app/options_test.go keeps equal to what Go sends.
import { shallowRef } from 'vue'
import { load, type Options } from './api/options'

export type { Options }

const current = shallowRef<Options | null>(null)

/** loadOptions asks Go for the options; main.ts awaits it before mounting. */
export async function loadOptions(): Promise<void> {
  current.value = await load()
}

/** setOptions replaces the options (the unit tests' setup). */
export function setOptions(o: Options) {
  current.value = o
}

/** options are Go's rules; they are loaded before anything is shown. */
export function options(): Options {
  if (!current.value) throw new Error('options are not loaded: loadOptions() runs before the app mounts')
  return current.value
}

/**
 * ruleParams are Go's numbers as message parameters: a text writes
 * {trendWeeks} or +{checkinPoints}, never the number itself.
 */
export function ruleParams(): Record<string, number | string> {
  const { thresholds: th, points, defaults } = options()
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  return {
    prime: `${clock(th.primeStartMinute)}–${clock(th.primeEndMinute)}`,
    mix: th.targetMix.map((s) => s.percent).join('/'),
    openRate: th.openRatePercent,
    conversion: th.conversionPercent,
    participation: th.participationPercent,
    trendWeeks: th.trendWeeks,
    responseMinutes: th.responseMinutes,
    newMembers: th.newMembers,
    muteRate: th.muteRatePercent,
    linkClick: th.linkClickPercent,
    adminPercent: th.adminPercent,
    corePercent: th.corePercent,
    normalPercent: th.normalPercent,
    topPercent: th.topPercent,
    minFriends: th.minFriends,
    minOverlap: th.minOverlapPercent,
    activityDays: th.activityDays,
    replyMinutes: th.replyWindowMinutes,
    fraudMinutes: th.fraudTimerMinutes,
    checkinPoints: points.checkin,
    sharePoints: points.share,
    strikeDays: defaults.strikeDays,
  }
}
