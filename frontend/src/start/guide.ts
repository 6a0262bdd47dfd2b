// "如何导出聊天记录": one page per supported source. The words are our own
// (i18n exportGuide.*), numbered steps and losses read until the first
// missing number, so a page grows by adding keys only.

export const guideSources = ['memotrace', 'pywxdump', 'chatlog', 'forward', 'wecom', 'sheet'] as const
export type GuideSource = (typeof guideSources)[number]

/** the format the import wizard offers for each source */
export const guideFormat: Record<GuideSource, string> = {
  memotrace: 'memotrace',
  pywxdump: 'pywxdump',
  chatlog: 'chatlog',
  forward: 'wechat-text',
  wecom: 'wecom-archive',
  sheet: 'csv',
}

/** sources that read WeChat on a computer, where only its logged-in messages are */
export const pcSources: readonly GuideSource[] = ['memotrace', 'pywxdump', 'chatlog']

export function isGuideSource(s: unknown): s is GuideSource {
  return typeof s === 'string' && (guideSources as readonly string[]).includes(s)
}

type Te = (key: string) => boolean
type T = (key: string) => string

/** numbered is the texts under prefix.1, prefix.2 … up to the first missing one. */
export function numbered(t: T, te: Te, prefix: string): string[] {
  const out: string[] = []
  for (let i = 1; te(`${prefix}.${i}`); i++) out.push(t(`${prefix}.${i}`))
  return out
}

export interface GuidePage {
  source: GuideSource
  name: string
  short: string
  what: string
  steps: string[]
  pick: string
  loses: string[]
  meaning: string
}

/** guidePage is one source's page in the current language. */
export function guidePage(t: T, te: Te, source: GuideSource): GuidePage {
  const k = `exportGuide.${source}`
  return {
    source,
    name: t(`${k}.name`),
    short: t(`${k}.short`),
    what: t(`${k}.what`),
    steps: numbered(t, te, `${k}.steps`),
    pick: t(`${k}.pick`),
    loses: numbered(t, te, `${k}.loses`),
    meaning: t(`${k}.meaning`),
  }
}

/** guidePath is the guide's page of a source, keeping the group the import was for. */
export function guidePath(source: GuideSource = 'memotrace', groupId?: number | null): string {
  return `/import/guide/${source}` + (groupId ? `?group=${groupId}` : '')
}
