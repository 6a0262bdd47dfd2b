// The Reply assistant and Highlights screens' door to Go (AutomationService).
import * as AutomationService from '../../wailsjs/go/app/AutomationService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type Filled = app.FilledTextDTO

export type WelcomeTemplate = Omit<app.WelcomeTemplateDTO, 'convertValues'>

export type KeywordReply = app.KeywordReplyDTO

export type Placeholder = app.PlaceholderDTO

export interface Templates {
  group: { id: number; name: string }
  welcome: WelcomeTemplate
  replies: KeywordReply[]
  placeholders: Placeholder[]
  minScore: number
}

export type ReplyMatch = Omit<app.ReplyMatchDTO, 'convertValues'>

export type HighlightSource = 'staff' | 'suggested'

export interface Highlight {
  id: number
  messageId: number
  source: HighlightSource
  name: string
  at: string
  kind: string
  content: string
}

export type HighlightSuggestion = app.HighlightSuggestionDTO

export interface Highlights {
  group: { id: number; name: string }
  week: { week: string; start: string; end: string }
  library: Highlight[]
  suggestions: HighlightSuggestion[]
  /** the library as a digest post; '' when empty */
  digest: string
}

export type ChatMessage = app.HighlightChatMessageDTO

/** A page of the week's chat (the generated class as data). */
export type ChatPage = Omit<app.HighlightChatPageDTO, 'convertValues'>

const strings = (v: string[] | null | undefined): string[] => (Array.isArray(v) ? v.map(String) : [])

export function toFilled(f: app.FilledTextDTO | undefined): Filled {
  return { text: f?.text ?? '', unknown: strings(f?.unknown), missing: strings(f?.missing) }
}

function toWelcome(w: app.WelcomeTemplateDTO | undefined): WelcomeTemplate {
  return { text: w?.text ?? '', rulesLink: w?.rulesLink ?? '', version: w?.version ?? 0, preview: toFilled(w?.preview) }
}

function toReply(k: app.KeywordReplyDTO): KeywordReply {
  return { id: k.id, keywords: strings(k.keywords), reply: k.reply ?? '', version: k.version ?? 0 }
}

export function toTemplates(d: app.TemplatesDTO): Templates {
  return {
    group: { id: d.group?.id ?? 0, name: d.group?.name ?? '' },
    welcome: toWelcome(d.welcome),
    replies: (d.replies ?? []).map(toReply),
    placeholders: (d.placeholders ?? []).map((p) => ({ key: p.key, zh: p.zh })),
    minScore: d.minScore ?? 0,
  }
}

function toHighlight(h: app.HighlightDTO): Highlight {
  return {
    id: h.id,
    messageId: h.messageId,
    source: h.source === 'suggested' ? 'suggested' : 'staff',
    name: h.name ?? '',
    at: h.at ?? '',
    kind: h.kind ?? '',
    content: h.content ?? '',
  }
}

export function toHighlights(d: app.HighlightsDTO): Highlights {
  return {
    group: { id: d.group?.id ?? 0, name: d.group?.name ?? '' },
    week: { week: d.week?.week ?? '', start: d.week?.start ?? '', end: d.week?.end ?? '' },
    library: (d.library ?? []).map(toHighlight),
    suggestions: (d.suggestions ?? []).map((s) => ({
      messageId: s.messageId,
      name: s.name ?? '',
      at: s.at ?? '',
      kind: s.kind ?? '',
      content: s.content ?? '',
      replies: s.replies ?? 0,
      repliers: s.repliers ?? 0,
      highlightId: s.highlightId ?? 0,
    })),
    digest: d.digest ?? '',
  }
}

/** templates returns the group's welcome message and keyword replies (the first look saves the defaults of its type). */
export async function templates(groupId: number): Promise<Templates> {
  return toTemplates(await call(() => AutomationService.Templates(groupId)))
}

/** preview fills a template being edited, without saving it. */
export async function preview(groupId: number, text: string, rulesLink: string, member = ''): Promise<Filled> {
  return toFilled(await call(() => AutomationService.Preview(groupId, text, rulesLink, member)))
}

/** saveWelcome stores the edited welcome message; refused if stale or with an unknown placeholder. */
export async function saveWelcome(groupId: number, text: string, rulesLink: string, version: number): Promise<WelcomeTemplate> {
  return toWelcome(await call(() => AutomationService.SaveWelcome(groupId, text, rulesLink, version)))
}

/** saveReply adds (id 0) or edits a keyword reply. */
export async function saveReply(groupId: number, k: KeywordReply): Promise<KeywordReply> {
  const dto: app.KeywordReplyDTO = { id: k.id, keywords: [...k.keywords], reply: k.reply, version: k.version }
  return toReply(await call(() => AutomationService.SaveReply(groupId, dto)))
}

/** deleteReply removes a keyword reply. */
export async function deleteReply(groupId: number, id: number): Promise<void> {
  await call(() => AutomationService.DeleteReply(groupId, id))
}

/** ask returns the best replies to a member's question, best first; empty when none matches well. */
export async function ask(groupId: number, question: string, member = ''): Promise<ReplyMatch[]> {
  const list = await call(() => AutomationService.Ask(groupId, question, member))
  return (list ?? []).map((m) => ({
    id: m.id,
    score: m.score,
    keywords: strings(m.keywords),
    partial: strings(m.partial),
    filled: toFilled(m.filled),
  }))
}

/** highlights returns the week's library, suggestions and digest text. */
export async function highlights(groupId: number, week: string): Promise<Highlights> {
  return toHighlights(await call(() => AutomationService.Highlights(groupId, week)))
}

/** chat returns the week's messages matching query (oldest first, at most 200). */
export async function chat(groupId: number, week: string, query: string): Promise<ChatPage> {
  const d = await call(() => AutomationService.Chat(groupId, week, query))
  return {
    total: d.total ?? 0,
    messages: (d.messages ?? []).map((m) => ({
      id: m.id,
      name: m.name ?? '',
      at: m.at ?? '',
      kind: m.kind ?? '',
      content: m.content ?? '',
      highlightId: m.highlightId ?? 0,
    })),
  }
}

/** addHighlight puts a message into the library. */
export async function addHighlight(groupId: number, messageId: number, source: HighlightSource): Promise<Highlight> {
  return toHighlight(await call(() => AutomationService.AddHighlight(groupId, messageId, source)))
}

/** removeHighlight takes an entry out of the library. */
export async function removeHighlight(groupId: number, id: number): Promise<void> {
  await call(() => AutomationService.RemoveHighlight(groupId, id))
}
