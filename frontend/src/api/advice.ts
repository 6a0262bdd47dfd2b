import * as HealthService from '../../wailsjs/go/app/HealthService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { options } from '../options'

/** A question of the week with the staff's first answer (CLI `questions`). */
export interface Question {
  name: string
  /** RFC 3339 in the group's zone */
  at: string
  text: string
  /** null when unanswered within 24 hours */
  answeredAt: string | null
  answeredBy: string | null
  delayMinutes: number | null
  /** unanswered, or answered after the response threshold */
  late: boolean
}

export interface Questions {
  limitMinutes: number
  questions: Question[]
}

/** questions returns the week's questions in the order asked; only the slow and unanswered ones when late. */
export async function questions(groupId: number, week: string, late: boolean): Promise<Questions> {
  const d = await call(() => HealthService.Questions(groupId, week, late))
  return {
    limitMinutes: d?.limitMinutes ?? options().thresholds.responseMinutes,
    questions: (d?.questions ?? []).map((q) => ({
      name: q.name ?? '',
      at: q.at ?? '',
      text: q.text ?? '',
      answeredAt: q.answeredAt ?? null,
      answeredBy: q.answeredBy ?? null,
      delayMinutes: typeof q.delayMinutes === 'number' ? q.delayMinutes : null,
      late: q.late ?? false,
    })),
  }
}

/** One day of the week: who joined and how many left. */
export type DayJoins = app.DayJoinsDTO

/** joinsByDay returns the week's new members day by day. */
export async function joinsByDay(groupId: number, week: string): Promise<DayJoins[]> {
  return ((await call(() => HealthService.JoinsByDay(groupId, week))) ?? []).map((d) => ({ day: d.day ?? '', joined: d.joined ?? [], left: d.left ?? 0 }))
}
