import { describe, expect, it } from 'vitest'
import { i18n, applyLocale } from './i18n'
import { options, ruleParams } from './options'

describe('options', () => {
  it('holds what Go sends (the tests load src/testing/options.json)', () => {
    expect(options().limits.floodSeconds.max).toBeGreaterThan(0)
    expect(options().defaults.profiles.service).toBe('education')
  })

  it('gives the texts Go’s numbers as parameters', () => {
    const p = ruleParams()
    expect(p.prime).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2}$/)
    expect(String(p.mix).split('/')).toHaveLength(options().thresholds.targetMix.length)
    applyLocale('zh-CN')
    const hint = i18n.global.t('members.leaderboard.hint', p)
    expect(hint).toContain(`打卡每天 +${options().points.checkin}`)
    expect(hint).not.toContain('{')
    applyLocale('en')
    expect(i18n.global.t('health.charts.tiers', p)).toBe(
      `Tiers: actual against the ${p.adminPercent}%/${p.corePercent}%/${p.normalPercent}% target`,
    )
    applyLocale('zh-CN')
  })
})
