// How a member's screening reads: each criterion with the inputs it was
// judged on, and "unknown" when the input is missing (never "failed").
import type { Screen, Screening } from '../api'
import { ruleParams } from '../options'

type Translate = (key: string, args?: Record<string, unknown>) => string

export interface ScreenLine {
  key: 'region' | 'influence' | 'active'
  ok: boolean | null
  text: string
}

const pad = (h: number) => `${String(h).padStart(2, '0')}:00`

export function screenLines(s: Screen, c: Screening, t: Translate): ScreenLine[] {
  const region =
    s.regionOk === null
      ? c.regions.length === 0
        ? t('members.screen.regionUnset')
        : t('members.screen.regionUnknown')
      : t('members.screen.region', { region: s.region, targets: c.regions.join(t('rules.text.sep')) })
  const influence = s.friends === null ? t('members.screen.friendsUnknown') : t('members.screen.friends', { ...ruleParams(), friends: s.friends, minFriends: c.minFriends })
  const active =
    s.overlap === null
      ? t('members.screen.noMessages')
      : s.listed
        ? t('members.screen.overlapListed', {
            ...ruleParams(),
            percent: Math.round(s.overlap * 1000) / 10,
            hours: s.activeHours,
            open: pad(c.openHour),
            close: pad(c.closeHour),
          })
        : t('members.screen.overlap', {
          ...ruleParams(),
          percent: Math.round(s.overlap * 1000) / 10,
          messages: s.messages,
          open: pad(c.openHour),
          close: pad(c.closeHour),
        })
  return [
    { key: 'region', ok: s.regionOk, text: region },
    { key: 'influence', ok: s.influence, text: influence },
    { key: 'active', ok: s.active, text: active },
  ]
}
