import * as RulesService from '../../wailsjs/go/app/RulesService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { options } from '../options'

export type Decision = '' | 'dismissed' | 'warned' | 'removed'

export type RuleSet = app.RuleSetDTO

export type ContextMessage = app.ContextDTO

export interface Violation {
  key: string
  rule: string
  memberId: number
  name: string
  at: string
  content: string
  context: ContextMessage[]
  decision: Decision
  strikes: number
  struckOut: boolean
  present: boolean
}

export interface ViolationQueue {
  group: { id: number; name: string }
  week: { week: string; start: string; end: string }
  rules: RuleSet
  /** the group edited its rules (else the defaults) */
  custom: boolean
  violations: Violation[]
}

const decisions: readonly Decision[] = ['dismissed', 'warned', 'removed']
const list = (v: string[] | null | undefined): string[] => (Array.isArray(v) ? v.map(String) : [])

export function toQueue(d: app.ViolationQueueDTO): ViolationQueue {
  return {
    group: { id: d.group?.id ?? 0, name: d.group?.name ?? '' },
    week: { week: d.week?.week ?? '', start: d.week?.start ?? '', end: d.week?.end ?? '' },
    rules: toRuleSet(d.rules),
    custom: Boolean(d.custom),
    violations: (d.violations ?? []).map((v) => ({
      key: v.key,
      rule: v.rule,
      memberId: v.memberId,
      name: v.name ?? '',
      at: v.at ?? '',
      content: v.content ?? '',
      context: (v.context ?? []).map((c) => ({ at: c.at, name: c.name ?? '', kind: c.kind, content: c.content ?? '', self: Boolean(c.self) })),
      decision: decisions.includes(v.decision as Decision) ? (v.decision as Decision) : '',
      strikes: v.strikes ?? 0,
      struckOut: Boolean(v.struckOut),
      present: Boolean(v.present),
    })),
  }
}

/** queue is the week's violations with each message in context. */
export async function queue(groupId: number, week: string): Promise<ViolationQueue> {
  return toQueue(await call(() => RulesService.Queue(groupId, week)))
}

/** review records a decision: dismissed (no strike), warned (the strike stands), removed (and marks the member removed). */
export async function review(groupId: number, v: Violation, decision: Exclude<Decision, ''>): Promise<void> {
  await call(() => RulesService.Review(groupId, v.memberId, v.key, decision))
}

function toRuleSet(r: app.RuleSetDTO | undefined): RuleSet {
  return {
    adWords: list(r?.adWords),
    whitelist: list(r?.whitelist),
    floodCount: r?.floodCount ?? 0,
    floodSeconds: r?.floodSeconds ?? 0,
    attackWords: list(r?.attackWords),
    strikeDays: r?.strikeDays ?? 0,
    strikeLimit: r?.strikeLimit ?? 0,
    inactiveDays: r?.inactiveDays ?? options().defaults.inactiveDays,
    shareQuota: r?.shareQuota ?? options().defaults.shareQuota,
    replyMinutes: r?.replyMinutes ?? 0,
  }
}

/** saveRules stores the group's rules (Go cleans and checks them) and returns what was saved. */
export async function saveRules(groupId: number, r: RuleSet): Promise<RuleSet> {
  const dto: app.RuleSetDTO = { ...r, adWords: [...r.adWords], whitelist: [...r.whitelist], attackWords: [...r.attackWords] }
  return toRuleSet(await call(() => RulesService.SaveRules(groupId, dto)))
}

/** resetRules puts the group back on the default rules. */
export async function resetRules(groupId: number): Promise<RuleSet> {
  return toRuleSet(await call(() => RulesService.ResetRules(groupId)))
}

/** rulesText is the group's 群规 written by Go from the rules in force, in the UI language (the text `qunzhu rules text` prints). */
export async function rulesText(groupId: number): Promise<string> {
  return String(await call(() => RulesService.RulesText(groupId)))
}
