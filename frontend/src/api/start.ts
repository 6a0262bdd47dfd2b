import * as StartService from '../../wailsjs/go/app/StartService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'

// A new group's guided start: 导入成员名单 → 导入聊天记录 → 看本周健康 → 生成周报.

export type StartStepName = 'members' | 'chat' | 'health' | 'report'

export interface StartStep {
  step: StartStepName
  done: boolean
}

export interface Checklist {
  groupId: number
  steps: StartStep[]
  complete: boolean
  dismissed: boolean
}

function toChecklist(d: app.StartDTO): Checklist {
  return {
    groupId: d.groupId,
    steps: (d.steps ?? []).map((s) => ({ step: s.step as StartStepName, done: !!s.done })),
    complete: !!d.complete,
    dismissed: !!d.dismissed,
  }
}

/** checklist reads a group's guided start. */
export async function checklist(groupId: number): Promise<Checklist> {
  return toChecklist(await call(() => StartService.Checklist(groupId)))
}

/** mark records a step no data shows: the health page of a week with messages was seen, a report was made. */
export async function mark(groupId: number, step: 'health' | 'report'): Promise<Checklist> {
  return toChecklist(await call(() => StartService.Mark(groupId, step)))
}

/** dismiss hides (or, with false, shows again) a group's checklist. */
export async function dismiss(groupId: number, dismissed: boolean): Promise<Checklist> {
  return toChecklist(await call(() => StartService.Dismiss(groupId, dismissed)))
}
