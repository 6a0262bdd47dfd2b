// Colours of the content screens, from the one chart palette (theme.ts):
// a type keeps its colour on every card, a group on the Calendar.
import { chartPalette } from '../theme'
import type { ContentType } from '../api'

const byType: Record<ContentType, string> = {
  tutorial: chartPalette[1],
  news: chartPalette[5],
  interactive: chartPalette[2],
  benefit: chartPalette[4],
}

export const typeColour = (t: ContentType) => byType[t] ?? chartPalette[6]

/** groupColour is the colour of the Calendar's index-th group. */
export const groupColour = (index: number) => chartPalette[index % chartPalette.length]
